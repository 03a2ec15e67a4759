// Roots: frames (precisely, through traceback and the pointer maps), globals, ctxt, sudogs, extra roots.

import { ClobberFreePattern } from '@gosim/memory';
import { Sudog } from '@gosim/stack';
import { gcNew, gcOld } from '../src/index.js';
import { gcCollect } from '../src/index.js';
import { tracebackNew, tracebackOld } from '@gosim/traceback';
import { deferpanicNew, deferproc } from '@gosim/defer-panic';
import { buildStack, makeWorld, type World } from './world.js';

const combos = [
  ['traceback old, gc old', { deferpanic: deferpanicNew, traceback: tracebackOld, gc: gcOld }],
  ['traceback old, gc new', { deferpanic: deferpanicNew, traceback: tracebackOld, gc: gcNew }],
  ['traceback new, gc old', { deferpanic: deferpanicNew, traceback: tracebackNew, gc: gcOld }],
  ['traceback new, gc new', { deferpanic: deferpanicNew, traceback: tracebackNew, gc: gcNew }],
] as const;

/** main → f, or main → f → sigpanic (f faulted). */
function twoFrames(w: World, faulted = false) {
  const frames = [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 4 }];
  if (faulted) frames.push({ name: 'runtime.sigpanic', at: 1 });
  const { g, sps } = buildStack(w, frames);
  const [mainSp, fSp] = sps as [number, number];
  const slot = {
    mp: mainSp + w.slot('main.main', 'p'),
    ms: mainSp + w.slot('main.main', 's'),
    fp: fSp + w.slot('main.f', 'p'),
    fn: fSp + w.slot('main.f', 'n'),
    fq: fSp + w.slot('main.f', 'q'),
    fr: fSp + w.slot('main.f', 'r'),
  };
  return { g, mainSp, fSp, slot };
}

describe.each(combos)('frame scanning (%s)', (_n, pieces) => {
  test('keeps objects referenced from pointer slots (locals and arguments, interior pointers too) and frees those referenced only from scalar slots', () => {
    const w = makeWorld(pieces);
    const { slot } = twoFrames(w);
    const [a, b, c, d, e, f] = [w.int(1), w.int(2), w.int(3), w.int(4), w.heap.alloc(64, -1), w.int(6)];
    w.space.store64(slot.mp, a);
    w.space.store64(slot.ms, b);
    w.space.store64(slot.fp, c);
    w.space.store64(slot.fn, d);
    w.space.store64(slot.fq, e + 40); // interior pointer
    w.space.store64(slot.fr, f);
    const r = gcCollect(w.ctx);
    expect([a, b, c, d, e, f].map(w.alive)).toEqual([true, false, true, false, true, false]);
    expect(r.freedObjects).toBe(3);
    expect(r.roots).toBe(3);
  });

  test('marks through typed objects by their pointer maps: a node keeps what its pointer word points to, not what its scalar words hold', () => {
    const w = makeWorld(pieces);
    const { slot } = twoFrames(w);
    const node = w.heap.alloc(24, w.types.node);
    const [viaPtr, viaScalar] = [w.int(), w.int()];
    w.space.store64(node, viaPtr);
    w.space.store64(node + 8, viaScalar);
    w.space.store64(slot.mp, node);
    const r = gcCollect(w.ctx);
    expect([node, viaPtr, viaScalar].map(w.alive)).toEqual([true, true, false]);
    expect(r.marked).toBe(2);
  });

  test('a dead frame (its callee faulted, no pending defer: continpc 0) is not scanned', () => {
    const w = makeWorld(pieces);
    const { slot } = twoFrames(w, true);
    const [q, arg, mainObj] = [w.int(), w.int(), w.int()];
    w.space.store64(slot.fq, q);
    w.space.store64(slot.fp, arg);
    w.space.store64(slot.mp, mainObj);
    gcCollect(w.ctx);
    expect([q, arg, mainObj].map(w.alive)).toEqual([false, false, true]);
  });

  test('the same frame with a pending defer of its own is live (continpc = the defer pc) and scanned', () => {
    const w = makeWorld(pieces);
    const { g, fSp, slot } = twoFrames(w, true);
    deferproc(w.ctx, pieces.deferpanic, g, fSp, w.fv('main.deferred'), 0, w.fn('main.f').entry + 8);
    const q = w.int();
    w.space.store64(slot.fq, q);
    gcCollect(w.ctx);
    expect(w.alive(q)).toBe(true);
  });
});

describe('other roots', () => {
  const pieces = { deferpanic: deferpanicNew, traceback: tracebackNew, gc: gcNew };

  test("globals' pointer words are roots; their scalar words are not", () => {
    const w = makeWorld(pieces);
    const [a, b] = [w.int(), w.int()];
    w.space.store64(w.global, a);
    w.space.store64(w.global + 8, b);
    gcCollect(w.ctx);
    expect([a, b].map(w.alive)).toEqual([true, false]);
  });

  test('ctxt, waiting sudogs (and what their elem points to) and extra roots are roots', () => {
    const w = makeWorld(pieces);
    const { g } = twoFrames(w);
    const closure = w.heap.alloc(16, -1);
    g.ctxt = closure;
    const sg = w.heap.alloc(Sudog.size, w.types.sudog);
    const elem = w.int();
    w.space.store64(sg + Sudog.elem, elem);
    g.waiting = sg;
    const extra = w.int();
    w.ctx.extraRoots.push(extra);
    const garbage = w.int();
    gcCollect(w.ctx);
    expect([closure, sg, elem, extra, garbage].map(w.alive)).toEqual([true, true, true, true, false]);
  });

  test('every goroutine in allgs is scanned', () => {
    const w = makeWorld(pieces);
    const one = twoFrames(w);
    const two = buildStack(w, [{ name: 'main.main', at: 3 }], { goid: 2 });
    const [a, b] = [w.int(), w.int()];
    w.space.store64(one.slot.mp, a);
    w.space.store64(two.sps[0]! + w.slot('main.main', 'p'), b);
    gcCollect(w.ctx);
    expect([a, b].map(w.alive)).toEqual([true, true]);
    w.ctx.allgs.splice(1, 1); // the second goroutine died
    gcCollect(w.ctx);
    expect([a, b].map(w.alive)).toEqual([true, false]);
  });

  test('clobberFree fills freed objects with 0xdeadbeef', () => {
    const w = makeWorld(pieces, { clobberFree: true });
    const { slot } = twoFrames(w);
    const [kept, freed] = [w.int(7), w.int(8)];
    w.space.store64(slot.mp, kept);
    w.space.store64(slot.ms, freed);
    gcCollect(w.ctx);
    expect(w.space.load64(kept)).toBe(7);
    expect(w.space.load32(freed)).toBe(ClobberFreePattern);
    expect(w.space.load32(freed + 4)).toBe(ClobberFreePattern);
  });

  test('emits a gc-cycle event with roots, marked and freed counts', () => {
    const w = makeWorld(pieces);
    const { slot } = twoFrames(w);
    const node = w.heap.alloc(24, w.types.node);
    w.space.store64(node, w.int());
    w.int();
    w.space.store64(slot.mp, node);
    gcCollect(w.ctx);
    expect(w.events.at(-1)).toMatchObject({ kind: 'gc-cycle', roots: 1, marked: 2, freedObjects: 1, freedBytes: 8 });
  });
});
