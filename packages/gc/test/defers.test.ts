// Defer records as roots: old gc scans them conservatively (and every untyped block), new gc scans the
// header precisely and the argument blocks through tracebackdefers with fn's argument map.

import { ClobberFreePattern } from '@gosim/memory';
import { deferArgs, deferproc, DeferOld, NoArgs } from '@gosim/defer-panic';
import { gcCollect } from '../src/index.js';
import { buildStack, makeWorld, pieceSets, type Pieces, type World } from './world.js';

/** main defers main.deferred(p, n) with the two words given. */
function deferred(w: World, pieces: Pieces, p: number, n: number, fn = w.fv('main.deferred')) {
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }]);
  const mainSp = sps[0]!;
  w.space.store64(mainSp, p);
  w.space.store64(mainSp + 8, n);
  const d = deferproc(w.ctx, pieces.deferpanic, g, mainSp, fn, 16, w.fn('main.main').entry + 8);
  w.space.store64(mainSp, 0); // the outgoing area no longer holds them
  w.space.store64(mainSp + 8, 0);
  return { g, d, mainSp };
}

describe('old gc: defer records are scanned conservatively', () => {
  const pieces = pieceSets.old;

  test('an integer in the arguments equal to a heap address (or inside an object) retains that object', () => {
    const w = makeWorld(pieces);
    const [x, y, z] = [w.int(), w.int(), w.heap.alloc(64, -1)];
    const { d } = deferred(w, pieces, x, y);
    w.space.store64(deferArgs(DeferOld, d) + 8, z + 40); // n = uintptr into z
    const garbage = w.int();
    gcCollect(w.ctx);
    expect([d, x, z, garbage].map(w.alive)).toEqual([true, true, true, false]);
    expect(w.alive(y)).toBe(false); // (overwritten above)
  });

  test('a plain integer equal to a heap address retains it', () => {
    const w = makeWorld(pieces);
    const [x, y] = [w.int(), w.int()];
    deferred(w, pieces, x, y);
    gcCollect(w.ctx);
    expect([x, y].map(w.alive)).toEqual([true, true]);
  });

  test('stack records are skipped (not heap objects) and the walk goes on through their link', () => {
    const w = makeWorld(pieces);
    const [x, y] = [w.int(), w.int()];
    const { g, mainSp } = deferred(w, pieces, x, y);
    const dabort = mainSp + w.slot('main.main', 'buf');
    w.space.store64(dabort + DeferOld.argp, NoArgs);
    w.space.store8(dabort + DeferOld.special, 1);
    w.space.store64(dabort + DeferOld.link, g._defer);
    g._defer = dabort;
    gcCollect(w.ctx);
    expect([x, y].map(w.alive)).toEqual([true, true]);
  });

  test('untyped heap blocks are scanned conservatively wherever they are reached from', () => {
    const w = makeWorld(pieces);
    const { g, mainSp } = deferred(w, pieces, 0, 0);
    g._defer = 0;
    const block = w.heap.alloc(32, -1);
    const y = w.int();
    w.space.store64(block + 16, y);
    w.space.store64(mainSp + w.slot('main.main', 'p'), block);
    gcCollect(w.ctx);
    expect([block, y].map(w.alive)).toEqual([true, true]);
  });
});

describe('new gc: the header precisely, the arguments through tracebackdefers', () => {
  const pieces = pieceSets.new;

  test('an integer argument equal to a heap address does NOT retain it; a pointer argument (per fn\'s map) does', () => {
    const w = makeWorld(pieces);
    const [x, y] = [w.int(), w.int()];
    const { d } = deferred(w, pieces, x, y);
    gcCollect(w.ctx);
    expect([d, x, y].map(w.alive)).toEqual([true, true, false]);
  });

  test('fn (a heap closure), link and the record itself are kept through the header', () => {
    const w = makeWorld(pieces);
    const closure = w.heap.alloc(16, -1);
    w.space.store64(closure, w.fn('main.deferred').entry);
    const cv = w.int();
    w.space.store64(closure + 8, cv); // a captured word: untyped closure, invisible to the precise scan
    const x = w.int();
    const { d } = deferred(w, pieces, x, 0, closure);
    gcCollect(w.ctx);
    expect([d, closure, x].map(w.alive)).toEqual([true, true, true]);
    expect(w.alive(cv)).toBe(false);
  });

  test('a record of a nil fn is a dead frame: its arguments are not scanned', () => {
    const w = makeWorld(pieces);
    const x = w.int();
    const { d } = deferred(w, pieces, x, 0, 0);
    gcCollect(w.ctx);
    expect([d, x].map(w.alive)).toEqual([true, false]);
  });

  test('a record reached only from a frame slot is scanned by its type: the header only, never its arguments', () => {
    const w = makeWorld(pieces);
    const x = w.int();
    const { g, d, mainSp } = deferred(w, pieces, x, 0);
    g._defer = 0;
    w.space.store64(mainSp + w.slot('main.main', 'p'), d);
    gcCollect(w.ctx);
    expect([d, x].map(w.alive)).toEqual([true, false]);
  });
});

/**
 * Goexit is running main's deferred call main.deferred(p = &obj, 0): the GC runs in call16's
 * prologue (the reflectcall window), before the arguments are copied out of the record.
 */
function inReflectcall(pieces: Pieces, clobberFree = false) {
  const w = makeWorld(pieces, { clobberFree });
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'runtime.Goexit', at: 3 }, { name: 'runtime.call16', at: 0 }], { atEntry: true });
  const [mainSp, goexitSp] = sps as [number, number];
  const neighbour = w.int(); // kept through the global, so obj's span survives a sweep (and can show the clobber)
  w.space.store64(w.global, neighbour);
  const obj = w.int(42);
  w.space.store64(mainSp, obj);
  const d = deferproc(w.ctx, pieces.deferpanic, g, mainSp, w.fv('main.deferred'), 16, w.fn('main.main').entry + 8);
  w.space.store64(mainSp, 0);
  expect(pieces.deferpanic.goexitNext(w.ctx, g, goexitSp)).toBe(true);
  return { w, g, d, obj };
}

describe('the reflectcall window: a running record and its arguments', () => {
  test('new gc with old deferpanic: the untyped record is off the list; new gc does not scan untyped blocks, so the argument referent is freed (clobbered)', () => {
    const { w, g, d, obj } = inReflectcall(pieceSets.newGcOldDefer, true);
    expect(g._defer).toBe(0);
    gcCollect(w.ctx);
    expect(w.alive(d)).toBe(true); // Goexit's frame slot d keeps the record itself
    expect(w.heap.objectType(d)).toBe(-1);
    expect(w.alive(obj)).toBe(false);
    expect(w.space.load64(deferArgs(DeferOld, d))).toBe(obj); // the deferred call will get a pointer to freed memory
    expect(w.space.load32(obj)).toBe(ClobberFreePattern);
  });

  test('old gc with old deferpanic: the same untyped record is scanned conservatively; the referent survives', () => {
    const { w, d, obj } = inReflectcall(pieceSets.old, true);
    gcCollect(w.ctx);
    expect([d, obj].map(w.alive)).toEqual([true, true]);
    expect(w.space.load64(obj)).toBe(42);
  });

  test('new gc with new deferpanic: the record stays listed (started) and tracebackdefers scans its arguments', () => {
    const { w, g, d, obj } = inReflectcall(pieceSets.new, true);
    expect(g._defer).toBe(d);
    gcCollect(w.ctx);
    expect([d, obj].map(w.alive)).toEqual([true, true]);
    expect(w.space.load64(obj)).toBe(42);
  });
});
