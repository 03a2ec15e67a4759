/**
 * Methods: declarations (bound to their receiver's named type), selectors `x.f` / `x.M` through embedded fields
 * (the implicit field selections and the receiver's implicit `&x` / `*p` are made explicit in the AST, as gc's
 * typecheck does), method expressions `T.M`, and static method calls (`x.M(a)` becomes a call of the method with
 * the receiver as first argument: CallExpr.callee, sig with the receiver, args = [recv, a...]).
 */
import type * as A from '../ast.js';
import type { BuiltinName, FuncObj } from '../objects.js';
import type { NamedMethod, NamedType, Signature, StructField, Type } from '../types.js';
import { layoutStruct, typeString, underlying } from '../types.js';
import { AssignChecker } from './assignments.js';
import { exprString } from './expr-string.js';
import { implementsIface } from './interface.js';
import { lookupFieldOrMethod, methodSetLookup, methodSig } from './lookup.js';
import { apiMethod, apiSignature, methodSig as apiMethodSig } from './runtime-api.js';

export abstract class MethodChecker extends AssignChecker {
  protected readonly methodDecls: A.FuncDecl[] = [];
  private methodsForced = false;

  protected override implements(t: Type, iface: Type): boolean {
    this.forceMethods();
    return implementsIface(t, iface);
  }

  /** A method declaration, collected with the package's names; bound to its type by bindMethods. */
  protected collectMethod(d: A.FuncDecl): void {
    if (!d.body) this.fail(d.name.pos, 'missing function body');
    const obj: FuncObj = { kind: 'func', name: d.name.name, type: { kind: 'func', params: [], results: [], variadic: false }, pos: d.name.pos, decl: d };
    d.obj = obj;
    d.name.obj = obj;
    this.methodDecls.push(d);
    this.funcs.push(d); // source order, as the escape analysis visits functions
  }

  protected bindMethods(): void {
    for (const d of this.methodDecls) this.guard(() => this.bindMethod(d));
  }

  private bindMethod(d: A.FuncDecl): void {
    const recv = d.recv!;
    let te = recv.typeExpr;
    while (te.kind === 'ParenExpr') te = te.x;
    let ptr = false;
    if (te.kind === 'StarExpr') {
      ptr = true;
      te = te.x;
      while (te.kind === 'ParenExpr') te = te.x;
    }
    if (te.kind === 'IndexExpr') this.fail(te.pos, 'generic methods are not supported by gosim');
    if (te.kind !== 'Ident') this.fail(te.pos, `invalid receiver type ${exprString(recv.typeExpr)}`);
    const tn = this.pkg.lookup(te.name);
    if (!tn) this.fail(te.pos, `undefined: ${te.name}`);
    if (tn.kind !== 'typename') this.fail(te.pos, `${te.name} is not a type`);
    if (tn.decl?.alias) this.force(tn, te.pos);
    const named = tn.type;
    if (named.kind !== 'named' || named.pkg !== this.pkgPath) this.fail(recv.pos, `cannot define new methods on non-local type ${typeString(named)}`);
    const name = d.name.name;
    const obj = d.obj!;
    const goName = ptr ? `${this.pkgPath}.(*${named.name}).${name}` : `${this.pkgPath}.${named.name}.${name}`;
    d.goName = goName;
    if (name !== '_') {
      const prev = named.methods?.find((m) => m.name === name);
      if (prev) this.fail(d.name.pos, `${named.name}.${name} redeclared in this block\n\t${this.posString(prev.obj.pos)}: other declaration of ${name}`);
      (named.methods ??= []).push({ name, ptrRecv: ptr, obj, goName } satisfies NamedMethod);
    }
    this.pending.set(obj, () => {
      const rt = this.typeExpr(recv.typeExpr, true);
      const s = this.signature(d.typeExpr);
      obj.type = { kind: 'func', params: [rt, ...s.params], results: s.results, variadic: s.variadic };
      d.sig = obj.type;
      this.checkReceiver(d, named, name);
    });
  }

  private checkReceiver(d: A.FuncDecl, named: NamedType, name: string): void {
    const u = named.underlying;
    if (u.kind === 'pointer' || u.kind === 'interface') this.fail(d.recv!.pos, `invalid receiver type ${typeString(named)} (pointer or interface type)`);
    if (name !== '_' && u.kind === 'struct' && u.fields.some((f) => f.name === name)) this.fail(d.name.pos, `field and method with the same name ${name}`);
  }

  /** Resolve every method's signature (needed before method sets are compared). */
  protected forceMethods(): void {
    if (this.methodsForced) return;
    this.methodsForced = true;
    for (const d of this.methodDecls) if (d.obj && this.pending.has(d.obj)) this.guard(() => this.force(d.obj!, d.name.pos));
  }

  /** `x.f` / `x.M` once x is checked (x is not a package). */
  protected memberSelector(e: A.SelectorExpr): void {
    this.forceMethods();
    if (e.x.mode === 'type') return this.methodExpr(e);
    this.singleValue(e.x);
    const xt = e.x.type!;
    const name = e.sel.name;
    const api = apiMethod(xt, name); // runtime.(*Frames).Next, (*Func).Name, ...: check/runtime-api.ts
    if (api) return this.apiMethodSelector(e, api);
    let s = name === '_' ? undefined : lookupFieldOrMethod(xt, name);
    // x.f of a defined pointer type is (*x).f for a field (not a method: a defined pointer type has none)
    if (!s && xt.kind === 'named' && underlying(xt).kind === 'pointer' && name !== '_') {
      const via = lookupFieldOrMethod(underlying(xt), name);
      if (via?.kind === 'field') s = via;
    }
    if (!s) this.fail(e.sel.pos, `${exprString(e)} undefined (type ${typeString(xt)} has no field or method ${name})`);
    if (s.kind === 'ambiguous') this.fail(e.sel.pos, `ambiguous selector ${exprString(e)}`);
    let x = e.x;
    for (const f of s.path) x = implicitField(x, f, e.sel.pos);
    // another package's unexported field or method is not there for this one (types2 says so as for a missing one)
    if (!/^\p{Lu}/u.test(name) && s.kind !== 'imethod') {
      const owner = s.kind === 'method' ? s.method.goName.slice(0, s.method.goName.indexOf('.')) : namedPkg(x.type!);
      if (owner !== undefined && owner !== this.pkgPath) this.fail(e.sel.pos, `${exprString(e)} undefined (type ${typeString(xt)} has no field or method ${name})`);
    }
    e.x = x;
    if (s.kind === 'field') {
      fieldSelect(e, s.field);
      return;
    }
    let sig: Signature;
    if (s.kind === 'imethod') {
      if (underlying(x.type!).kind !== 'interface') this.fail(e.sel.pos, `${exprString(e)} undefined (type ${typeString(xt)} is pointer to interface, not interface)`);
      sig = s.imethod.sig;
      e.selKind = 'method';
      e.method = { imethod: s.imethod, sig };
    } else {
      const m = s.method;
      sig = methodSig(m);
      const isPtr = x.type!.kind === 'pointer' || (x.type!.kind !== 'named' && underlying(x.type!).kind === 'pointer');
      if (m.ptrRecv && !isPtr) {
        if (x.mode !== 'variable') this.fail(e.sel.pos, `cannot call pointer method ${name} on ${typeString(x.type!)}`);
        e.x = addressOf(x);
      } else if (!m.ptrRecv && isPtr) e.x = derefOf(x);
      e.selKind = 'cmethod';
      e.method = { named: m, sig };
    }
    e.sel.type = sig;
    e.sel.mode = 'novalue';
    e.type = sig;
    e.mode = 'value';
  }

  /** A method of a runtime API type: a builtin whose first argument is the receiver (check/builtins.ts apiCall). */
  private apiMethodSelector(e: A.SelectorExpr, api: BuiltinName): void {
    if (e.x.type!.kind !== 'pointer') {
      if (e.x.mode !== 'variable') this.fail(e.sel.pos, `cannot call pointer method ${e.sel.name} on ${typeString(e.x.type!)}`);
      e.x = addressOf(e.x);
    }
    e.selKind = 'qualified';
    e.sel.obj = { kind: 'builtin', name: api };
    e.type = apiMethodSig(apiSignature(api)!);
    e.mode = 'value';
  }

  /** `T.M`, `(*T).M`, `I.M`: a function with the receiver as first parameter. */
  private methodExpr(e: A.SelectorExpr): void {
    const T = e.x.type!;
    const name = e.sel.name;
    const s = methodSetLookup(T, name);
    if (s === 'ptr') this.fail(e.sel.pos, `invalid method expression ${exprString(e)} (needs pointer receiver (*${typeString(T)}).${name})`);
    if (!s || (s.kind !== 'method' && s.kind !== 'imethod')) this.fail(e.sel.pos, `${exprString(e)} undefined (type ${typeString(T)} has no method ${name})`);
    const sig = s.kind === 'method' ? methodSig(s.method) : s.imethod.sig;
    const full: Signature = { kind: 'func', params: [T, ...sig.params], results: sig.results, variadic: sig.variadic };
    e.selKind = 'mexpr';
    e.method = { ...(s.kind === 'method' ? { named: s.method } : { imethod: s.imethod }), sig, recvType: T, path: s.path };
    e.sel.type = sig;
    e.sel.mode = 'novalue';
    e.type = full;
    e.mode = 'value';
  }

  /** A checked call `x.M(a...)` of a concrete method: a static call with the receiver as first argument. */
  protected methodCall(e: A.CallExpr, f: A.SelectorExpr): void {
    const m = f.method?.named;
    if (!m) return;
    if (f.selKind === 'cmethod') {
      e.callee = m.obj;
      e.sig = m.obj.type;
      e.args = [f.x, ...e.args];
    } else if (f.selKind === 'mexpr' && (f.method!.path ?? []).length === 0 && directRecv(f.method!.recvType!, m)) {
      e.callee = m.obj;
      e.sig = m.obj.type;
    }
  }
}

/** The method expression's receiver type is exactly the declared receiver's (no wrapper needed). */
function directRecv(T: Type, m: NamedMethod): boolean {
  return (T.kind === 'pointer') === m.ptrRecv;
}

/** x.f for the field f of x's struct type (or of the struct x points to). */
function fieldSelect(e: A.SelectorExpr, f: StructField): void {
  const x = e.x;
  const deref = underlying(x.type!).kind === 'pointer';
  const st = underlying(deref ? (underlying(x.type!) as { elem: Type }).elem : x.type!);
  if (st.kind === 'struct') layoutStruct(st);
  e.selKind = 'field';
  e.field = f;
  if (deref) e.implicitDeref = true;
  e.sel.type = f.type;
  e.sel.mode = 'novalue';
  e.type = f.type;
  e.mode = deref || x.mode === 'variable' ? 'variable' : 'value';
}

/** The implicit selection of an embedded field on the way to a promoted one. */
function implicitField(x: A.Expr, f: StructField, pos: A.Expr['pos']): A.Expr {
  const sel: A.SelectorExpr = { kind: 'SelectorExpr', pos, x, sel: { kind: 'Ident', pos, name: f.name } };
  fieldSelect(sel, f);
  return sel;
}

function addressOf(x: A.Expr): A.Expr {
  const root = rootVar(x);
  if (root) root.addrTaken = true;
  return { kind: 'UnaryExpr', pos: x.pos, op: '&', x, type: { kind: 'pointer', elem: x.type! }, mode: 'value' };
}

function derefOf(x: A.Expr): A.Expr {
  return { kind: 'StarExpr', pos: x.pos, x, type: (underlying(x.type!) as { elem: Type }).elem, mode: 'variable' };
}

function rootVar(e: A.Expr): import('../objects.js').VarObj | undefined {
  let x = e;
  for (;;) {
    while (x.kind === 'ParenExpr') x = x.x;
    if (x.kind === 'Ident') return x.obj?.kind === 'var' ? x.obj : undefined;
    if (x.kind === 'SelectorExpr' && !x.implicitDeref && x.selKind === 'field') { x = x.x; continue; }
    if (x.kind === 'IndexExpr' && !x.implicitDeref && underlying(x.x.type!).kind === 'array') { x = x.x; continue; }
    return undefined;
  }
}

/** How go -m names a method value's closure: `x.M` (implicit & and * not shown), at the selector's dot. */
export function methodValueSite(e: A.SelectorExpr): { text: string; pos: A.Expr['pos'] } {
  let x = e.x;
  if ((x.kind === 'UnaryExpr' || x.kind === 'StarExpr') && x.pos === x.x.pos) x = x.x;
  const p = e.sel.pos;
  return { text: `${exprString(x)}.${e.sel.name}`, pos: { line: p.line, col: p.col - 1, offset: p.offset - 1 } };
}

/** The package of the named type t is (or points to), if any. */
function namedPkg(t: Type): string | undefined {
  const b = t.kind === 'pointer' ? t.elem : t;
  return b.kind === 'named' ? b.pkg : undefined;
}
