// The slow half of a safe point, reached when the interpreter's countdown runs out: count steps,
// apply stress modes and the explorer's hook (a forced stack move or GC at exactly this point),
// and decide whether the goroutine yields its quantum. g's registers are saved; the stack may move.

import type { G } from '@gosim/stack';
import type { ForcedEvent } from './events.js';
import type { Machine } from './machine.js';

export const DefaultStressMaxStack = 8 << 20;

export function safepointSlow(m: Machine, g: G): boolean {
  const chunk = m.chunk;
  m.steps += chunk;
  m.sinceSwitch += chunk;
  m.chunk = m.budget = 0; // the batch is counted: stepsDone() stays exact if what follows throws
  m.checkSteps();
  const o = m.opts;
  const n = m.steps;
  if (chunk === 1) {
    const cap = o.stressMaxStack ?? DefaultStressMaxStack;
    if (o.copyStackEvery && n % o.copyStackEvery === 0 && g.hi - g.lo <= cap) force(m, g, 'copy');
    if (o.gcEvery && n % o.gcEvery === 0 && m.stacks.inuse <= cap) force(m, g, 'gc');
  }
  // without safePointHookNext every batch is one safe point; with it a batch ends at each index the hook wants
  if (o.safePointHook && (o.safePointHookNext === undefined || n === m.hookNext)) {
    const what = o.safePointHook({ index: n, goid: g.goid, fn: m.prog.findfunc(g.pc)?.name ?? '?' });
    if (what) force(m, g, what);
  }
  // At the end of a quantum g yields if another goroutine can run; if none can, it starts a new quantum, as a Go
  // goroutine that sysmon preempts with an empty run queue is scheduled again at once (and the countdown stays a
  // batch: a quantum left ended would make every later safe point take this slow path).
  let yieldNow = false;
  if (m.sinceSwitch >= m.quantum) {
    yieldNow = m.runnext !== null || m.runq.length > 0;
    m.sinceSwitch = 0;
  }
  m.resetBudget();
  return yieldNow;
}

/** A forced event at this safe point. */
export function force(m: Machine, g: G, what: ForcedEvent): void {
  if (m.events.on) m.events.emit({ kind: 'safepoint-forced', goid: g.goid, at: m.steps, what, fn: m.prog.findfunc(g.pc)?.name ?? '?' });
  const size = g.hi - g.lo;
  switch (what) {
    case 'copy':
      m.movestack(g, size, 'forced move');
      break;
    case 'grow':
      m.movestack(g, size * 2, 'forced grow');
      break;
    case 'shrink':
      if (size / 2 >= m.stacks.stackMin && g.hi - g.sp < size / 2 - 512) m.movestack(g, size / 2, 'forced shrink');
      break;
    case 'gc':
      m.collect();
      break;
  }
}

/**
 * A prologue that found too little stack, or whose safe-point countdown ran out. g is at the callee's
 * entry (its frame not yet allocated). Grows the stack until the frame fits. Returns true if the
 * goroutine should yield.
 */
export function prologueSlow(m: Machine, g: G, f: number, countdown: boolean): boolean {
  let yieldNow = false;
  if (countdown) yieldNow = safepointSlow(m, g);
  const fs = m.prog.funcFrameSize[f]!;
  while (g.sp - fs < g.stackguard) m.morestack(g);
  return yieldNow;
}
