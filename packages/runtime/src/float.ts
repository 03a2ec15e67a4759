// Floating-point and complex arithmetic, comparisons, conversions and printing (program/src/isa/float.ts).
// Values are IEEE bytes in the frame, read and written through the address space's Float32Array/Float64Array
// views; float32 results are rounded with Math.fround after every operation (exact: a double holds the exact
// sum, difference, product or quotient of two float32s to well within one float32 rounding).

import { FCvt, FMath, Op as O, PrintFloat } from '@gosim/program';
import type { AddressSpace } from '@gosim/memory';
import type { ExtOp, ExtOps } from './ext-ops.js';
import { printcomplex, printfloat } from './printfloat.js';

const Done = 0;
const fr = Math.fround;

type F2 = (x: number, y: number) => number;

function op64(f: F2): ExtOp {
  return { safePoint: false, run(m, _g, sp, a, b, c) { const v = m.space.f64; v[(sp + a) >>> 3] = f(v[(sp + b) >>> 3]!, v[(sp + c) >>> 3]!); return Done; } };
}
function op32(f: F2): ExtOp {
  return { safePoint: false, run(m, _g, sp, a, b, c) { const v = m.space.f32; v[(sp + a) >>> 2] = f(v[(sp + b) >>> 2]!, v[(sp + c) >>> 2]!); return Done; } };
}
function cmp64(f: (x: number, y: number) => boolean): ExtOp {
  return { safePoint: false, run(m, _g, sp, a, b, c) { const v = m.space.f64; m.space.u8[sp + a] = f(v[(sp + b) >>> 3]!, v[(sp + c) >>> 3]!) ? 1 : 0; return Done; } };
}
function cmp32(f: (x: number, y: number) => boolean): ExtOp {
  return { safePoint: false, run(m, _g, sp, a, b, c) { const v = m.space.f32; m.space.u8[sp + a] = f(v[(sp + b) >>> 2]!, v[(sp + c) >>> 2]!) ? 1 : 0; return Done; } };
}

const isInf = (f: number): boolean => f === Infinity || f === -Infinity;
const isFinite = (f: number): boolean => Number.isFinite(f);
const copysign = (x: number, s: number): number => ((s < 0 || Object.is(s, -0)) !== (x < 0 || Object.is(x, -0)) ? -x : x);
const inf2one = (f: number): number => copysign(isInf(f) ? 1 : 0, f);

/** runtime.complex128div: Smith's algorithm, then C99's corrections to infinities and zeros. */
export function complex128div(a0: number, b0: number, c0: number, d0: number): [number, number] {
  let e: number;
  let f: number;
  if (Math.abs(c0) >= Math.abs(d0)) {
    const ratio = d0 / c0;
    const denom = c0 + ratio * d0;
    e = (a0 + b0 * ratio) / denom;
    f = (b0 - a0 * ratio) / denom;
  } else {
    const ratio = c0 / d0;
    const denom = d0 + ratio * c0;
    e = (a0 * ratio + b0) / denom;
    f = (b0 * ratio - a0) / denom;
  }
  if (Number.isNaN(e) && Number.isNaN(f)) {
    let a = a0, b = b0, c = c0, d = d0;
    if (c === 0 && d === 0 && (!Number.isNaN(a) || !Number.isNaN(b))) {
      e = copysign(Infinity, c) * a;
      f = copysign(Infinity, c) * b;
    } else if ((isInf(a) || isInf(b)) && isFinite(c) && isFinite(d)) {
      a = inf2one(a);
      b = inf2one(b);
      e = Infinity * (a * c + b * d);
      f = Infinity * (b * c - a * d);
    } else if ((isInf(c) || isInf(d)) && isFinite(a) && isFinite(b)) {
      c = inf2one(c);
      d = inf2one(d);
      e = 0 * (a * c + b * d);
      f = 0 * (b * c - a * d);
    }
  }
  return [e, f];
}

/** Complex multiply and divide; complex64 is widened to float64 and the result rounded back, as Go's. */
function cop(wide: boolean, div: boolean): ExtOp {
  return {
    safePoint: false,
    run(m, _g, sp, a, b, c) {
      const v = wide ? m.space.f64 : m.space.f32;
      const sh = wide ? 3 : 2;
      const x = (sp + b) >>> sh;
      const y = (sp + c) >>> sh;
      const xr = v[x]!, xi = v[x + 1]!, yr = v[y]!, yi = v[y + 1]!;
      let re: number;
      let im: number;
      if (div) [re, im] = complex128div(xr, xi, yr, yi);
      else { re = xr * yr - xi * yi; im = xr * yi + xi * yr; }
      const d = (sp + a) >>> sh;
      v[d] = re;
      v[d + 1] = im;
      return Done;
    },
  };
}

const Two63 = 9223372036854775808;
const Two31 = 2147483648;

/** Truncate toward zero into an int64 word as CVTTSD2SQ does (NaN or out of range: 0x8000000000000000). */
function toI64(s: AddressSpace, at: number, x: number): void {
  if (!(x >= -Two63 && x < Two63)) { s.store64Big(at, -(1n << 63n)); return; }
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) s.store64(at, t);
  else s.store64Big(at, BigInt(t));
}

/** CVTTSD2SL: into an int32, sign-extended to the word (NaN or out of range: 0x80000000). */
function toI32(s: AddressSpace, at: number, x: number): void {
  const t = Math.trunc(x);
  s.store64(at, t >= -Two31 && t < Two31 ? t : -Two31);
}

/** Go's float64ToUint64 on amd64: below 2^63 convert as signed, else subtract 2^63, convert, set the top bit. */
function toU64(s: AddressSpace, at: number, x: number): void {
  if (x < Two63) { toI64(s, at, x); return; }
  toI64(s, at, x - Two63);
  s.store64Big(at, s.load64Big(at) | -(1n << 63n));
}

/** The int64 (or uint64) word at addr as a correctly rounded double or float32. */
function wordToFloat(s: AddressSpace, at: number, unsigned: boolean, f32: boolean): number {
  const hi = s.i32[(at >>> 2) + 1]!;
  if (!unsigned || hi >= 0) {
    if (((hi + 0x200000) >>> 0) < 0x400000) { const v = s.load64(at); return f32 ? fr(v) : v; }
  }
  let b = s.load64Big(at);
  if (unsigned) b = BigInt.asUintN(64, b);
  if (!f32) return Number(b); // correctly rounded
  // round to 24 significant bits, ties to even
  const neg = b < 0n;
  const a = neg ? -b : b;
  const len = a.toString(2).length;
  const k = BigInt(len - 24);
  let mant = a >> k;
  const rest = a & ((1n << k) - 1n);
  const half = 1n << (k - 1n);
  if (rest > half || (rest === half && (mant & 1n) === 1n)) mant++;
  const v = Number(mant) * 2 ** Number(k);
  return neg ? -v : v;
}

const fcvt: ExtOp = {
  safePoint: false,
  run(m, _g, sp, a, b, c) {
    const s = m.space;
    const d = sp + a;
    const x = sp + b;
    switch (c) {
      case FCvt.I64toF64: s.f64[d >>> 3] = wordToFloat(s, x, false, false); break;
      case FCvt.U64toF64: s.f64[d >>> 3] = wordToFloat(s, x, true, false); break;
      case FCvt.I64toF32: s.f32[d >>> 2] = wordToFloat(s, x, false, true); break;
      case FCvt.U64toF32: s.f32[d >>> 2] = wordToFloat(s, x, true, true); break;
      case FCvt.F64toI64: toI64(s, d, s.f64[x >>> 3]!); break;
      case FCvt.F64toU64: toU64(s, d, s.f64[x >>> 3]!); break;
      case FCvt.F64toI32: toI32(s, d, s.f64[x >>> 3]!); break;
      case FCvt.F32toI64: toI64(s, d, s.f32[x >>> 2]!); break;
      case FCvt.F32toU64: toU64(s, d, s.f32[x >>> 2]!); break;
      case FCvt.F32toI32: toI32(s, d, s.f32[x >>> 2]!); break;
      case FCvt.F64toF32: s.f32[d >>> 2] = s.f64[x >>> 3]!; break;
      case FCvt.F32toF64: s.f64[d >>> 3] = s.f32[x >>> 2]!; break;
    }
    return Done;
  },
};

/** FMATH: math.Sqrt/Floor/Ceil/Trunc/Abs as amd64's instructions (JS's sqrt is IEEE's correctly rounded one). */
const fmath: ExtOp = {
  safePoint: false,
  run(m, _g, sp, a, b, c) {
    const s = m.space;
    const x = s.f64[(sp + b) >>> 3]!;
    const lo = s.i32[(sp + b) >>> 2]!;
    const hi = s.i32[((sp + b) >>> 2) + 1]!;
    const put = (l: number, h: number): void => { s.i32[(sp + a) >>> 2] = l; s.i32[((sp + a) >>> 2) + 1] = h; };
    if (c === FMath.Abs) return put(lo, hi & 0x7fffffff), Done;
    if (x !== x) return put(lo, hi), Done; // the NaN's own bits
    if (c === FMath.Sqrt && x < 0) return put(0, 0xfff80000 | 0), Done;
    s.f64[(sp + a) >>> 3] = c === FMath.Sqrt ? Math.sqrt(x) : c === FMath.Floor ? Math.floor(x) : c === FMath.Ceil ? Math.ceil(x) : Math.trunc(x);
    return Done;
  },
};

const printf: ExtOp = {
  safePoint: false,
  run(m, _g, sp, a, b) {
    const s = m.space;
    const x = sp + b;
    switch (a) {
      case PrintFloat.F32: m.print(printfloat(s.f32[x >>> 2]!)); break;
      case PrintFloat.F64: m.print(printfloat(s.f64[x >>> 3]!)); break;
      case PrintFloat.C64: m.print(printcomplex(s.f32[x >>> 2]!, s.f32[(x >>> 2) + 1]!)); break;
      case PrintFloat.C128: m.print(printcomplex(s.f64[x >>> 3]!, s.f64[(x >>> 3) + 1]!)); break;
    }
    return Done;
  },
};

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const floatOps: ExtOps = {
  [O.FADD64]: op64((x, y) => x + y),
  [O.FSUB64]: op64((x, y) => x - y),
  [O.FMUL64]: op64((x, y) => x * y),
  [O.FDIV64]: op64((x, y) => x / y),
  [O.FADD32]: op32((x, y) => fr(x + y)),
  [O.FSUB32]: op32((x, y) => fr(x - y)),
  [O.FMUL32]: op32((x, y) => fr(x * y)),
  [O.FDIV32]: op32((x, y) => fr(x / y)),
  [O.FNEG64]: { safePoint: false, run(m, _g, sp, a, b) { const v = m.space.f64; v[(sp + a) >>> 3] = -v[(sp + b) >>> 3]!; return Done; } },
  [O.FNEG32]: { safePoint: false, run(m, _g, sp, a, b) { const v = m.space.f32; v[(sp + a) >>> 2] = -v[(sp + b) >>> 2]!; return Done; } },
  [O.FEQ64]: cmp64((x, y) => x === y),
  [O.FLT64]: cmp64((x, y) => x < y),
  [O.FLE64]: cmp64((x, y) => x <= y),
  [O.FEQ32]: cmp32((x, y) => x === y),
  [O.FLT32]: cmp32((x, y) => x < y),
  [O.FLE32]: cmp32((x, y) => x <= y),
  [O.CMUL128]: cop(true, false),
  [O.CDIV128]: cop(true, true),
  [O.CMUL64]: cop(false, false),
  [O.CDIV64]: cop(false, true),
  [O.FCVT]: fcvt,
  [O.PRINTF]: printf,
  [O.FMATH]: fmath,
};
