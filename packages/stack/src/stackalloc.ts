// Stack allocation (Go's stackalloc/stackfree): stacks are power-of-two sized runs of pages; small ones
// come from per-order pools, large ones from a free list by size (memory that stays mapped, as Go's heap
// keeps freed stack spans). A freed stack goes back to its pool, or with StackFaultOnFree is unmapped for
// good so that any later access faults.

import type { AddressSpace } from '@gosim/memory';
import { StackCacheOrders, StackMinDefault } from './constants.js';

export interface StackAllocOptions {
  /** Unmap freed stacks instead of reusing them (Go's stackFaultOnFree). */
  faultOnFree?: boolean;
  /** The smallest stack (order 0); a power of two, at least 2048. */
  stackMin?: number;
}

export class StackAllocator {
  readonly stackMin: number;
  faultOnFree: boolean;
  /** pools[order] = free stacks of size stackMin << order. */
  private readonly pools: number[][] = [];
  /** Freed large stacks by size (still mapped). */
  private readonly large = new Map<number, number[]>();
  /** Bytes of stack currently allocated (Go's stacks_inuse). */
  inuse = 0;
  /** Stacks unmapped by StackFaultOnFree, as [lo, hi) pairs: their pages fault as PROT_NONE ones do. */
  private readonly faulted: number[] = [];

  constructor(private readonly space: AddressSpace, opts: StackAllocOptions = {}) {
    this.stackMin = opts.stackMin ?? StackMinDefault;
    if (this.stackMin < 2048 || (this.stackMin & (this.stackMin - 1)) !== 0)
      throw new RangeError(`stack minimum must be a power of two >= 2048, not ${this.stackMin}`);
    this.faultOnFree = opts.faultOnFree ?? false;
    for (let o = 0; o < StackCacheOrders; o++) this.pools.push([]);
  }

  /** Returns lo of a fresh stack of n bytes (a power of two >= stackMin); contents are not defined. */
  stackalloc(n: number): number {
    const order = this.order(n);
    const pool = order >= 0 ? this.pools[order] : this.large.get(n);
    const lo = pool && pool.length ? pool.pop()! : this.space.mapRegion(n, Math.min(n, 1 << 16));
    this.inuse += n;
    return lo;
  }

  /** addr lies in a stack freed under StackFaultOnFree (mapped once, now inaccessible). Only asked on a fault. */
  isFaultedStack(addr: number): boolean {
    const f = this.faulted;
    for (let i = 0; i < f.length; i += 2) if (addr >= f[i]! && addr < f[i + 1]!) return true;
    return false;
  }

  /** Frees the stack [lo, lo+n). */
  stackfree(lo: number, n: number): void {
    this.inuse -= n;
    if (this.faultOnFree) {
      this.space.unmapRegion(lo, n);
      this.faulted.push(lo, lo + n);
      return;
    }
    const order = this.order(n);
    if (order >= 0) this.pools[order]!.push(lo);
    else {
      let list = this.large.get(n);
      if (!list) this.large.set(n, (list = []));
      list.push(lo);
    }
  }

  private order(n: number): number {
    let order = 0;
    for (let s = this.stackMin; s < n; s <<= 1) order++;
    return order < StackCacheOrders && this.stackMin << order === n ? order : -1;
  }
}
