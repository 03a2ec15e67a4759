// Running out of memory: the address space that cannot map another span (Go's heap growth failure) versus the
// heap limit (gosim's own --max-heap), each reported with the sizes that matter.
import { AddressSpace, goOutOfMemory, Heap, HeapGrowChunk, OutOfMemoryError } from '../src/index.js';

function thrown(f: () => unknown): OutOfMemoryError {
  try {
    f();
  } catch (e) {
    if (e instanceof OutOfMemoryError) return e;
    throw e;
  }
  throw new Error('no OutOfMemoryError');
}

describe('out of memory', () => {
  test('a heap that fills the address space fails with an address-space error: the request and the bytes in use', () => {
    const space = new AddressSpace({ maxBytes: 8 << 20 });
    const heap = new Heap(space, { gcPercent: -1 });
    const e = thrown(() => { for (;;) heap.alloc(8192, -1); });
    expect(e.kind).toBe('address-space');
    expect(e.requested).toBe(8192); // one span of class 8192
    expect(e.inUse).toBe(space.mapped);
    expect(e.inUse).toBeGreaterThan((8 << 20) - 2 * 8192 - 0x10000);
    expect(e.limit).toBe(8 << 20);
  });

  test("Go's report rounds the request up to the heap's growth chunk (4 MiB) and names the bytes in use", () => {
    const small = new OutOfMemoryError('address-space', 8192, 3758096384, 2 ** 32);
    expect(goOutOfMemory(small)).toBe('runtime: out of memory: cannot allocate 4194304-byte block (3758096384 in use)\n');
    const big = new OutOfMemoryError('address-space', 2 ** 48, 65536, 2 ** 32);
    expect(goOutOfMemory(big)).toBe('runtime: out of memory: cannot allocate 281474976710656-byte block (65536 in use)\n');
    expect(goOutOfMemory(new OutOfMemoryError('address-space', HeapGrowChunk + 1, 0, 1))).toMatch(/cannot allocate 8388608-byte block/);
  });

  test('the heap limit names the heap in use, the request and the limit', () => {
    const heap = new Heap(new AddressSpace(), { maxHeapBytes: 100_000, gcPercent: -1 });
    heap.alloc(64 * 1024, -1);
    const e = thrown(() => heap.alloc(64 * 1024, -1));
    expect(e.kind).toBe('heap-limit');
    expect(e.message).toBe('the heap of 65536 bytes cannot grow by 65536 bytes within the limit of 100000 bytes');
  });
});
