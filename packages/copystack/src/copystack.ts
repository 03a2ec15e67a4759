// copystack(g, newsize), in the order of Go's 2014 copystack:
//  1. allocate the new stack (StackPoisonCopy: fill it with 0xfd);
//  2. walk the OLD stack's frames with the policy's traceback and adjustframe each, in place;
//  3. adjust ctxt, the defers (the policy's adjustdefers), the head g._panic and the sudogs;
//  4. (StackPoisonCopy: fill the new stack with 0xfb) copy the used part [sp, hi) to the top of the new one;
//  5. switch g to the new stack; (StackPoisonCopy: fill the old one with 0xfc) free it.

import { PoisonBeforeCopy, PoisonNewStack, PoisonOldStack } from '@gosim/memory';
import { GStatus, setStack, Sudog, type G } from '@gosim/stack';
import { gentraceback, Stkframe } from '@gosim/traceback';
import { adjustframe } from './adjustframe.js';
import { adjustpointer, type AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';

const frame = new Stkframe();

export function copystack(ctx: CopystackContext, g: G, newsize: number, why = 'grow'): void {
  const s = ctx.space;
  const oldLo = g.lo;
  const oldHi = g.hi;
  const oldsize = oldHi - oldLo;
  const used = oldHi - g.sp;
  // Go's _Gcopystack while the stack moves: a fault or throw meanwhile reports the goroutine as [copystack]
  const status = g.status;
  g.status = GStatus.Copystack;

  const newLo = ctx.stacks.stackalloc(newsize);
  const newHi = newLo + newsize;
  if (ctx.stackPoisonCopy) s.fill(newLo, newsize, PoisonNewStack);

  const adj: AdjustInfo = { goid: g.goid, oldLo, oldHi, delta: newHi - oldHi };
  gentraceback(ctx, ctx.traceback, g, (f) => adjustframe(ctx, adj, f), Infinity, frame);

  if (g.ctxt >= oldLo && g.ctxt < oldHi) g.ctxt += adj.delta;
  ctx.copystack.adjustdefers(ctx, g, adj);
  if (g._panic >= oldLo && g._panic < oldHi) g._panic += adj.delta;
  for (let sg = g.waiting; sg !== 0; sg = s.load64(sg + Sudog.waitlink)) {
    adjustpointer(ctx, adj, sg + Sudog.elem, 'sudog.elem');
    adjustpointer(ctx, adj, sg + Sudog.okp, 'sudog.okp');
  }

  if (ctx.stackPoisonCopy) s.fill(newLo, newsize, PoisonBeforeCopy);
  s.memmove(newHi - used, g.sp, used);

  setStack(g, newLo, newsize);
  g.sp += adj.delta;
  if (ctx.events.on) ctx.events.emit({ kind: 'stack-copied', goid: g.goid, oldLo, oldHi, newLo, newHi, used, why });
  if (ctx.stackPoisonCopy && !ctx.stacks.faultOnFree) s.fill(oldLo, oldsize, PoisonOldStack);
  ctx.stacks.stackfree(oldLo, oldsize);
  g.status = status;
}
