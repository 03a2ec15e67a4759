// Exact int64 arithmetic for the cases the interpreter's fast path (values within ±2^53) cannot take.

import type { AddressSpace } from '@gosim/memory';
import { Op } from '@gosim/program';

/** dst = x op y, exactly, with Go's wraparound and shift rules (shift counts are unsigned). */
export function arith(s: AddressSpace, op: number, dst: number, xa: number, ya: number): void {
  const x = s.load64Big(xa);
  const y = s.load64Big(ya);
  let r: bigint;
  switch (op) {
    case Op.ADD: r = x + y; break;
    case Op.SUB: r = x - y; break;
    case Op.MUL: r = x * y; break;
    case Op.DIV: r = y === -1n ? -x : x / y; break; // BigInt division truncates toward zero, like Go
    case Op.MOD: r = y === -1n ? 0n : x % y; break;
    case Op.AND: r = x & y; break;
    case Op.OR: r = x | y; break;
    case Op.XOR: r = x ^ y; break;
    case Op.ANDNOT: r = x & ~y; break;
    case Op.SHL: r = y >= 64n ? 0n : x << y; break;
    case Op.SHR: r = x >> (y >= 64n ? 63n : y); break;
    case Op.SHRU: r = y >= 64n ? 0n : BigInt.asUintN(64, x) >> y; break;
    default: throw new Error(`arith: op ${op}`);
  }
  s.store64Big(dst, BigInt.asIntN(64, r));
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
