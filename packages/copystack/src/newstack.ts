// newstack: a prologue found too little room, so the stack doubles (past the limit: stack overflow).
// shrinkstack: the GC halves a stack that uses less than a quarter of it, never below the minimum.

import { hexWord as hex } from '@gosim/memory';
import { GoThrow, type G } from '@gosim/stack';
import { copystack } from './copystack.js';
import type { CopystackContext } from './context.js';


export function newstack(ctx: CopystackContext, g: G): void {
  const newsize = (g.hi - g.lo) * 2;
  if (newsize > ctx.maxStack) {
    ctx.print(`runtime: goroutine stack exceeds ${ctx.maxStack}-byte limit\n`);
    ctx.print(`runtime: sp=${hex(g.sp)} stack=[${hex(g.lo)}, ${hex(g.hi)}]\n`);
    throw new GoThrow('stack overflow');
  }
  copystack(ctx, g, newsize, 'grow');
}

export function shrinkstack(ctx: CopystackContext, g: G): boolean {
  const oldsize = g.hi - g.lo;
  const newsize = oldsize / 2;
  if (newsize < ctx.stacks.stackMin) return false;
  if (g.hi - g.sp >= oldsize / 4) return false;
  copystack(ctx, g, newsize, 'shrink');
  return true;
}
