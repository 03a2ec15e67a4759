// Go 1.19's fastrand on amd64 (wyrand over the M's 64-bit state) and fastrandn. gosim has one M; its state
// starts from the run's seed instead of cputicks, so a run is reproducible. The 64-bit state and the 128-bit
// product are kept in uint32 halves (exactly Go's arithmetic modulo 2^64, without BigInt on the hot path).

import type { Machine } from './machine.js';

const Mask64 = (1n << 64n) - 1n;
const TwoTo32 = 2 ** 32;
/** A machine's state: [lo, hi] uint32 halves. */
const state = new WeakMap<Machine, Uint32Array>();
// the last machine's state, so the hot path skips the WeakMap (held until another machine draws a number)
let lastM: Machine | null = null;
let lastState: Uint32Array = new Uint32Array(2);

function stateOf(m: Machine): Uint32Array {
  if (m === lastM) return lastState;
  let st = state.get(m);
  if (st === undefined) {
    const s0 = (BigInt(m.opts.seed ?? 0) * 0x9e3779b97f4a7c15n) & Mask64;
    st = new Uint32Array([Number(s0 & 0xffffffffn), Number(s0 >> 32n)]);
    state.set(m, st);
  }
  lastM = m;
  lastState = st;
  return st;
}

/** The high uint32 of the 64-bit product of uint32s x and y (16-bit halves keep every step exact). */
function mulhi32(x: number, y: number): number {
  const xh = x >>> 16;
  const xl = x & 0xffff;
  const yh = y >>> 16;
  const yl = y & 0xffff;
  return xh * yh + ((((xh * yl + xl * yh) * 0x10000 + xl * yl) / TwoTo32) >>> 0); // the quotient is below 2^21: >>> 0 floors it
}

/** m.fastrand += 0xa0761d6478bd642f; hi, lo := Mul64(s, s ^ 0xe7037ed1a0b428db); uint32(hi ^ lo). */
export function fastrand(m: Machine): number {
  const st = stateOf(m);
  const l = st[0]! + 0x78bd642f;
  const aLo = l >>> 0;
  const aHi = (st[1]! + 0xa0761d64 + (l >= TwoTo32 ? 1 : 0)) >>> 0;
  st[0] = aLo;
  st[1] = aHi;
  const bLo = (aLo ^ 0xa0b428db) >>> 0;
  const bHi = (aHi ^ 0xe7037ed1) >>> 0;
  // p = a*b as 32-bit words w0..w3; the result is w0 ^ w2
  const w0 = Math.imul(aLo, bLo) >>> 0;
  const lh = Math.imul(aLo, bHi) >>> 0;
  const hl = Math.imul(aHi, bLo) >>> 0;
  const c1 = ((mulhi32(aLo, bLo) + lh + hl) / TwoTo32) >>> 0; // 0, 1 or 2
  const w2 = (mulhi32(aLo, bHi) + mulhi32(aHi, bLo) + (Math.imul(aHi, bHi) >>> 0) + c1) >>> 0;
  return (w0 ^ w2) >>> 0;
}

/** A uniform number in [0, n): uint32(uint64(fastrand()) * uint64(n) >> 32). */
export function fastrandn(m: Machine, n: number): number {
  return Math.floor((fastrand(m) * n) / 2 ** 32);
}
