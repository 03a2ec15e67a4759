/**
 * Numeric constants beyond integers: untyped float/complex literals, the kind an untyped operation takes (int <
 * rune < float < complex), folding of + - * / and comparisons, and representability in a numeric type (Go's
 * representableConst: integers exact, floats rounded to the type, overflow to ±Inf an error).
 */
import type { ConstValue } from '../constant.js';
import { representable } from '../constant.js';
import type { Rat } from '../constant-float.js';
import { F32, F64, floatToRat, parseFloatLit, rat, ratAdd, ratCmp, ratIsInt, ratMul, ratNeg, ratQuo, ratSub, ratToFloat, ratZero } from '../constant-float.js';
import type { Type } from '../types.js';
import { isComplex, isFloat, isInteger, isUntyped, T, underlying } from '../types.js';

/** A numeric constant as a complex rational (integers and floats have im = 0). */
export interface CRat { re: Rat; im: Rat }

export function isNumeric(t: Type): boolean {
  return isInteger(t) || isFloat(t) || isComplex(t);
}

export function isNumericConst(c: ConstValue | undefined): c is Extract<ConstValue, { kind: 'int' | 'float' | 'complex' }> {
  return c?.kind === 'int' || c?.kind === 'float' || c?.kind === 'complex';
}

export function toCRat(c: ConstValue): CRat {
  switch (c.kind) {
    case 'int': return { re: rat(c.value), im: ratZero };
    case 'float': return { re: c.value, im: ratZero };
    case 'complex': return { re: c.re, im: c.im };
    default: return { re: ratZero, im: ratZero };
  }
}

/** The rank of an untyped numeric kind (0: not numeric). */
export function untypedRank(t: Type): number {
  if (t === T.untypedInt) return 1;
  if (t === T.untypedRune) return 2;
  if (t === T.untypedFloat) return 3;
  if (t === T.untypedComplex) return 4;
  return 0;
}

/** The constant value of a FLOAT or IMAG literal, or undefined when gosim cannot fold it exactly. */
export function floatLit(raw: string, imag: boolean): ConstValue | undefined {
  const text = imag ? raw.slice(0, -1) : raw;
  let r: Rat | undefined;
  try {
    // an imaginary literal's digits may be an integer (`0123i` is decimal)
    if (imag && /^[0-9_]+$/.test(text)) r = rat(BigInt(text.replace(/_/g, '')));
    else if (imag && /^0[xXbBoO]/.test(text) && !/[.pP]/.test(text)) r = rat(BigInt(text.replace(/_/g, '')));
    else r = parseFloatLit(text);
  } catch {
    r = undefined; // a malformed literal the lexer already reported
  }
  if (!r) return undefined;
  return imag ? { kind: 'complex', re: ratZero, im: r } : { kind: 'float', value: r };
}

/** The value c takes in numeric type t, or why it cannot ('truncated' | 'overflows'). */
export function representNumeric(c: ConstValue, t: Type): ConstValue | 'truncated' | 'overflows' {
  const z = toCRat(c);
  const u = underlying(t);
  if (isInteger(u)) {
    if (z.im.num !== 0n || !ratIsInt(z.re)) return 'truncated';
    const v = z.re.num;
    if (!representable(v, u)) return 'overflows';
    return { kind: 'int', value: v };
  }
  if (isFloat(u)) {
    if (z.im.num !== 0n) return 'truncated';
    if (isUntyped(u)) return { kind: 'float', value: z.re };
    const r = roundTo(z.re, u === T.float32);
    return r ?? 'overflows';
  }
  if (isComplex(u)) {
    if (isUntyped(u)) return { kind: 'complex', re: z.re, im: z.im };
    const f32 = u === T.complex64;
    const re = roundTo(z.re, f32);
    const im = roundTo(z.im, f32);
    if (!re || !im) return 'overflows';
    return { kind: 'complex', re: re.value, im: im.value };
  }
  return 'truncated';
}

function roundTo(r: Rat, f32: boolean): { kind: 'float'; value: Rat } | undefined {
  const x = ratToFloat(r, f32 ? F32 : F64);
  if (!Number.isFinite(x)) return undefined;
  return { kind: 'float', value: floatToRat(x) };
}

/** Fold x op y for numeric constants in type t (an untyped or typed float/complex type); undefined: division by zero. */
export function foldNumeric(op: string, a: ConstValue, b: ConstValue, t: Type): ConstValue | undefined {
  const x = toCRat(a);
  const y = toCRat(b);
  let re: Rat;
  let im: Rat;
  switch (op) {
    case '+': re = ratAdd(x.re, y.re); im = ratAdd(x.im, y.im); break;
    case '-': re = ratSub(x.re, y.re); im = ratSub(x.im, y.im); break;
    case '*':
      re = ratSub(ratMul(x.re, y.re), ratMul(x.im, y.im));
      im = ratAdd(ratMul(x.re, y.im), ratMul(x.im, y.re));
      break;
    case '/': {
      const d = ratAdd(ratMul(y.re, y.re), ratMul(y.im, y.im));
      if (d.num === 0n) return undefined;
      re = ratQuo(ratAdd(ratMul(x.re, y.re), ratMul(x.im, y.im)), d);
      im = ratQuo(ratSub(ratMul(x.im, y.re), ratMul(x.re, y.im)), d);
      break;
    }
    default: return { kind: 'float', value: ratZero };
  }
  return isComplex(t) ? { kind: 'complex', re, im } : { kind: 'float', value: re };
}

export function negNumeric(c: ConstValue): ConstValue {
  if (c.kind === 'float') return { kind: 'float', value: ratNeg(c.value) };
  if (c.kind === 'complex') return { kind: 'complex', re: ratNeg(c.re), im: ratNeg(c.im) };
  return c;
}

/** Compare two numeric constants (complex: only == and !=). */
export function compareNumeric(op: string, a: ConstValue, b: ConstValue): boolean {
  const x = toCRat(a);
  const y = toCRat(b);
  const eq = ratCmp(x.re, y.re) === 0 && ratCmp(x.im, y.im) === 0;
  const c = ratCmp(x.re, y.re);
  switch (op) {
    case '==': return eq;
    case '!=': return !eq;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

/** The constant's value is zero (a division by it is a compile-time error). */
export function isZeroConst(c: ConstValue): boolean {
  const z = toCRat(c);
  return z.re.num === 0n && z.im.num === 0n;
}

/** The float type of complex type t's parts (complex64 → float32), or untyped float. */
export function partType(t: Type): Type {
  const u = underlying(t);
  return u === T.complex64 ? T.float32 : u === T.complex128 ? T.float64 : T.untypedFloat;
}

/** The complex type with parts of float type t. */
export function complexOf(t: Type): Type {
  const u = underlying(t);
  return u === T.float32 ? T.complex64 : u === T.float64 ? T.complex128 : T.untypedComplex;
}

/** An exact text of a constant, for finding duplicate switch cases. */
export function constKey(c: ConstValue): string {
  if (c.kind === 'float') return `${c.value.num}/${c.value.den}`;
  if (c.kind === 'complex') return `${c.re.num}/${c.re.den} ${c.im.num}/${c.im.den}`;
  return String(c.value);
}

/** An untyped float or complex constant with an integer value as that integer (`[1e1]int`); c otherwise. */
export function intValued(c: ConstValue | undefined): ConstValue | undefined {
  if (c?.kind !== 'float' && c?.kind !== 'complex') return c;
  const z = toCRat(c);
  return z.im.num === 0n && ratIsInt(z.re) ? { kind: 'int', value: z.re.num } : c;
}
