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
  const x = s.load64Big(xa);
  const y = s.load64Big(ya);
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
