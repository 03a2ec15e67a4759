// copy-first: the order of copystack in later Go (1.5 on, still so in 1.19). The 2014 copystack adjusted
// the OLD stack's frames in place and then copied it; so while the frames were being rewritten, any walk
// that read a stack-resident pointer (a link of an on-stack _defer or _panic record) after it had been
// rewritten found a new-stack address whose memory was not yet written, and old adjustdefers died on the
// PanicUseStack shape. Go changed the order (with the work on concurrent stack scanning and the sudog
// synchronisation for channel ops): adjust the sudogs, copy the used part first, adjust ctxt, the defers and
// the panics, switch g to the new stack, and only then walk and adjust the NEW stack's frames. Every adjust
// stage still rewrites only words pointing into the old stack, which stays mapped until the end, so reads
// through not-yet-adjusted pointers see the (unchanged) old stack. Go 1.19 no longer fills the new stack
// with 0xfb before the copy; this piece keeps only the 0xfd fill at allocation and 0xfc at free.
// adjustdefers is the stock new one; derive from this piece to pair the order with another.

import { copystackNew } from './copystack-new.js';
import type { CopystackPolicy } from './policy.js';
import {
  adjustctxt, adjustframes, adjustinfo, adjustpanics, adjustsudogs, allocNewStack, copyUsed, freeOldStack, switchStack,
} from './stages.js';

export const copystackCopyFirst: CopystackPolicy = {
  piece: 'copystack',
  name: 'copy-first',
  copystack(ctx, g, newsize, why) {
    const newLo = allocNewStack(ctx, newsize);
    const adj = adjustinfo(g, newLo + newsize);
    adjustsudogs(ctx, g, adj);
    copyUsed(ctx, g, adj);
    adjustctxt(g, adj);
    ctx.copystack.adjustdefers(ctx, g, adj);
    adjustpanics(g, adj);
    switchStack(ctx, g, newLo, newsize, adj, why);
    adjustframes(ctx, g, adj);
    freeOldStack(ctx, adj);
  },
  adjustdefers: copystackNew.adjustdefers,
};
