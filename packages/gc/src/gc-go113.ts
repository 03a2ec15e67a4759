// go1.13: the GC's defer scan of Go 1.13 (scanstack), for chains that weave between frame records (heap = 0,
// invisible to the frame's pointer maps) and heap records. Argument blocks go through tracebackdefers with the
// same scanFrame as real frames; then for each record: its fn (may be a stack closure, scanned explicitly), its
// link (a stack record may link to a heap record: keep that one live), and, when the record is a heap one, the
// record itself (it may be reachable from nothing else once the chain passes through the stack). A stack
// record's own header needs no marking: it lives in its frame. Frames, objects and untyped blocks as gc=new.

import { tracebackdefers } from '@gosim/traceback';
import { gcNew } from './gc-new.js';
import type { GCPolicy } from './policy.js';

export const gcGo113: GCPolicy = {
  ...gcNew,
  name: 'go1.13',
  scanDefers(ctx, g, w) {
    tracebackdefers(ctx, g._defer, (frame) => w.visitFrame(frame));
    const s = ctx.space;
    const l = ctx.deferLayout;
    for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
      w.markPointer(s.load64(d + l.fn));
      w.markPointer(s.load64(d + l.link));
      if (l.heap >= 0 ? s.load8(d + l.heap) !== 0 : true) w.markPointer(d);
    }
  },
};
