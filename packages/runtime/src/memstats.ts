// runtime.ReadMemStats: a runtime.MemStats (Go 1.19's layout, program/src/isa/rtapi.ts MemStats) filled from
// the model's own figures. Counted: the heap's objects and bytes (allocated slots by size class, as Go's
// heapAlloc), its spans, the address space mapped (Sys), goroutine stacks, the GC cycles and the goal. Not
// modelled, left zero: Lookups, the off-heap runtime structures (MSpan, MCache, BuckHash, GC, Other), pause
// times and LastGC (the model has no clock), GCCPUFraction, the per-size-class counts.

import { classToSize } from '@gosim/memory';
import { RtMemStats as MS } from '@gosim/program';
import type { Machine } from './machine.js';

interface GCCounts { numGC: number; numForcedGC: number; freedBytes: number }
const counts = new WeakMap<Machine, GCCounts>();

function gcCounts(m: Machine): GCCounts {
  let c = counts.get(m);
  if (!c) counts.set(m, (c = { numGC: 0, numForcedGC: 0, freedBytes: 0 }));
  return c;
}

/** Counts one finished collection (Machine.collect). */
export function noteGC(m: Machine, freedBytes: number, forced: boolean): void {
  const c = gcCounts(m);
  c.numGC++;
  if (forced) c.numForcedGC++;
  c.freedBytes += freedBytes;
}

export function readMemStats(m: Machine, p: number): void {
  const s = m.space;
  const st = m.heap.stats();
  const c = gcCounts(m);
  let stacks = 0;
  for (const g of m.allgs) stacks += g.hi - g.lo;
  s.fill(p, MS.size, 0);
  const put = (off: number, v: number): void => s.store64(p + off, v);
  put(MS.Alloc, st.heapLive);
  put(MS.TotalAlloc, st.heapLive + c.freedBytes);
  put(MS.Sys, s.mapped);
  put(MS.Mallocs, st.allocs);
  put(MS.Frees, st.frees);
  put(MS.HeapAlloc, st.heapLive);
  put(MS.HeapSys, st.spanBytes);
  put(MS.HeapInuse, st.spanBytes);
  put(MS.HeapObjects, st.allocs - st.frees);
  put(MS.StackInuse, stacks);
  put(MS.StackSys, stacks);
  put(MS.NextGC, Number.isFinite(st.heapGoal) ? Math.floor(st.heapGoal) : 0);
  s.store32(p + MS.NumGC, c.numGC);
  s.store32(p + MS.NumForcedGC, c.numForcedGC);
  s.store8(p + MS.EnableGC, 1);
  for (let i = 0; i < MS.bySizeCount; i++) s.store32(p + MS.BySize + i * MS.bySizeEntry, classToSize[i]!);
}
