import { AddressSpace, ClobberFreePattern, Heap, HeapMinimum } from '../src/index.js';

describe('mark and sweep', () => {
  test('unmarked objects are freed, marked ones kept, and heapLive drops accordingly', () => {
    const heap = new Heap(new AddressSpace());
    const kept = [heap.alloc(16, -1), heap.alloc(1000, -1), heap.alloc(40_000, -1)];
    const dropped = [heap.alloc(16, -1), heap.alloc(1000, -1), heap.alloc(40_000, -1)];
    const before = heap.stats().heapLive;
    expect(before).toBe(2 * (16 + 1024 + 40_960));
    for (const p of kept) expect(heap.mark(p)).toBe(true);
    expect(heap.mark(kept[0]!)).toBe(false); // already marked
    expect(heap.isMarked(kept[0]!)).toBe(true);
    expect(heap.isMarked(dropped[0]!)).toBe(false);
    const r = heap.sweep();
    expect(r).toEqual({ freedObjects: 3, freedBytes: 16 + 1024 + 40_960, liveBytes: 16 + 1024 + 40_960 });
    expect(heap.stats().heapLive).toBe(before - r.freedBytes);
    for (const p of kept) expect(heap.findObject(p)).toBe(p);
    for (const p of dropped) expect(heap.findObject(p)).toBe(0);
    // Mark bits are cleared by the sweep.
    expect(heap.isMarked(kept[0]!)).toBe(false);
    expect(heap.stats().frees).toBe(3);
  });

  test('marking a free slot or a non-heap address does nothing', () => {
    const heap = new Heap(new AddressSpace());
    const p = heap.alloc(64, -1);
    heap.free(p);
    expect(heap.mark(p)).toBe(false);
    expect(heap.mark(0)).toBe(false);
  });

  test('clobberFree fills swept objects with 0xdeadbeef words', () => {
    const heap = new Heap(new AddressSpace(), { clobberFree: true });
    const live = heap.alloc(48, -1);
    const dead = heap.alloc(48, -1);
    heap.space.store64(dead, 5);
    heap.mark(live);
    heap.sweep();
    for (let i = 0; i < 48; i += 4) expect(heap.space.load32(dead + i)).toBe(ClobberFreePattern);
    expect(heap.space.load64(live)).toBe(0);
    expect(heap.alloc(48, -1)).toBe(dead);
    expect(heap.space.load64(dead)).toBe(0); // zeroed again on reuse
  });

  test('without clobberFree a swept object keeps its contents until reused', () => {
    const heap = new Heap(new AddressSpace());
    const live = heap.alloc(48, -1);
    const dead = heap.alloc(48, -1);
    heap.space.store64(dead, 5);
    heap.mark(live);
    heap.sweep();
    expect(heap.space.load64(dead)).toBe(5);
  });

  test('the heap goal is live * (1 + GOGC/100), at least 4 MiB, and needsGC follows it', () => {
    const heap = new Heap(new AddressSpace());
    expect(heap.stats().heapGoal).toBe(HeapMinimum);
    const objs: number[] = [];
    while (!heap.needsGC()) objs.push(heap.alloc(64 * 1024, -1));
    expect(heap.stats().heapLive).toBeGreaterThanOrEqual(HeapMinimum);
    for (const p of objs) heap.mark(p);
    const { liveBytes } = heap.sweep();
    expect(heap.stats().heapGoal).toBe(liveBytes * 2);
    expect(heap.needsGC()).toBe(false);
    const off = new Heap(new AddressSpace(), { gcPercent: -1 });
    expect(off.stats().heapGoal).toBe(Infinity);
  });

  test('wholly empty spans are released by sweep', () => {
    const heap = new Heap(new AddressSpace());
    for (let i = 0; i < 1000; i++) heap.alloc(64, -1);
    expect(heap.stats().spans).toBe(8);
    heap.sweep();
    expect(heap.stats().spans).toBe(0);
    expect(heap.space.mapped).toBe(0);
  });
});
