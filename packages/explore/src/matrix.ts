// The ablation matrix: every mixture of policy pieces against each scenario, explored; each cell is
// "pass" or the first symptom.

import { allMixtures, policyName, runModule, type Policy, type RunOptions } from '@gosim/runtime';
import type { Module } from '@gosim/program';
import { explore, type ExploreOptions } from './explore.js';
import { outcomeOf, sameOutcome, symptom, type Outcome } from './outcome.js';

export interface MatrixCell {
  policy: string;
  scenario: string;
  pass: boolean;
  /** Baseline failed with no injection, or the first injected failure (k, kind, symptom). */
  symptom?: string;
}

export function matrixRow(m: Module, scenario: string, policy: Policy, opts: Omit<ExploreOptions, 'policy'>): MatrixCell {
  const r = explore(m, { ...opts, policy });
  const name = policyName(policy);
  if (!sameOutcome(r.baseline, r.reference)) {
    const f = r.baseline.stderr.split('\n').find((l) => /^(fatal error|panic|unexpected fault|bad )/.test(l));
    return { policy: name, scenario, pass: false, symptom: f ?? r.baseline.stderr.split('\n')[0] ?? 'differs' };
  }
  const first = r.failures[0];
  if (!first) return { policy: name, scenario, pass: true };
  return { policy: name, scenario, pass: false, symptom: `${first.symptom} (${first.inject} at safe point ${first.k})` };
}

export function mixtures(): Policy[] {
  return allMixtures();
}

/**
 * One cell from a single run (no injection; the scenario's own debug and stress flags in `opts`): pass when the
 * outcome equals `reference` (the new policy's, without stress modes), else the first symptom.
 */
export function singleRunCell(m: Module, scenario: string, policy: Policy, opts: Omit<RunOptions, 'policy'>, reference: Outcome): MatrixCell & { outcome: Outcome } {
  const outcome = outcomeOf(runModule(m, { ...opts, policy }));
  const name = policyName(policy);
  if (sameOutcome(outcome, reference)) return { policy: name, scenario, pass: true, outcome };
  return { policy: name, scenario, pass: false, symptom: symptom(outcome, reference), outcome };
}
