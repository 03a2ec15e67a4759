// Exact int64 arithmetic: the cases the interpreter's fast path (values within ±2^53) cannot take, and the
// shift operators, which work on the words' int32 halves (the bitwise ones are inline in the interpreter).

import type { AddressSpace } from '@gosim/memory';
import { Op } from '@gosim/program';

// Imported bindings copied once (under CommonJS each use of an import is a getter call).
const { SHL: OP_SHL, SHR: OP_SHR } = Op;

/**
 * dst = x op y for ADD SUB MUL DIV MOD DIVU MODU, exactly, with Go's two's complement wraparound.
 * The caller has already raised the divide-by-zero panic for y == 0.
 */
export function arith(s: AddressSpace, op: number, dst: number, xa: number, ya: number): void {
  s.store64Big(dst, arith64(op, s.load64Big(xa), s.load64Big(ya)));
}

/** x op y on int64 values as BigInts (ADD SUB MUL DIV MOD DIVU MODU), wrapped to int64. */
function arith64(op: number, x: bigint, y: bigint): bigint {
  const n = BigInt.asUintN(64, y); // y as an unsigned divisor
  let r: bigint;
  switch (op) {
    case Op.ADD: r = x + y; break;
    case Op.SUB: r = x - y; break;
    case Op.MUL: r = x * y; break;
    case Op.DIV: r = x / y; break; // BigInt division truncates toward zero, like Go; MinInt64 / -1 wraps below
    case Op.MOD: r = x % y; break;
    case Op.DIVU: r = BigInt.asUintN(64, x) / n; break;
    case Op.MODU: r = BigInt.asUintN(64, x) % n; break;
    default: throw new Error(`arith: op ${op}`);
  }
  return BigInt.asIntN(64, r);
}

/**
 * The high 32 bits of the unsigned 64-bit product of x and y (their low 32 bits, as uint32), as a JS number in
 * [0, 2^32): with Math.imul's low half, the int64 product of halves (lo = imul(xl, yl), hi = mulhiu(xl, yl) +
 * imul(xh, yl) + imul(xl, yh), mod 2^32) is Go's wrapping multiply without leaving int32 arithmetic.
 */
export function mulhiu(x: number, y: number): number {
  const x0 = x & 0xffff, x1 = x >>> 16, y0 = y & 0xffff, y1 = y >>> 16;
  const mid1 = x1 * y0, mid2 = x0 * y1;
  const carry = (((x0 * y0) >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return x1 * y1 + (mid1 >>> 16) + (mid2 >>> 16) + carry;
}

/** divmod64's result: [lo, hi] halves of the int64. */
export const wide = new Int32Array(2);

/** x op y (arith64's ops) on int64 halves into `wide`, exactly as arith() (a divisor != 0, checked by the caller). */
export function divmod64(op: number, xl: number, xh: number, yl: number, yh: number): void {
  const r = arith64(op, (BigInt(xh) << 32n) | BigInt(xl >>> 0), (BigInt(yh) << 32n) | BigInt(yl >>> 0));
  wide[0] = Number(BigInt.asIntN(32, r));
  wide[1] = Number(BigInt.asIntN(32, r >> 32n));
}

/** Signed compare of the int64 words at x and y: negative, zero or positive. */
export function compareSigned(i32: Int32Array, x: number, y: number): number {
  const xh = i32[(x >>> 2) + 1]!;
  const yh = i32[(y >>> 2) + 1]!;
  if (xh !== yh) return xh < yh ? -1 : 1;
  const xl = i32[x >>> 2]! >>> 0;
  const yl = i32[y >>> 2]! >>> 0;
  return xl === yl ? 0 : xl < yl ? -1 : 1;
}

export function compareUnsigned(i32: Int32Array, x: number, y: number): number {
  const xh = i32[(x >>> 2) + 1]! >>> 0;
  const yh = i32[(y >>> 2) + 1]! >>> 0;
  if (xh !== yh) return xh < yh ? -1 : 1;
  const xl = i32[x >>> 2]! >>> 0;
  const yl = i32[y >>> 2]! >>> 0;
  return xl === yl ? 0 : xl < yl ? -1 : 1;
}

/**
 * dst = x << y, x >> y (arithmetic) or x >>> y (logical) on the int32 halves of the words, exactly. The count y
 * is unsigned: any count of 64 or more (high half non-zero included) shifts every bit out.
 */
export function shift(i32: Int32Array, op: number, dst: number, xa: number, ya: number): void {
  const x = xa >>> 2;
  const y = ya >>> 2;
  const lo = i32[x]!;
  const hi = i32[x + 1]!;
  const n = i32[y + 1] !== 0 || (i32[y]! >>> 0) >= 64 ? 64 : i32[y]!;
  let rl: number;
  let rh: number;
  if (n === 0) { rl = lo; rh = hi; } else if (op === OP_SHL) {
    if (n >= 64) { rl = 0; rh = 0; } else if (n >= 32) { rl = 0; rh = lo << (n - 32); } else { rl = lo << n; rh = (hi << n) | (lo >>> (32 - n)); }
  } else if (op === OP_SHR) {
    if (n >= 64) { rh = hi >> 31; rl = rh; } else if (n >= 32) { rh = hi >> 31; rl = hi >> (n - 32); } else { rl = (lo >>> n) | (hi << (32 - n)); rh = hi >> n; }
  } else if (n >= 64) { rl = 0; rh = 0; } else if (n >= 32) { rh = 0; rl = hi >>> (n - 32); } else { rl = (lo >>> n) | (hi << (32 - n)); rh = hi >>> n; }
  const d = dst >>> 2;
  i32[d] = rl;
  i32[d + 1] = rh;
}
