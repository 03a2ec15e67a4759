import { AddressSpace, Heap, HeapPageSize, isMemoryFault, MemoryFault, OutOfMemoryError } from '../src/index.js';

function faultOf(f: () => unknown): MemoryFault {
  try {
    f();
  } catch (e) {
    if (isMemoryFault(e)) return e;
    throw e;
  }
  throw new Error('expected a MemoryFault');
}

describe('heap reuse and release', () => {
  test('a freed object is reused, zeroed, by the next allocation of its class', () => {
    const heap = new Heap(new AddressSpace());
    const a = heap.alloc(48, -1);
    const b = heap.alloc(48, -1);
    heap.alloc(48, -1);
    heap.space.store64(b, 99);
    heap.free(b);
    expect(heap.findObject(b)).toBe(0);
    const c = heap.alloc(40, -1); // same class (48)
    expect(c).toBe(b);
    expect(heap.space.load64(c)).toBe(0);
    expect(a).not.toBe(c);
  });

  test('an object freed by sweep is reused by the next allocation of its class', () => {
    const heap = new Heap(new AddressSpace());
    const objs = [0, 1, 2, 3].map(() => heap.alloc(32, -1));
    for (const p of objs) if (p !== objs[1]) heap.mark(p);
    heap.sweep();
    expect(heap.alloc(32, -1)).toBe(objs[1]);
  });

  test('a freed large object\'s pages are unmapped and fault', () => {
    const heap = new Heap(new AddressSpace());
    const big = heap.alloc(100_000, -1);
    expect(big % HeapPageSize).toBe(0);
    expect(heap.objectSize(big)).toBe(13 * HeapPageSize);
    heap.space.store64(big + 50_000, 7);
    heap.free(big);
    const f = faultOf(() => heap.space.load64(big + 50_000));
    expect(f.kind).toBe('unmapped');
    expect(heap.isHeapAddress(big)).toBe(false);
  });

  test('a large object left unmarked is released by sweep, and its range is reused', () => {
    const heap = new Heap(new AddressSpace());
    const big = heap.alloc(64 * 1024, -1);
    heap.sweep();
    expect(faultOf(() => heap.space.load8(big)).kind).toBe('unmapped');
    expect(heap.alloc(64 * 1024, -1)).toBe(big);
  });

  test('double free and free of an interior pointer are rejected', () => {
    const heap = new Heap(new AddressSpace());
    const p = heap.alloc(64, -1);
    expect(() => heap.free(p + 8)).toThrow();
    heap.free(p);
    expect(() => heap.free(p)).toThrow();
  });

  test('maxHeapBytes turns into an OutOfMemoryError', () => {
    const heap = new Heap(new AddressSpace(), { maxHeapBytes: 100_000 });
    heap.alloc(64 * 1024, -1);
    expect(() => heap.alloc(64 * 1024, -1)).toThrow(OutOfMemoryError);
  });
});
