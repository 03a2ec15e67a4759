// Runtime functions by link name (the registry of program/src/isa/rtfuncs.ts): each group's implementations,
// the RTAPI op that runs them, and the definition of each one a program calls. A runtime function's frame is a
// real frame (`RTAPI fn, argp; RET`), so it shows in tracebacks as Go's does.
//
// An implementation reads its parameters and writes its results in the argument block (a.at(slot) is a slot's
// address; the results are zeroed before it runs). It returns ChanResult.Done, or ChanResult.Blocked after
// parking g: the call then completes (RET) when g runs again, so results are written before parking or by the
// waker. It runs at a safe point (after the GC/preemption check, g.pc past the RTAPI) and may allocate; it must
// not keep a stack address across anything that can move the stack.

import { GoThrow, type G } from '@gosim/stack';
import { Op, RtapiOp, rtArgOffsets, rtFuncs, type Module } from '@gosim/program';
import type { ExtOps } from './ext-ops.js';
import type { Machine } from './machine.js';
import { rtapiImpls } from './rtapi.js';
import { osImpls } from './rt-os.js';
import { syncImpls } from './rt-sync.js';
import { timeImpls } from './rt-time.js';
import { sortImpls } from './rt-sort.js';
import { reflectImpls } from './rt-reflect.js';

/** The argument block of the running runtime function. */
export interface RtArgs {
  /** The address of the parameter or result slot of that name. */
  at(slot: string): number;
}
export type RtImpl = (m: Machine, g: G, a: RtArgs) => number;
export type RtImpls = Readonly<Record<string, RtImpl>>;

/** The groups' implementations (one per rt-<area>.ts). */
const rtImplGroups: readonly RtImpls[] = [rtapiImpls, syncImpls, timeImpls, osImpls, sortImpls, reflectImpls];

class Args implements RtArgs {
  argp = 0;
  constructor(readonly offs: ReadonlyMap<string, number>) {}
  at(slot: string): number {
    const o = this.offs.get(slot);
    if (o === undefined) throw new GoThrow(`runtime function has no slot ${slot}`);
    return this.argp + o;
  }
}

interface Entry { readonly impl: RtImpl | undefined; readonly args: Args; readonly results: [number, number] }

const entries: readonly Entry[] = rtFuncs.map((spec, i) => {
  const offs = rtArgOffsets(i);
  const end = spec.results.reduce((e, r) => Math.max(e, offs.get(r.name)! + ((r.size + 7) & ~7)), 0);
  const first = spec.results[0];
  const impl = rtImplGroups.find((grp) => Object.hasOwn(grp, spec.name))?.[spec.name];
  return { impl, args: new Args(offs), results: first ? [offs.get(first.name)!, end] : [0, 0] };
});

function run(m: Machine, g: G, argp: number, fn: number): number {
  const e = entries[fn];
  if (!e?.impl) throw new GoThrow(`runtime function ${rtFuncs[fn]?.name ?? fn} has no implementation`);
  const [r0, r1] = e.results;
  if (r1 > r0) m.space.fill(argp + r0, r1 - r0, 0);
  e.args.argp = argp;
  return e.impl(m, g, e.args);
}

export const rtapiOps: ExtOps = {
  [RtapiOp.RTAPI]: {
    safePoint: true,
    run: (m, g, sp, a, b) => run(m, g, sp + b, a),
  },
};

/** Defines each runtime function the program calls (declared but without a body): its argument block and `RTAPI fn, argp`. */
export function addRtFuncs(m: Module): void {
  rtFuncs.forEach((spec, i) => {
    if (!m.funcIds.has(spec.name) || m.bodies[m.funcIds.get(spec.name)!]) return;
    const f = m.func(spec.name, { args: [...spec.params], results: [...spec.results], file: `$GOROOT/src/${spec.file}` });
    f.line = spec.line;
    f.emit(RtapiOp.RTAPI, i, 8); // no locals: the argument block is at sp + 8
    f.emit(Op.RET);
    f.end();
  });
}
