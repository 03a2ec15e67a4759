// Two runs of the same program side by side: a step of one run lines up with the step of the other that is
// the same event — the same kind, the same occurrence of that kind (so stack-copied #k meets stack-copied #k).

import type { Step } from '../../src/format.js';

/** (kind, how many steps of that kind precede step i, plus one). */
export function alignKey(steps: readonly Step[], i: number): { kind: Step['kind']; nth: number } {
  const s = steps[i]!;
  let nth = 0;
  for (let j = 0; j <= i; j++) if (steps[j]!.kind === s.kind) nth++;
  return { kind: s.kind, nth };
}

/** The step of `other` that is the nth of the kind, or the last step of that kind before it runs out (-1: none). */
export function alignedStep(steps: readonly Step[], other: readonly Step[], i: number): number {
  const { kind, nth } = alignKey(steps, i);
  let seen = 0;
  let last = -1;
  for (let j = 0; j < other.length; j++) {
    if (other[j]!.kind !== kind) continue;
    seen++;
    last = j;
    if (seen === nth) return j;
  }
  return last;
}

/** What makes two steps "the same" across runs: kind and goroutine (addresses legitimately differ). */
function sameEvent(a: Step, b: Step): boolean {
  return a.kind === b.kind && a.goid === b.goid && a.fn === b.fn;
}

/** The first index where the two event streams differ (safe points excluded), as a step index in each; null if none. */
export function firstDivergence(a: readonly Step[], b: readonly Step[]): { a: number; b: number } | null {
  const ea = a.filter((s) => s.kind !== 'safepoint');
  const eb = b.filter((s) => s.kind !== 'safepoint');
  const n = Math.min(ea.length, eb.length);
  for (let k = 0; k < n; k++) if (!sameEvent(ea[k]!, eb[k]!)) return { a: ea[k]!.i, b: eb[k]!.i };
  if (ea.length === eb.length) return null;
  const k = n;
  return { a: (ea[k] ?? ea[n - 1] ?? a[a.length - 1])!.i, b: (eb[k] ?? eb[n - 1] ?? b[b.length - 1])!.i };
}
