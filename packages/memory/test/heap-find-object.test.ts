import { AddressSpace, Heap, typeDesc } from '../src/index.js';

describe('heap object queries', () => {
  const heap = new Heap(new AddressSpace());
  const other = heap.space.mapRegion(4096);

  test('findObject maps interior pointers to the object base', () => {
    const p = heap.alloc(100, -1); // class 112
    expect(heap.findObject(p)).toBe(p);
    expect(heap.findObject(p + 1)).toBe(p);
    expect(heap.findObject(p + 111)).toBe(p);
    const big = heap.alloc(50_000, -1);
    expect(heap.findObject(big + 49_999)).toBe(big);
  });

  test('findObject is 0 for freed objects and non-heap addresses', () => {
    const p = heap.alloc(16, -1);
    const q = heap.alloc(16, -1);
    heap.free(p);
    expect(heap.findObject(p)).toBe(0);
    expect(heap.findObject(p + 8)).toBe(0);
    expect(heap.findObject(q)).toBe(q);
    expect(heap.findObject(0)).toBe(0);
    expect(heap.findObject(other)).toBe(0);
    expect(heap.findObject(-8)).toBe(0);
    expect(heap.findObject(2 ** 40)).toBe(0);
    expect(heap.isHeapAddress(other)).toBe(false);
    expect(heap.isHeapAddress(p)).toBe(true);
  });

  test('a typed-prefix object reports typed bytes below its object size', () => {
    const header = heap.registerType(typeDesc('_defer', 56, [4, 5, 6]));
    expect(heap.typeOf(header).name).toBe('_defer');
    const d = heap.alloc(56 + 40, header); // header plus an argument block outside the type
    expect(heap.objectSize(d)).toBe(96);
    expect(heap.objectType(d)).toBe(header);
    expect(heap.objectTypedBytes(d)).toBe(56);
    const u = heap.alloc(96, -1);
    expect(heap.objectType(u)).toBe(-1);
    expect(heap.objectTypedBytes(u)).toBe(0);
  });

  test('a type larger than the requested size is rejected', () => {
    const t = heap.registerType(typeDesc('T', 64, [0]));
    expect(() => heap.alloc(32, t)).toThrow(RangeError);
  });
});
