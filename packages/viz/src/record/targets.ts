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
    if (m.heap.isHeapAddress(value)) return { at, value, target: 'heap', dangling: true, where };
    if (value >= m.dataBase && value < this.dataEnd) return { at, value, target: 'data', where };
    return { at, value, target: 'unmapped', where };
  }
}
