// The stages of a stack copy, named after Go's runtime/stack.go. A copystack piece composes them in its
// order. Each stage takes the AdjustInfo of the move (old bounds, delta = new hi - old hi); the adjust
// stages rewrite only words that point into [adj.oldLo, adj.oldHi), wherever those words now live, so
// they work on the old stack before the copy or on the new one after it.

import { PoisonNewStack, PoisonOldStack } from '@gosim/memory';
import { setStack, Sudog, type G } from '@gosim/stack';
import { gentraceback, Stkframe } from '@gosim/traceback';
import { adjustframe } from './adjustframe.js';
import { adjustpointer, type AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';

const frame = new Stkframe();

/** fillstack: StackPoisonCopy only, fills [lo, lo+size) with the byte pattern. */
export function fillstack(ctx: CopystackContext, lo: number, size: number, pattern: number): void {
  if (ctx.stackPoisonCopy) ctx.space.fill(lo, size, pattern);
}

/** stackalloc of the new stack (StackPoisonCopy: filled with 0xfd); returns its lo. */
export function allocNewStack(ctx: CopystackContext, newsize: number): number {
  const lo = ctx.stacks.stackalloc(newsize);
  fillstack(ctx, lo, newsize, PoisonNewStack);
  return lo;
}

/** The move's adjustment for g, whose current stack is the old one, to a new stack ending at newHi. */
export function adjustinfo(g: G, newHi: number): AdjustInfo {
  return { goid: g.goid, oldLo: g.lo, oldHi: g.hi, delta: newHi - g.hi };
}

/**
 * adjustframes: gentraceback over g's current stack (old or already new) with the piece's traceback,
 * adjustframe on each frame. Reads g.sp/lo/hi and the defer/panic lists as they are now.
 */
export function adjustframes(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
  gentraceback(ctx, ctx.traceback, g, (f) => adjustframe(ctx, adj, f), Infinity, frame);
}

/** adjustctxt: g's closure context register. */
export function adjustctxt(g: G, adj: AdjustInfo): void {
  if (g.ctxt >= adj.oldLo && g.ctxt < adj.oldHi) g.ctxt += adj.delta;
}

/** adjustpanics: the head of g._panic only (the records' links are the defer piece's business). */
export function adjustpanics(g: G, adj: AdjustInfo): void {
  if (g._panic >= adj.oldLo && g._panic < adj.oldHi) g._panic += adj.delta;
}

/** adjustsudogs: elem and ok pointers of the channel waiting records g is blocked on (heap records). */
export function adjustsudogs(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
  const s = ctx.space;
  for (let sg = g.waiting; sg !== 0; sg = s.load64(sg + Sudog.waitlink)) {
    adjustpointer(ctx, adj, sg + Sudog.elem, 'sudog.elem');
    adjustpointer(ctx, adj, sg + Sudog.okp, 'sudog.okp');
  }
}

/** The memmove of the used part [g.sp, old hi) to the top of the new stack (g still on the old one). */
export function copyUsed(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
  const used = adj.oldHi - g.sp;
  ctx.space.memmove(adj.oldHi + adj.delta - used, g.sp, used);
}

/** Switches g to the new stack [newLo, newLo+newsize), sp moved by delta; emits stack-copied. */
export function switchStack(ctx: CopystackContext, g: G, newLo: number, newsize: number, adj: AdjustInfo, why: string): void {
  const used = adj.oldHi - g.sp;
  setStack(g, newLo, newsize);
  g.sp += adj.delta;
  if (ctx.events.on)
    ctx.events.emit({ kind: 'stack-copied', goid: g.goid, oldLo: adj.oldLo, oldHi: adj.oldHi, newLo, newHi: newLo + newsize, used, why });
}

/** stackfree of the old stack (StackPoisonCopy, unless freeing faults: filled with 0xfc first). */
export function freeOldStack(ctx: CopystackContext, adj: AdjustInfo): void {
  const size = adj.oldHi - adj.oldLo;
  if (!ctx.stacks.faultOnFree) fillstack(ctx, adj.oldLo, size, PoisonOldStack);
  ctx.stacks.stackfree(adj.oldLo, size);
}
