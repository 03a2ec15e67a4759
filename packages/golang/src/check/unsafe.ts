/**
 * Package unsafe (go/types builtins.go, conversions.go): conversions between unsafe.Pointer, pointers and
 * uintptr; unsafe.Sizeof, Alignof and Offsetof, constant expressions of type uintptr with gc's values for
 * linux/amd64 (types.ts: sizeof, alignof, layoutStruct); unsafe.Add and unsafe.Slice (lowered in lower/unsafe.ts).
 */
import type * as A from '../ast.js';
import { constString } from '../constant.js';
import type { BuiltinName } from '../objects.js';
import { unparen } from '../parser.js';
import type { Type } from '../types.js';
import { alignof, defaultType, isInteger, isInterface, isUnsafePointer, isUntyped, sizeof, T, typeString, underlying } from '../types.js';
import { startPos } from './base.js';
import { CallChecker } from './call.js';
import { exprString } from './expr-string.js';
import { representNumeric } from './float.js';
import { lookupFieldOrMethod } from './lookup.js';

/** uintptr or a type defined on it (the only integer type that converts to and from unsafe.Pointer). */
function isUintptr(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && u.name === 'uintptr';
}

export abstract class UnsafeChecker extends CallChecker {
  /**
   * A conversion T(x) where T or x is unsafe.Pointer: pointer or uintptr to unsafe.Pointer and back (and nil to
   * unsafe.Pointer). Returns false when the conversion is not one of unsafe's (x unsafe.Pointer, T an interface).
   */
  protected unsafeConversion(e: A.CallExpr, x: A.Expr, t: Type): boolean {
    const xt = x.type!;
    if (!isUnsafePointer(t) && !isUnsafePointer(xt)) return false;
    if (isUnsafePointer(xt) && isInterface(t)) return false;
    const ok = xt === T.untypedNil ? isUnsafePointer(t)
      : isUnsafePointer(t) ? isUnsafePointer(xt) || isUintptr(xt) || underlying(xt).kind === 'pointer'
        : isUintptr(t) || underlying(t).kind === 'pointer';
    if (!ok || (isUntyped(xt) && xt !== T.untypedNil)) this.fail(x.pos, `cannot convert ${this.describe(x)} to type ${typeString(t)}`);
    if (xt === T.untypedNil) x.type = t;
    e.mode = 'value';
    return true;
  }

  /** unsafe.Sizeof, Alignof, Offsetof, Add and Slice. */
  protected unsafeBuiltin(e: A.CallExpr, name: BuiltinName): void {
    const want = name === 'unsafe.Add' || name === 'unsafe.Slice' ? 2 : 1;
    if (e.args.length !== want) {
      this.fail(startPos(e), `invalid operation: ${e.args.length < want ? 'not enough' : 'too many'} arguments for ${exprString(e)} (expected ${want}, found ${e.args.length})`);
    }
    e.callKind = 'builtin';
    e.builtin = name;
    e.mode = 'value';
    switch (name) {
      case 'unsafe.Sizeof': case 'unsafe.Alignof': {
        const x = this.unevaluated(() => this.operand(e.args[0]!, name));
        const t = x.type!;
        this.constUintptr(e, name === 'unsafe.Sizeof' ? sizeof(t) : alignof(t));
        return;
      }
      case 'unsafe.Offsetof': return this.unevaluated(() => this.offsetof(e));
      case 'unsafe.Add': {
        const p = this.operand(e.args[0]!, name, T.unsafePointer);
        e.args[0] = this.assign(p, T.unsafePointer, 'argument to unsafe.Add');
        this.length(e.args[1]!, true);
        e.type = T.unsafePointer;
        return;
      }
      case 'unsafe.Slice': {
        const p = this.operand(e.args[0]!, name, undefined, true);
        const u = underlying(p.type!);
        if (p.mode === 'nil' || u.kind !== 'pointer') this.fail(p.pos, `invalid argument: ${this.describe(p)} is not a pointer`);
        this.length(e.args[1]!, false);
        e.type = { kind: 'slice', elem: u.elem };
        return;
      }
      default: this.fail(e.fun.pos, `${name} is not supported by gosim`);
    }
  }

  /**
   * Check the operand of Sizeof, Alignof or Offsetof, which is not evaluated: function literals in it are
   * checked (at package level too, `const c = unsafe.Sizeof(func() {})`) but not compiled.
   */
  private unevaluated<R>(f: () => R): R {
    const n = this.funcLits.length;
    const saved = this.globalInitScope;
    if (!this.fn) this.globalInitScope = true;
    try {
      return f();
    } finally {
      this.globalInitScope = saved;
      const dropped = new Set(this.funcLits.splice(n));
      let top = this.fn;
      while (top?.outer) top = top.outer;
      const decl = top?.node as A.FuncDecl | undefined;
      if (dropped.size > 0 && decl?.funcLits) decl.funcLits = decl.funcLits.filter((l) => !dropped.has(l));
    }
  }

  /** A single-value argument (untyped constants get their default type, as for any interface-typed parameter). */
  private operand(a: A.Expr, name: string, hint?: Type, nilOk = false): A.Expr {
    this.expr(a, hint);
    this.singleValue(a);
    if (a.mode === 'nil' && !hint && !nilOk) this.fail(a.pos, `use of untyped nil in argument to ${name}`);
    if (isUntyped(a.type!) && a.mode !== 'nil') this.convertUntyped(a, defaultType(a.type!), `argument to ${name}`);
    return a;
  }

  /** The length argument of Add and Slice: an integer (an untyped constant becomes an int). */
  private length(a: A.Expr, allowNegative: boolean): void {
    this.expr(a, T.int);
    this.singleValue(a);
    const cv0 = a.constValue;
    if (isUntyped(a.type!) && a.mode === 'constant' && cv0) {
      // go/types' invalidConversion wording
      const r = cv0.kind === 'string' || cv0.kind === 'bool' ? 'cannot' : representNumeric(cv0, T.int);
      if (r === 'cannot') this.fail(a.pos, `cannot convert ${this.describe(a)} to int`);
      const shown = `${exprString(a)} (${this.describeKind(a)}${constString(cv0) !== exprString(a) ? ' ' + constString(cv0) : ''})`;
      if (r === 'truncated' || r === 'overflows') this.fail(a.pos, `${shown} ${r === 'truncated' ? 'truncated to' : 'overflows'} int`);
    }
    if (isUntyped(a.type!)) this.convertUntyped(a, T.int, 'argument');
    if (!isInteger(a.type!)) this.fail(a.pos, `invalid argument: length ${this.describe(a)} must be integer`);
    const cv = a.constValue;
    if (!allowNegative && a.mode === 'constant' && cv?.kind === 'int' && cv.value < 0n) {
      this.fail(a.pos, `invalid argument: length ${this.describe(a)} must not be negative`);
    }
  }

  private constUintptr(e: A.CallExpr, v: number): void {
    e.type = T.uintptr;
    e.mode = 'constant';
    e.constValue = { kind: 'int', value: BigInt(v) };
  }

  /**
   * unsafe.Offsetof(x.f): the offset of field f in the struct x denotes, through embedded fields but not through
   * an embedded pointer (the field would live in another object).
   */
  private offsetof(e: A.CallExpr): void {
    const arg = unparen(e.args[0]!);
    if (arg.kind !== 'SelectorExpr') {
      this.expr(e.args[0]!);
      this.fail(arg.pos, `invalid argument: ${exprString(arg)} is not a selector expression`);
    }
    this.expr(arg.x);
    this.singleValue(arg.x);
    let base = arg.x.type!;
    if (underlying(base).kind === 'pointer') base = (underlying(base) as { elem: Type }).elem;
    const sel = lookupFieldOrMethod(base, arg.sel.name);
    if (!sel || sel.kind === 'ambiguous') this.fail(startPos(arg), `invalid argument: ${typeString(base)} has no single field ${arg.sel.name}`);
    if (sel.kind !== 'field') this.fail(startPos(arg), `invalid argument: ${exprString(arg)} is a method value`);
    if (sel.path.some((f) => underlying(f.type).kind === 'pointer')) {
      this.fail(startPos(arg), `invalid argument: field ${arg.sel.name} is embedded via a pointer in ${typeString(base)}`);
    }
    this.memberSelector(arg); // annotates the selector as any field selection (check/method.ts)
    this.constUintptr(e, [...sel.path, sel.field].reduce((off, f) => off + f.offset, 0));
  }
}
