// traceback=go1.22: a frame's continuation PC as later Go computes it (1.13 on, still so in 1.22), the partner
// of deferpanic=go1.22. The 2014 piece found, for a frame whose callee faulted (sigpanic), the frame's pending
// record on g._defer: with one, the frame may still resume at its deferreturn, else it is dead. Once records
// could live in frames (1.13) that list walk was hard during a stack copy, and once a running record is off
// the list before its call (1.22's iterator) it is wrong: while a faulted frame's last deferred call runs no
// record names the frame, yet a recover there resumes it. So Go asks the function instead: a function with a
// deferreturn (any defer statement) may continue, one without is dead. The model's pointer maps are per
// function, so the continuation PC is the frame's own pc; no cursor is kept and no record is read.

import { Op, type FuncInfo, type Program } from '@gosim/program';
import type { TracebackPolicy } from './policy.js';

/** Per program, by function id: 1 when the function's code has a DEFERRETURN (Go's funcInfo.deferreturn != 0). */
const deferreturns = new WeakMap<Program, Int8Array>();

function hasDeferreturn(prog: Program, f: FuncInfo): boolean {
  let known = deferreturns.get(prog);
  if (known === undefined) deferreturns.set(prog, (known = new Int8Array(prog.funcs.length).fill(-1)));
  let v = known[f.id]!;
  if (v < 0) {
    v = 0;
    for (let i = f.entryIndex; i < f.endIndex; i++) if (prog.code[4 * i] === Op.DEFERRETURN) v = 1;
    known[f.id] = v;
  }
  return v === 1;
}

export const tracebackGo122: TracebackPolicy = {
  piece: 'traceback',
  name: 'go1.22',
  start(_ctx, _g, c) {
    c.d = 0;
    c.panic = 0;
  },
  step(ctx, _c, frame, waspanic) {
    frame.continpc = frame.pc;
    if (waspanic && (frame.fn === undefined || !hasDeferreturn(ctx.prog, frame.fn))) frame.continpc = 0;
  },
};
