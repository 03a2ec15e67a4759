// The old traceback piece (Go at the parent of the CL): besides the defer cursor, a panic cursor that
// finds each panic's running defer through p.defer and steps by reading p.link from the stack, while
// the walk's callback (adjustframe, in copystack) may be rewriting those very words in place.

import { NoArgs, Panic } from '@gosim/defer-panic';
import type { TracebackPolicy } from './policy.js';

export const tracebackOld: TracebackPolicy = {
  piece: 'traceback',
  name: 'old',
  start(_ctx, g, c) {
    c.d = g._defer;
    c.panic = g._panic;
    c.goid = g.goid;
    c.lo = g.lo;
    c.hi = g.hi;
  },
  step(ctx, c, frame, waspanic) {
    const s = ctx.space;
    const l = ctx.deferLayout;
    frame.continpc = frame.pc;
    if (waspanic) {
      const pd = c.panic !== 0 ? s.load64(c.panic + Panic.defer) : 0;
      if (pd !== 0 && s.load64(pd + l.argp) === frame.sp) frame.continpc = s.load64(pd + l.pc);
      else if (c.d !== 0 && s.load64(c.d + l.argp) === frame.sp) frame.continpc = s.load64(c.d + l.pc);
      else frame.continpc = 0;
    }
    // Unwind the panic cursor past panics whose running defer belongs to this frame (or to none).
    while (c.panic !== 0) {
      const pd = s.load64(c.panic + Panic.defer);
      if (pd !== 0) {
        const argp = s.load64(pd + l.argp);
        if (argp !== frame.sp && argp !== NoArgs) break;
      }
      const from = c.panic;
      c.panic = s.load64(from + Panic.link);
      if (ctx.events.on) ctx.events.emit({ kind: 'panic-cursor-step', goid: c.goid, from, link: c.panic, stackLo: c.lo, stackHi: c.hi });
    }
    while (c.d !== 0) {
      const argp = s.load64(c.d + l.argp);
      if (argp !== frame.sp && argp !== NoArgs) break;
      c.d = s.load64(c.d + l.link);
    }
  },
};
