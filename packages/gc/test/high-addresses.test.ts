// Heap and stack addresses at and above 2^31 (up to the address-space limit) are ordinary addresses: marking,
// scanning and sweeping must never see them through a signed 32-bit value.
import { gcCollect } from '../src/index.js';
import { buildStack, makeWorld, pieceSets, type World } from './world.js';

const TwoTo31 = 2 ** 31;

/** A world whose stacks and heap objects all lie above 2^31: a filler region (never touched) sits below them. */
function highWorld(pieces: (typeof pieceSets)[keyof typeof pieceSets]): World {
  const w = makeWorld(pieces);
  w.space.unmapRegion(w.space.mapRegion(TwoTo31), TwoTo31);
  return w;
}

describe.each(Object.entries(pieceSets))('objects above 2^31 (%s)', (_name, pieces) => {
  test('a linked list of nodes above 2^31, reached from a frame slot, survives a GC whole', () => {
    const w = highWorld(pieces);
    const { sps } = buildStack(w, [{ name: 'main.main', at: 3 }]);
    expect(sps[0]!).toBeGreaterThan(TwoTo31);
    let head = 0;
    const nodes: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = w.heap.alloc(24, w.types.node);
      w.space.store64(n, head);
      w.space.store64(n + 8, i);
      head = n;
      nodes.push(n);
    }
    expect(Math.min(...nodes)).toBeGreaterThan(TwoTo31);
    const garbage = [w.int(1), w.int(2)];
    w.space.store64(sps[0]! + w.slot('main.main', 'p'), head);
    const r = gcCollect(w.ctx);
    expect(nodes.filter((n) => !w.alive(n)).length).toBe(0);
    expect(garbage.map(w.alive)).toEqual([false, false]);
    expect(r.freedObjects).toBe(2);
    let count = 0;
    for (let p = head; p !== 0; p = w.space.load64(p)) count++;
    expect(count).toBe(3000);
  });

  test('a large typed object (past 2.5 GiB) reached from a global by an interior pointer keeps what it points to', () => {
    const w = highWorld(pieces);
    w.space.unmapRegion(w.space.mapRegion(2 ** 29), 2 ** 29); // past 2.5 GiB
    buildStack(w, [{ name: 'main.main', at: 3 }]);
    const big = w.heap.alloc(1 << 16, w.types.node);
    const inner = w.int(7);
    w.space.store64(big, inner);
    w.space.store64(w.global, big + 100); // interior pointer from a global
    expect(big).toBeGreaterThan(TwoTo31 + 2 ** 29);
    gcCollect(w.ctx);
    expect([big, inner].map(w.alive)).toEqual([true, true]);
    expect(w.heap.isMarked(big)).toBe(false); // sweep cleared the marks
  });
});
