import type { DeferLayout } from '@gosim/defer-panic';
import { GoThrow } from '@gosim/stack';
import { Stkframe, tracebackdefers } from '../src/index.js';
import { layouts, makeWorld, snap, type World } from './world.js';

/** A record in the heap: siz bytes of arguments, fn, linked to `link`. */
function record(w: World, l: DeferLayout, fn: number, siz: number, link: number, argp = 0): number {
  const d = w.heap.alloc(l.header + siz, -1);
  w.space.store64(d + l.siz, siz);
  w.space.store64(d + l.fn, fn);
  w.space.store64(d + l.argp, argp);
  w.space.store64(d + l.link, link);
  return d;
}

describe.each(layouts)('tracebackdefers (%s layout)', (_n, l) => {
  test('each listed record is a frame called but not started: pc = fn entry, argp = its argument block, arglen from fn, no locals', () => {
    const w = makeWorld(l);
    const deferred = w.fn('main.deferred'); // (p *int, n int, q *int): 24 bytes
    const dNil = record(w, l, 0, 0, 0);
    const dShort = record(w, l, w.fv('main.deferred'), 16, dNil); // siz below fn's argument size
    const dFull = record(w, l, w.fv('main.deferred'), 24, dShort, 0x5000);
    const seen: ReturnType<typeof snap>[] = [];
    tracebackdefers(w.ctx, dFull, (fr) => (seen.push(snap(fr)), true));
    expect(seen).toEqual([
      { fn: 'main.deferred', pc: deferred.entry, continpc: deferred.entry, lr: 0, sp: 0, fp: 0, localsSize: 0, argp: dFull + l.header, arglen: 24 },
      { fn: 'main.deferred', pc: deferred.entry, continpc: deferred.entry, lr: 0, sp: 0, fp: 0, localsSize: 0, argp: dShort + l.header, arglen: 16 },
      // nil fn: a frame with no function, dead (continpc 0), no arguments
      { fn: undefined, pc: 0, continpc: 0, lr: 0, sp: 0, fp: 0, localsSize: 0, argp: 0, arglen: 0 },
    ]);
  });

  test('the walk stops when the callback returns false and reuses the given frame', () => {
    const w = makeWorld(l);
    const d2 = record(w, l, w.fv('main.deferred'), 24, 0);
    const d1 = record(w, l, w.fv('main.deferred'), 24, d2);
    let n = 0;
    const frame = new Stkframe();
    tracebackdefers(w.ctx, d1, (fr) => (expect(fr).toBe(frame), ++n < 1), frame);
    expect(n).toBe(1);
    tracebackdefers(w.ctx, 0, () => {
      throw new Error('no records');
    });
  });

  test('a fn pointing outside the text prints "runtime: unknown pc in defer" and throws "unknown pc"', () => {
    const w = makeWorld(l);
    const bad = w.heap.alloc(8, -1);
    w.space.store64(bad, 0x4444);
    const d = record(w, l, bad, 8, 0);
    expect(() => tracebackdefers(w.ctx, d, () => true)).toThrow(new GoThrow('unknown pc'));
    expect(w.printed).toEqual(['runtime: unknown pc in defer 0x4444\n']);
  });
});
