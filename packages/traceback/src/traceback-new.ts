// The new traceback piece (Go at the CL): one cursor over g._defer, whose records are heap objects;
// it never reads a Panic record. A record belongs to the frame whose sp equals its argp (deferproc
// records the deferring frame's sp).

import { NoArgs } from '@gosim/defer-panic';
import type { TracebackPolicy } from './policy.js';

export const tracebackNew: TracebackPolicy = {
  piece: 'traceback',
  name: 'new',
  start(_ctx, g, c) {
    c.d = g._defer;
    c.panic = 0;
  },
  step(ctx, c, frame, waspanic) {
    const s = ctx.space;
    const l = ctx.deferLayout;
    frame.continpc = frame.pc;
    if (waspanic) frame.continpc = c.d !== 0 && s.load64(c.d + l.argp) === frame.sp ? s.load64(c.d + l.pc) : 0;
    while (c.d !== 0) {
      const argp = s.load64(c.d + l.argp);
      if (argp !== frame.sp && argp !== NoArgs) break;
      c.d = s.load64(c.d + l.link);
    }
  },
};
