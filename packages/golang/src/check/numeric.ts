/**
 * The checker's float and complex rules that need its state: a folded numeric constant in its type (rounded,
 * overflow an error), the builtins complex, real and imag, and numeric conversions.
 */
import { unparen } from '../parser.js';
import type * as A from '../ast.js';
import type { ConstValue } from '../constant.js';
import { constString } from '../constant.js';
import type { Type } from '../types.js';
import { defaultType, isComplex, isFloat, isUntyped, T, typeString, underlying } from '../types.js';
import { MethodChecker } from './method.js';
import { exprString } from './expr-string.js';
import { complexOf, isNumeric, isNumericConst, partType, representNumeric, toCRat, untypedRank } from './float.js';

export abstract class NumericChecker extends MethodChecker {
  /** A folded constant c of expression e as a value of type t (typed: rounded to t; overflow is an error). */
  protected numericConstIn(e: A.Expr, c: ConstValue, t: Type): ConstValue {
    const r = representNumeric(c, t);
    if (r === 'overflows' || r === 'truncated') {
      if (isUntyped(t)) return c;
      this.fail(e.pos, `constant ${constString(c)} overflows ${typeString(t)}`);
    }
    return r;
  }

  /** complex(f()) with f returning two values of one float type (lowered by lower/float.ts from the tuple). */
  private complexOfTuple(e: A.CallExpr): boolean {
    const a = e.args[0]!;
    this.expr(a, undefined, true);
    if (a.mode === 'novalue') this.fail(a.pos, `${exprString(a)} (no value) used as value`);
    const tt = a.type!;
    if (tt.kind !== 'tuple') return false;
    if (tt.types.length !== 2) {
      const few = tt.types.length < 2;
      this.fail(few ? e.pos : a.pos, `${few ? 'not enough' : 'too many'} arguments for ${exprString(e)} (expected 2, found ${tt.types.length})`);
    }
    const [xt, yt] = tt.types as [Type, Type];
    if (underlying(xt) !== underlying(yt)) this.fail(a.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`);
    if (!isFloat(xt)) this.fail(a.pos, `invalid argument: arguments have type ${typeString(xt)}, expected floating-point`);
    e.type = complexOf(xt);
    e.mode = 'value';
    return true;
  }

  /** complex(re, im), real(c), imag(c). */
  protected complexBuiltin(e: A.CallExpr, name: 'complex' | 'real' | 'imag'): void {
    const need = name === 'complex' ? 2 : 1;
    if (need === 2 && e.args.length === 1 && unparen(e.args[0]!).kind === 'CallExpr' && this.complexOfTuple(e)) return;
    if (e.args.length !== need) {
      const few = e.args.length < need;
      this.fail(few ? e.pos : e.args[need]!.pos, `${few ? 'not enough' : 'too many'} arguments for ${exprString(e)} (expected ${need}, found ${e.args.length})`);
    }
    for (const a of e.args) { this.expr(a); this.singleValue(a); }
    if (name === 'complex') {
      const [x, y] = e.args as [A.Expr, A.Expr];
      const bothConst = x.mode === 'constant' && y.mode === 'constant';
      // an untyped operand takes the other's type; two untyped constants make an untyped complex constant
      if (isUntyped(x.type!) && !isUntyped(y.type!)) this.convertUntyped(x, y.type!, 'argument to complex');
      else if (isUntyped(y.type!) && !isUntyped(x.type!)) this.convertUntyped(y, x.type!, 'argument to complex');
      else if (isUntyped(x.type!) && isUntyped(y.type!) && !bothConst) {
        this.convertUntyped(x, T.float64, 'argument to complex');
        this.convertUntyped(y, T.float64, 'argument to complex');
      }
      const xt = x.type!;
      const yt = y.type!;
      if (!isUntyped(xt) && !isUntyped(yt) && underlying(xt) !== underlying(yt)) {
        this.fail(x.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`);
      }
      const ft = isUntyped(xt) ? T.untypedFloat : xt;
      if (!isFloat(ft)) this.fail(x.pos, `invalid argument: arguments have type ${typeString(xt)}, expected floating-point`);
      e.type = complexOf(ft);
      e.mode = 'value';
      if (bothConst && isNumericConst(x.constValue) && isNumericConst(y.constValue)) {
        const re = toCRat(x.constValue);
        const im = toCRat(y.constValue);
        if (re.im.num !== 0n || im.im.num !== 0n) this.fail(x.pos, `invalid argument: complex arguments must be real`);
        e.mode = 'constant';
        e.constValue = { kind: 'complex', re: re.re, im: im.re };
      }
      return;
    }
    const x = e.args[0]!;
    let xt = x.type!;
    if (isUntyped(xt) && x.mode === 'constant' && untypedRank(xt) > 0) {
      // real(untyped constant) is an untyped float constant
      xt = T.untypedComplex;
    } else if (!isComplex(xt)) this.fail(x.pos, `invalid argument: ${this.describe(x)} not of complex type`);
    e.type = partType(xt);
    e.mode = 'value';
    if (x.mode === 'constant' && isNumericConst(x.constValue)) {
      const z = toCRat(x.constValue);
      e.mode = 'constant';
      e.constValue = { kind: 'float', value: name === 'real' ? z.re : z.im };
    }
  }

  /**
   * A conversion T(x) where T or x is a float or complex type (or x an untyped float/complex constant);
   * returns false when the conversion is not numeric.
   */
  protected numericConversion(e: A.CallExpr, x: A.Expr, t: Type): boolean {
    const xt = x.type!;
    const cv = x.constValue;
    const numericKinds = isNumeric(t) && (isNumeric(xt) || untypedRank(xt) > 0);
    if (!numericKinds) return false;
    if (!(isFloat(t) || isComplex(t) || isFloat(xt) || isComplex(xt))) return false;
    if (x.mode === 'constant' && isNumericConst(cv)) {
      const r = representNumeric(cv, t);
      if (typeof r === 'string') this.fail(x.pos, `cannot convert ${this.describe(x)} to type ${typeString(t)}`);
      if (isUntyped(xt)) this.convertUntyped(x, t, 'conversion');
      e.mode = 'constant';
      e.constValue = r;
      return true;
    }
    // complex converts only to complex; the other numeric types convert among themselves
    if (isComplex(t) !== isComplex(xt)) this.fail(x.pos, `cannot convert ${this.describe(x)} to type ${typeString(t)}`);
    if (isUntyped(xt)) this.convertUntyped(x, defaultType(xt), 'conversion');
    return true;
  }
}
