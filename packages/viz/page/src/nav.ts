// Navigation over a run's steps: by event, by safe point, by source line, to the next event of a kind.
// Pure functions of (steps, index, direction): each returns the index to go to, or the same index at an end.

import type { Step, StepKind } from '../../src/format.js';

export type Dir = 1 | -1;

export function clampStep(steps: readonly Step[], i: number): number {
  return Math.max(0, Math.min(steps.length - 1, i));
}

/** The next (dir 1) or previous (dir -1) step satisfying `ok`, or `i` when there is none. */
export function seek(steps: readonly Step[], i: number, dir: Dir, ok: (s: Step) => boolean): number {
  for (let j = i + dir; j >= 0 && j < steps.length; j += dir) if (ok(steps[j]!)) return j;
  return i;
}

export function byEvent(steps: readonly Step[], i: number, dir: Dir): number {
  return clampStep(steps, i + dir);
}

export function bySafePoint(steps: readonly Step[], i: number, dir: Dir): number {
  return seek(steps, i, dir, (s) => s.kind === 'safepoint');
}

/** The next step on another source line (or in another goroutine) than step i. */
export function byLine(steps: readonly Step[], i: number, dir: Dir): number {
  const cur = steps[i];
  if (!cur) return i;
  return seek(steps, i, dir, (s) => s.line > 0 && (s.line !== cur.line || s.goid !== cur.goid || s.file !== cur.file));
}

export function byKind(steps: readonly Step[], i: number, dir: Dir, kinds: readonly StepKind[]): number {
  return seek(steps, i, dir, (s) => kinds.includes(s.kind));
}

/** Jump targets named on the toolbar and bound to keys. */
export const Jumps: Record<string, readonly StepKind[]> = {
  copy: ['stack-copied'],
  gc: ['gc-cycle'],
  panic: ['panic-pushed'],
  recover: ['panic-recovered'],
};

/** `#run=R&step=N` → {run, step} (missing or malformed parts: undefined). */
export function parseHash(h: string): { run?: number; step?: number } {
  const out: { run?: number; step?: number } = {};
  for (const part of h.replace(/^#/, '').split('&')) {
    const [k, v] = part.split('=');
    if (v === undefined || !/^\d+$/.test(v)) continue;
    if (k === 'run') out.run = Number(v);
    else if (k === 'step') out.step = Number(v);
  }
  return out;
}

export function formatHash(run: number, step: number): string {
  return `#run=${run}&step=${step}`;
}
