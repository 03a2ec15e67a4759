import { isMemoryFault, PoisonBeforeCopy, PoisonNewStack, PoisonOldStack } from '@gosim/memory';
import { Sudog } from '@gosim/stack';
import { copystack } from '../src/index.js';
import { allBytes, buildStack, makeWorld, newPieces, oldPieces, type Pieces, type WorldOpts } from './world.js';

/**
 * main → f → g, frames pointing at each other:
 *   main.x = 5, main.p = &main.x, main.s = uintptr(&main.x) (scalar), main.h = a heap object
 *   f(a = 7, p = &main.x, n = uintptr(&main.x)); f.q = &f.r, f.r = 99
 *   g(p = &f.q); g.q = &main.p, g.t = uintptr(&main.x)
 *   ctxt = &main.buf (a closure on the stack), g._panic = &main.buf[16], one sudog waiting with elem = &main.x
 */
function scene(pieces: Pieces, opts: WorldOpts = {}) {
  const w = makeWorld(pieces, opts);
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 4 }, { name: 'main.g', at: 2 }]);
  const [mainSp, fSp, gSp] = sps as [number, number, number];
  const s = w.space;
  const at = {
    mx: mainSp + w.slot('main.main', 'x'),
    mp: mainSp + w.slot('main.main', 'p'),
    ms: mainSp + w.slot('main.main', 's'),
    mh: mainSp + w.slot('main.main', 'h'),
    mbuf: mainSp + w.slot('main.main', 'buf'),
    fa: fSp + w.slot('main.f', 'a'),
    fp: fSp + w.slot('main.f', 'p'),
    fn: fSp + w.slot('main.f', 'n'),
    fq: fSp + w.slot('main.f', 'q'),
    fr: fSp + w.slot('main.f', 'r'),
    gp: gSp + w.slot('main.g', 'p'),
    gq: gSp + w.slot('main.g', 'q'),
    gt: gSp + w.slot('main.g', 't'),
  };
  expect(at.fa).toBe(mainSp); // f's arguments are main's outgoing area
  expect(at.gp).toBe(fSp);
  const heapObj = w.heap.alloc(16, -1);
  s.store64(at.mx, 5);
  s.store64(at.mp, at.mx);
  s.store64(at.ms, at.mx);
  s.store64(at.mh, heapObj);
  s.store64(at.fa, 7);
  s.store64(at.fp, at.mx);
  s.store64(at.fn, at.mx);
  s.store64(at.fq, at.fr);
  s.store64(at.fr, 99);
  s.store64(at.gp, at.fq);
  s.store64(at.gq, at.mp);
  s.store64(at.gt, at.mx);
  g.ctxt = at.mbuf;
  g._panic = at.mbuf + 16;
  const sg = w.heap.alloc(Sudog.size, -1);
  s.store64(sg + Sudog.elem, at.mx);
  g.waiting = sg;
  return { w, g, at, heapObj, sg, mainSp, fSp, gSp };
}

describe.each([
  ['old', oldPieces],
  ['new', newPieces],
] as const)('copystack (%s policy)', (_n, pieces) => {
  test('moves the used part to the top of the new stack and rewrites every pointer into the old stack; scalars keep old addresses', () => {
    const { w, g, at, heapObj, sg } = scene(pieces);
    const [oldLo, oldHi, oldSp] = [g.lo, g.hi, g.sp];
    const used = oldHi - oldSp;
    copystack(w.ctx, g, 16384);
    const delta = g.hi - oldHi;
    const nw = (a: number) => a + delta;
    expect(g.hi - g.lo).toBe(16384);
    expect(g.stackguard).toBe(g.lo + 512);
    expect(g.sp).toBe(g.hi - used);
    const ld = (a: number) => w.space.load64(nw(a));
    expect(ld(at.mx)).toBe(5);
    expect(ld(at.mp)).toBe(nw(at.mx));
    expect(ld(at.ms)).toBe(at.mx); // uintptr: not a pointer, not adjusted
    expect(ld(at.mh)).toBe(heapObj);
    expect([ld(at.fa), ld(at.fp), ld(at.fn)]).toEqual([7, nw(at.mx), at.mx]);
    expect([ld(at.fq), ld(at.fr)]).toEqual([nw(at.fr), 99]);
    expect(ld(at.gp)).toBe(nw(at.fq));
    expect([ld(at.gq), ld(at.gt)]).toEqual([nw(at.mp), at.mx]);
    expect(g.ctxt).toBe(nw(at.mbuf));
    expect(g._panic).toBe(nw(at.mbuf + 16));
    expect(w.space.load64(sg + Sudog.elem)).toBe(nw(at.mx));
    // the return PC words came along unchanged
    expect(w.space.load64(g.hi - 8)).toBe(w.fn('runtime.goexit').entry + 4);
    expect(w.events.at(-1)).toEqual({ kind: 'stack-copied', goid: 1, oldLo, oldHi, newLo: g.lo, newHi: g.hi, used, why: 'grow' });
    // the old stack went back to its pool
    expect(w.stacks.stackalloc(8192)).toBe(oldLo);
  });

  test('StackPoisonCopy: new stack 0xfd, pointers rewritten in place in the OLD stack, then 0xfb, copy, old stack 0xfc', () => {
    const { w, g, at } = scene(pieces, { stackPoisonCopy: true });
    const [oldLo, oldHi] = [g.lo, g.hi];
    const fills: [number, number, number][] = [];
    const fill = w.space.fill.bind(w.space);
    jest.spyOn(w.space, 'fill').mockImplementation((a, n, b) => (fills.push([a, n, b]), fill(a, n, b)));
    const moves: number[] = [];
    const memmove = w.space.memmove.bind(w.space);
    jest.spyOn(w.space, 'memmove').mockImplementation((d, s, n) => (moves.push(fills.length), memmove(d, s, n)));
    let newLo = 0;
    const stackalloc = w.stacks.stackalloc.bind(w.stacks);
    jest.spyOn(w.stacks, 'stackalloc').mockImplementation((n) => (newLo = stackalloc(n)));
    let seen = 0;
    w.hook = (e) => {
      if (e.kind !== 'pointer-adjusted') return;
      seen++;
      // frame words are rewritten where they are, in the old stack (the sudog's elem is in the heap)
      if (e.where.startsWith('main.')) expect(e.at >= oldLo && e.at < oldHi).toBe(true);
      expect(w.space.load64(e.at)).toBe(e.to);
      expect(allBytes(w.space, newLo, 16384, PoisonNewStack)).toBe(true); // nothing copied yet
    };
    copystack(w.ctx, g, 16384);
    expect(seen).toBeGreaterThanOrEqual(6);
    expect(fills).toEqual([
      [newLo, 16384, PoisonNewStack],
      [newLo, 16384, PoisonBeforeCopy],
      [oldLo, 8192, PoisonOldStack],
    ]);
    expect(moves).toEqual([2]); // the copy came between the 0xfb and the 0xfc fills
    expect(allBytes(w.space, g.lo, g.sp - g.lo, PoisonBeforeCopy)).toBe(true);
    expect(allBytes(w.space, oldLo, 8192, PoisonOldStack)).toBe(true);
    expect(w.space.load64(at.mx + g.hi - oldHi)).toBe(5);
  });

  test('StackFaultOnFree: the old stack is unmapped (not poisoned): touching it faults', () => {
    const { w, g, at } = scene(pieces, { stackPoisonCopy: true, faultOnFree: true });
    const fill = jest.spyOn(w.space, 'fill');
    copystack(w.ctx, g, 16384);
    expect(fill.mock.calls.map((c) => c[2])).toEqual([PoisonNewStack, PoisonBeforeCopy]);
    expect(w.space.isMapped(at.mx)).toBe(false);
    let err: unknown;
    try {
      w.space.load64(at.mx);
    } catch (e) {
      err = e;
    }
    expect(isMemoryFault(err)).toBe(true);
  });

  test('a shrink (smaller new stack) and a same-size move adjust the same way', () => {
    for (const size of [8192, 4096]) {
      const { w, g, at } = scene(pieces);
      const oldHi = g.hi;
      copystack(w.ctx, g, size, 'move');
      const delta = g.hi - oldHi;
      expect(w.space.load64(at.gq + delta)).toBe(at.mp + delta);
      expect(w.events.at(-1)).toMatchObject({ kind: 'stack-copied', why: 'move' });
    }
  });

  test('a top frame at its entry (morestack from its prologue) has no locals yet: only its arguments are adjusted', () => {
    const w = makeWorld(pieces);
    const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.g', at: 0 }], { atEntry: true });
    const mainSp = sps[0]!;
    const x = mainSp + w.slot('main.main', 'x');
    w.space.store64(mainSp, x); // g's argument p
    w.space.store64(g.sp - 8, x); // below sp: not part of any frame yet
    const oldHi = g.hi;
    copystack(w.ctx, g, 16384);
    const delta = g.hi - oldHi;
    expect(w.space.load64(mainSp + delta)).toBe(x + delta);
    expect(w.space.load64(g.sp)).toBe(w.fn('main.main').entry + 12); // the return PC at sp
    expect(g.atEntry).toBe(true);
  });
});
