// The two moments drawn apart: a stack copy (old and new stack, each adjusted word, each pointer left in the old
// range) and a GC cycle (objects before and after, the roots the snapshot shows, freed objects still named).

import type { Machine, RuntimeEvent } from '@gosim/runtime';
import type { GCView, PointerView, Snapshot, StackCopy } from '../format.js';

type Copied = Extract<RuntimeEvent, { kind: 'stack-copied' }>;
type Adjusted = Extract<RuntimeEvent, { kind: 'pointer-adjusted' }>;

/** Every pointer word of a snapshot: frames, defer records on and off the lists, panic records, heap objects. */
export function allPointers(s: Snapshot): PointerView[] {
  const out: PointerView[] = [];
  for (const g of s.goroutines) {
    for (const f of g.frames) out.push(...f.pointers);
    for (const d of [...g.defers, ...g.offList]) out.push(...d.pointers);
    for (const p of g.panics) out.push(...(p.pointers ?? []));
  }
  for (const o of s.objects) out.push(...o.pointers);
  return out;
}

const bytesHex = (m: Machine, lo: number, hi: number): string =>
  hi > lo && m.space.isRangeMapped(lo, hi - lo) ? Buffer.from(m.space.u8.buffer, lo, hi - lo).toString('hex') : '';

/**
 * At a stack-copied event (g already on the new stack, the old one not yet freed): both used parts, the words
 * adjusted (the pointer-adjusted events of this copy) and every pointer word the snapshot holds that still
 * points into the old range.
 */
export function copyView(m: Machine, e: Copied, adjusted: readonly Adjusted[], after: Snapshot): StackCopy {
  const stale = allPointers(after)
    .filter((p) => p.value >= e.oldLo && p.value < e.oldHi)
    .map((p) => ({ at: p.at, value: p.value, where: p.where }));
  return {
    goid: e.goid, oldLo: e.oldLo, oldHi: e.oldHi, newLo: e.newLo, newHi: e.newHi, used: e.used, why: e.why,
    oldHex: bytesHex(m, e.oldHi - e.used, e.oldHi),
    newHex: bytesHex(m, e.newHi - e.used, e.newHi),
    adjusted: adjusted.map((a) => ({ at: a.at, from: a.from, to: a.to, where: a.where })),
    stale,
  };
}

/** base → size of every allocated heap object. */
export function liveObjects(m: Machine): Map<number, number> {
  const live = new Map<number, number>();
  m.heap.forEachObject((base, size) => void live.set(base, size));
  return live;
}

/**
 * After a cycle: what survived (marked) and what was swept, against the objects live just before it. Roots are
 * the snapshot's pointer words in frames, defer and panic records that name a heap object: what a precise scan
 * of the stacks reaches (the policy's own scan may skip some, which is the point: compare with `freed`).
 */
export function gcView(m: Machine, e: Extract<RuntimeEvent, { kind: 'gc-cycle' }>, before: Map<number, number>, after: Snapshot): GCView {
  const now = liveObjects(m);
  const freed = [...before.keys()].filter((b) => !now.has(b));
  const freedSet = new Set(freed);
  const roots: GCView['roots'] = [];
  for (const g of after.goroutines) {
    for (const f of g.frames) for (const p of f.pointers) if (p.target === 'heap') roots.push({ where: p.where, at: p.at, value: p.value });
    for (const d of [...g.defers, ...g.offList]) for (const p of d.pointers) if (p.target === 'heap') roots.push({ where: p.where, at: p.at, value: p.value });
    for (const r of g.panics) for (const p of r.pointers ?? []) if (p.target === 'heap') roots.push({ where: p.where, at: p.at, value: p.value });
  }
  const freedStillReferenced: GCView['freedStillReferenced'] = [];
  // a word into a swept object reads as a dangling heap pointer now (or unmapped, for a large object's span)
  for (const p of allPointers(after)) {
    if (!p.dangling && p.target !== 'unmapped') continue;
    for (const b of freedSet) {
      if (p.value >= b && p.value < b + before.get(b)!) freedStillReferenced.push({ object: b, from: p.at });
    }
  }
  return {
    n: e.n, roots, marked: [...now.keys()], freed, freedStillReferenced, freedObjects: e.freedObjects, freedBytes: e.freedBytes,
  };
}
