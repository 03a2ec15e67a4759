// The interpreter's extension table: opcodes from 100 up (program/src/isa/*.ts), one handler per opcode,
// each declared beside its mechanism (float.ts, slice.ts, map.ts, iface.ts, select.ts, rtapi.ts, finalizer.ts) and gathered here.
//
// A handler reads and writes the frame at sp with the operands a, b, c. One that is not a safe point runs with
// g's registers as they were at the last safe point (it may throw a RuntimePanic: the interpreter raises it at
// this instruction). A safe-point handler runs after the GC/preemption check, with g.pc already past the
// instruction, and may allocate or park (returning ChanResult.Blocked); it must not keep an address of the
// stack across a call that can move it.

import type { G } from '@gosim/stack';
import type { Machine } from './machine.js';

export interface ExtOp {
  readonly safePoint: boolean;
  /** Returns ChanResult.Done, or ChanResult.Blocked when g parked (safe points only). */
  run(m: Machine, g: G, sp: number, a: number, b: number, c: number): number;
}

/** Handlers by opcode. */
export type ExtOps = Readonly<Record<number, ExtOp>>;

import { floatOps } from './float.js';
import { ifaceOps } from './iface.js';
import { preprintOps } from './preprint.js';
import { mapOps } from './map.js';
import { selectOps } from './select.js';
import { sliceOps } from './slice.js';
import { rtapiOps } from './rtfuncs.js';
import { finalizerOps } from './finalizer.js';

/** Indexed by opcode; undefined for opcodes below 100 and unassigned ones. */
export const extOps: readonly (ExtOp | undefined)[] = (() => {
  const t: (ExtOp | undefined)[] = [];
  for (const ops of [floatOps, sliceOps, mapOps, ifaceOps, preprintOps, selectOps, rtapiOps, finalizerOps]) {
    for (const [op, h] of Object.entries(ops)) t[Number(op)] = h;
  }
  return t;
})();
