/**
 * Floats and complex numbers: constants (IEEE bits as immediates or constant-table words), arithmetic,
 * comparisons, conversions, complex/real/imag, print. Register form = memory form (float32 4 bytes, float64 8,
 * complex64 {re, im float32} 8, complex128 {re, im float64} 16), in 8-aligned temporaries.
 */
import { FCvt, Op, PrintFloat } from '@gosim/program';
import type * as A from '../ast.js';
import type { ConstValue } from '../constant.js';
import { F32, F64, float32Bits, float64Bits, ratToFloat } from '../constant-float.js';
import { toCRat } from '../check/float.js';
import { T, intInfo, isComplex, isFloat, sizeof, underlying, type Type } from '../types.js';
import { multi } from './assign.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { operand } from './ops.js';
import { load, store, type Place } from './place.js';

/** float or complex (typed). */
export function isFloaty(t: Type | undefined): boolean {
  return t !== undefined && (isFloat(t) || isComplex(t));
}

const is32 = (t: Type): boolean => { const u = underlying(t); return u === T.float32 || u === T.complex64; };
/** The float type of t's parts (t itself for a float). */
const part = (t: Type): Type => (is32(t) ? T.float32 : T.float64);

/** The words (8 bytes each, the value's bytes first) of a numeric constant c as a value of float or complex type t. */
export function floatConstWords(c: ConstValue, t: Type): bigint[] {
  const z = toCRat(c);
  const f32 = is32(t);
  const fmt = f32 ? F32 : F64;
  const re = ratToFloat(z.re, fmt);
  if (!isComplex(t)) return [f32 ? float32Bits(re) : float64Bits(re)];
  const im = ratToFloat(z.im, fmt);
  return f32 ? [BigInt.asIntN(64, (float32Bits(im) << 32n) | float32Bits(re))] : [float64Bits(re), float64Bits(im)];
}

/** A numeric constant c as a value of float or complex type t. */
export function floatConst(fn: FnLower, c: ConstValue, t: Type): Loc {
  const d = fn.tmp(t);
  floatConstWords(c, t).forEach((w, i) => fn.imm(w, i === 0 ? d : at(d, 8 * i)));
  return d;
}

/** -x and +x. */
export function floatUnary(fn: FnLower, e: A.UnaryExpr): Loc {
  const x = val(fn, e.x);
  if (e.op === '+') return x;
  const t = e.type!;
  const d = fn.tmp(t);
  const neg = is32(t) ? Op.FNEG32 : Op.FNEG64;
  fn.f.emit(neg, d, x);
  if (isComplex(t)) { const h = sizeof(t) / 2; fn.f.emit(neg, at(d, h), at(x, h)); }
  return d;
}

export function floatBinary(fn: FnLower, e: A.BinaryExpr): Loc {
  const x = operand(fn, e.x, e.y);
  const y = val(fn, e.y);
  return floatArith(fn, e.op, e.type!, x, y);
}

/** x op y for float or complex t (+ - * /). */
export function floatArith(fn: FnLower, op: string, t: Type, x: Loc, y: Loc): Loc {
  const f = fn.f;
  const d = fn.tmp(t);
  const w = is32(t);
  if (isComplex(t) && (op === '*' || op === '/')) {
    f.emit(op === '*' ? (w ? Op.CMUL64 : Op.CMUL128) : (w ? Op.CDIV64 : Op.CDIV128), d, x, y);
    return d;
  }
  const opc = ({
    '+': w ? Op.FADD32 : Op.FADD64, '-': w ? Op.FSUB32 : Op.FSUB64,
    '*': w ? Op.FMUL32 : Op.FMUL64, '/': w ? Op.FDIV32 : Op.FDIV64,
  } as Record<string, number>)[op];
  if (opc === undefined) return fn.fail(`operator ${op} on floats is not supported by gosim`);
  f.emit(opc, d, x, y);
  if (isComplex(t)) { const h = sizeof(t) / 2; f.emit(opc, at(d, h), at(x, h), at(y, h)); }
  return d;
}

/** d = x op y for op in == != < <= (the caller swapped > and >=). */
export function floatCompare(fn: FnLower, op: string, x: Loc, y: Loc, t: Type, d: Loc): Loc {
  const f = fn.f;
  const w = is32(t);
  if (op === '<' || op === '<=') {
    f.emit(op === '<' ? (w ? Op.FLT32 : Op.FLT64) : (w ? Op.FLE32 : Op.FLE64), d, x, y);
    return d;
  }
  const eq = w ? Op.FEQ32 : Op.FEQ64;
  f.emit(eq, d, x, y);
  if (isComplex(t)) {
    const done = f.label();
    f.emit(Op.JZ, d, done);
    const h = sizeof(t) / 2;
    f.emit(eq, d, at(x, h), at(y, h));
    f.bind(done);
  }
  if (op === '!=') f.emit(Op.NOT1, d, d);
  return d;
}

/** x++ / x-- on a float or complex variable. */
export function floatIncDec(fn: FnLower, p: Place, t: Type, inc: boolean): void {
  const x = fn.own(load(fn, p, t), t);
  const one = floatConst(fn, { kind: 'int', value: 1n }, t);
  store(fn, p, t, floatArith(fn, inc ? '+' : '-', t, x, one));
}

/** A conversion where the source or the target is a float or complex type. */
export function floatConversion(fn: FnLower, x: A.Expr, t: Type): Loc {
  const xt = x.type!;
  const v = val(fn, x);
  const f = fn.f;
  if (isComplex(t)) {
    if (is32(t) === is32(xt)) return v;
    const d = fn.tmp(t);
    const mode = is32(t) ? FCvt.F64toF32 : FCvt.F32toF64;
    const h = sizeof(xt) / 2;
    f.emit(Op.FCVT, d, v, mode);
    f.emit(Op.FCVT, at(d, sizeof(t) / 2), at(v, h), mode);
    return d;
  }
  if (isFloat(t)) {
    if (isFloat(xt)) {
      if (is32(t) === is32(xt)) return v;
      const d = fn.tmp(t);
      f.emit(Op.FCVT, d, v, is32(t) ? FCvt.F64toF32 : FCvt.F32toF64);
      return d;
    }
    // integer source: its sign- or zero-extended word
    const wv = fn.toWord(v, xt);
    const { bits, signed } = intInfo(xt);
    const u64 = !signed && bits === 64;
    const d = fn.tmp(t);
    f.emit(Op.FCVT, d, wv, is32(t) ? (u64 ? FCvt.U64toF32 : FCvt.I64toF32) : (u64 ? FCvt.U64toF64 : FCvt.I64toF64));
    return d;
  }
  // float to integer: as Go's amd64 SSA does (8/16/32-bit signed and 8/16-bit unsigned through int32, uint32
  // through int64, uint64 by float64ToUint64), then truncated to the target's width
  const { bits, signed } = intInfo(t);
  const s32 = is32(xt);
  let mode: number;
  if (bits === 64 && !signed) mode = s32 ? FCvt.F32toU64 : FCvt.F64toU64;
  else if (bits === 64 || (bits === 32 && !signed)) mode = s32 ? FCvt.F32toI64 : FCvt.F64toI64;
  else mode = s32 ? FCvt.F32toI32 : FCvt.F64toI32;
  const w = fn.word();
  f.emit(Op.FCVT, w, v, mode);
  return fn.fromWord(w, t);
}

/** complex(re, im), real(c), imag(c). */
export function complexBuiltin(fn: FnLower, e: A.CallExpr): Loc {
  const f = fn.f;
  const t = e.type!;
  if (e.builtin === 'complex') {
    const pair = e.args.length === 1 ? multi(fn, e.args[0]!, [part(t), part(t)]) : undefined; // complex(f())
    const re = pair ? pair[0]! : operand(fn, e.args[0]!, e.args[1]!);
    const im = pair ? pair[1]! : val(fn, e.args[1]!);
    const d = fn.tmp(t);
    const h = sizeof(t) / 2;
    fn.moveFrame(d, re, h);
    fn.moveFrame(at(d, h), im, h);
    return d;
  }
  const c = val(fn, e.args[0]!);
  const h = sizeof(e.args[0]!.type!) / 2;
  const d = fn.tmp(part(e.args[0]!.type!));
  fn.moveFrame(d, e.builtin === 'real' ? c : at(c, h), h);
  return d;
}

/** The PRINTF kind for a float or complex type. */
export function printFloatKind(t: Type): number {
  if (isComplex(t)) return is32(t) ? PrintFloat.C64 : PrintFloat.C128;
  return is32(t) ? PrintFloat.F32 : PrintFloat.F64;
}
