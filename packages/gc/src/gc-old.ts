// The old gc piece: each record on g._defer is scanned conservatively as a heap object (stack records
// are skipped, the walk goes on through their links), and so is every untyped heap block.

import type { GCPolicy } from './policy.js';

export const gcOld: GCPolicy = {
  piece: 'gc',
  name: 'old',
  scanFrame: (_ctx, w, frame) => w.scanframe(frame),
  scanObject: (_ctx, w, base) => w.scanobject(base),
  scanDefers(ctx, g, w) {
    const s = ctx.space;
    const l = ctx.deferLayout;
    for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
      if (d >= g.lo && d < g.hi) continue;
      const base = ctx.heap.findObject(d);
      if (base === 0) continue;
      w.markPointer(base);
      w.scanConservative(base, ctx.heap.objectSize(base));
    }
  },
  scanUntyped(_ctx, w, base, size) {
    w.scanConservative(base, size);
  },
};
