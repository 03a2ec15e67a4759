// copystack=my-copy-first: later Go's order of a stack move, composed from @gosim/copystack's exported
// stages (not by importing its shipped copy-first piece). The 2014 order adjusts the old stack's frames in
// place and then copies; this one copies the used part first, adjusts ctxt, the defer records and the panic
// head, switches g to the new stack, and only then walks and adjusts the NEW stack's frames. Every adjust
// stage rewrites only words that point into the old stack, which stays mapped until freeOldStack, so a walk
// through a not-yet-adjusted pointer still reads the unchanged old stack.
// adjustdefers is the stock `new` one: the order of the move is the only change.

import {
  adjustctxt, adjustframes, adjustinfo, adjustpanics, adjustsudogs, allocNewStack, copystackNew, copyUsed,
  freeOldStack, switchStack,
} from '@gosim/copystack';
import type { Piece } from '@gosim/runtime';

export const myCopyFirst: Piece<'copystack'> = {
  ...copystackNew,
  name: 'my-copy-first',
  copystack(ctx, g, newsize, why) {
    const newLo = allocNewStack(ctx, newsize);
    const adj = adjustinfo(g, newLo + newsize); // old bounds; delta = new hi - old hi
    adjustsudogs(ctx, g, adj); // heap records: any time before the old stack is freed
    copyUsed(ctx, g, adj); // [g.sp, old hi) to the top of the new stack, pointers still old
    adjustctxt(g, adj);
    ctx.copystack.adjustdefers(ctx, g, adj); // through the piece in use, so a derived piece can replace it
    adjustpanics(g, adj);
    switchStack(ctx, g, newLo, newsize, adj, why); // g now on the new stack, sp moved by delta
    adjustframes(ctx, g, adj); // walks the new copy; its unadjusted words still lead to the old stack
    freeOldStack(ctx, adj);
  },
};
