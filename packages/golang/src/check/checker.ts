/**
 * The type checker: resolves identifiers, types every expression, folds constants, inserts implicit interface
 * conversions, records closure captures and function frames. It annotates the AST in place.
 */
import type * as A from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { isStackOverflow, isUnsupported, nestedTooDeep } from '../diagnostics.js';
import type { TypeNameObj, VarObj } from '../objects.js';
import { Checker } from './decl.js';
import type { CheckOptions, PackageContext } from './base.js';
import { loadImports, type Importer } from './imports.js';
export type { CheckOptions, PackageContext } from './base.js';
export type { Importer, PackageSource, PackageSourceFile } from './imports.js';

export { addressRoot } from './expr.js';
export { runtimeSignature } from './call.js';

/** One checked package: its (merged) file and the indexes a lowering pass wants. */
export interface CheckedPackage {
  /** The import path (`main` for the program). */
  path: string;
  file: A.File;
  filename: string;
  /** Top-level functions in source order. */
  funcs: A.FuncDecl[];
  /** All function literals, in source order. */
  funcLits: A.FuncLit[];
  globals: VarObj[];
  /** All package-level named types. */
  types: TypeNameObj[];
  /** Every variable of the package. */
  vars: readonly VarObj[];
  /** Set when escape analysis has run over the package (an imported package is analysed once). */
  escapesAnalyzed?: boolean;
}

/** The result of checking a program: package main (the fields of CheckedPackage) and the packages it imports. */
export interface CheckedProgram extends CheckedPackage {
  /** The imported Go-source packages, dependencies first (Go's initialisation order); main is not among them. */
  packages: CheckedPackage[];
  /** Every variable of the program (all packages). */
  vars: VarObj[];
  /** Whether escape analysis ran (it sets Var.escapes, Capture.byRef and the allocation sites' heap flags). */
  escapesAnalyzed: boolean;
}

/** CheckOptions with where imports come from (the front end's entry points default it to @gosim/stdlib's). */
export interface ProgramCheckOptions extends CheckOptions {
  readonly importer?: Importer;
}

function checkPackage(file: A.File, opts: CheckOptions, ctx: PackageContext): { diagnostics: Diagnostic[]; checker?: Checker } {
  const c = new Checker(file, opts, ctx);
  try {
    c.run();
  } catch (e) {
    if (isStackOverflow(e)) return { diagnostics: [nestedTooDeep(file.filename, c.at)] };
    throw e;
  }
  let diagnostics = c.diags.sort((a, b) => a.pos.offset - b.pos.offset);
  // past a construct outside the subset the checker's picture of the program is incomplete: other errors would
  // read as if the (valid) program were wrong, so only the "not supported" ones are reported
  const unsupported = diagnostics.filter(isUnsupported);
  if (unsupported.length > 0) diagnostics = unsupported;
  // a body's checking stops at its first error, so a variable or import used after it looks unused: with
  // another error, "declared/imported and not used" may be false and is left out
  const unused = (d: Diagnostic): boolean => /(declared but not used|imported and not used)/.test(d.message);
  if (diagnostics.some((d) => !unused(d))) diagnostics = diagnostics.filter((d) => !unused(d));
  return diagnostics.length > 0 ? { diagnostics } : { diagnostics, checker: c };
}

/** Variable numbers are unique in the process: imported packages are checked once and shared by programs. */
const ids = { next: 1 };

export function checkFile(file: A.File, opts: ProgramCheckOptions = {}): { program?: CheckedProgram; diagnostics: Diagnostic[] } {
  const optsKey = opts.finalizers ? 'finalizers' : '';
  const loaded = loadImports(file, opts.importer, optsKey, ids, (f, ctx) => {
    const r = checkPackage(f, opts, ctx);
    if (!r.checker) return { diagnostics: r.diagnostics };
    return { diagnostics: [], members: r.checker.members(), result: r.checker.checkedPackage() };
  });
  if (loaded.diagnostics.length > 0) return { diagnostics: loaded.diagnostics };
  const r = checkPackage(file, opts, { path: 'main', imports: loaded.imports, ids });
  if (!r.checker) return { diagnostics: r.diagnostics };
  const packages = loaded.packages.map((p) => p.result);
  const program: CheckedProgram = {
    ...r.checker.checkedPackage(), packages, vars: [...packages.flatMap((p) => p.vars), ...r.checker.allVars()], escapesAnalyzed: false,
  };
  return { program, diagnostics: [] };
}
