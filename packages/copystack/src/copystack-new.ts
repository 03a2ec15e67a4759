// The new adjustdefers (Go at the CL): the argument blocks of all listed records go through the same
// adjustframe as real frames (via tracebackdefers); then each record's fn, argp and _panic.

import { tracebackdefers } from '@gosim/traceback';
import { adjustframe } from './adjustframe.js';
import { adjustpointer } from './adjustinfo.js';
import { copystackAdjustFirst } from './copystack.js';
import type { CopystackPolicy } from './policy.js';

export const copystackNew: CopystackPolicy = {
  piece: 'copystack',
  name: 'new',
  copystack: copystackAdjustFirst,
  adjustdefers(ctx, g, adj) {
    tracebackdefers(ctx, g._defer, (frame) => adjustframe(ctx, adj, frame));
    const s = ctx.space;
    const l = ctx.deferLayout;
    for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
      adjustpointer(ctx, adj, d + l.fn, 'defer.fn');
      adjustpointer(ctx, adj, d + l.argp, 'defer.argp');
      if (l.panic >= 0) adjustpointer(ctx, adj, d + l.panic, 'defer._panic');
    }
  },
};
