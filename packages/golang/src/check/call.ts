/**
 * Calls and conversions.
 */
import type * as A from '../ast.js';
import { representable } from '../constant.js';
import type { BuiltinName } from '../objects.js';
import { staticFunc, unparen } from '../parser.js';
import type { Signature, Type } from '../types.js';
import { defaultType, hasNil, identical, isBoolean, isInteger, isInterface, isString, isUntyped, T, typeString, underlying } from '../types.js';
import { OperatorChecker } from './operators.js';
import { exprString } from './expr-string.js';
import { apiSignature } from './runtime-api.js';

export abstract class CallChecker extends OperatorChecker {
  protected abstract variadicArgs(e: A.CallExpr, u: Signature, name: string): void; // check/slice.ts
  protected abstract stringConversion(e: A.CallExpr, x: A.Expr, t: Type): boolean;
  protected abstract unsafeConversion(e: A.CallExpr, x: A.Expr, t: Type): boolean; // check/unsafe.ts
  protected call(e: A.CallExpr): void {
    const f = unparen(e.fun);
    this.exprInner(e.fun, undefined, false);
    if (e.fun.mode === 'type') { this.conversion(e, e.fun.type!); return; }
    if (f.kind === 'SelectorExpr' && f.selKind === 'qualified' && f.sel.obj?.kind === 'builtin') { this.builtinCall(e, f.sel.obj); return; }
    if (e.fun.mode === 'builtin') { this.builtinCall(e, (f.kind === 'Ident' ? f.obj : (f as A.SelectorExpr).sel.obj) as { name: BuiltinName }); return; }
    this.singleValue(e.fun);
    if (e.fun.mode === 'nil') this.fail(e.fun.pos, 'invalid operation: cannot call non-function nil');
    const u = underlying(e.fun.type!);
    if (u.kind !== 'func') this.fail(e.fun.pos, `invalid operation: cannot call non-function ${this.describe(e.fun)}`);
    if (e.ellipsis && !u.variadic) this.fail(e.ellipsis, `have (...) in call to non-variadic ${exprString(f)}`);
    e.callKind = 'call';
    e.sig = u;
    const callee = staticFunc(f);
    if (callee) e.callee = callee;
    const name = f.kind === 'Ident' || f.kind === 'SelectorExpr' ? exprString(f) : 'function';
    // f(g()) with a multi-value g
    if (e.args.length === 1 && (u.params.length > 1 || u.variadic) && unparen(e.args[0]!).kind === 'CallExpr') {
      this.expr(e.args[0]!, undefined, true);
      const t = e.args[0]!.type;
      if (t?.kind === 'tuple') { this.tupleArgs(e, t.types, u, name); return; }
    }
    if (u.variadic) { this.variadicArgs(e, u, name); this.callResult(e, u); return; }
    e.args.forEach((a, i) => { if (!a.type) this.expr(a, u.params[i]); this.singleValue(a); });
    if (e.args.length !== u.params.length) {
      const have = e.args.map((a) => (a.mode === 'constant' && isUntyped(a.type!) ? 'number' : a.mode === 'nil' ? 'nil' : typeString(a.type!)));
      const few = e.args.length < u.params.length;
      const pos = few ? e.pos : e.args[u.params.length]!.pos;
      const lastArg = e.args[e.args.length - 1];
      this.fail(few ? (lastArg ? lastArg.pos : { ...e.lparen, col: endCol(e), offset: e.lparen.offset + 1 }) : pos, `${few ? 'not enough' : 'too many'} arguments in call to ${name}\n\thave (${have.join(', ')})\n\twant (${u.params.map(typeString).join(', ')})`);
    }
    e.args.forEach((a, i) => { e.args[i] = this.assign(a, u.params[i]!, `argument to ${name}`); });
    this.callResult(e, u);
  }

  /** f(g()) with a multi-value g: each result must be assignable to its parameter. */
  private tupleArgs(e: A.CallExpr, ts: Type[], u: Signature, name: string): void {
    if (u.variadic && !e.ellipsis) {
      const n = u.params.length;
      const want = (i: number): Type => (i < n - 1 ? u.params[i]! : (u.params[n - 1] as { elem: Type }).elem);
      if (ts.length < n - 1) this.fail(e.args[0]!.pos, `not enough arguments in call to ${name}\n\thave (${ts.map(typeString).join(', ')})\n\twant (${u.params.map((p, i) => (i === n - 1 ? `...${typeString(want(i))}` : typeString(p))).join(', ')})`);
      ts.forEach((t, i) => { if (!this.assignableType(t, want(i))) this.fail(e.args[0]!.pos, `cannot use ${exprString(e.args[0]!)} (value of type ${typeString(t)}) as type ${typeString(want(i))} in argument to ${name}`); });
      this.callResult(e, u);
      return;
    }
    if (ts.length !== u.params.length) this.fail(e.args[0]!.pos, `${ts.length < u.params.length ? 'not enough' : 'too many'} arguments in call to ${name}\n\thave (${ts.map(typeString).join(', ')})\n\twant (${u.params.map(typeString).join(', ')})`);
    ts.forEach((t, i) => { if (!this.assignableType(t, u.params[i]!)) this.fail(e.args[0]!.pos, `cannot use ${exprString(e.args[0]!)} (value of type ${typeString(t)}) as type ${typeString(u.params[i]!)} in argument to ${name}`); });
    this.callResult(e, u);
  }

  private callResult(e: A.CallExpr, u: Signature): void {
    if (u.results.length === 0) { e.mode = 'novalue'; e.type = { kind: 'tuple', types: [] }; }
    else if (u.results.length === 1) { e.mode = 'value'; e.type = u.results[0]!; }
    else { e.mode = 'value'; e.type = { kind: 'tuple', types: u.results }; }
    const f = unparen(e.fun);
    if (f.kind === 'SelectorExpr') this.methodCall(e, f); // check/method.ts
  }

  protected conversion(e: A.CallExpr, t: Type): void {
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
    if (this.unsafeConversion(e, x, t) || this.numericConversion(e, x, t)) return;
    const tu = underlying(t);
    const ux0 = underlying(xt);
    if (tu.kind === 'pointer' && ux0.kind === 'slice') { // slice to array pointer (lower/slice.ts)
      const at = underlying(tu.elem);
      if (at.kind !== 'array' || !identical(at.elem, ux0.elem)) fail();
      return;
    }
    if (x.mode === 'constant' && cv && underlying(t).kind === 'basic') {
      if (cv.kind === 'int' && isInteger(t)) {
        if (!representable(cv.value, t)) fail();
        if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion');
        e.mode = 'constant';
        e.constValue = { kind: 'int', value: cv.value };
        return;
      }
      if (cv.kind === 'int' && isString(t) && isInteger(xt) && this.stringConversion(e, x, t)) return;
      if (cv.kind === 'string' && isString(t)) { if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion'); e.mode = 'constant'; e.constValue = cv; return; }
      if (cv.kind === 'bool' && isBoolean(t)) { if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion'); e.mode = 'constant'; e.constValue = cv; return; }
      fail();
    }
    if (isUntyped(xt)) {
      if (xt === T.untypedNil) {
        if (!hasNil(t)) fail();
        x.type = t;
        return;
      }
      if (isInterface(t)) { this.convertUntyped(x, defaultType(xt), 'conversion'); return; }
      if (isInteger(t) && x.mode !== 'constant' && xt !== T.untypedBool) { this.convertUntyped(x, t, 'conversion'); return; }
      if (this.stringConversion(e, x, t)) return;
      fail();
    }
    const ut = underlying(t);
    const ux = underlying(xt);
    if (identical(ut, ux)) return;
    // x assignable to T (a bidirectional channel to a directional one)
    if (ut.kind === 'chan' && this.assignableType(xt, t)) return;
    if (isInteger(xt) && isInteger(t)) return;
    if (ut.kind === 'pointer' && ux.kind === 'pointer' && identical(underlying(ut.elem), underlying(ux.elem))) return;
    if (ut.kind === 'interface') {
      if (!this.implements(xt, t)) fail();
      return;
    }
    if (this.stringConversion(e, x, t)) return;
    fail();
  }
}

/** Signatures of the runtime functions the subset models. */
export function runtimeSignature(name: BuiltinName): Signature {
  const api = apiSignature(name);
  if (api) return api;
  if (name === 'runtime.Callers') return { kind: 'func', params: [T.int, { kind: 'slice', elem: T.uintptr }], results: [T.int], variadic: false };
  return { kind: 'func', params: [], results: [], variadic: false };
}

/** The column just after a call's opening parenthesis (where Go reports a missing argument). */
export function endCol(e: A.CallExpr): number {
  return e.lparen.col + 1;
}
