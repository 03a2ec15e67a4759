// A span: a run of 8 KiB heap pages carved into objects of one size class (class 0: one large object), like Go's
// mspan. Per object: an alloc bit, a mark bit and a type slot. Invariants: allocCount = number of set alloc bits
// among the first nelems; alloc bits past nelems (padding in the last word) are always set, so the free-slot scan
// never hands them out; every free slot has index >= freeIndex; mark bits are only ever set on allocated slots.

import { ctz32 } from './bits.js';
import { HeapPageShift } from './layout.js';

export class Span {
  /** Index in the heap's span table. */
  readonly id: number;
  /** First byte (8 KiB aligned). */
  readonly base: number;
  /** Heap pages (8 KiB each). */
  readonly npages: number;
  /** Size class, 0 for a large object. */
  readonly sizeClass: number;
  /** Bytes per object (for large objects: npages * 8 KiB, as Go's elemsize). */
  readonly elemSize: number;
  /** Objects in the span. */
  readonly nelems: number;
  readonly allocBits: Uint32Array;
  readonly markBits: Uint32Array;
  /** Type id per object, -1 untyped (or free). */
  readonly types: Int32Array;
  /** Valid bits of the last bitmap word. */
  readonly lastMask: number;
  /** No free slot has an index below this. */
  freeIndex = 0;
  allocCount = 0;
  /** False while every free slot is known to hold zeroes (fresh span). */
  needZero = false;
  /** Listed in the heap's partial list of its class. */
  inPartial = false;

  constructor(id: number, base: number, npages: number, sizeClass: number, elemSize: number, nelems: number) {
    this.id = id;
    this.base = base;
    this.npages = npages;
    this.sizeClass = sizeClass;
    this.elemSize = elemSize;
    this.nelems = nelems;
    const words = (nelems + 31) >>> 5;
    this.allocBits = new Uint32Array(words);
    this.markBits = new Uint32Array(words);
    this.types = new Int32Array(nelems).fill(-1);
    const tail = nelems & 31;
    this.lastMask = tail === 0 ? -1 : (1 << tail) - 1;
    this.allocBits[words - 1] = ~this.lastMask; // padding slots count as allocated forever
  }

  /** Bytes covered by the span. */
  get bytes(): number {
    return this.npages << HeapPageShift;
  }

  /** Index of the object containing span offset `off`, or -1 in the tail waste. */
  indexOf(off: number): number {
    const idx = Math.floor(off / this.elemSize);
    return idx < this.nelems ? idx : -1;
  }

  isAllocated(idx: number): boolean {
    return ((this.allocBits[idx >>> 5]! >>> (idx & 31)) & 1) !== 0;
  }

  /** Claims the lowest free slot (the caller ensures allocCount < nelems) and returns its index. */
  take(): number {
    const bits = this.allocBits;
    let w = this.freeIndex >>> 5;
    let free = ~bits[w]! & (-1 << (this.freeIndex & 31));
    while (free === 0) free = ~bits[++w]!;
    const b = ctz32(free);
    bits[w] = bits[w]! | (1 << b);
    const idx = (w << 5) | b;
    this.freeIndex = idx + 1;
    this.allocCount++;
    return idx;
  }

  /** Releases slot idx (must be allocated). */
  release(idx: number): void {
    const w = idx >>> 5;
    const m = ~(1 << (idx & 31));
    this.allocBits[w] = this.allocBits[w]! & m;
    this.markBits[w] = this.markBits[w]! & m;
    this.types[idx] = -1;
    this.allocCount--;
    this.needZero = true;
    if (idx < this.freeIndex) this.freeIndex = idx;
  }
}
