/** @gosim/golang: the Go-subset front end (parser, type checker, escape analysis). */
import type { File } from './ast.js';
import type { CheckedProgram, ProgramCheckOptions } from './check/checker.js';
import { createRequire } from 'node:module';
import type { PackageSource as StdPackageSource } from '@gosim/stdlib';
import { checkFile as checkFileImpl } from './check/checker.js';
import type { Diagnostic } from './diagnostics.js';
import { GoError, formatDiagnostic, isStackOverflow, nestedTooDeep } from './diagnostics.js';
import { analyzeEscapes, escapeReport } from './escape.js';
import { parseFile as parseFileImpl } from './parser.js';
import type { Codegen, Module } from '@gosim/program';
import { LowerError, lowerProgram } from './lower/lower.js';

export type {
  ArrayTypeExpr, AssignStmt, AssignTok, BasicLit, BinaryExpr, BinaryOp, BlockStmt, BranchStmt, CallExpr, CaseClause,
  ChanTypeExpr, CompositeLit, ConstSpec, Decl, DeclStmt, DeferStmt, EmptyStmt, Expr, ExprMode, ExprStmt, Field, File,
  ForStmt, FuncDecl, FuncLit, FuncTypeExpr, GoStmt, Ident, IfStmt, ImplicitConv, ImportSpec, IncDecStmt, IndexExpr,
  InterfaceTypeExpr, KeyValueExpr, LabeledStmt, LitKind, MapTypeExpr, Node, ParenExpr, RangeStmt, ReturnStmt,
  SelectStmt, SelectorExpr, SendStmt, SliceExpr, Spec, StarExpr, Stmt, StructTypeExpr, SwitchStmt, TypeAssertExpr,
  TypeSpec, TypeSwitchStmt, UnaryExpr, UnaryOp, VarSpec,
} from './ast.js';
export type {
  CheckedPackage, CheckedProgram, CheckOptions, Importer, PackageSource, PackageSourceFile, ProgramCheckOptions,
} from './check/checker.js';
export type { ConstValue } from './constant.js';
export type { Diagnostic, DiagnosticKind, Pos } from './diagnostics.js';
export type { EscapeResult } from './escape.js';
export type {
  BuiltinName, BuiltinObj, Capture, ConstObj, FuncNode, FuncObj, GoObject, NilObj, PackageObj, TypeNameObj, VarKind,
  VarObj,
} from './objects.js';
export type {
  ArrayType, BasicKind, BasicType, ChanDir, ChanType, InterfaceMethod, InterfaceType, NamedType, PointerType,
  Signature, SliceType, StructField, StructType, TupleType, Type,
} from './types.js';
export {
  T, WORD, alignof, defaultType, hasPointers, identical, isDirectIface, isInterface, layoutStruct, pointerWords, sizeof,
  typeString, underlying,
} from './types.js';
export { runtimeError } from './check/universe.js';
export { exprString } from './check/expr-string.js';
export { walkNode } from './escape.js';
export { GoError, formatDiagnostic, analyzeEscapes, escapeReport };

// @gosim/stdlib (~360 KB of Go source in one module) loads on a program's first import: a program that imports
// nothing never pays for it. Under ESM it comes through createRequire (its CJS build; plain data, so a second copy
// beside an ESM one would be harmless).
let stdlib: typeof import('@gosim/stdlib') | undefined;
function packageSource(path: string): StdPackageSource | undefined {
  stdlib ??= (typeof __filename === 'string' ? require('@gosim/stdlib') : createRequire(import.meta.url)('@gosim/stdlib')) as typeof import('@gosim/stdlib');
  return stdlib.packageSource(path);
}

/** Internal failures are reported as a diagnostic at 1:1 rather than escaping as a JavaScript exception. */
function internal(filename: string, e: unknown): Diagnostic {
  if (e instanceof GoError) return e.diagnostic;
  if (isStackOverflow(e)) return nestedTooDeep(filename, { line: 1, col: 1, offset: 0 });
  return { kind: 'syntax', filename, pos: { line: 1, col: 1, offset: 0 }, message: `internal compiler error: ${e instanceof Error ? e.message : String(e)}` };
}

/** The largest source file the compile entry points accept, in bytes. */
export const MAX_SOURCE_BYTES = 16 << 20;

/**
 * Parse one Go source file: its text, or its bytes (then invalid UTF-8 is reported as go does). Never throws:
 * errors come back as diagnostics (`FILE:LINE:COL: message`).
 */
export function parseFile(src: string | Uint8Array, filename: string): { file?: File; diagnostics: Diagnostic[] } {
  const size = typeof src === 'string' ? Buffer.byteLength(src, 'utf8') : src.byteLength;
  if (size > MAX_SOURCE_BYTES) {
    const message = `source file too large for gosim: ${size} bytes (at most ${MAX_SOURCE_BYTES}, 16 MiB)`;
    return { diagnostics: [{ kind: 'syntax', filename, pos: { line: 1, col: 1, offset: 0 }, message }] };
  }
  try {
    return parseFileImpl(src, filename);
  } catch (e) {
    return { diagnostics: [internal(filename, e)] };
  }
}

/**
 * Type-check a parsed file, annotating its AST in place, with the packages it imports (from opts.importer;
 * by default the standard packages of @gosim/stdlib). Never throws.
 */
export function checkFile(file: File, opts: ProgramCheckOptions = {}): { program?: CheckedProgram; diagnostics: Diagnostic[] } {
  try {
    return checkFileImpl(file, { ...opts, importer: opts.importer ?? packageSource });
  } catch (e) {
    return { diagnostics: [internal(file.filename, e)] };
  }
}

export interface CompileResult {
  file?: File;
  program?: CheckedProgram;
  diagnostics: Diagnostic[];
  /** `-m` lines (escape decisions), when the program checked. */
  escapes?: string[];
}

/** Parse, check and escape-analyse. Never throws. */
export function compileToChecked(src: string | Uint8Array, filename: string, opts: ProgramCheckOptions = {}): CompileResult {
  const p = parseFile(src, filename);
  if (!p.file) return { diagnostics: p.diagnostics };
  const c = checkFile(p.file, opts);
  if (!c.program) return { file: p.file, diagnostics: c.diagnostics };
  try {
    const { report } = analyzeEscapes(c.program);
    return { file: p.file, program: c.program, diagnostics: [], escapes: report };
  } catch (e) {
    return { file: p.file, diagnostics: [internal(filename, e)] };
  }
}

// ---------------------------------------------------------------- lowering to the program IR

export { lowerProgram, LowerError };

export interface CompileModuleResult {
  module?: Module;
  diagnostics: Diagnostic[];
  /** `-m` lines (escape decisions), when the program checked. */
  escapes: string[];
}

export interface CompileOptions extends ProgramCheckOptions {
  /** How defer statements are lowered, as the policy's deferpanic piece asks (default: heap records). */
  readonly codegen?: Codegen;
}

/** Parse, check, escape-analyse and lower to a `Module` (entry `main.main`). Never throws. */
export function compile(src: string | Uint8Array, filename: string, opts: CompileOptions = {}): CompileModuleResult {
  const r = compileToChecked(src, filename, opts);
  if (!r.program) return { diagnostics: r.diagnostics, escapes: r.escapes ?? [] };
  try {
    const module = lowerProgram(r.program, filename, opts.codegen ?? {});
    return { module, diagnostics: [], escapes: r.escapes ?? [] };
  } catch (e) {
    if (e instanceof GoError) return { diagnostics: [e.diagnostic], escapes: r.escapes ?? [] };
    const pos = e instanceof LowerError && e.pos ? e.pos : { line: 1, col: 1, offset: 0 };
    let msg = e instanceof Error ? e.message : String(e);
    // the lowering reports a stack overflow inside a function as `main.f: Maximum call stack size exceeded`
    if (isStackOverflow(e) || /Maximum call stack size exceeded/.test(msg)) return { diagnostics: [nestedTooDeep(filename, pos)], escapes: r.escapes ?? [] };
    if (!(e instanceof LowerError) || !/not supported by gosim/.test(msg)) {
      if (!msg.startsWith('internal compiler error: ')) msg = `internal compiler error: ${msg}`;
    }
    return { diagnostics: [{ kind: 'type', filename, pos, message: msg }], escapes: r.escapes ?? [] };
  }
}
