// gc=gc-count: the stock `new` gc piece, wrapped (wrapPiece) to count, per collection, the frames and the heap
// objects it is given to scan and the words those scans examine. It changes nothing the collector does.
// At the end of each cycle's mark it writes one line
//   gc-count: cycle N frames=F objects=O words=W
// to the file named by the environment variable GC_COUNT_OUT (appended, so the explorer's worker threads can
// share it), or to stderr when that is unset.
//
// A cycle is recognised by its MarkWork (one per collection). Every object the mark greys is counted in
// w.marked and given to scanObject exactly once by the drain, which is the last step of the mark; so the
// cycle's mark is over when scanObject has seen w.marked objects. A cycle that greys nothing is reported
// when the next one starts (or never, if it is the last: the piece has no end-of-cycle hook).

import { appendFileSync } from 'node:fs';
import { gcNew, type GCPolicy, type MarkWork } from '@gosim/gc';
import { wrapPiece } from '@gosim/runtime';

interface Counts { n: number; frames: number; objects: number; words: number; done: boolean }

let cycles = 0;
let current: { w: MarkWork; c: Counts } | undefined;

function report(c: Counts): void {
  c.done = true;
  const line = `gc-count: cycle ${c.n} frames=${c.frames} objects=${c.objects} words=${c.words}\n`;
  const out = process.env['GC_COUNT_OUT'];
  if (out) appendFileSync(out, line);
  else process.stderr.write(line);
}

/** This cycle's counts; a new MarkWork starts a new cycle (reporting the previous one if still open). */
function countsOf(w: MarkWork): Counts {
  if (current !== undefined) {
    if (current.w === w) return current.c;
    if (!current.c.done) report(current.c);
  }
  current = { w, c: { n: ++cycles, frames: 0, objects: 0, words: 0, done: false } };
  return current.c;
}

export const gcCount: GCPolicy = wrapPiece(gcNew, {
  name: 'gc-count',
  wrap: {
    scanFrame({ args, next }) {
      const [, w] = args;
      const c = countsOf(w);
      const before = w.words;
      const more = next(...args);
      c.frames++;
      c.words += w.words - before;
      return more;
    },
    scanObject({ args, next }) {
      const [, w] = args;
      const c = countsOf(w);
      const before = w.words;
      next(...args);
      c.objects++;
      c.words += w.words - before; // an untyped block's scanUntyped runs inside scanObject
      if (c.objects === w.marked) report(c);
    },
  },
});
