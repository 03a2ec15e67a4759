// Reading a recording back (the page and tests): the snapshot in force at a step, memory rebuilt from the
// delta-encoded chain (format.ts Snapshot.same) and read as words. No Node or DOM APIs.

import type { GoroutineView, MemRegion, RecordedRun, Snapshot } from './format.js';

/** The index of the step whose snapshot is in force at step i (the last one at or before it that has one), or -1. */
export function snapshotIndex(run: RecordedRun, i: number): number {
  for (let j = Math.min(i, run.steps.length - 1); j >= 0; j--) if (run.steps[j]!.snapshot) return j;
  return -1;
}

/** The whole snapshot in force at step i (delta chain resolved), or undefined before the first one. */
export function snapshotAt(run: RecordedRun, i: number): Snapshot | undefined {
  const chain: Snapshot[] = [];
  for (let j = snapshotIndex(run, i); j >= 0; j = snapshotIndex(run, j - 1)) {
    const s = run.steps[j]!.snapshot!;
    chain.push(s);
    if (s.same === undefined) break;
  }
  if (chain.length === 0) return undefined;
  let memory: MemRegion[] = [];
  let goroutines: GoroutineView[] = [];
  for (let k = chain.length - 1; k >= 0; k--) {
    const s = chain[k]!;
    if (s.same === undefined) {
      memory = s.memory;
      goroutines = s.goroutines;
    } else {
      const keepMem = new Set(s.same.memory);
      const keepG = new Set(s.same.goroutines);
      memory = [...memory.filter((r) => keepMem.has(r.lo)), ...s.memory].sort((a, b) => a.lo - b.lo);
      goroutines = [...goroutines.filter((g) => keepG.has(g.goid)), ...s.goroutines].sort((a, b) => a.goid - b.goid);
    }
  }
  const { same: _same, ...top } = chain[0]!;
  return { ...top, goroutines, memory };
}

/** Byte at addr in a snapshot's memory, or undefined when the snapshot does not hold it. */
export function byteAt(memory: readonly MemRegion[], addr: number): number | undefined {
  for (const r of memory) {
    const off = addr - r.lo;
    if (off >= 0 && off < r.hex.length / 2) return parseInt(r.hex.substr(2 * off, 2), 16);
  }
  return undefined;
}

/** The little-endian 64-bit word at addr as a number (exact below 2^53), or undefined when not held. */
export function wordAt(memory: readonly MemRegion[], addr: number): number | undefined {
  let v = 0;
  for (let k = 7; k >= 0; k--) {
    const b = byteAt(memory, addr + k);
    if (b === undefined) return undefined;
    v = v * 256 + b;
  }
  return v;
}
