// copystack(g, newsize): the mechanism's entry marks g _Gcopystack (a fault or throw meanwhile reports it
// as [copystack]) and runs the piece's copystack. The stock pieces' copystack is copystackAdjustFirst,
// Go's 2014 order:
//  1. allocate the new stack (StackPoisonCopy: fill it with 0xfd);
//  2. walk the OLD stack's frames with the policy's traceback and adjustframe each, in place;
//  3. adjust ctxt, the defers (the piece's adjustdefers), the head g._panic and the sudogs;
//  4. (StackPoisonCopy: fill the new stack with 0xfb) copy the used part [sp, hi) to the top of the new one;
//  5. switch g to the new stack; (StackPoisonCopy: fill the old one with 0xfc) free it.

import { PoisonBeforeCopy } from '@gosim/memory';
import { GStatus, type G } from '@gosim/stack';
import type { CopystackContext } from './context.js';
import {
  adjustctxt, adjustframes, adjustinfo, adjustpanics, adjustsudogs, allocNewStack, copyUsed, fillstack, freeOldStack, switchStack,
} from './stages.js';

export function copystack(ctx: CopystackContext, g: G, newsize: number, why = 'grow'): void {
  const status = g.status;
  g.status = GStatus.Copystack;
  ctx.copystack.copystack(ctx, g, newsize, why);
  g.status = status;
}

/** The 2014 order: adjust the old stack in place, then copy it. */
export function copystackAdjustFirst(ctx: CopystackContext, g: G, newsize: number, why: string): void {
  const newLo = allocNewStack(ctx, newsize);
  const adj = adjustinfo(g, newLo + newsize);
  adjustframes(ctx, g, adj);
  adjustctxt(g, adj);
  ctx.copystack.adjustdefers(ctx, g, adj);
  adjustpanics(g, adj);
  adjustsudogs(ctx, g, adj);
  fillstack(ctx, newLo, newsize, PoisonBeforeCopy);
  copyUsed(ctx, g, adj);
  switchStack(ctx, g, newLo, newsize, adj, why);
  freeOldStack(ctx, adj);
}
