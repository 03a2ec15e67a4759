/**
 * The type checker: resolves identifiers, types every expression, folds constants, inserts implicit interface
 * conversions, records closure captures and function frames. It annotates the AST in place.
 */
import type * as A from '../ast.js';
import type { ConstValue } from '../constant.js';
import { representable, wrapInt } from '../constant.js';
import type { Diagnostic, Pos } from '../diagnostics.js';
import { GoError } from '../diagnostics.js';
import type { BuiltinName, Capture, ConstObj, FuncNode, FuncObj, GoObject, PackageObj, TypeNameObj, VarKind, VarObj } from '../objects.js';
import { unparen } from '../parser.js';
import type { NamedType, Signature, StructType, Type } from '../types.js';
import {
  T, defaultType, emptyInterface, identical, intInfo, isBoolean, isInteger, isInterface, isString,
  isUntyped, layoutStruct, typeString, underlying,
} from '../types.js';
import { exprString } from './expr-string.js';
import { isTerminatingList } from './terminating.js';
import { Scope, makeUniverse, runtimeMember } from './universe.js';

/** The result of checking a file: the annotated AST plus indexes a lowering pass wants. */
export interface CheckedProgram {
  file: A.File;
  filename: string;
  /** Top-level functions in source order. */
  funcs: A.FuncDecl[];
  /** All function literals, in source order. */
  funcLits: A.FuncLit[];
  globals: VarObj[];
  /** All package-level named types. */
  types: TypeNameObj[];
  /** Every variable of the program, by id. */
  vars: VarObj[];
  /** Whether escape analysis ran (it sets Var.escapes, Capture.byRef and the allocation sites' heap flags). */
  escapesAnalyzed: boolean;
}

interface FuncCtx {
  node: FuncNode;
  sig: Signature;
  results: VarObj[];
  outer: FuncCtx | undefined;
  loopDepth: number;
  /** Innermost first: breakable statements. */
  breakables: (A.ForStmt | A.SwitchStmt | A.TypeSwitchStmt)[];
  loops: A.ForStmt[];
  locals: VarObj[];
  closureCount: number;
  goName: string;
}

export function checkFile(file: A.File): { program?: CheckedProgram; diagnostics: Diagnostic[] } {
  const c = new Checker(file);
  c.run();
  const diagnostics = c.diags.sort((a, b) => a.pos.offset - b.pos.offset);
  if (diagnostics.length > 0) return { diagnostics };
  return { program: c.program(), diagnostics };
}

class Checker {
  readonly diags: Diagnostic[] = [];
  private readonly universe = makeUniverse();
  private readonly pkg: Scope;
  private scope: Scope;
  private fn: FuncCtx | undefined;
  private nextVarId = 1;
  private readonly vars: VarObj[] = [];
  private readonly globals: VarObj[] = [];
  private readonly typeNames: TypeNameObj[] = [];
  private readonly structs: StructType[] = [];
  private readonly funcLits: A.FuncLit[] = [];
  private readonly funcs: A.FuncDecl[] = [];
  private readonly runtimePkg: PackageObj | undefined;
  /** Declarations being resolved (cycle detection). */
  private readonly resolving = new Set<object>();
  private readonly pending = new Map<GoObject, () => void>();
  private iota: number | undefined;
  private readonly varSpecOf = new Map<VarObj, A.VarSpec>();
  private readonly typeSpecOf = new Map<TypeNameObj, A.TypeSpec>();
  private globalInitScope = false;

  constructor(private readonly file: A.File) {
    this.pkg = new Scope(this.universe, 'package');
    this.scope = this.pkg;
    for (const imp of file.imports) {
      if (imp.path !== 'runtime') {
        this.report(imp.pos, `import "${imp.path}" is not supported by gosim (only "runtime")`);
        continue;
      }
      if (imp.name) {
        this.report(imp.name.pos, 'renamed imports are not supported by gosim');
        continue;
      }
      this.runtimePkg = { kind: 'package', name: 'runtime', path: 'runtime', used: false, pos: imp.pos };
    }
  }

  program(): CheckedProgram {
    return {
      file: this.file, filename: this.file.filename, funcs: this.funcs, funcLits: this.funcLits,
      globals: this.globals, types: this.typeNames, vars: this.vars, escapesAnalyzed: false,
    };
  }

  // ---------- errors ----------
  private report(pos: Pos, message: string): void {
    this.diags.push({ kind: 'type', filename: this.file.filename, pos, message });
  }
  private fail(pos: Pos, message: string): never {
    throw new GoError({ kind: 'type', filename: this.file.filename, pos, message });
  }
  /** Run `f`, turning a GoError into a diagnostic. */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof GoError) this.diags.push(e.diagnostic);
      else throw e;
    }
  }

  // ---------- driver ----------
  run(): void {
    if (this.file.pkgName.name !== 'main') this.report(this.file.pkgName.pos, `package ${this.file.pkgName.name} is not a main package`);
    // 1. collect package-level names
    for (const d of this.file.decls) this.guard(() => this.collect(d));
    // 2. resolve types, constants, signatures, global vars (lazily, in source order)
    for (const [, f] of [...this.pending]) this.guard(f);
    for (const s of this.structs) layoutStruct(s);
    // 3. function bodies
    for (const d of this.file.decls) {
      if (d.kind === 'FuncDecl' && d.body && d.sig) this.guard(() => this.funcBody(d));
    }
    if (!this.pkg.names.has('main') || this.pkg.names.get('main')?.kind !== 'func') {
      this.report({ line: 1, col: 1, offset: 0 }, 'function main is undeclared in the main package');
    }
    if (this.runtimePkg && !this.runtimePkg.used) this.report(this.runtimePkg.pos, 'imported and not used: "runtime"');
  }

  private declarePkg(id: A.Ident, obj: GoObject): void {
    if (id.name === '_') return;
    if (id.name === 'init' || (id.name === 'main' && obj.kind !== 'func')) {
      if (id.name === 'init') this.fail(id.pos, 'init functions are not supported by gosim');
      this.fail(id.pos, 'cannot declare main - must be func');
    }
    const prev = this.pkg.names.get(id.name);
    if (prev) this.fail(id.pos, `${id.name} redeclared in this block`);
    if (id.name === 'runtime' && this.runtimePkg) this.fail(id.pos, `runtime already declared through import of package runtime`);
    this.pkg.names.set(id.name, obj);
    id.obj = obj;
  }

  private collect(d: A.Decl): void {
    switch (d.kind) {
      case 'FuncDecl': {
        if (d.recv) this.fail(d.pos, 'methods are not supported by gosim');
        if (!d.body) this.fail(d.name.pos, `missing function body`);
        if (d.name.name === 'main' && (d.typeExpr.params.length > 0 || d.typeExpr.results.length > 0)) {
          this.fail(d.name.pos, 'func main must have no arguments and no return values');
        }
        const obj: FuncObj = { kind: 'func', name: d.name.name, type: { kind: 'func', params: [], results: [], variadic: false }, pos: d.name.pos, decl: d };
        this.declarePkg(d.name, obj);
        d.obj = obj;
        d.goName = `main.${d.name.name}`;
        this.funcs.push(d);
        this.pending.set(obj, () => {
          obj.type = this.signature(d.typeExpr);
          d.sig = obj.type;
        });
        return;
      }
      case 'TypeSpec': {
        const obj: TypeNameObj = { kind: 'typename', name: d.name.name, type: T.int, pos: d.name.pos, decl: d };
        if (!d.alias) obj.type = { kind: 'named', pkg: 'main', name: d.name.name, underlying: T.int } satisfies NamedType;
        d.obj = obj;
        this.typeSpecOf.set(obj, d);
        this.typeNames.push(obj);
        this.declarePkg(d.name, obj);
        this.pending.set(obj, () => this.resolveTypeName(obj));
        return;
      }
      case 'ConstSpec': {
        d.names.forEach((id, i) => {
          const obj: ConstObj = { kind: 'const', name: id.name, type: T.untypedInt, value: { kind: 'int', value: 0n }, pos: id.pos, decl: d };
          this.declarePkg(id, obj);
          id.obj = obj;
          this.pending.set(obj, () => this.resolveConst(obj, d, i));
        });
        return;
      }
      case 'VarSpec': {
        const objs = d.names.map((id) => {
          const v = this.newVar(id, T.int, 'global', undefined);
          this.declarePkg(id, v);
          this.globals.push(v);
          this.varSpecOf.set(v, d);
          return v;
        });
        this.pending.set(objs[0]!, () => this.resolveGlobalVarSpec(d, objs));
        for (const v of objs.slice(1)) this.pending.set(v, () => this.resolveGlobalVarSpec(d, objs));
        return;
      }
    }
  }

  /** Resolve a pending package-level object now (on first use or in source order). */
  private force(obj: GoObject, pos: Pos): void {
    const f = this.pending.get(obj);
    if (!f) return;
    if (this.resolving.has(obj)) {
      const name = 'name' in obj ? obj.name : '?';
      if (obj.kind === 'typename') this.fail(pos, `invalid recursive type ${name}`);
      this.fail(pos, `initialization cycle or invalid recursive reference to ${name}`);
    }
    this.resolving.add(obj);
    try {
      f();
    } finally {
      this.resolving.delete(obj);
      this.pending.delete(obj);
    }
  }

  private resolveTypeName(obj: TypeNameObj): void {
    const spec = this.typeSpecOf.get(obj)!;
    const saved = this.scope;
    this.scope = this.pkg;
    try {
      const t = this.typeExpr(spec.typeExpr, obj);
      if (spec.alias) obj.type = t;
      else (obj.type as NamedType).underlying = underlying(t);
    } finally {
      this.scope = saved;
    }
  }

  private resolveConst(obj: ConstObj, spec: A.ConstSpec, i: number): void {
    const saved = this.scope;
    const savedIota = this.iota;
    this.scope = obj.decl && this.fn ? this.scope : this.scope;
    this.iota = spec.iota;
    try {
      const e = spec.values[i];
      if (!e) this.fail(obj.pos, spec.values.length === 0 ? 'missing init expr for const declaration' : 'missing init expr for const declaration');
      // with implicit repetition the same expression nodes are re-checked for each iota: check a copy
      const x = spec.implicit ? cloneExpr(e) : e;
      this.expr(x);
      if (x.mode !== 'constant' || !x.constValue) this.fail(x.pos, `${exprString(x)} (${this.describeKind(x)}) is not constant`);
      let type = x.type!;
      if (spec.typeExpr) {
        const t = this.typeExpr(spec.typeExpr);
        this.convertUntyped(x, t, 'constant declaration');
        type = t;
      }
      obj.type = type;
      obj.value = x.constValue;
      if (spec.values.length > spec.names.length && i === spec.names.length - 1) {
        this.fail(spec.values[spec.names.length]!.pos, 'extra init expr');
      }
      if (spec.values.length < spec.names.length) this.fail(obj.pos, 'missing init expr for const declaration');
    } finally {
      this.scope = saved;
      this.iota = savedIota;
    }
  }

  private resolveGlobalVarSpec(spec: A.VarSpec, objs: VarObj[]): void {
    for (const v of objs) this.pending.delete(v);
    const saved = this.scope;
    this.scope = this.pkg;
    this.globalInitScope = true;
    try {
      this.varSpec(spec, objs);
    } finally {
      this.scope = saved;
      this.globalInitScope = false;
    }
  }

  // ---------- variables and scopes ----------
  private newVar(id: A.Ident, type: Type, varKind: VarKind, owner: FuncNode | undefined): VarObj {
    const v: VarObj = {
      kind: 'var', id: this.nextVarId++, name: id.name, type, pos: id.pos, varKind, owner,
      loopDepth: this.fn ? this.fn.loopDepth : 0, captured: false, addrTaken: false, reassigned: false,
      escapes: false, used: varKind !== 'local',
    };
    this.vars.push(v);
    id.obj = v;
    id.type = type;
    id.mode = 'variable';
    return v;
  }
  private declareLocal(id: A.Ident, type: Type, varKind: VarKind = 'local'): VarObj {
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
  private withScope<R>(f: () => R): R {
    const saved = this.scope;
    this.scope = new Scope(saved);
    try {
      return f();
    } finally {
      this.unusedIn(this.scope);
      this.scope = saved;
    }
  }
  private unusedIn(s: Scope): void {
    for (const o of s.names.values()) {
      if (o.kind === 'var' && o.varKind === 'local' && !o.used && !o.typeSwitchClause) this.report(o.pos, `${o.name} declared but not used`);
    }
  }

  // ---------- types ----------
  private typeExpr(e: A.Expr, defining?: TypeNameObj): Type {
    const t = this.typeExprInner(e, defining);
    e.type = t;
    e.mode = 'type';
    return t;
  }
  private typeExprInner(e: A.Expr, defining?: TypeNameObj): Type {
    switch (e.kind) {
      case 'Ident': case 'SelectorExpr': {
        const obj = this.resolveName(e);
        if (obj.kind !== 'typename') this.fail(e.pos, `${exprString(e)} is not a type`);
        if (this.pending.has(obj)) {
          // a named type's underlying may be used later (pointers, funcs, chans break cycles)
          if (obj.type.kind === 'named' && obj !== defining && !this.resolving.has(obj)) this.force(obj, e.pos);
          else if (obj.type.kind !== 'named') this.force(obj, e.pos);
        }
        return obj.type;
      }
      case 'ParenExpr': return this.typeExpr(e.x, defining);
      case 'StarExpr': return { kind: 'pointer', elem: this.lazyElem(e.x, defining) };
      case 'ArrayTypeExpr': {
        if (!e.len) return { kind: 'slice', elem: this.lazyElem(e.elem, defining) };
        this.expr(e.len);
        const cv = e.len.constValue;
        if (e.len.mode !== 'constant' || cv?.kind !== 'int') this.fail(e.len.pos, `array length ${exprString(e.len)} (${this.describeKind(e.len)}) must be constant`);
        if (cv.value < 0n) this.fail(e.len.pos, `invalid array length ${exprString(e.len)} (untyped int constant ${cv.value})`);
        if (!isUntyped(e.len.type!) && !isInteger(e.len.type!)) this.fail(e.len.pos, `array length ${exprString(e.len)} must be integer`);
        const elem = this.typeExpr(e.elem, defining);
        if (defining && elem === defining.type && defining.type.kind === 'named') this.fail(e.pos, `invalid recursive type ${defining.name}`);
        return { kind: 'array', len: Number(cv.value), elem };
      }
      case 'ChanTypeExpr': return { kind: 'chan', dir: e.dir, elem: this.lazyElem(e.elem, defining) };
      case 'FuncTypeExpr': return this.signature(e);
      case 'StructTypeExpr': {
        const s: StructType = { kind: 'struct', fields: [], laidOut: false };
        const seen = new Set<string>();
        for (const f of e.fields) {
          const ft = this.typeExpr(f.typeExpr, defining);
          if (defining && ft === defining.type && defining.type.kind === 'named') this.fail(f.typeExpr.pos, `invalid recursive type ${defining.name}`);
          for (const n of f.names) {
            if (n.name !== '_' && seen.has(n.name)) this.fail(n.pos, `${n.name} redeclared`);
            seen.add(n.name);
            s.fields.push({ name: n.name, type: ft, offset: -1 });
          }
        }
        this.structs.push(s);
        return s;
      }
      case 'InterfaceTypeExpr':
        if (e.methods.length > 0) this.fail(e.pos, 'interfaces with methods are not supported by gosim (only interface{} and runtime.Error)');
        return emptyInterface;
      case 'MapTypeExpr': this.fail(e.pos, 'maps are not supported by gosim');
      // falls through (unreachable)
      default:
        this.fail(e.pos, `${exprString(e)} is not a type`);
    }
  }
  /** Element types behind a pointer/chan/slice may refer to the type being defined. */
  private lazyElem(e: A.Expr, defining?: TypeNameObj): Type {
    if ((e.kind === 'Ident') && defining && e.name === defining.name && this.scope.lookup(e.name) === defining) {
      e.type = defining.type;
      e.mode = 'type';
      e.obj = defining;
      return defining.type;
    }
    return this.typeExpr(e, defining);
  }
  private signature(e: A.FuncTypeExpr): Signature {
    const params: Type[] = [];
    const results: Type[] = [];
    let variadic = false;
    e.params.forEach((f, i) => {
      const t = this.typeExpr(f.typeExpr);
      if (f.variadic) {
        if (i !== e.params.length - 1 || f.names.length > 1) this.fail(f.pos, 'can only use ... with final parameter in list');
        variadic = true;
        this.fail(f.pos, 'variadic functions are not supported by gosim');
      }
      for (let k = 0; k < Math.max(1, f.names.length); k++) params.push(t);
    });
    for (const f of e.results) {
      const t = this.typeExpr(f.typeExpr);
      for (let k = 0; k < Math.max(1, f.names.length); k++) results.push(t);
    }
    const sig: Signature = { kind: 'func', params, results, variadic };
    e.type = sig;
    e.mode = 'type';
    return sig;
  }

  // ---------- name resolution ----------
  private resolveName(e: A.Ident | A.SelectorExpr): GoObject {
    if (e.kind === 'SelectorExpr') {
      if (e.x.kind !== 'Ident') this.fail(e.pos, `${exprString(e)} is not a type`);
      const pkg = this.lookup(e.x);
      if (pkg.kind !== 'package') this.fail(e.pos, `${exprString(e)} is not a type`);
      return this.qualified(e, pkg);
    }
    return this.lookup(e);
  }
  private qualified(e: A.SelectorExpr, pkg: PackageObj): GoObject {
    pkg.used = true;
    (e.x as A.Ident).obj = pkg;
    e.x.mode = 'package';
    const m = runtimeMember(e.sel.name);
    if (!m) {
      if (/^[a-z]/.test(e.sel.name)) this.fail(e.sel.pos, `name ${e.sel.name} not exported by package runtime`);
      this.fail(e.sel.pos, `undefined: runtime.${e.sel.name}`);
    }
    e.selKind = 'qualified';
    e.sel.obj = m;
    return m;
  }
  private lookup(id: A.Ident): GoObject {
    if (id.name === '_') this.fail(id.pos, 'cannot use _ as value');
    let obj = this.scope.lookup(id.name);
    if (!obj && id.name === 'runtime' && this.runtimePkg) obj = this.runtimePkg;
    if (!obj && id.name === 'iota' && this.iota !== undefined) {
      obj = { kind: 'const', name: 'iota', type: T.untypedInt, value: { kind: 'int', value: BigInt(this.iota) }, pos: id.pos };
    }
    if (!obj) this.fail(id.pos, `undefined: ${id.name}`);
    if (this.pending.has(obj)) this.force(obj, id.pos);
    id.obj = obj;
    return obj;
  }

  /** Note a use of variable v from the current function; records captures through every enclosing literal. */
  private useVar(id: A.Ident, v: VarObj): void {
    if (v.varKind === 'global' || !this.fn || v.owner === this.fn.node) return;
    id.captured = true;
    v.captured = true;
    for (let f: FuncCtx | undefined = this.fn; f && f.node !== v.owner; f = f.outer) {
      const lit = f.node as A.FuncLit;
      const caps = (lit.captures ??= []);
      if (!caps.some((c: Capture) => c.v === v)) caps.push({ v, byRef: true });
    }
  }

  // ---------- function bodies ----------
  private funcBody(d: A.FuncDecl): void {
    const sig = d.sig!;
    this.enterFunc(d, d.typeExpr, sig, undefined, d.goName!, () => this.block(d.body!.stmts, d.body!.rbrace, sig));
  }
  private enterFunc(node: FuncNode, te: A.FuncTypeExpr, sig: Signature, outer: FuncCtx | undefined, goName: string, body: () => void): void {
    const savedScope = this.scope;
    const savedFn = this.fn;
    const savedIota = this.iota;
    this.iota = undefined;
    this.scope = new Scope(savedScope, 'func');
    const ctx: FuncCtx = { node, sig, results: [], outer, loopDepth: 1, breakables: [], loops: [], locals: [], closureCount: 0, goName };
    this.fn = ctx;
    try {
      const params: VarObj[] = [];
      let k = 0;
      for (const f of te.params) {
        if (f.names.length === 0) { params.push(this.anonVar(`~p${k}`, sig.params[k]!, 'param', f.pos)); k++; }
        for (const n of f.names) params.push(this.declareLocal(n, sig.params[k++]!, 'param'));
      }
      const results: VarObj[] = [];
      k = 0;
      for (const f of te.results) {
        if (f.names.length === 0) { results.push(this.anonVar(`~r${k}`, sig.results[k]!, 'result', f.pos)); k++; }
        for (const n of f.names) results.push(this.declareLocal(n, sig.results[k++]!, 'result'));
      }
      ctx.results = results;
      ctx.locals = [];
      node.params = params;
      node.results = results;
      body();
      node.locals = ctx.locals;
    } finally {
      this.scope = savedScope;
      this.fn = savedFn;
      this.iota = savedIota;
    }
  }
  private anonVar(name: string, type: Type, varKind: VarKind, pos: Pos): VarObj {
    return this.newVar({ kind: 'Ident', pos, name }, type, varKind, this.fn?.node);
  }
  private block(stmts: A.Stmt[], end: Pos, sig: Signature): void {
    this.stmtList(stmts);
    this.unusedIn(this.scope);
    if (sig.results.length > 0 && !isTerminatingList(stmts)) this.fail(end, 'missing return');
  }

  // ---------- statements ----------
  private stmtList(stmts: A.Stmt[]): void {
    stmts.forEach((s, i) => this.stmt(s, i === stmts.length - 1));
  }
  private stmt(s: A.Stmt, last = false, inCase?: { switchStmt: A.SwitchStmt; lastClause: boolean }): void {
    const fn = this.fn!;
    switch (s.kind) {
      case 'EmptyStmt': return;
      case 'BlockStmt': this.withScope(() => this.stmtList(s.stmts)); return;
      case 'ExprStmt': {
        const x = unparen(s.x);
        this.expr(s.x, undefined, true);
        const okStmt = x.kind === 'CallExpr' ? !(x.callKind === 'conversion' || (x.callKind === 'builtin' && ['len', 'cap', 'new', 'make'].includes(x.builtin!)))
          : x.kind === 'UnaryExpr' && x.op === '<-';
        if (!okStmt) this.fail(s.x.pos, `${exprString(s.x)} (${this.describeKind(s.x)}) is not used`);
        return;
      }
      case 'SendStmt': {
        this.expr(s.chan);
        const ct = underlying(s.chan.type!);
        if (ct.kind !== 'chan') this.fail(s.pos, `invalid operation: cannot send to non-channel ${this.describe(s.chan)}`);
        if (ct.dir === 'recv') this.fail(s.pos, `invalid operation: cannot send to receive-only channel ${this.describe(s.chan)}`);
        this.expr(s.value, ct.elem);
        s.value = this.assign(s.value, ct.elem, 'send');
        return;
      }
      case 'IncDecStmt': {
        this.expr(s.x, undefined, false, true);
        if (!isInteger(s.x.type!)) this.fail(s.x.pos, `invalid operation: ${exprString(s.x)}${s.op} (non-numeric type ${typeString(s.x.type!)})`);
        this.checkAssignable(s.x);
        return;
      }
      case 'AssignStmt': this.assignStmt(s); return;
      case 'GoStmt': case 'DeferStmt': {
        const what = s.kind === 'GoStmt' ? 'go' : 'defer';
        this.expr(s.call, undefined, true);
        if (s.call.callKind === 'conversion') this.fail(s.call.pos, `${what} requires function call, not conversion`);
        if (s.call.callKind === 'builtin' && ['len', 'cap', 'new', 'make'].includes(s.call.builtin!)) {
          this.fail(s.call.pos, `${what} discards result of ${exprString(s.call)}`);
        }
        if (s.kind === 'DeferStmt') s.topLevel = fn.loopDepth === 1;
        return;
      }
      case 'ReturnStmt': this.returnStmt(s); return;
      case 'BranchStmt': {
        if (s.label) this.fail(s.label.pos, 'labels are not supported by gosim');
        if (s.tok === 'goto') this.fail(s.pos, 'goto is not supported by gosim');
        if (s.tok === 'break') {
          const t = fn.breakables[0];
          if (!t) this.fail(s.pos, 'break is not in a loop, switch, or select');
          s.target = t;
        } else if (s.tok === 'continue') {
          const t = fn.loops[0];
          if (!t) this.fail(s.pos, 'continue is not in a loop');
          s.target = t;
        } else {
          if (!inCase || !last) this.fail(s.pos, 'fallthrough statement out of place');
          if (inCase.lastClause) this.fail(s.pos, 'cannot fallthrough final case in switch');
          s.target = inCase.switchStmt;
        }
        return;
      }
      case 'IfStmt':
        this.withScope(() => {
          if (s.init) this.stmt(s.init);
          this.expr(s.cond);
          if (!isBoolean(s.cond.type!)) this.fail(s.cond.pos, `non-boolean condition in if statement`);
          this.convertUntyped(s.cond, T.bool, 'if');
          this.withScope(() => this.stmtList(s.then.stmts));
          if (s.else) this.stmt(s.else);
        });
        return;
      case 'ForStmt':
        this.withScope(() => {
          if (s.init) this.stmt(s.init);
          fn.loopDepth++;
          try {
            if (s.cond) {
              this.expr(s.cond);
              if (!isBoolean(s.cond.type!)) this.fail(s.cond.pos, `non-boolean condition in for statement`);
              this.convertUntyped(s.cond, T.bool, 'for');
            }
            if (s.post) {
              if (s.post.kind === 'AssignStmt' && s.post.tok === ':=') this.fail(s.post.pos, 'cannot declare in post statement of for loop');
              this.stmt(s.post);
            }
            fn.breakables.unshift(s);
            fn.loops.unshift(s);
            try {
              this.withScope(() => this.stmtList(s.body.stmts));
            } finally {
              fn.breakables.shift();
              fn.loops.shift();
            }
          } finally {
            fn.loopDepth--;
          }
        });
        return;
      case 'SwitchStmt': this.switchStmt(s); return;
      case 'TypeSwitchStmt': this.typeSwitchStmt(s); return;
      case 'DeclStmt':
        for (const spec of s.specs) {
          if (spec.kind === 'VarSpec') {
            this.varSpec(spec, undefined);
          } else if (spec.kind === 'ConstSpec') {
            spec.names.forEach((id, i) => {
              const obj: ConstObj = { kind: 'const', name: id.name, type: T.untypedInt, value: { kind: 'int', value: 0n }, pos: id.pos, decl: spec };
              this.resolveConst(obj, spec, i);
              if (id.name !== '_') {
                if (this.scope.names.has(id.name)) this.fail(id.pos, `${id.name} redeclared in this block`);
                this.scope.names.set(id.name, obj);
              }
              id.obj = obj;
            });
          } else {
            this.fail(spec.pos, 'local type declarations are not supported by gosim');
          }
        }
        return;
      case 'RangeStmt': this.fail(s.pos, 'range loops are not supported by gosim');
      // falls through (unreachable)
      case 'LabeledStmt': this.fail(s.label.pos, 'labels are not supported by gosim');
      // falls through (unreachable)
      case 'SelectStmt': this.fail(s.pos, 'select statements are not supported by gosim');
    }
  }

  private varSpec(spec: A.VarSpec, globals: VarObj[] | undefined): void {
    const declType = spec.typeExpr ? this.typeExpr(spec.typeExpr) : undefined;
    const n = spec.names.length;
    let types: Type[] = [];
    if (spec.values.length === 0) {
      types = spec.names.map(() => declType!);
    } else if (spec.values.length === n) {
      spec.values.forEach((v, i) => {
        this.expr(v, declType);
        this.singleValue(v);
        if (declType) {
          spec.values[i] = this.assign(v, declType, 'variable declaration');
          types.push(declType);
        } else {
          if (v.type === T.untypedNil) this.fail(v.pos, 'use of untyped nil in variable declaration');
          this.convertUntyped(v, defaultType(v.type!), 'variable declaration');
          types.push(v.type!);
        }
      });
    } else if (spec.values.length === 1) {
      const v = spec.values[0]!;
      types = this.multiValue(v, n, declType, 'variable declaration');
    } else {
      this.fail(spec.names[0]!.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${spec.values.length} value${spec.values.length > 1 ? 's' : ''}`);
    }
    spec.names.forEach((id, i) => {
      if (globals) {
        const g = globals[i]!;
        g.type = types[i]!;
        id.type = g.type;
      } else {
        this.declareLocal(id, types[i]!);
      }
    });
  }

  /** A single call / comma-ok expression on the right of an n-variable assignment; returns the value types. */
  private multiValue(v: A.Expr, n: number, declType: Type | undefined, context: string): Type[] {
    const x = unparen(v);
    if (n === 2 && ((x.kind === 'UnaryExpr' && x.op === '<-') || (x.kind === 'TypeAssertExpr'))) {
      this.expr(v);
      x.commaOk = true;
      const t0 = declType ?? x.type!;
      if (declType) this.assign(x, declType, context);
      return [t0, declType ?? T.bool];
    }
    this.expr(v, undefined, true);
    const t = v.type;
    if (t?.kind !== 'tuple' || t.types.length !== n) {
      const count = t?.kind === 'tuple' ? t.types.length : v.mode === 'novalue' ? 0 : 1;
      const what = x.kind === 'CallExpr' ? `${exprString(x.fun)}() returns ${count} value${count === 1 ? '' : 's'}` : `1 value`;
      this.fail(v.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${what}`);
    }
    if (declType) for (const r of t.types) if (!this.assignableType(r, declType)) this.fail(v.pos, `cannot use ${exprString(v)} value of type ${typeString(r)} as ${typeString(declType)} value in ${context}`);
    return declType ? t.types.map(() => declType) : t.types;
  }

  private assignStmt(s: A.AssignStmt): void {
    if (s.tok === ':=') {
      const idents = s.lhs.map((l) => {
        if (l.kind !== 'Ident') this.fail(l.pos, `non-name ${exprString(l)} on left side of :=`);
        return l;
      });
      let types: Type[];
      if (s.rhs.length === s.lhs.length) {
        types = s.rhs.map((r, i) => {
          this.expr(r);
          this.singleValue(r);
          if (r.type === T.untypedNil) this.fail(r.pos, 'use of untyped nil in assignment');
          // an existing variable on the left keeps its type
          const existing = this.scope.names.get(idents[i]!.name);
          if (existing?.kind === 'var') {
            s.rhs[i] = this.assign(r, existing.type, 'assignment');
            return existing.type;
          }
          this.convertUntyped(r, defaultType(r.type!), 'assignment');
          return r.type!;
        });
      } else if (s.rhs.length === 1) {
        types = this.multiValue(s.rhs[0]!, s.lhs.length, undefined, 'assignment');
      } else {
        this.fail(s.lhs[0]!.pos, `assignment mismatch: ${s.lhs.length} variable${s.lhs.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
      }
      let anyNew = false;
      s.declares = idents.map((id, i) => {
        const existing = id.name === '_' ? undefined : this.scope.names.get(id.name);
        if (existing) {
          if (existing.kind !== 'var') this.fail(id.pos, `cannot assign to ${id.name}`);
          id.obj = existing;
          id.type = existing.type;
          id.mode = 'variable';
          if (!this.assignableType(types[i]!, existing.type)) this.fail(s.rhs[i]?.pos ?? id.pos, `cannot use ${exprString(s.rhs[i] ?? s.rhs[0]!)} (value of type ${typeString(types[i]!)}) as ${typeString(existing.type)} value in assignment`);
          return false;
        }
        if (id.name !== '_') anyNew = true;
        this.declareLocal(id, types[i]!);
        return true;
      });
      if (!anyNew) this.fail(s.pos, 'no new variables on left side of :=');
      return;
    }
    if (s.tok !== '=') {
      // op-assign: x op= y
      const op = s.tok.slice(0, -1) as A.BinaryOp;
      const x = s.lhs[0]!;
      const y = s.rhs[0]!;
      this.expr(x, undefined, false, true);
      this.checkAssignable(x);
      this.expr(y);
      const tmp: A.BinaryExpr = { kind: 'BinaryExpr', pos: x.pos, op, opPos: s.pos, x, y };
      this.binary(tmp, true);
      s.rhs[0] = tmp.y;
      return;
    }
    // plain assignment
    for (const l of s.lhs) {
      if (l.kind === 'Ident' && l.name === '_') { l.mode = 'novalue'; continue; }
      this.expr(l, undefined, false, true);
      this.checkAssignable(l);
    }
    const lhsType = (i: number): Type | undefined => (s.lhs[i]!.mode === 'novalue' ? undefined : s.lhs[i]!.type);
    if (s.rhs.length === s.lhs.length) {
      s.rhs.forEach((r, i) => {
        const lt = lhsType(i);
        this.expr(r, lt);
        this.singleValue(r);
        if (lt) s.rhs[i] = this.assign(r, lt, 'assignment');
        else {
          if (r.type === T.untypedNil) this.fail(r.pos, 'use of untyped nil in assignment');
          this.convertUntyped(r, defaultType(r.type!), 'assignment');
        }
      });
    } else if (s.rhs.length === 1) {
      const types = this.multiValue(s.rhs[0]!, s.lhs.length, undefined, 'assignment');
      types.forEach((t, i) => {
        const lt = lhsType(i);
        if (lt && !this.assignableType(t, lt)) this.fail(s.rhs[0]!.pos, `cannot use ${typeString(t)} value as ${typeString(lt)} value in assignment`);
      });
    } else {
      this.fail(s.lhs[0]!.pos, `assignment mismatch: ${s.lhs.length} variable${s.lhs.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
    }
  }

  private checkAssignable(x: A.Expr): void {
    if (x.mode === 'variable') return;
    const u = unparen(x);
    if (u.kind === 'IndexExpr' && isString(u.x.type!)) this.fail(x.pos, `cannot assign to ${exprString(x)} (neither addressable nor a map index expression)`);
    if (x.mode === 'constant') this.fail(x.pos, `cannot assign to ${exprString(x)} (${this.describeKind(x)})`);
    this.fail(x.pos, `cannot assign to ${exprString(x)} (neither addressable nor a map index expression)`);
  }

  private returnStmt(s: A.ReturnStmt): void {
    const fn = this.fn!;
    const want = fn.sig.results;
    if (s.results.length === 0) {
      if (want.length > 0 && fn.results.some((r) => r.name.startsWith('~'))) {
        this.fail(s.pos, `not enough return values\n\thave ()\n\twant (${want.map(typeString).join(', ')})`);
      }
      return;
    }
    if (s.results.length === 1 && want.length > 1) {
      const t = this.multiValueReturn(s.results[0]!);
      if (t && t.length === want.length && t.every((x, i) => this.assignableType(x, want[i]!))) return;
    }
    if (want.length === 0) {
      this.fail(s.results[0]!.pos, 'too many return values');
    }
    s.results.forEach((r, i) => {
      this.expr(r, want[i]);
      this.singleValue(r);
    });
    if (s.results.length !== want.length) {
      const have = s.results.map((r) => (r.mode === 'constant' && isUntyped(r.type!) ? 'number' : typeString(r.type!)));
      this.fail(s.results[0]!.pos, `${s.results.length < want.length ? 'not enough' : 'too many'} return values\n\thave (${have.join(', ')})\n\twant (${want.map(typeString).join(', ')})`);
    }
    s.results.forEach((r, i) => {
      s.results[i] = this.assign(r, want[i]!, 'return statement');
    });
  }
  private multiValueReturn(e: A.Expr): Type[] | undefined {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return undefined;
    this.expr(e, undefined, true);
    return e.type?.kind === 'tuple' ? e.type.types : undefined;
  }

  private switchStmt(s: A.SwitchStmt): void {
    const fn = this.fn!;
    this.withScope(() => {
      if (s.init) this.stmt(s.init);
      let tagType: Type = T.bool;
      if (s.tag) {
        this.expr(s.tag);
        this.singleValue(s.tag);
        this.convertUntyped(s.tag, defaultType(s.tag.type!), 'switch');
        tagType = s.tag.type!;
      }
      if (s.cases.filter((c) => c.isDefault).length > 1) this.fail(s.cases.filter((c) => c.isDefault)[1]!.pos, 'multiple defaults in switch');
      fn.breakables.unshift(s);
      try {
        s.cases.forEach((c, ci) => {
          c.list.forEach((e, i) => {
            this.expr(e, tagType);
            this.singleValue(e);
            if (s.tag) {
              const cmp: A.BinaryExpr = { kind: 'BinaryExpr', pos: e.pos, op: '==', opPos: e.pos, x: s.tag, y: e };
              this.comparison(cmp, true);
              c.list[i] = cmp.y;
            } else {
              if (!isBoolean(e.type!)) this.fail(e.pos, `invalid case ${exprString(e)} in switch (mismatched types ${typeString(e.type!)} and bool)`);
              this.convertUntyped(e, T.bool, 'switch');
            }
          });
          this.withScope(() => {
            c.body.forEach((st, i) => this.stmt(st, i === c.body.length - 1, { switchStmt: s, lastClause: ci === s.cases.length - 1 }));
          });
        });
      } finally {
        fn.breakables.shift();
      }
    });
  }

  private typeSwitchStmt(s: A.TypeSwitchStmt): void {
    const fn = this.fn!;
    this.withScope(() => {
      if (s.init) this.stmt(s.init);
      const g = s.guard;
      this.expr(g.x);
      this.singleValue(g.x);
      const xt = g.x.type!;
      if (!isInterface(xt)) this.fail(g.x.pos, `${exprString(g.x)} (${this.describeKind(g.x)}) is not an interface`);
      g.type = xt;
      g.mode = 'value';
      if (s.bind) {
        s.bind.mode = 'novalue';
        s.bind.type = xt;
      }
      if (s.cases.filter((c) => c.isDefault).length > 1) this.fail(s.cases.filter((c) => c.isDefault)[1]!.pos, 'multiple defaults in switch');
      const clauseVars: VarObj[] = [];
      fn.breakables.unshift(s);
      try {
        for (const c of s.cases) {
          const caseTypes: (Type | undefined)[] = [];
          for (const e of c.list) {
            if (e.kind === 'Ident' && e.name === 'nil' && this.scope.lookup('nil')?.kind === 'nil') {
              e.obj = { kind: 'nil' };
              e.mode = 'nil';
              e.type = T.untypedNil;
              caseTypes.push(undefined);
              continue;
            }
            const t = this.typeExpr(e);
            if (!isInterface(t) && !this.implements(t, xt)) this.fail(e.pos, `impossible type switch case: ${exprString(g.x)} (${this.describeKind(g.x)}) cannot have dynamic type ${typeString(t)}`);
            caseTypes.push(t);
          }
          c.caseTypes = caseTypes;
          this.withScope(() => {
            if (s.bind) {
              const vt = caseTypes.length === 1 && caseTypes[0] ? caseTypes[0] : xt;
              const id: A.Ident = { kind: 'Ident', pos: s.bind.pos, name: s.bind.name };
              const v = this.declareLocal(id, vt);
              v.typeSwitchClause = c;
              c.implicitVar = v;
              clauseVars.push(v);
            }
            c.body.forEach((st) => {
              if (st.kind === 'BranchStmt' && st.tok === 'fallthrough') this.fail(st.pos, 'cannot fallthrough in type switch');
              this.stmt(st);
            });
          });
        }
      } finally {
        fn.breakables.shift();
      }
      if (s.bind && s.bind.name !== '_' && !clauseVars.some((v) => v.used)) this.report(s.bind.pos, `${s.bind.name} declared but not used`);
      if (s.bind) s.bind.obj = clauseVars[0];
    });
  }

  // ---------- expressions ----------
  private describeKind(e: A.Expr): string {
    const t = e.type;
    switch (e.mode) {
      case 'variable': return `variable of type ${typeString(t!)}`;
      case 'constant':
        if (t && isUntyped(t)) return `${typeString(t)} constant`;
        return `constant ${constText(e.constValue)} of type ${typeString(t!)}`;
      case 'type': return 'type';
      case 'novalue': return 'no value';
      case 'builtin': return 'built-in';
      case 'nil': return 'untyped nil';
      default: return `value of type ${t ? typeString(t) : '?'}`;
    }
  }
  private describe(e: A.Expr): string {
    if (e.mode === 'nil') return 'nil';
    return `${exprString(e)} (${this.describeKind(e)})`;
  }
  private singleValue(e: A.Expr): void {
    if (e.mode === 'novalue') this.fail(e.pos, `${exprString(e)} (no value) used as value`);
    if (e.mode === 'type') this.fail(e.pos, `${exprString(e)} (type) is not an expression`);
    if (e.mode === 'builtin') this.fail(e.pos, `${exprString(e)} (built-in) must be called`);
    if (e.mode === 'package') this.fail(e.pos, `use of package runtime without selector`);
    if (e.type?.kind === 'tuple') this.fail(e.pos, `multiple-value ${exprString(e)} (value of type ${typeString(e.type)}) in single-value context`);
  }

  /**
   * Check `e`. `hint` is the type the context wants (used for elided composite-literal types). `allowNoValue`
   * permits calls without results and tuples. `lhs` means `e` is assigned to (a variable there is not "used").
   */
  expr(e: A.Expr, hint?: Type, allowNoValue = false, lhs = false): void {
    this.exprInner(e, hint, lhs);
    if (!allowNoValue) {
      if (e.mode === 'novalue') this.fail(e.pos, `${exprString(e)} (no value) used as value`);
      if (e.type?.kind === 'tuple') this.fail(e.pos, `multiple-value ${exprString(e)} (value of type ${typeString(e.type)}) in single-value context`);
    }
  }

  private exprInner(e: A.Expr, hint: Type | undefined, lhs: boolean): void {
    switch (e.kind) {
      case 'Ident': {
        if (e.name === '_') this.fail(e.pos, 'cannot use _ as value');
        const obj = this.lookup(e);
        switch (obj.kind) {
          case 'var':
            if (!lhs) obj.used = true;
            this.useVar(e, obj);
            e.type = obj.type;
            e.mode = 'variable';
            return;
          case 'const':
            e.type = obj.type;
            e.mode = 'constant';
            e.constValue = obj.value;
            return;
          case 'typename': e.type = obj.type; e.mode = 'type'; return;
          case 'func': e.type = obj.type; e.mode = 'value'; return;
          case 'builtin': e.mode = 'builtin'; return;
          case 'nil': e.type = T.untypedNil; e.mode = 'nil'; return;
          case 'package': this.fail(e.pos, `use of package ${obj.name} without selector`);
        }
        return;
      }
      case 'BasicLit': this.basicLit(e); return;
      case 'CompositeLit': this.compositeLit(e, hint); return;
      case 'FuncLit': this.funcLit(e); return;
      case 'ParenExpr':
        this.exprInner(e.x, hint, lhs);
        e.type = e.x.type;
        e.mode = e.x.mode;
        if (e.x.constValue) e.constValue = e.x.constValue;
        return;
      case 'SelectorExpr': this.selector(e, lhs); return;
      case 'IndexExpr': this.index(e, lhs); return;
      case 'SliceExpr': this.fail(e.pos, 'slice expressions are not supported by gosim');
      // falls through (unreachable)
      case 'TypeAssertExpr': {
        if (!e.typeExpr) this.fail(e.pos, 'invalid syntax tree: use of .(type) outside type switch');
        this.expr(e.x);
        this.singleValue(e.x);
        if (!isInterface(e.x.type!)) this.fail(e.x.pos, `invalid operation: ${exprString(e.x)} (${this.describeKind(e.x)}) is not an interface`);
        const t = this.typeExpr(e.typeExpr);
        if (!isInterface(t) && !this.implements(t, e.x.type!)) this.fail(e.typeExpr.pos, `impossible type assertion: ${exprString(e)}\n\t${typeString(t)} does not implement ${typeString(e.x.type!)}`);
        e.typeExpr.type = t;
        e.type = t;
        e.mode = 'value';
        return;
      }
      case 'CallExpr': this.call(e); return;
      case 'StarExpr': {
        this.exprInner(e.x, undefined, false);
        if (e.x.mode === 'type') {
          e.type = { kind: 'pointer', elem: e.x.type! };
          e.mode = 'type';
          return;
        }
        this.singleValue(e.x);
        if (e.x.mode === 'nil') this.fail(e.pos, 'invalid operation: cannot indirect nil');
        const u = underlying(e.x.type!);
        if (u.kind !== 'pointer') this.fail(e.pos, `invalid operation: cannot indirect ${this.describe(e.x)}`);
        e.type = u.elem;
        e.mode = 'variable';
        return;
      }
      case 'UnaryExpr': this.unary(e, hint); return;
      case 'BinaryExpr': this.expr(e.x); this.expr(e.y); this.binary(e, false); return;
      case 'KeyValueExpr': this.fail(e.pos, 'unexpected key:value expression');
      // falls through (unreachable)
      case 'ImplicitConv': return;
      case 'ArrayTypeExpr': case 'ChanTypeExpr': case 'FuncTypeExpr': case 'StructTypeExpr': case 'InterfaceTypeExpr':
      case 'MapTypeExpr':
        this.typeExpr(e);
        return;
    }
  }

  private basicLit(e: A.BasicLit): void {
    e.mode = 'constant';
    switch (e.litKind) {
      case 'INT': {
        const raw = e.raw.replace(/_/g, '');
        let v: bigint;
        if (/^0[0-7]+$/.test(raw)) v = BigInt('0o' + raw.slice(1));
        else if (/^0[oO]/.test(raw)) v = BigInt('0o' + raw.slice(2));
        else v = BigInt(raw);
        e.constValue = { kind: 'int', value: v };
        e.type = T.untypedInt;
        return;
      }
      case 'CHAR':
        e.constValue = { kind: 'int', value: BigInt(e.rune ?? 0) };
        e.type = T.untypedRune;
        return;
      case 'STRING':
        e.constValue = { kind: 'string', value: e.str ?? '' };
        e.type = T.untypedString;
        return;
      default:
        this.fail(e.pos, 'floating-point and complex numbers are not supported by gosim');
    }
  }

  private compositeLit(e: A.CompositeLit, hint: Type | undefined): void {
    let t: Type;
    if (e.typeExpr) t = this.typeExpr(e.typeExpr);
    else if (hint) t = hint;
    else this.fail(e.pos, 'invalid composite literal type: missing type');
    e.type = t;
    e.mode = 'value';
    const u = underlying(t);
    if (u.kind === 'struct') {
      layoutStruct(u);
      e.fieldOf = [];
      if (e.elts.length === 0) return;
      const keyed = e.elts[0]!.kind === 'KeyValueExpr';
      if (keyed) {
        const seen = new Set<string>();
        e.elts.forEach((kv, i) => {
          if (kv.kind !== 'KeyValueExpr') this.fail(kv.pos, 'mixture of field:value and value elements in struct literal');
          if (kv.key.kind !== 'Ident') this.fail(kv.key.pos, `invalid field name ${exprString(kv.key)} in struct literal`);
          const f = u.fields.find((x) => x.name === (kv.key as A.Ident).name);
          if (!f) this.fail(kv.key.pos, `unknown field ${(kv.key as A.Ident).name} in struct literal of type ${typeString(t)}`);
          if (seen.has(f.name)) this.fail(kv.key.pos, `duplicate field name ${f.name} in struct literal`);
          seen.add(f.name);
          kv.key.type = f.type;
          kv.key.mode = 'novalue';
          this.expr(kv.value, f.type);
          kv.value = this.assign(kv.value, f.type, 'struct literal');
          kv.type = f.type;
          kv.mode = 'value';
          e.fieldOf!.push(f);
          void i;
        });
      } else {
        e.elts.forEach((v, i) => {
          if (v.kind === 'KeyValueExpr') this.fail(v.pos, 'mixture of field:value and value elements in struct literal');
          const f = u.fields[i];
          if (!f) this.fail(v.pos, `too many values in struct literal of type ${typeString(t)}`);
          this.expr(v, f.type);
          e.elts[i] = this.assign(v, f.type, 'struct literal');
          e.fieldOf!.push(f);
        });
        if (e.elts.length < u.fields.length) this.fail(e.rbrace, `too few values in struct literal of type ${typeString(t)}`);
      }
      return;
    }
    if (u.kind === 'array') {
      e.indexOf = [];
      let idx = 0;
      const seen = new Set<number>();
      e.elts.forEach((el, i) => {
        let v = el;
        if (el.kind === 'KeyValueExpr') {
          this.expr(el.key);
          const cv = el.key.constValue;
          if (el.key.mode !== 'constant' || cv?.kind !== 'int') this.fail(el.key.pos, `index ${exprString(el.key)} must be integer constant`);
          idx = Number(cv.value);
          v = el.value;
        }
        if (idx < 0 || idx >= u.len) this.fail(v.pos, `index ${idx} out of bounds [0:${u.len}]`);
        if (seen.has(idx)) this.fail(el.pos, `duplicate index ${idx} in array or slice literal`);
        seen.add(idx);
        this.expr(v, u.elem);
        const conv = this.assign(v, u.elem, 'array or slice literal');
        if (el.kind === 'KeyValueExpr') { el.value = conv; el.type = u.elem; el.mode = 'value'; } else e.elts[i] = conv;
        e.indexOf!.push(idx);
        idx++;
      });
      return;
    }
    if (u.kind === 'slice') this.fail(e.pos, 'slice literals are not supported by gosim');
    this.fail(e.pos, `invalid composite literal type ${typeString(t)}`);
  }

  private funcLit(e: A.FuncLit): void {
    const outer = this.fn;
    const sig = this.signature(e.typeExpr);
    e.sig = sig;
    e.type = sig;
    e.mode = 'value';
    e.captures = [];
    if (!outer) {
      if (this.globalInitScope) this.fail(e.pos, 'function literals in package-level initializers are not supported by gosim');
      this.fail(e.pos, 'function literal outside a function');
    }
    e.outer = outer.node;
    outer.closureCount++;
    const goName = outer.node.kind === 'FuncDecl' ? `${outer.goName}.func${outer.closureCount}` : `${outer.goName}.${outer.closureCount}`;
    e.goName = goName;
    this.funcLits.push(e);
    let top: FuncCtx = outer;
    while (top.outer) top = top.outer;
    const decl = top.node as A.FuncDecl;
    (decl.funcLits ??= []).push(e);
    this.enterFunc(e, e.typeExpr, sig, outer, goName, () => this.block(e.body.stmts, e.body.rbrace, sig));
  }

  private selector(e: A.SelectorExpr, lhs: boolean): void {
    if (e.x.kind === 'Ident') {
      const obj = this.scope.lookup(e.x.name) ?? (e.x.name === 'runtime' ? this.runtimePkg : undefined);
      if (obj?.kind === 'package') {
        const m = this.qualified(e, obj);
        e.sel.obj = m;
        if (m.kind === 'typename') { e.type = m.type; e.mode = 'type'; } else if (m.kind === 'builtin') {
          // runtime functions are ordinary function values too (`useStackAndCall(i, runtime.Goexit)`)
          e.mode = 'value';
          e.type = runtimeSignature(m.name);
        }
        return;
      }
    }
    this.exprInner(e.x, undefined, lhs);
    if (e.x.mode === 'type') this.fail(e.pos, 'method expressions are not supported by gosim');
    this.singleValue(e.x);
    let t = e.x.type!;
    let u = underlying(t);
    if (u.kind === 'pointer' && underlying(u.elem).kind === 'struct') {
      e.implicitDeref = true;
      t = u.elem;
      u = underlying(t);
    }
    if (u.kind === 'struct') {
      const f = u.fields.find((x) => x.name === e.sel.name);
      if (f) {
        layoutStruct(u);
        e.selKind = 'field';
        e.field = f;
        e.sel.type = f.type;
        e.sel.mode = 'novalue';
        e.type = f.type;
        e.mode = e.implicitDeref || e.x.mode === 'variable' ? 'variable' : 'value';
        return;
      }
    }
    if (u.kind === 'interface') {
      const m = u.methods.find((x) => x.name === e.sel.name);
      if (m) {
        e.selKind = 'method';
        e.sel.type = m.sig;
        e.sel.mode = 'novalue';
        e.type = m.sig;
        e.mode = 'value';
        return;
      }
    }
    this.fail(e.sel.pos, `${exprString(e)} undefined (type ${typeString(e.x.type!)} has no field or method ${e.sel.name})`);
  }

  private index(e: A.IndexExpr, lhs: boolean): void {
    this.exprInner(e.x, undefined, lhs);
    this.singleValue(e.x);
    const xt = e.x.type!;
    let u = underlying(xt);
    if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') {
      e.implicitDeref = true;
      u = underlying(u.elem);
    }
    this.expr(e.index);
    this.singleValue(e.index);
    if (!isInteger(e.index.type!)) this.fail(e.index.pos, `invalid argument: index ${this.describe(e.index)} must be integer`);
    const cv = e.index.constValue;
    if (cv?.kind === 'int' && cv.value < 0n) this.fail(e.index.pos, `invalid argument: index ${exprString(e.index)} (constant of type int) must not be negative`);
    this.convertUntyped(e.index, T.int, 'index');
    if (u.kind === 'array') {
      if (cv?.kind === 'int' && cv.value >= BigInt(u.len)) this.fail(e.index.pos, `invalid argument: index ${cv.value} out of bounds [0:${u.len}]`);
      e.type = u.elem;
      e.mode = e.implicitDeref || e.x.mode === 'variable' ? 'variable' : 'value';
      return;
    }
    if (u.kind === 'slice') {
      e.type = u.elem;
      e.mode = 'variable';
      return;
    }
    if (isString(xt)) {
      const sv = e.x.constValue;
      if (sv?.kind === 'string' && cv?.kind === 'int') {
        if (cv.value >= BigInt(sv.value.length)) this.fail(e.index.pos, `invalid argument: index ${cv.value} out of bounds [0:${sv.value.length}]`);
        e.mode = 'constant';
        e.constValue = { kind: 'int', value: BigInt(sv.value.charCodeAt(Number(cv.value))) };
        e.type = T.uint8;
        this.convertUntyped(e.x, T.string, 'index');
        return;
      }
      this.convertUntyped(e.x, T.string, 'index');
      e.type = T.uint8;
      e.mode = 'value';
      return;
    }
    this.fail(e.x.pos, `invalid operation: cannot index ${this.describe(e.x)}`);
  }

  private unary(e: A.UnaryExpr, hint: Type | undefined): void {
    if (e.op === '&') {
      const x = unparen(e.x);
      if (x.kind === 'CompositeLit') {
        this.expr(e.x, hint && underlying(hint).kind === 'pointer' ? (underlying(hint) as { elem: Type }).elem : undefined);
        e.type = { kind: 'pointer', elem: e.x.type! };
        e.mode = 'value';
        return;
      }
      this.expr(e.x);
      if (e.x.mode !== 'variable') this.fail(e.pos, `invalid operation: cannot take address of ${this.describe(e.x)}`);
      const root = addressRoot(e.x);
      if (root) root.addrTaken = true;
      e.type = { kind: 'pointer', elem: e.x.type! };
      e.mode = 'value';
      return;
    }
    if (e.op === '<-') {
      this.expr(e.x);
      this.singleValue(e.x);
      const u = underlying(e.x.type!);
      if (u.kind !== 'chan') this.fail(e.pos, `invalid operation: cannot receive from non-channel ${this.describe(e.x)}`);
      if (u.dir === 'send') this.fail(e.pos, `invalid operation: cannot receive from send-only channel ${this.describe(e.x)}`);
      e.type = u.elem;
      e.mode = 'value';
      return;
    }
    this.expr(e.x);
    this.singleValue(e.x);
    const t = e.x.type!;
    const ok = e.op === '!' ? isBoolean(t) : isInteger(t);
    if (!ok) this.fail(e.pos, `invalid operation: operator ${e.op} not defined on ${this.describe(e.x)}`);
    e.type = t;
    e.mode = 'value';
    const cv = e.x.constValue;
    if (e.x.mode === 'constant' && cv) {
      e.mode = 'constant';
      if (cv.kind === 'bool') e.constValue = { kind: 'bool', value: !cv.value };
      else if (cv.kind === 'int') {
        let v = e.op === '-' ? -cv.value : e.op === '+' ? cv.value : ~cv.value;
        if (e.op === '^' && !isUntyped(t) && !intInfo(t).signed) v = BigInt.asUintN(intInfo(t).bits, v);
        this.checkOverflow(e, v, t);
        e.constValue = { kind: 'int', value: v };
      }
    }
  }

  private checkOverflow(e: A.Expr, v: bigint, t: Type): void {
    if (isUntyped(t)) {
      if (v > (1n << 512n) || v < -(1n << 512n)) this.fail(e.pos, 'constant overflow');
      return;
    }
    if (!representable(v, t)) this.fail(e.pos, `constant ${v} overflows ${typeString(t)}`);
  }

  /** Binary operator. When `opAssign`, `e.x` is the variable (its type is fixed). */
  private binary(e: A.BinaryExpr, opAssign: boolean): void {
    this.singleValue(e.x);
    this.singleValue(e.y);
    const op = e.op;
    if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      this.comparison(e, false);
      return;
    }
    if (op === '<<' || op === '>>') {
      this.shift(e, opAssign);
      return;
    }
    if (op === '&&' || op === '||') {
      if (!isBoolean(e.x.type!)) this.fail(e.x.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.x)}`);
      if (!isBoolean(e.y.type!)) this.fail(e.y.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.y)}`);
    }
    this.matchOperands(e, opAssign);
    const t = e.x.type!;
    const okType = op === '&&' || op === '||' ? isBoolean(t) : op === '+' ? isInteger(t) || isString(t) : isInteger(t);
    if (!okType) this.fail(e.x.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.x)}`);
    e.type = t;
    e.mode = 'value';
    const a = e.x.constValue;
    const b = e.y.constValue;
    if ((op === '/' || op === '%') && b?.kind === 'int' && b.value === 0n && e.y.mode === 'constant') {
      this.fail(e.y.pos, 'invalid operation: division by zero');
    }
    if (!opAssign && e.x.mode === 'constant' && e.y.mode === 'constant' && a && b) {
      e.mode = 'constant';
      if (a.kind === 'string' && b.kind === 'string') { e.constValue = { kind: 'string', value: a.value + b.value }; return; }
      if (a.kind === 'bool' && b.kind === 'bool') { e.constValue = { kind: 'bool', value: op === '&&' ? a.value && b.value : a.value || b.value }; return; }
      if (a.kind === 'int' && b.kind === 'int') {
        const v = intOp(op, a.value, b.value, t);
        this.checkOverflow(e, v, t);
        e.constValue = { kind: 'int', value: v };
      }
    }
  }

  /** Make both operands of a binary arithmetic operator the same type (untyped ones are converted). */
  private matchOperands(e: A.BinaryExpr, opAssign: boolean): void {
    const xt = e.x.type!;
    const yt = e.y.type!;
    const mismatch = (): never => this.fail(opAssign ? e.opPos : e.x.pos, `invalid operation: ${opAssign ? `${exprString(e.x)} ${e.op}= ${exprString(e.y)}` : exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`);
    if (isUntyped(xt) && isUntyped(yt)) {
      if (xt === T.untypedNil || yt === T.untypedNil) this.fail(e.pos, `invalid operation: operator ${e.op} not defined on nil`);
      // untyped int and rune mix to rune; otherwise kinds must agree
      const kind = (t: Type): string => (t === T.untypedRune ? 'untyped int' : (t as { name: string }).name);
      if (kind(xt) !== kind(yt)) mismatch();
      if (xt === T.untypedRune || yt === T.untypedRune) { e.x.type = T.untypedRune; e.y.type = T.untypedRune; }
      return;
    }
    if (isUntyped(xt)) { if (opAssign) mismatch(); this.convertOperand(e.x, yt, e, mismatch); return; }
    if (isUntyped(yt)) { this.convertOperand(e.y, xt, e, mismatch); return; }
    if (!identical(xt, yt)) mismatch();
  }
  private convertOperand(x: A.Expr, t: Type, e: A.BinaryExpr, mismatch: () => never): void {
    const xt = x.type!;
    if (xt === T.untypedNil) {
      const u = underlying(t);
      if (!['pointer', 'chan', 'func', 'interface', 'slice'].includes(u.kind)) mismatch();
      x.type = t;
      return;
    }
    const u = underlying(t);
    if (u.kind === 'interface') {
      return; // handled by comparison
    }
    const compatible = (isBoolean(xt) && isBoolean(t)) || (isString(xt) && isString(t)) || ((xt === T.untypedInt || xt === T.untypedRune) && isInteger(t));
    if (!compatible) {
      if (x.mode === 'constant') this.fail(x.pos, `cannot convert ${exprString(x)} (${this.describeKind(x)}) to type ${typeString(t)}`);
      mismatch();
    }
    void e;
    this.convertUntyped(x, t, 'expression');
  }

  private comparison(e: A.BinaryExpr, switchCase: boolean): void {
    const op = e.op;
    let xt = e.x.type!;
    let yt = e.y.type!;
    const mismatch = (): never => {
      if (switchCase) this.fail(e.y.pos, `invalid case ${exprString(e.y)} in switch on ${exprString(e.x)} (mismatched types ${typeString(yt)} and ${typeString(xt)})`);
      return this.fail(e.x.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`);
    };
    // interface vs concrete: the concrete operand is converted to the interface
    if (isInterface(xt) && !isInterface(yt) && yt !== T.untypedNil) {
      if (isUntyped(yt)) this.convertUntyped(e.y, defaultType(yt), 'comparison');
      if (!this.implements(e.y.type!, xt)) mismatch();
      e.y = this.wrapIface(e.y, xt);
      yt = xt;
    } else if (isInterface(yt) && !isInterface(xt) && xt !== T.untypedNil) {
      if (isUntyped(xt)) this.convertUntyped(e.x, defaultType(xt), 'comparison');
      if (!this.implements(e.x.type!, yt)) mismatch();
      e.x = this.wrapIface(e.x, yt);
      xt = yt;
    } else {
      this.matchOperands(e, false);
      xt = e.x.type!;
      yt = e.y.type!;
    }
    const t = xt === T.untypedNil ? yt : xt;
    const u = underlying(t);
    if (xt === T.untypedNil && yt === T.untypedNil) this.fail(e.pos, `invalid operation: ${exprString(e)} (operator ${op} not defined on nil)`);
    if (op === '==' || op === '!=') {
      const comparable = (tt: Type): boolean => {
        const uu = underlying(tt);
        switch (uu.kind) {
          case 'basic': case 'pointer': case 'chan': case 'interface': return true;
          case 'array': return comparable(uu.elem);
          case 'struct': return uu.fields.every((f) => comparable(f.type));
          default: return false;
        }
      };
      if (!comparable(t)) {
        const nilOk = (u.kind === 'func' || u.kind === 'slice') && (e.x.type === T.untypedNil || e.y.type === T.untypedNil || e.x.mode === 'nil' || e.y.mode === 'nil');
        if (!nilOk) this.fail(e.x.pos, `invalid operation: ${exprString(e)} (${u.kind} can only be compared to nil)`);
      }
      if (e.x.type === T.untypedNil) e.x.type = t;
      if (e.y.type === T.untypedNil) e.y.type = t;
    } else if (!(isInteger(t) || isString(t))) {
      this.fail(e.x.pos, `invalid operation: ${exprString(e)} (operator ${op} not defined on ${this.describeKind(e.x).replace(/^variable of type /, '').replace(/^value of type /, '')})`);
    }
    e.type = T.bool;
    e.mode = 'value';
    const a = e.x.constValue;
    const b = e.y.constValue;
    if (e.x.mode === 'constant' && e.y.mode === 'constant' && a && b && !switchCase) {
      let r: boolean;
      if (a.kind === 'int' && b.kind === 'int') r = cmp(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      else if (a.kind === 'string' && b.kind === 'string') r = cmp(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      else if (a.kind === 'bool' && b.kind === 'bool') r = op === '==' ? a.value === b.value : a.value !== b.value;
      else r = false;
      e.mode = 'constant';
      e.type = T.untypedBool;
      e.constValue = { kind: 'bool', value: r };
    }
  }

  private shift(e: A.BinaryExpr, opAssign: boolean): void {
    const yt = e.y.type!;
    if (!isInteger(yt)) this.fail(e.y.pos, `invalid operation: shift count ${this.describe(e.y)} must be integer`);
    const b = e.y.constValue;
    if (b?.kind === 'int' && b.value < 0n) this.fail(e.y.pos, `invalid operation: negative shift count ${exprString(e.y)}`);
    if (isUntyped(yt)) this.convertUntyped(e.y, T.uint, 'shift');
    const xt = e.x.type!;
    if (!isInteger(xt)) this.fail(e.x.pos, `invalid operation: shifted operand ${this.describe(e.x)} must be integer`);
    const a = e.x.constValue;
    if (!opAssign && e.x.mode === 'constant' && e.y.mode === 'constant' && a?.kind === 'int' && b?.kind === 'int') {
      if (b.value > 10000n) this.fail(e.y.pos, `invalid shift count ${b.value}`);
      const v = e.op === '<<' ? a.value << b.value : a.value >> b.value;
      const t = xt;
      e.type = t;
      e.mode = 'constant';
      this.checkOverflow(e, v, t);
      e.constValue = { kind: 'int', value: v };
      return;
    }
    if (isUntyped(xt)) this.convertUntyped(e.x, T.int, 'shift');
    e.type = e.x.type!;
    e.mode = 'value';
  }

  // ---------- calls ----------
  private call(e: A.CallExpr): void {
    const f = unparen(e.fun);
    this.exprInner(e.fun, undefined, false);
    if (e.fun.mode === 'type') { this.conversion(e, e.fun.type!); return; }
    if (f.kind === 'SelectorExpr' && f.selKind === 'qualified' && f.sel.obj?.kind === 'builtin') { this.builtinCall(e, f.sel.obj); return; }
    if (e.fun.mode === 'builtin') { this.builtinCall(e, (f.kind === 'Ident' ? f.obj : (f as A.SelectorExpr).sel.obj) as { name: BuiltinName }); return; }
    this.singleValue(e.fun);
    if (e.fun.mode === 'nil') this.fail(e.fun.pos, 'invalid operation: cannot call non-function nil');
    const u = underlying(e.fun.type!);
    if (u.kind !== 'func') this.fail(e.fun.pos, `invalid operation: cannot call non-function ${this.describe(e.fun)}`);
    if (e.ellipsis) this.fail(e.ellipsis, 'variadic calls are not supported by gosim');
    e.callKind = 'call';
    e.sig = u;
    if (f.kind === 'Ident' && f.obj?.kind === 'func') e.callee = f.obj;
    const name = f.kind === 'Ident' || f.kind === 'SelectorExpr' ? exprString(f) : 'function';
    // f(g()) with a multi-value g
    if (e.args.length === 1 && u.params.length > 1 && unparen(e.args[0]!).kind === 'CallExpr') {
      this.expr(e.args[0]!, undefined, true);
      const t = e.args[0]!.type;
      if (t?.kind === 'tuple') this.fail(e.args[0]!.pos, 'multi-value arguments f(g()) are not supported by gosim');
    }
    e.args.forEach((a, i) => { if (!a.type) this.expr(a, u.params[i]); this.singleValue(a); });
    if (e.args.length !== u.params.length) {
      const have = e.args.map((a) => (a.mode === 'constant' && isUntyped(a.type!) ? 'number' : a.mode === 'nil' ? 'nil' : typeString(a.type!)));
      const few = e.args.length < u.params.length;
      const pos = few ? e.pos : e.args[u.params.length]!.pos;
      const lastArg = e.args[e.args.length - 1];
      this.fail(few ? (lastArg ? lastArg.pos : { ...e.lparen, col: endCol(e), offset: e.lparen.offset + 1 }) : pos, `${few ? 'not enough' : 'too many'} arguments in call to ${name}\n\thave (${have.join(', ')})\n\twant (${u.params.map(typeString).join(', ')})`);
    }
    e.args.forEach((a, i) => { e.args[i] = this.assign(a, u.params[i]!, `argument to ${name}`); });
    if (u.results.length === 0) { e.mode = 'novalue'; e.type = { kind: 'tuple', types: [] }; }
    else if (u.results.length === 1) { e.mode = 'value'; e.type = u.results[0]!; }
    else { e.mode = 'value'; e.type = { kind: 'tuple', types: u.results }; }
    if (f.kind === 'SelectorExpr' && f.selKind === 'method') { /* interface method call */ }
  }

  private conversion(e: A.CallExpr, t: Type): void {
    e.callKind = 'conversion';
    e.typeArg = t;
    if (e.args.length !== 1) this.fail(e.args.length === 0 ? e.lparen : e.args[1]!.pos, e.args.length === 0 ? `missing argument in conversion to ${typeString(t)}` : `too many arguments in conversion to ${typeString(t)}`);
    const x = e.args[0]!;
    this.expr(x, t);
    this.singleValue(x);
    const xt = x.type!;
    e.type = t;
    e.mode = 'value';
    const cv = x.constValue;
    const fail = (): never => this.fail(x.pos, `cannot convert ${this.describe(x)} to type ${typeString(t)}`);
    if (x.mode === 'constant' && cv && underlying(t).kind === 'basic') {
      if (cv.kind === 'int' && isInteger(t)) {
        if (!representable(cv.value, t)) fail();
        if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion');
        e.mode = 'constant';
        e.constValue = { kind: 'int', value: cv.value };
        return;
      }
      if (cv.kind === 'int' && isString(t)) fail();
      if (cv.kind === 'string' && isString(t)) { if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion'); e.mode = 'constant'; e.constValue = cv; return; }
      if (cv.kind === 'bool' && isBoolean(t)) { if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion'); e.mode = 'constant'; e.constValue = cv; return; }
      fail();
    }
    if (isUntyped(xt)) {
      if (xt === T.untypedNil) {
        if (!['pointer', 'chan', 'func', 'interface', 'slice'].includes(underlying(t).kind)) fail();
        x.type = t;
        return;
      }
      if (isInterface(t)) { this.convertUntyped(x, defaultType(xt), 'conversion'); return; }
      fail();
    }
    const ut = underlying(t);
    const ux = underlying(xt);
    if (identical(ut, ux)) return;
    if (isInteger(xt) && isInteger(t)) return;
    if (ut.kind === 'pointer' && ux.kind === 'pointer' && identical(underlying(ut.elem), underlying(ux.elem))) return;
    if (ut.kind === 'interface') {
      if (!this.implements(xt, t)) fail();
      return;
    }
    if (isString(t) && isInteger(xt)) this.fail(x.pos, 'conversion from integer to string is not supported by gosim');
    fail();
  }

  private builtinCall(e: A.CallExpr, b: { name: BuiltinName }): void {
    const name = b.name;
    e.callKind = 'builtin';
    e.builtin = name;
    const nargs = (min: number, max: number): void => {
      if (e.args.length < min) this.fail(e.args.length === 0 ? { ...e.lparen, col: endCol(e), offset: e.lparen.offset } : e.pos, `not enough arguments for ${exprString(e)} (expected ${min}, found ${e.args.length})`);
      if (e.args.length > max) this.fail(e.args[max]!.pos, `too many arguments for ${exprString(e)} (expected ${max}, found ${e.args.length})`);
    };
    const value = (i: number, hint?: Type): A.Expr => {
      const a = e.args[i]!;
      this.expr(a, hint);
      this.singleValue(a);
      return a;
    };
    e.mode = 'value';
    switch (name) {
      case 'len': case 'cap': {
        nargs(1, 1);
        const x = value(0);
        let t = x.type!;
        let u = underlying(t);
        if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') { t = u.elem; u = underlying(t); }
        const ok = u.kind === 'array' || u.kind === 'slice' || u.kind === 'chan' || (name === 'len' && isString(t));
        if (!ok) this.fail(x.pos, `invalid argument: ${this.describe(x)} for ${name}`);
        e.type = T.int;
        if (isString(t) && x.constValue?.kind === 'string') { e.mode = 'constant'; e.constValue = { kind: 'int', value: BigInt(x.constValue.value.length) }; this.convertUntyped(x, T.string, 'len'); }
        else if (u.kind === 'array' && !containsCallOrRecv(x)) { e.mode = 'constant'; e.constValue = { kind: 'int', value: BigInt(u.len) }; }
        return;
      }
      case 'close': {
        nargs(1, 1);
        const x = value(0);
        const u = underlying(x.type!);
        if (u.kind !== 'chan') this.fail(x.pos, `invalid operation: non-chan argument ${this.describe(x)} to close`);
        if (u.dir === 'recv') this.fail(x.pos, `invalid operation: cannot close receive-only channel ${this.describe(x)}`);
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'make': {
        if (e.args.length === 0) this.fail(e.pos, `not enough arguments for make() (expected 1, found 0)`);
        const t = this.typeExpr(e.args[0]!);
        const u = underlying(t);
        e.typeArg = t;
        e.type = t;
        if (u.kind === 'chan') nargs(1, 2);
        else if (u.kind === 'slice') nargs(2, 3);
        else this.fail(e.args[0]!.pos, `invalid argument: cannot make ${exprString(e.args[0]!)}; type must be slice, map, or channel`);
        for (let i = 1; i < e.args.length; i++) {
          const a = value(i);
          if (!isInteger(a.type!)) this.fail(a.pos, `cannot convert ${this.describe(a)} to type int`);
          if (a.constValue?.kind === 'int' && a.constValue.value < 0n) this.fail(a.pos, `invalid argument: index ${exprString(a)} (constant of type int) must not be negative`);
          this.convertUntyped(a, T.int, 'make');
        }
        return;
      }
      case 'new': {
        nargs(1, 1);
        const t = this.typeExpr(e.args[0]!);
        e.typeArg = t;
        e.type = { kind: 'pointer', elem: t };
        return;
      }
      case 'panic': {
        nargs(1, 1);
        const x = value(0, emptyInterface);
        if (x.mode === 'nil') { x.type = emptyInterface; }
        const conv = this.assign(x, emptyInterface, 'argument to panic');
        // go reports the boxing of a constant panic value at the call's parenthesis
        if (conv.kind === 'ImplicitConv' && x.mode === 'constant') conv.pos = e.lparen;
        e.args[0] = conv;
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'print': case 'println': {
        e.args.forEach((_, i) => {
          const a = value(i);
          if (a.mode === 'nil') this.fail(a.pos, 'use of untyped nil in argument to built-in print');
          this.convertUntyped(a, defaultType(a.type!), `argument to ${name}`);
          const u = underlying(a.type!);
          if (u.kind === 'struct' || u.kind === 'array') this.fail(a.pos, `illegal types for operand: print\n\t${typeString(a.type!)}`);
        });
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'recover':
        nargs(0, 0);
        e.type = emptyInterface;
        return;
      case 'runtime.Goexit': case 'runtime.GC': case 'runtime.Gosched':
        nargs(0, 0);
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      case 'runtime.Callers': {
        nargs(2, 2);
        const skip = value(0, T.int);
        e.args[0] = this.assign(skip, T.int, 'argument to runtime.Callers');
        const pc = value(1);
        const slice: Type = { kind: 'slice', elem: T.uintptr };
        e.args[1] = this.assign(pc, slice, 'argument to runtime.Callers');
        e.type = T.int;
        e.sig = { kind: 'func', params: [T.int, slice], results: [T.int], variadic: false };
        return;
      }
      default:
        this.fail(e.fun.pos, `${name} is not supported by gosim`);
    }
  }

  // ---------- assignability and conversion of untyped values ----------
  private implements(t: Type, iface: Type): boolean {
    const ui = underlying(iface);
    if (ui.kind !== 'interface') return false;
    if (ui.methods.length === 0) return true;
    const ut = underlying(t);
    if (ut.kind === 'interface') return ui.methods.every((m) => ut.methods.some((n) => n.name === m.name && identical(n.sig, m.sig)));
    return false; // the subset has no methods on concrete types
  }

  private assignableType(v: Type, t: Type): boolean {
    if (identical(v, t)) return true;
    const uv = underlying(v);
    const ut = underlying(t);
    if (isUntyped(v)) {
      if (v === T.untypedNil) return ['pointer', 'chan', 'func', 'interface', 'slice'].includes(ut.kind);
      if (ut.kind === 'interface') return this.implements(defaultType(v), t);
      if (v === T.untypedBool) return isBoolean(t);
      if (v === T.untypedString) return isString(t);
      return isInteger(t);
    }
    if (ut.kind === 'interface') return this.implements(v, t);
    if ((v.kind !== 'named' || t.kind !== 'named') && identical(uv, ut) && (v.kind !== 'named' || t.kind !== 'named')) {
      return v.kind !== 'named' || t.kind !== 'named';
    }
    if (uv.kind === 'chan' && ut.kind === 'chan' && uv.dir === 'both' && identical(uv.elem, ut.elem) && (v.kind !== 'named' || t.kind !== 'named')) return true;
    return false;
  }

  /** Check `e` (already checked) can be assigned to `t`; returns the expression to store (maybe wrapped). */
  private assign(e: A.Expr, t: Type, context: string): A.Expr {
    const v = e.type!;
    if (!this.assignableType(v, t)) {
      if (isUntyped(v) && v !== T.untypedNil && e.mode === 'constant' && underlying(t).kind === 'basic') {
        this.fail(e.pos, `cannot use ${exprString(e)} (${this.describeKind(e)}) as ${typeString(t)} value in ${context}`);
      }
      let why = '';
      if (isInterface(t) && !isInterface(v)) why = `: ${typeString(v)} does not implement ${typeString(t)} (missing method ${(underlying(t) as { methods: { name: string }[] }).methods[0]?.name ?? '?'})`;
      // go 1.19 (types2) says "as type T" for non-constant operands and "as T value" for constants
      this.fail(e.pos, `cannot use ${this.describe(e)} as ${e.mode === 'constant' || e.mode === 'nil' ? `${typeString(t)} value` : `type ${typeString(t)}`} in ${context}${why}`);
    }
    if (isUntyped(v)) {
      if (isInterface(t)) {
        if (v === T.untypedNil) { setType(e, t); return e; }
        this.convertUntyped(e, defaultType(v), context);
      } else {
        this.convertUntyped(e, t, context);
        return e;
      }
    }
    if (isInterface(t) && !isInterface(e.type!)) return this.wrapIface(e, t);
    return e;
  }
  private wrapIface(e: A.Expr, t: Type): A.Expr {
    const w: A.ImplicitConv = { kind: 'ImplicitConv', pos: e.pos, x: e, type: t, mode: 'value' };
    return w;
  }

  /** Give an untyped expression the type t (checking constant representability). */
  private convertUntyped(e: A.Expr, t: Type, context: string): void {
    const v = e.type;
    if (!v || !isUntyped(v)) return;
    if (v === T.untypedNil) {
      if (!['pointer', 'chan', 'func', 'interface', 'slice'].includes(underlying(t).kind)) this.fail(e.pos, `cannot use nil as ${typeString(t)} value in ${context}`);
      setType(e, t);
      return;
    }
    if (isInterface(t)) t = defaultType(v);
    const cv = e.constValue;
    if (cv?.kind === 'int') {
      if (!isInteger(t)) this.fail(e.pos, `cannot use ${exprString(e)} (${this.describeKind(e)}) as ${typeString(t)} value in ${context}`);
      if (!representable(cv.value, t)) {
        this.fail(e.pos, `cannot use ${exprString(e)} (untyped ${v === T.untypedRune ? 'rune' : 'int'} constant${cv.value.toString() === exprString(e) ? '' : ' ' + cv.value}) as ${typeString(t)} value in ${context} (overflows)`);
      }
    } else if (cv?.kind === 'string' && !isString(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped string constant) as ${typeString(t)} value in ${context}`);
    else if (cv?.kind === 'bool' && !isBoolean(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped bool constant) as ${typeString(t)} value in ${context}`);
    else if (!cv && v === T.untypedBool && !isBoolean(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped bool value) as ${typeString(t)} value in ${context}`);
    setType(e, t);
  }
}

/** Set the type of an untyped expression and of its untyped operands (Go's updateExprType). */
function setType(e: A.Expr, t: Type): void {
  e.type = t;
  switch (e.kind) {
    case 'ParenExpr': setType(e.x, t); break;
    case 'UnaryExpr': if (e.op !== '<-' && e.op !== '&' && e.x.type && isUntyped(e.x.type)) setType(e.x, t); break;
    case 'BinaryExpr':
      if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) break;
      if (e.x.type && isUntyped(e.x.type)) setType(e.x, t);
      if (e.op !== '<<' && e.op !== '>>' && e.y.type && isUntyped(e.y.type)) setType(e.y, t);
      break;
    default: break;
  }
  if (e.constValue?.kind === 'int' && !isUntyped(t) && isInteger(t)) e.constValue = { kind: 'int', value: wrapInt(e.constValue.value, t) };
}

/** Signatures of the runtime functions the subset models. */
export function runtimeSignature(name: BuiltinName): Signature {
  if (name === 'runtime.Callers') return { kind: 'func', params: [T.int, { kind: 'slice', elem: T.uintptr }], results: [T.int], variadic: false };
  return { kind: 'func', params: [], results: [], variadic: false };
}

function intOp(op: A.BinaryOp, a: bigint, b: bigint, t: Type): bigint {
  let v: bigint;
  switch (op) {
    case '+': v = a + b; break;
    case '-': v = a - b; break;
    case '*': v = a * b; break;
    case '/': v = a / b; break; // bigint division truncates toward zero, like Go
    case '%': v = a % b; break;
    case '&': v = a & b; break;
    case '|': v = a | b; break;
    case '^': v = a ^ b; break;
    case '&^': v = a & ~b; break;
    default: v = 0n;
  }
  void t;
  return v;
}
function cmp(op: A.BinaryOp, c: number): boolean {
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}
function constText(c: ConstValue | undefined): string {
  if (!c) return '?';
  if (c.kind === 'string') return JSON.stringify(c.value);
  return String(c.value);
}
function endCol(e: A.CallExpr): number {
  return e.lparen.col + 1;
}

/** The variable whose storage `&e` points into, if the address stays within it (x, x.f, x[i] of arrays). */
export function addressRoot(e: A.Expr): VarObj | undefined {
  const x = unparen(e);
  switch (x.kind) {
    case 'Ident': return x.obj?.kind === 'var' ? x.obj : undefined;
    case 'SelectorExpr': return x.implicitDeref || x.selKind !== 'field' ? undefined : addressRoot(x.x);
    case 'IndexExpr': return x.implicitDeref || underlying(x.x.type!).kind !== 'array' ? undefined : addressRoot(x.x);
    default: return undefined;
  }
}

function containsCallOrRecv(e: A.Expr): boolean {
  let found = false;
  const visit = (x: A.Expr): void => {
    if (found) return;
    switch (x.kind) {
      case 'CallExpr': if (x.callKind !== 'conversion' && !(x.callKind === 'builtin' && (x.builtin === 'len' || x.builtin === 'cap'))) found = true; x.args.forEach(visit); visit(x.fun); break;
      case 'UnaryExpr': if (x.op === '<-') found = true; visit(x.x); break;
      case 'ParenExpr': case 'StarExpr': visit(x.x); break;
      case 'SelectorExpr': visit(x.x); break;
      case 'IndexExpr': visit(x.x); visit(x.index); break;
      case 'BinaryExpr': visit(x.x); visit(x.y); break;
      default: break;
    }
  };
  visit(e);
  return found;
}

/** Deep copy of an expression (for const specs that repeat the previous spec's expressions). */
function cloneExpr<E extends A.Expr>(e: E): E {
  return JSON.parse(JSON.stringify(e)) as E;
}

