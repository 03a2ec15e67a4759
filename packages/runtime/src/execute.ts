// Go's execute: the scheduler hands g the CPU. A woken goroutine finishes its wake-up (afterWake: its sudogs
// released, a send woken by close panics), then goes on in compiled code where g.pc is a resume point, and in the
// interpreter (interp.ts) from wherever compiled code leaves it. Keeping this off the interpreter's large function
// keeps that function off each goroutine switch.

import { TextBase } from '@gosim/program';
import { GStatus, type G } from '@gosim/stack';
import { afterWake } from './chan.js';
import { interpret, Stop } from './interp.js';
import { Enter } from './jit/tier.js';
import type { Machine } from './machine.js';
import { raise, raiseUserError } from './raise.js';
import { RuntimePanic } from './signals.js';

/** Runs g until it parks, exits, or its quantum ends. */
export function run(m: Machine, g: G): number {
  m.cur = g;
  g.status = GStatus.Running;
  if (g.waiting !== 0) {
    try {
      afterWake(m, g);
    } catch (e) {
      if (!(e instanceof RuntimePanic)) throw e;
      raise(m, g, (g.pc - TextBase) / 4 - 1, g.sp, e);
    }
  }
  // g goes on in compiled code where that has a resume point (after the op it parked in, say), until it deopts
  const jit = m.jit;
  if (jit !== null && !g.atEntry) {
    const ip = (g.pc - TextBase) >>> 2;
    const fn = jit.entryAt[ip];
    if (fn !== undefined) {
      const r = jit.enter(g, fn, ip | 0);
      if (r === Enter.Parked) return Stop.Parked;
      if (r === Enter.Throw) {
        const e = jit.takeError();
        if (!raiseUserError(m, g, (g.pc - TextBase) >>> 2, g.sp, e)) throw e;
      }
    }
  }
  return interpret(m, g);
}

