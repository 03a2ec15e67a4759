// The new gc piece (Go at the CL): a record's header is scanned precisely through the layout, its
// argument block only through tracebackdefers with the same scanframe as real frames. The collector
// is fully precise: a heap block allocated without a type holds no pointers it will follow.

import { tracebackdefers } from '@gosim/traceback';
import type { GCPolicy } from './policy.js';

export const gcNew: GCPolicy = {
  piece: 'gc',
  name: 'new',
  scanFrame: (_ctx, w, frame) => w.scanframe(frame),
  scanObject: (_ctx, w, base) => w.scanobject(base),
  scanDefers(ctx, g, w) {
    tracebackdefers(ctx, g._defer, (frame) => w.visitFrame(frame));
    const s = ctx.space;
    const l = ctx.deferLayout;
    for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
      w.markPointer(d);
      w.markPointer(s.load64(d + l.fn));
      w.markPointer(s.load64(d + l.link));
      if (l.panic >= 0) w.markPointer(s.load64(d + l.panic));
    }
  },
  scanUntyped() {},
};
