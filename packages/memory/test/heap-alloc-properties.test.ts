import fc from 'fast-check';
import { AddressSpace, classToSize, Heap, MaxSmallSize, roundUpSize, sizeToClass } from '../src/index.js';

type Op =
  | { kind: 'alloc'; size: number }
  | { kind: 'free'; pick: number }
  | { kind: 'sweep'; keepMask: number };

const sizeArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 256 }) },
  { weight: 3, arbitrary: fc.integer({ min: 257, max: MaxSmallSize }) },
  { weight: 1, arbitrary: fc.integer({ min: MaxSmallSize + 1, max: 200_000 }) },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: sizeArb.map((size) => ({ kind: 'alloc' as const, size })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'free' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((keepMask) => ({ kind: 'sweep' as const, keepMask })) },
);

describe('heap allocation properties', () => {
  test('random alloc/free/sweep sequences keep live objects disjoint, aligned, big enough and zeroed', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), fc.boolean(), (ops, clobberFree) => {
        const heap = new Heap(new AddressSpace(), { clobberFree });
        const space = heap.space;
        const live = new Map<number, number>(); // base -> requested size
        for (const op of ops) {
          if (op.kind === 'alloc') {
            const p = heap.alloc(op.size, -1);
            expect(live.has(p)).toBe(false);
            const size = heap.objectSize(p);
            expect(size).toBe(roundUpSize(op.size));
            expect(size).toBeGreaterThanOrEqual(op.size);
            expect(p % 8).toBe(0);
            if (size % 16 === 0) expect(p % 16).toBe(0);
            let nonzero = 0;
            for (let i = 0; i < size; i += 8) if (space.load64(p + i) !== 0) nonzero++;
            expect(nonzero).toBe(0);
            // Dirty the object so a later reuse without zeroing would be caught.
            space.fill(p, size, 0xab);
            live.set(p, op.size);
          } else if (op.kind === 'free' && live.size > 0) {
            const bases = [...live.keys()];
            const p = bases[op.pick % bases.length]!;
            heap.free(p);
            live.delete(p);
          } else if (op.kind === 'sweep') {
            let bit = 0;
            for (const p of [...live.keys()]) {
              if ((op.keepMask >>> bit++ % 31) & 1) heap.mark(p);
              else live.delete(p);
            }
            heap.sweep();
          }
          // Disjointness over all live objects, and the heap agrees on what is live.
          const ranges = [...live.keys()].map((p) => [p, p + heap.objectSize(p)] as const).sort((a, b) => a[0] - b[0]);
          let overlaps = 0;
          for (let i = 1; i < ranges.length; i++) if (ranges[i]![0] < ranges[i - 1]![1]) overlaps++;
          expect(overlaps).toBe(0);
          expect([...live.keys()].filter((p) => heap.findObject(p) !== p)).toEqual([]);
        }
        let count = 0;
        let bytes = 0;
        heap.forEachObject((_, size) => {
          count++;
          bytes += size;
        });
        expect(count).toBe(live.size);
        expect(heap.stats().heapLive).toBe(bytes);
      }),
      { numRuns: 150 },
    );
  });

  test('a small object gets the class chosen by the size table', () => {
    const heap = new Heap(new AddressSpace());
    for (const size of [1, 8, 9, 17, 24, 25, 1000, 1025, 32768]) {
      expect(heap.objectSize(heap.alloc(size, -1))).toBe(classToSize[sizeToClass(size)]);
    }
  });
});
