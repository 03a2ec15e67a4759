// Where a pointer word lands: nil, a live goroutine stack, a stack a copy freed, a heap object (or a freed heap
// slot), the data segment, or nowhere mapped. Freed stacks are the old ranges of the stack-copied events seen so
// far, minus whatever live stack covers them again.

import type { Machine } from '@gosim/runtime';
import type { PointerView } from '../format.js';

export class Targets {
  /** Old ranges of stack copies, [lo, hi) pairs, most recent last. */
  private readonly freed: number[] = [];
  private dataEnd = 0;

  constructor(private readonly m: Machine) {
    this.dataEnd = m.dataBase + Math.max(m.prog.data.length, 8);
  }

  /** Objects swept by the GCs recorded (base → size), sorted by base; a reallocated slot reads as live first. */
  private freedBases: number[] = [];
  private readonly freedSizes = new Map<number, number>();

  /** A recorded GC swept these objects (base → size): pointers into them stay dangling until the slot is reused. */
  objectsFreed(freed: ReadonlyMap<number, number>): void {
    for (const b of this.freedBases) if (this.m.heap.findObject(b) !== 0) this.freedSizes.delete(b);
    for (const [b, n] of freed) this.freedSizes.set(b, n);
    this.freedBases = [...this.freedSizes.keys()].sort((a, b) => a - b);
  }

  /** The freed object containing v (binary search), or 0. */
  freedObject(v: number): number {
    const bs = this.freedBases;
    let lo = 0;
    let hi = bs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bs[mid]! <= v) lo = mid + 1;
      else hi = mid - 1;
    }
    const b = hi >= 0 ? bs[hi]! : 0;
    return b !== 0 && v < b + this.freedSizes.get(b)! ? b : 0;
  }

  freedObjectSize(base: number): number {
    return this.freedSizes.get(base) ?? 8;
  }

  /** A stack range is being freed (stack-copied's old range). */
  stackFreed(lo: number, hi: number): void {
    this.freed.push(lo, hi);
  }

  isFreedStack(v: number): boolean {
    for (let i = 0; i < this.freed.length; i += 2) if (v >= this.freed[i]! && v < this.freed[i + 1]!) return true;
    return false;
  }

  /** The PointerView of the word at `at` holding `value`. */
  classify(at: number, value: number, where: string): PointerView {
    const m = this.m;
    if (value === 0) return { at, value, target: 'nil', where };
    for (const g of m.allgs) if (value >= g.lo && value < g.hi) return { at, value, target: 'stack', goid: g.goid, where };
    if (this.isFreedStack(value)) return { at, value, target: 'freed-stack', dangling: true, where };
    const base = m.heap.findObject(value);
    if (base !== 0) return { at, value, target: 'heap', object: base, where };
    if (m.heap.isHeapAddress(value)) {
      const freed = this.freedObject(value);
      return { at, value, target: 'heap', ...(freed !== 0 ? { object: freed } : {}), dangling: true, where };
    }
    if (value >= m.dataBase && value < this.dataEnd) return { at, value, target: 'data', where };
    return { at, value, target: 'unmapped', where };
  }
}
