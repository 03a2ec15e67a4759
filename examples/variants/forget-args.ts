// copystack=forget-args: a deliberately broken variant. It is the stock `new` adjustdefers without its first
// step, so a stack move leaves the pointers inside deferred calls' argument blocks pointing at the old stack;
// each record's fn, argp and _panic are still adjusted. `gosim explore` and `gosim matrix` should catch it.

import { adjustpointer, copystackNew } from '@gosim/copystack';
import type { Piece } from '@gosim/runtime';

export const forgetArgs: Piece<'copystack'> = {
  ...copystackNew,
  name: 'forget-args',
  adjustdefers(ctx, g, adj) {
    const s = ctx.space;
    const l = ctx.deferLayout;
    for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
      adjustpointer(ctx, adj, d + l.fn, 'defer.fn');
      adjustpointer(ctx, adj, d + l.argp, 'defer.argp');
      if (l.panic >= 0) adjustpointer(ctx, adj, d + l.panic, 'defer._panic');
    }
  },
};
