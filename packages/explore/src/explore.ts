// The explorer: one baseline run to count the safe points, then one deterministic rerun per safe point
// k and injected event kind, each compared with the baseline of the NEW policy.

import type { Module } from '@gosim/program';
import { policies, policyName, runModule, type ForcedEvent, type Policy, type RunOptions, type RuntimeEvent } from '@gosim/runtime';
import { explain } from './explain.js';
import { outcomeOf, sameOutcome, symptom, type Outcome } from './outcome.js';

export type InjectKind = ForcedEvent;
export const injectKinds: readonly InjectKind[] = ['copy', 'shrink', 'grow', 'gc'];

export type ExploreRunOptions = Omit<RunOptions, 'safePointHook' | 'onEvent' | 'stderr' | 'stdout' | 'copyStackEvery' | 'gcEvery'>;

export interface Failure {
  k: number;
  inject: InjectKind;
  symptom: string;
  outcome: Outcome;
}

export interface ExploreResult {
  /** Outcome of the new policy with nothing injected: what every run must reproduce. */
  reference: Outcome;
  /** Outcome of the chosen policy with nothing injected. */
  baseline: Outcome;
  safePoints: number;
  runs: number;
  failures: Failure[];
}

/**
 * explore's default step limit. Every safe point costs one more run, so a program explore can finish must end long
 * before `gosim run`'s limit; the reference run hits this one quickly on a program that never ends.
 */
export const ExploreMaxSteps = 10_000_000;

/** The reference run (default policy new, nothing injected) did not finish: nothing else was run. */
export class ReferenceLimit extends Error {
  constructor(readonly reference: Outcome & { limit: string }, policy = 'new') {
    super(`the reference run (policy ${policy}, nothing injected) did not finish: ${reference.limit.replace(/^gosim:\s*/, '')}`);
  }
}

/** The plan of an exploration: the reference and baseline outcomes and the safe points to inject at. */
export interface ExplorePlan {
  reference: Outcome;
  base: { outcome: Outcome; safePoints: number };
  ks: number[];
}

/**
 * Runs the reference first and throws ReferenceLimit when it hits a limit, before any other run; then the
 * baseline. Nothing is injected when the baseline itself hit a limit (it already differs: injecting at each of its
 * safe points would cost the limit squared) or, with `skipIfBaselineDiffers`, when it differs at all.
 */
export function planExploration(m: Module, run: ExploreRunOptions, stride: number, skipIfBaselineDiffers: boolean, referencePolicy: Policy = policies.new, referenceModule: Module = m): ExplorePlan {
  const reference = baselineRun(referenceModule, { ...run, policy: referencePolicy }).outcome;
  if (reference.limit !== undefined) throw new ReferenceLimit({ ...reference, limit: reference.limit }, policyName(referencePolicy));
  const base = baselineRun(m, run);
  const skip = base.outcome.limit !== undefined || (skipIfBaselineDiffers && !sameOutcome(base.outcome, reference));
  return { reference, base, ks: skip ? [] : safePointsToExplore(base.safePoints, stride) };
}

/** A run's outcome and the number of its safe points. */
export function baselineRun(m: Module, opts: ExploreRunOptions): { outcome: Outcome; safePoints: number } {
  const r = runModule(m, opts);
  return { outcome: outcomeOf(r), safePoints: r.steps };
}

/** One run with `inject` forced at safe point k. */
export function injectedRun(m: Module, opts: ExploreRunOptions, k: number, inject: InjectKind, onEvent?: (e: RuntimeEvent) => void): Outcome {
  const r = runModule(m, {
    ...opts,
    ...(onEvent ? { onEvent } : {}),
    safePointHook: (sp) => (sp.index === k ? inject : undefined),
    safePointHookNext: (after) => (after < k ? k : Infinity), // the run is batched (and compiled) around k
  });
  return outcomeOf(r);
}

/** Explores the safe points in `ks` (default all) for each kind, in this thread. */
export function exploreRange(
  m: Module,
  opts: ExploreRunOptions,
  reference: Outcome,
  ks: readonly number[],
  kinds: readonly InjectKind[],
  onRun?: () => void,
): Failure[] {
  const failures: Failure[] = [];
  for (const k of ks) {
    for (const inject of kinds) {
      const o = injectedRun(m, opts, k, inject);
      onRun?.();
      if (!sameOutcome(o, reference)) failures.push({ k, inject, symptom: symptom(o, reference), outcome: o });
    }
  }
  return failures;
}

export interface ExploreOptions extends ExploreRunOptions {
  kinds?: readonly InjectKind[];
  /** Explore only every n-th safe point (1: all). */
  stride?: number;
  onProgress?: (done: number, total: number) => void;
  /** When the chosen policy's own baseline already differs from the reference, inject nothing (the matrix's shortcut). */
  skipIfBaselineDiffers?: boolean;
  /** The policy whose run (nothing injected) every run is compared with (default: new). */
  reference?: Policy;
  /** The program compiled for the reference's codegen when it differs from the policy's (default: the same module). */
  referenceModule?: Module;
}

/** Explores every safe point in this thread (the step limit defaults to ExploreMaxSteps). */
export function explore(m: Module, opts: ExploreOptions = {}): ExploreResult {
  const { kinds = ['copy'], stride = 1, onProgress, skipIfBaselineDiffers = false, maxSteps = ExploreMaxSteps, reference: refPolicy, referenceModule, ...rest } = opts;
  const run = { ...rest, maxSteps };
  const { reference, base, ks } = planExploration(m, run, stride, skipIfBaselineDiffers, refPolicy, referenceModule);
  let done = 0;
  const total = ks.length * kinds.length;
  const failures = exploreRange(m, run, reference, ks, kinds, () => onProgress?.(++done, total));
  return { reference, baseline: base.outcome, safePoints: base.safePoints, runs: total + 2, failures };
}

/** The safe points 1, 1+stride, … up to `count`. */
export function safePointsToExplore(count: number, stride = 1): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= count; k += Math.max(1, stride)) ks.push(k);
  return ks;
}

/** Reruns one failure with the event stream on and turns it into plain mechanism lines. */
export function explainFailure(m: Module, opts: ExploreRunOptions, f: Pick<Failure, 'k' | 'inject'>): string[] {
  const events: RuntimeEvent[] = [];
  injectedRun(m, opts, f.k, f.inject, (e) => events.push(e));
  return explain(events);
}

/** Events of a whole run without injection (for scenarios that fail on their own). */
export function explainRun(m: Module, opts: ExploreRunOptions): string[] {
  const events: RuntimeEvent[] = [];
  runModule(m, { ...opts, onEvent: (e) => events.push(e) });
  return explain(events);
}
