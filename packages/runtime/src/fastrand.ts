// Go 1.19's fastrand on amd64 (wyrand over the M's 64-bit state) and fastrandn. gosim has one M; its state
// starts from the run's seed instead of cputicks, so a run is reproducible.

import type { Machine } from './machine.js';

const Mask64 = (1n << 64n) - 1n;
const state = new WeakMap<Machine, bigint>();

/** m.fastrand += 0xa0761d6478bd642f; hi, lo := Mul64(s, s ^ 0xe7037ed1a0b428db); uint32(hi ^ lo). */
export function fastrand(m: Machine): number {
  let s = state.get(m) ?? BigInt(m.opts.seed ?? 0) * 0x9e3779b97f4a7c15n;
  s = (s + 0xa0761d6478bd642fn) & Mask64;
  state.set(m, s);
  const p = s * (s ^ 0xe7037ed1a0b428dbn);
  return Number(((p >> 64n) ^ p) & 0xffffffffn);
}

/** A uniform number in [0, n): uint32(uint64(fastrand()) * uint64(n) >> 32). */
export function fastrandn(m: Machine, n: number): number {
  return Math.floor((fastrand(m) * n) / 2 ** 32);
}
