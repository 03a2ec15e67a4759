// A stop-the-world collection: mark from the globals and every goroutine (frames precisely through
// traceback and the pointer maps, defers as the policy says, ctxt, channel waiting records), then sweep.

import { Sudog } from '@gosim/stack';
import { gentraceback, Stkframe } from '@gosim/traceback';
import type { GCContext } from './context.js';
import { MarkWork } from './mark.js';

/** Cycles so far per heap (one heap per machine): gc-cycle's n counts this run's collections only. */
const cycles = new WeakMap<object, number>();
const frame = new Stkframe();

export interface GCResult {
  marked: number;
  roots: number;
  freedObjects: number;
  freedBytes: number;
  liveBytes: number;
  frames: number;
  objects: number;
  words: number;
}

export function markroots(ctx: GCContext, w: MarkWork): void {
  const s = ctx.space;
  for (const word of ctx.dataPtrWords) w.markPointer(s.load64(ctx.dataBase + 8 * word));
  for (const p of ctx.extraRoots ?? []) w.markPointer(p);
  ctx.specials?.markroots(w);
  for (const g of ctx.allgs) {
    gentraceback(ctx, ctx.traceback, g, (f) => w.visitFrame(f), Infinity, frame);
    w.markPointer(g.ctxt);
    ctx.gc.scanDefers(ctx, g, w);
    for (let sg = g.waiting; sg !== 0; sg = s.load64(sg + Sudog.waitlink)) w.markPointer(sg);
  }
  w.roots = w.marked;
}

/** Marks and sweeps; the caller (the runtime) empties the defer pools first and shrinks stacks after. */
export function gcCollect(ctx: GCContext): GCResult {
  const w = new MarkWork(ctx);
  markroots(ctx, w);
  w.drain();
  if (ctx.specials) {
    ctx.specials.afterMark(w);
    w.drain();
  }
  const r = ctx.heap.sweep();
  const n = (cycles.get(ctx.heap) ?? 0) + 1;
  cycles.set(ctx.heap, n);
  const counts = { frames: w.frames, objects: w.objects, words: w.words };
  if (ctx.events.on)
    ctx.events.emit({ kind: 'gc-cycle', n, roots: w.roots, marked: w.marked, ...r, ...counts, heapGoal: ctx.heap.stats().heapGoal });
  return { marked: w.marked, roots: w.roots, ...r, ...counts };
}
