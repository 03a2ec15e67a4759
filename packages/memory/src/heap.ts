// The Go-shaped heap on the AddressSpace: size-classed spans with alloc bits, mark bits and a type slot per
// object (see span.ts), large objects in spans of their own, O(1) span lookup by address through a heap-page ->
// span map, and a heap goal recomputed at each sweep from GOGC. Invariants: pageMap[p] = span id + 1 for every
// heap page p of an in-use span, else 0; current[c] is null or a span of class c; heapLive = sum over spans of
// allocCount * elemSize.

import type { AddressSpace } from './address-space.js';
import { ClobberFreePattern, HeapMinimum, HeapPageShift, HeapPageSize, MaxSmallSize } from './layout.js';
import { OutOfMemoryError } from './out-of-memory.js';
import { classToObjects, classToPages, classToSize, NumSizeClasses, sizeToClass } from './size-classes.js';
import { Span } from './span.js';
import { survivors, sweepSpan } from './sweep.js';
import type { TypeDesc } from './type-desc.js';

export interface HeapOptions {
  /** Fill freed objects with 0xdeadbeef words (Go's clobberfree GODEBUG). */
  clobberFree?: boolean;
  /** GOGC: the next goal is live * (1 + gcPercent/100); negative turns the goal off. Default 100. */
  gcPercent?: number;
  /** Hard limit on heapLive; an allocation beyond it throws OutOfMemoryError. */
  maxHeapBytes?: number;
}

export interface AllocOptions {
  /** Skip zeroing (the caller overwrites every byte), like mallocgc's needzero = false. */
  noZero?: boolean;
}

export interface SweepResult {
  freedObjects: number;
  freedBytes: number;
  liveBytes: number;
}

export interface HeapStats {
  heapLive: number;
  heapGoal: number;
  allocs: number;
  frees: number;
  spans: number;
  /** Bytes of the spans in use (runtime.MemStats HeapInuse). */
  spanBytes: number;
}

export class Heap {
  readonly space: AddressSpace;
  readonly clobberFree: boolean;
  readonly gcPercent: number;
  readonly maxHeapBytes: number;

  private readonly spans: (Span | null)[] = [];
  private readonly freeSpanIds: number[] = [];
  private pageMap = new Int32Array(1024);
  private readonly current: (Span | null)[] = new Array<Span | null>(NumSizeClasses).fill(null);
  private readonly partial: Span[][] = Array.from({ length: NumSizeClasses }, () => []);
  private readonly types: TypeDesc[] = [];
  private heapLive = 0;
  private heapGoal: number;
  private allocs = 0;
  private frees = 0;
  private spanCount = 0;
  private spanBytes = 0;

  constructor(space: AddressSpace, opts: HeapOptions = {}) {
    this.space = space;
    this.clobberFree = opts.clobberFree ?? false;
    this.gcPercent = opts.gcPercent ?? 100;
    this.maxHeapBytes = opts.maxHeapBytes ?? Infinity;
    this.heapGoal = this.goalFor(0);
  }

  // ---- types -----------------------------------------------------------------------------------------------

  /** Registers a type descriptor and returns its id (ids are dense, from 0). */
  registerType(t: TypeDesc): number {
    this.types.push(t);
    return this.types.length - 1;
  }

  typeOf(id: number): TypeDesc {
    const t = this.types[id];
    if (t === undefined) throw new RangeError(`heap: no type ${id}`);
    return t;
  }

  // ---- allocation ------------------------------------------------------------------------------------------

  /**
   * Allocates a zeroed object of the smallest size class holding `size` bytes (size 0 gets an 8-byte object);
   * above 32 KiB, a span of its own. typeId -1 = untyped; otherwise the type describes the first type.size bytes.
   * Objects are 8-aligned, 16-aligned when their class size is a multiple of 16, page-aligned when large.
   */
  alloc(size: number, typeId: number, opts?: AllocOptions): number {
    if (typeId !== -1) {
      const t = this.types[typeId];
      if (t === undefined) throw new RangeError(`heap: no type ${typeId}`);
      if (t.size > size) throw new RangeError(`heap: ${t.name} (${t.size} B) in ${size} B`);
    }
    if (!(size >= 0)) throw new RangeError(`heap: bad allocation size ${size}`);
    if (size > MaxSmallSize) return this.allocLarge(size, typeId);
    const c = sizeToClass(size);
    let s = this.current[c]!;
    if (s === null || s.allocCount === s.nelems) s = this.refill(c);
    const elemSize = s.elemSize;
    if (this.heapLive + elemSize > this.maxHeapBytes) throw new OutOfMemoryError('heap-limit', elemSize, this.heapLive, this.maxHeapBytes);
    const idx = s.take();
    s.types[idx] = typeId;
    const addr = s.base + idx * elemSize;
    if (s.needZero && opts?.noZero !== true) this.space.zeroUnchecked(addr, elemSize);
    this.heapLive += elemSize;
    this.allocs++;
    return addr;
  }

  // Next span with a free slot for class c: a partial one, else a fresh one.
  private refill(c: number): Span {
    const list = this.partial[c]!;
    let s = list.pop();
    while (s !== undefined && (this.spans[s.id] !== s || s.allocCount === s.nelems)) {
      s.inPartial = false;
      s = list.pop();
    }
    if (s !== undefined) {
      s.inPartial = false;
    } else {
      const npages = classToPages[c]!;
      s = this.newSpan(npages, c, classToSize[c]!, classToObjects[c]!);
    }
    this.current[c] = s;
    return s;
  }

  private allocLarge(size: number, typeId: number): number {
    const npages = Math.ceil(size / HeapPageSize);
    const bytes = npages * HeapPageSize;
    if (this.heapLive + bytes > this.maxHeapBytes) throw new OutOfMemoryError('heap-limit', bytes, this.heapLive, this.maxHeapBytes);
    const s = this.newSpan(npages, 0, bytes, 1);
    s.take();
    s.types[0] = typeId;
    this.heapLive += bytes;
    this.allocs++;
    return s.base;
  }

  private newSpan(npages: number, sizeClass: number, elemSize: number, nelems: number): Span {
    const bytes = npages * HeapPageSize;
    const base = this.space.mapRegion(bytes, HeapPageSize);
    const id = this.freeSpanIds.pop() ?? this.spans.length;
    const s = new Span(id, base, npages, sizeClass, elemSize, nelems);
    this.spans[id] = s;
    const first = base >>> HeapPageShift;
    if (first + npages > this.pageMap.length) {
      const grown = new Int32Array(Math.max(first + npages, this.pageMap.length * 2));
      grown.set(this.pageMap);
      this.pageMap = grown;
    }
    this.pageMap.fill(id + 1, first, first + npages);
    this.spanCount++;
    this.spanBytes += bytes;
    return s;
  }

  private releaseSpan(s: Span): void {
    const first = s.base >>> HeapPageShift;
    this.pageMap.fill(0, first, first + s.npages);
    this.space.releaseRegion(s.base, s.npages * HeapPageSize);
    this.spans[s.id] = null;
    this.freeSpanIds.push(s.id);
    this.spanCount--;
    this.spanBytes -= s.npages * HeapPageSize;
    if (this.current[s.sizeClass] === s) this.current[s.sizeClass] = null;
  }

  /** Frees one allocated object explicitly (base must be its base address). A large object's pages are released. */
  free(base: number): void {
    const s = this.spanOf(base);
    const idx = s === null ? -1 : s.indexOf(base - s.base);
    if (s === null || idx < 0 || s.base + idx * s.elemSize !== base || !s.isAllocated(idx)) {
      throw new Error(`heap: free of non-allocated address 0x${base.toString(16)}`);
    }
    if (this.clobberFree && s.sizeClass !== 0) this.space.fillWord(base, s.elemSize, ClobberFreePattern);
    s.release(idx);
    this.heapLive -= s.elemSize;
    this.frees++;
    if (s.sizeClass === 0) {
      this.releaseSpan(s);
    } else if (!s.inPartial && this.current[s.sizeClass] !== s) {
      s.inPartial = true;
      this.partial[s.sizeClass]!.push(s);
    }
  }

  // ---- queries (no allocation) -----------------------------------------------------------------------------

  private spanOf(addr: number): Span | null {
    if ((addr >>> 0) !== addr) return null;
    const id = (this.pageMap[addr >>> HeapPageShift] ?? 0) - 1;
    return id < 0 ? null : this.spans[id]!;
  }

  /** True when addr lies inside an in-use heap span (allocated object or not). */
  isHeapAddress(addr: number): boolean {
    return this.spanOf(addr) !== null;
  }

  /** Base address of the allocated object containing addr (interior pointers included), else 0. */
  findObject(addr: number): number {
    const s = this.spanOf(addr);
    if (s === null) return 0;
    const idx = s.indexOf(addr - s.base);
    if (idx < 0 || !s.isAllocated(idx)) return 0;
    return s.base + idx * s.elemSize;
  }

  /** Object size (its class size; a large object's whole span) of the object at base, 0 if not a heap address. */
  objectSize(base: number): number {
    const s = this.spanOf(base);
    return s === null ? 0 : s.elemSize;
  }

  /** Type id of the object containing base, -1 if untyped, free or not in the heap. */
  objectType(base: number): number {
    const s = this.spanOf(base);
    if (s === null) return -1;
    const idx = s.indexOf(base - s.base);
    return idx < 0 ? -1 : s.types[idx]!;
  }

  /** Bytes of the object described by its type (min(type.size, object size)); 0 when untyped. */
  objectTypedBytes(base: number): number {
    const s = this.spanOf(base);
    if (s === null) return 0;
    const idx = s.indexOf(base - s.base);
    const t = idx < 0 ? -1 : s.types[idx]!;
    return t < 0 ? 0 : Math.min(this.types[t]!.size, s.elemSize);
  }

  // ---- marking and sweeping --------------------------------------------------------------------------------

  /** Sets the mark bit of the allocated object containing base; true if it was not marked before. */
  mark(base: number): boolean {
    const s = this.spanOf(base);
    if (s === null) return false;
    const idx = s.indexOf(base - s.base);
    if (idx < 0 || !s.isAllocated(idx)) return false;
    const w = idx >>> 5;
    const bit = 1 << (idx & 31);
    const old = s.markBits[w]!;
    if ((old & bit) !== 0) return false;
    s.markBits[w] = old | bit;
    return true;
  }

  isMarked(base: number): boolean {
    const s = this.spanOf(base);
    if (s === null) return false;
    const idx = s.indexOf(base - s.base);
    return idx >= 0 && ((s.markBits[idx >>> 5]! >>> (idx & 31)) & 1) !== 0;
  }

  /**
   * Frees every allocated unmarked object, clears all mark bits, releases wholly empty spans to the address space
   * (their pages fault afterwards) and sets the next heap goal from the live bytes.
   */
  sweep(): SweepResult {
    let freedObjects = 0;
    let freedBytes = 0;
    let liveBytes = 0;
    for (let c = 0; c < NumSizeClasses; c++) {
      this.current[c] = null;
      const list = this.partial[c]!;
      for (const s of list) s.inPartial = false;
      list.length = 0;
    }
    for (let i = 0; i < this.spans.length; i++) {
      const s = this.spans[i];
      if (s === null || s === undefined) continue;
      if (survivors(s) === 0) {
        freedObjects += s.allocCount;
        freedBytes += s.allocCount * s.elemSize;
        this.releaseSpan(s);
        continue;
      }
      const freed = sweepSpan(s, this.space, this.clobberFree);
      freedObjects += freed;
      freedBytes += freed * s.elemSize;
      liveBytes += s.allocCount * s.elemSize;
      if (s.allocCount < s.nelems) {
        s.inPartial = true;
        this.partial[s.sizeClass]!.push(s);
      }
    }
    // Pop order = ascending address: allocation refills from low spans first.
    for (const list of this.partial) list.reverse();
    this.frees += freedObjects;
    this.heapLive = liveBytes;
    this.heapGoal = this.goalFor(liveBytes);
    return { freedObjects, freedBytes, liveBytes };
  }

  // Go's gcController: goal = live * (1 + GOGC/100), at least heapminimum = 4 MiB * GOGC/100; GOGC < 0: off.
  private goalFor(live: number): number {
    if (this.gcPercent < 0) return Infinity;
    return Math.max(live * (1 + this.gcPercent / 100), (HeapMinimum * this.gcPercent) / 100);
  }

  // ---- stats and iteration ---------------------------------------------------------------------------------

  stats(): HeapStats {
    return {
      heapLive: this.heapLive,
      heapGoal: this.heapGoal,
      allocs: this.allocs,
      frees: this.frees,
      spans: this.spanCount,
      spanBytes: this.spanBytes,
    };
  }

  /** True when the heap has reached its goal and a GC cycle is due. */
  needsGC(): boolean {
    return this.heapLive >= this.heapGoal;
  }

  /** Calls cb for every allocated object in span order (for tests and debugging; not a hot path). */
  forEachObject(cb: (base: number, size: number, typeId: number) => void): void {
    for (const s of this.spans) {
      if (s === null || s === undefined) continue;
      for (let idx = 0; idx < s.nelems; idx++) {
        if (s.isAllocated(idx)) cb(s.base + idx * s.elemSize, s.elemSize, s.types[idx]!);
      }
    }
  }
}
