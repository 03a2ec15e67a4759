/**
 * The checker's state and what every part of it shares: diagnostics, scopes and variables, name resolution, operand descriptions.
 */
import type * as A from '../ast.js';
import type { ConstValue } from '../constant.js';
import { constString } from '../constant.js';
import type { Diagnostic, Pos } from '../diagnostics.js';
import { GoError, noPos } from '../diagnostics.js';
import type { BuiltinName, Capture, ConstObj, DeclObj, FuncNode, GoObject, PackageObj, TypeNameObj, VarKind, VarObj } from '../objects.js';
import type { Signature, StructType, Type } from '../types.js';
import { isUntyped, T, typeString } from '../types.js';
import { exprString } from './expr-string.js';
import { makeUniverse, runtimeMember, Scope, unsupportedPredeclared } from './universe.js';
import { unsafeMember } from './unsafe-pkg.js';

/** What the checker accepts beyond the default subset. */
export interface CheckOptions {
  /**
   * runtime.SetFinalizer. Off by default: gosim's frames have one pointer map per function, so a frame keeps its
   * pointer slots live until it returns where Go's per-instruction liveness drops them, and a program that
   * expects a finalizer to run right after the last use of its object would print something else.
   */
  readonly finalizers?: boolean;
}

/** Which package a checker checks, and what it imports (check/imports.ts loads them). */
export interface PackageContext {
  /** The import path: `main`, `strings`, `unicode/utf8`; link names and named types carry it. */
  readonly path: string;
  /** The checked packages the package may import, by import path. */
  readonly imports: ReadonlyMap<string, PackageObj>;
  /** The program-wide variable numbering (VarObj.id is unique across packages). */
  readonly ids: { next: number };
}


export interface FuncCtx {
  node: FuncNode;
  sig: Signature;
  results: VarObj[];
  outer: FuncCtx | undefined;
  loopDepth: number;
  /** Innermost first: breakable statements. */
  breakables: (A.ForStmt | A.SwitchStmt | A.TypeSwitchStmt | A.RangeStmt | A.SelectStmt)[];
  loops: (A.ForStmt | A.RangeStmt)[];
  locals: VarObj[];
  closureCount: number;
  goName: string;
}

/** The exported names of Go 1.19's package runtime (the subset models a few of them: runtimeMember). */
const RUNTIME_API = new Set(('BlockProfile BlockProfileRecord Breakpoint CPUProfile Caller Callers CallersFrames Compiler Error Frame ' +
  'Frames Func FuncForPC GC GOARCH GOMAXPROCS GOOS GOROOT Goexit GoroutineProfile Gosched KeepAlive LockOSThread MemProfile ' +
  'MemProfileRate MemProfileRecord MemStats MutexProfile NumCPU NumCgoCall NumGoroutine ReadMemStats ReadTrace ' +
  'SetBlockProfileRate SetCPUProfileRate SetCgoTraceback SetFinalizer SetMutexProfileFraction Stack StackRecord StartTrace ' +
  'StopTrace ThreadCreateProfile TypeAssertionError UnlockOSThread Version').split(' '));

export abstract class CheckerBase {
  readonly diags: Diagnostic[] = [];
  protected readonly universe = makeUniverse();
  protected readonly pkg: Scope;
  protected scope: Scope;
  protected fn: FuncCtx | undefined;
  protected readonly vars: VarObj[] = [];
  protected readonly globals: VarObj[] = [];
  protected readonly typeNames: TypeNameObj[] = [];
  protected readonly structs: StructType[] = [];
  protected readonly funcLits: A.FuncLit[] = [];
  protected readonly funcs: A.FuncDecl[] = [];
  protected readonly runtimePkg: PackageObj | undefined;
  protected readonly unsafePkg: PackageObj | undefined;
  /** Declarations being resolved, outermost first (cycle detection). */
  protected readonly resolving = new Set<DeclObj>();
  /** How many type declarations are being resolved (nested). */
  protected typeDeclDepth = 0;
  /**
   * Named types referred to from inside a type declaration where only their identity matters (behind a pointer,
   * slice, chan or func): resolved once the outermost type declaration is, so `type T1 struct{ Next *T2 }; type
   * T2 T1` and `type P *P` are valid.
   */
  protected readonly lazyTypes: TypeNameObj[] = [];
  protected readonly pending = new Map<DeclObj, () => void>();
  protected iota: number | undefined;
  protected readonly varSpecOf = new Map<VarObj, A.VarSpec>();
  protected readonly typeSpecOf = new Map<TypeNameObj, A.TypeSpec>();
  protected globalInitScope = false;
  /** The statement being checked (where a stack overflow is reported). */
  at: Pos = { line: 1, col: 1, offset: 0 };

  /** The package's import path (`main` for the program). */
  protected readonly pkgPath: string;
  /** The Go-source packages imported, as declared in the package scope (for "imported and not used"). */
  protected readonly imported: PackageObj[] = [];

  constructor(
    protected readonly file: A.File,
    protected readonly opts: CheckOptions = {},
    protected readonly ctx: PackageContext = { path: 'main', imports: new Map(), ids: { next: 1 } },
  ) {
    this.pkgPath = ctx.path;
    this.pkg = new Scope(this.universe, 'package');
    this.scope = this.pkg;
    for (const imp of file.imports) {
      if (imp.path === 'unsafe') {
        if (imp.name?.name === '_') continue;
        if (imp.name) this.report(imp.name.pos, 'renamed imports are not supported by gosim');
        else this.unsafePkg = { kind: 'package', name: 'unsafe', path: 'unsafe', used: false, pos: imp.pos };
        continue;
      }
      if (imp.path === 'runtime') {
        if (imp.name) {
          this.report(imp.name.pos, 'renamed imports are not supported by gosim');
          continue;
        }
        this.runtimePkg = { kind: 'package', name: 'runtime', path: 'runtime', used: false, pos: imp.pos };
        continue;
      }
      const dep = ctx.imports.get(imp.path);
      if (!dep) {
        this.report(imp.pos, `package ${imp.path} is not supported by gosim`);
        continue;
      }
      if (imp.name?.name === '.') {
        this.report(imp.name.pos, 'dot imports are not supported by gosim');
        continue;
      }
      const name = imp.name?.name ?? dep.name;
      if (name === '_') continue;
      const obj: PackageObj = { ...dep, name, used: false, pos: imp.pos };
      const prev = this.pkg.names.get(name);
      // a multi-file package's files are merged: their imports share one scope (the same import twice is one)
      if (prev?.kind === 'package' && prev.path === imp.path) continue;
      if (prev?.kind === 'package') this.report(imp.pos, `${name} redeclared in this block`);
      this.pkg.names.set(name, obj);
      this.imported.push(obj);
    }
  }

  /** `FILE:LINE:COL`, for the extra lines of a message (cycles, previous cases). */
  protected posString(pos: Pos): string {
    return `${this.file.filename}:${pos.line}:${pos.col}`;
  }

  protected report(pos: Pos, message: string): void {
    this.diags.push({ kind: 'type', filename: this.file.filename, pos, message });
  }

  protected fail(pos: Pos, message: string): never {
    throw new GoError({ kind: 'type', filename: this.file.filename, pos, message });
  }

  /** Run `f`, turning a GoError into a diagnostic. */
  protected guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof GoError) this.diags.push(e.diagnostic);
      else throw e;
    }
  }

  protected newVar(id: A.Ident, type: Type, varKind: VarKind, owner: FuncNode | undefined): VarObj {
    const v: VarObj = {
      kind: 'var', id: this.ctx.ids.next++, name: id.name, type, pos: id.pos, varKind, owner,
      loopDepth: this.fn ? this.fn.loopDepth : 0, captured: false, addrTaken: false, reassigned: false,
      escapes: false, used: varKind !== 'local',
    };
    this.vars.push(v);
    id.obj = v;
    id.type = type;
    id.mode = 'variable';
    return v;
  }

  protected declareLocal(id: A.Ident, type: Type, varKind: VarKind = 'local'): VarObj {
    const v = this.newVar(id, type, varKind, this.fn?.node);
    if (id.name !== '_') {
      if (this.scope.names.has(id.name)) this.fail(id.pos, `${id.name} redeclared in this block`);
      this.scope.names.set(id.name, v);
    } else {
      v.used = true;
    }
    this.fn?.locals.push(v);
    return v;
  }

  /** A loop's body in its own scope, with the loop as the innermost break and continue target. */
  protected loopBody(s: A.ForStmt | A.RangeStmt): void {
    const fn = this.fn!;
    fn.breakables.unshift(s);
    fn.loops.unshift(s);
    try {
      this.withScope(() => this.stmtList(s.body.stmts));
    } finally {
      fn.breakables.shift();
      fn.loops.shift();
    }
  }

  protected withScope<R>(f: () => R): R {
    const saved = this.openScope();
    try {
      return f();
    } finally {
      this.closeScope(saved);
    }
  }
  /** Enter a block scope; returns the scope to give back to closeScope. (Inline uses keep deep nesting shallow.) */
  protected openScope(): Scope {
    const saved = this.scope;
    this.scope = new Scope(saved);
    return saved;
  }
  protected closeScope(saved: Scope): void {
    this.unusedIn(this.scope);
    this.scope = saved;
  }

  protected unusedIn(s: Scope): void {
    for (const o of s.names.values()) {
      if (o.kind === 'var' && o.varKind === 'local' && !o.used && !o.typeSwitchClause) this.report(o.pos, `${o.name} declared but not used`);
    }
  }

  protected anonVar(name: string, type: Type, varKind: VarKind, pos: Pos): VarObj {
    return this.newVar({ kind: 'Ident', pos, name }, type, varKind, this.fn?.node);
  }

  /** The object a (possibly qualified) type name denotes; a pending package-level one is resolved unless `lazy`. */
  protected resolveName(e: A.Ident | A.SelectorExpr, lazy = false): GoObject {
    if (e.kind === 'SelectorExpr') {
      if (e.x.kind !== 'Ident') this.fail(e.pos, `${exprString(e)} is not a type`);
      const pkg = this.lookup(e.x);
      if (pkg.kind !== 'package') this.fail(e.pos, `${exprString(e)} is not a type`);
      return this.qualified(e, pkg);
    }
    return this.lookup(e, lazy);
  }

  protected qualified(e: A.SelectorExpr, pkg: PackageObj): GoObject {
    pkg.used = true;
    (e.x as A.Ident).obj = pkg;
    e.x.mode = 'package';
    if (pkg.path === 'unsafe') {
      const u = unsafeMember(e.sel.name) ?? this.fail(e.sel.pos, `undefined: unsafe.${e.sel.name}`);
      e.selKind = 'qualified';
      e.sel.obj = u;
      return u;
    }
    if (pkg.members) {
      // only exported names are visible: an unexported one is as undefined as a missing one (types2's message)
      const m = /^\p{Lu}/u.test(e.sel.name) ? pkg.members.get(e.sel.name) : undefined;
      if (!m) this.fail(e.sel.pos, `undefined: ${pkg.name}.${e.sel.name}`);
      e.selKind = 'qualified';
      e.sel.obj = m;
      return m;
    }
    if (e.sel.name === 'SetFinalizer' && !this.opts.finalizers) {
      this.fail(e.sel.pos, "runtime.SetFinalizer is not supported by gosim without --finalizers (a frame keeps its pointers live until it returns, so finalizers would run later than Go's)");
    }
    const m = runtimeMember(e.sel.name) ?? this.runtimeVar(e.sel.name);
    if (!m) {
      if (/^[a-z]/.test(e.sel.name)) this.fail(e.sel.pos, `name ${e.sel.name} not exported by package runtime`);
      if (RUNTIME_API.has(e.sel.name)) this.fail(e.sel.pos, `runtime.${e.sel.name} is not supported by gosim`);
      this.fail(e.sel.pos, `undefined: runtime.${e.sel.name}`);
    }
    e.selKind = 'qualified';
    e.sel.obj = m;
    return m;
  }

  private memProfileRate: VarObj | undefined;
  /**
   * Package runtime's variables: MemProfileRate (int). Go's linker disables memory profiling in a program that
   * never calls runtime.MemProfile, which sets it to 0 before main; gosim has no MemProfile, so it starts at 0.
   */
  private runtimeVar(name: string): VarObj | undefined {
    if (name !== 'MemProfileRate') return undefined;
    if (!this.memProfileRate) {
      this.memProfileRate = {
        kind: 'var', id: this.ctx.ids.next++, name: 'runtime.MemProfileRate', type: T.int, pos: noPos(), varKind: 'global',
        owner: undefined, loopDepth: 0, captured: false, addrTaken: false, reassigned: false, escapes: false, used: true,
      };
      this.globals.push(this.memProfileRate);
    }
    return this.memProfileRate;
  }

  protected lookup(id: A.Ident, lazy = false): GoObject {
    if (id.name === '_') this.fail(id.pos, 'cannot use _ as value');
    let obj = this.scope.lookup(id.name);
    if (!obj && id.name === 'runtime' && this.runtimePkg) obj = this.runtimePkg;
    if (!obj && id.name === 'unsafe' && this.unsafePkg) obj = this.unsafePkg;
    if (!obj && id.name === 'iota' && this.iota !== undefined) {
      obj = { kind: 'const', name: 'iota', type: T.untypedInt, value: { kind: 'int', value: BigInt(this.iota) }, pos: id.pos };
    }
    if (!obj) this.fail(id.pos, unsupportedPredeclared(id.name) ?? `undefined: ${id.name}`);
    if (!lazy && isPending(this.pending, obj)) this.force(obj, id.pos);
    id.obj = obj;
    return obj;
  }

  /** Note a use of variable v from the current function; records captures through every enclosing literal. */
  protected useVar(id: A.Ident, v: VarObj): void {
    if (v.varKind === 'global' || !this.fn || v.owner === this.fn.node) return;
    id.captured = true;
    v.captured = true;
    for (let f: FuncCtx | undefined = this.fn; f && f.node !== v.owner; f = f.outer) {
      const lit = f.node as A.FuncLit;
      const caps = (lit.captures ??= []);
      if (!caps.some((c: Capture) => c.v === v)) caps.push({ v, byRef: true });
    }
  }

  protected describeKind(e: A.Expr): string {
    const t = e.type;
    switch (e.mode) {
      case 'variable': return `variable of type ${typeString(t!)}`;
      case 'constant':
        if (t && isUntyped(t)) return `${typeString(t)} constant`;
        // go shows the value only when the expression does not spell it
        return constText(e.constValue) === exprString(e) ? `constant of type ${typeString(t!)}` : `constant ${constText(e.constValue)} of type ${typeString(t!)}`;
      case 'type': return 'type';
      case 'novalue': return 'no value';
      case 'builtin': return 'built-in';
      case 'nil': return 'untyped nil';
      default:
        if (e.kind === 'IndexExpr' && e.mapIndex) return `map index expression of type ${typeString(t!)}`;
        return t && isUntyped(t) ? `${typeString(t)} value` : `value of type ${t ? typeString(t) : '?'}`;
    }
  }

  protected describe(e: A.Expr): string {
    if (e.mode === 'nil') return 'nil';
    return `${exprString(e)} (${this.describeKind(e)})`;
  }

  protected singleValue(e: A.Expr): void {
    if (e.mode === 'novalue') this.fail(e.pos, `${exprString(e)} (no value) used as value`);
    if (e.mode === 'type') this.fail(e.pos, `${exprString(e)} (type) is not an expression`);
    if (e.mode === 'builtin') this.fail(e.pos, `${exprString(e)} (built-in) must be called`);
    if (e.mode === 'package') this.fail(e.pos, `use of package ${exprString(e)} not in selector`);
    if (e.type?.kind === 'tuple') this.fail(e.pos, `multiple-value ${exprString(e)} (value of type ${typeString(e.type)}) in single-value context`);
  }

  // implemented by the parts further down the chain
  protected abstract stmtList(stmts: A.Stmt[]): void;
  protected abstract binary(e: A.BinaryExpr, opAssign: boolean): void;
  protected abstract builtinCall(e: A.CallExpr, b: { name: BuiltinName }): void;
  abstract expr(e: A.Expr, hint?: Type, allowNoValue?: boolean, lhs?: boolean): void;
  protected abstract exprInner(e: A.Expr, hint: Type | undefined, lhs: boolean): void;
  protected abstract force(obj: DeclObj, pos: Pos): void;
  protected abstract resolveConst(obj: ConstObj, spec: A.ConstSpec, i: number): void;
  protected abstract enterFunc(node: FuncNode, te: A.FuncTypeExpr, sig: Signature, outer: FuncCtx | undefined, goName: string, body: A.BlockStmt): void;
}

function constText(c: ConstValue | undefined): string {
  if (!c) return '?';
  if (c.kind === 'string') return JSON.stringify(c.value);
  if (c.kind === 'float' || c.kind === 'complex') return constString(c);
  return String(c.value);
}

/** Whether `obj` is a package-level object not resolved yet. */
export function isPending(pending: Map<DeclObj, () => void>, obj: GoObject): obj is DeclObj {
  return pending.has(obj as DeclObj);
}

/** Where an expression's text begins (some nodes are positioned at their operator). */
export function startPos(e: A.Expr): Pos {
  switch (e.kind) {
    case 'TypeAssertExpr': case 'SelectorExpr': case 'IndexExpr': case 'SliceExpr': case 'BinaryExpr': return startPos(e.x);
    case 'CallExpr': return startPos(e.fun);
    default: return e.pos;
  }
}
