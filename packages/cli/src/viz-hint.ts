// The `gosim viz …` lines demo and explore print under a failure: the command that opens the page at the moment
// the failure's mechanism shows (a stack copy, a GC), found in the run's own event stream.

import { explainFacts, type MechanismFact } from '@gosim/explore';
import { policyName, type Policy, type RuntimeEvent } from '@gosim/runtime';
import type { StepKind } from '@gosim/viz';
import { shellWord } from './options.js';

/** An event of the run as `--around KIND:NTH` names it: the NTH (from 1) event of that kind in the whole run. */
export interface Moment {
  kind: StepKind;
  nth: number;
}

// the facts in the order a mechanism is told (explain.ts's plainMechanism), each with the event kind that shows
// it: the copy that left the pointer behind rather than the later read through it
const headline: { fact: MechanismFact['kind']; show: 'stack-copied' | 'gc-cycle' }[] = [
  { fact: 'cursor-outside', show: 'stack-copied' },
  { fact: 'copied-off-list', show: 'stack-copied' },
  { fact: 'stale-record', show: 'stack-copied' },
  { fact: 'stale-varp', show: 'stack-copied' },
  { fact: 'stale-call', show: 'stack-copied' },
  { fact: 'gc-off-list', show: 'gc-cycle' },
];

/**
 * The moment that shows a failing run's mechanism: the first pointer-stale event if the stream has one; else the
 * event at which explainFacts first finds the headline fact (found by bisecting the stream's prefixes: facts
 * only accumulate), or the last stack copy / GC at or before it. Undefined when no known mechanism shows.
 */
export function mechanismMoment(events: readonly RuntimeEvent[]): Moment | undefined {
  if (events.some((e) => e.kind === 'pointer-stale')) return { kind: 'pointer-stale', nth: 1 };
  const facts = explainFacts(events);
  const h = headline.find((x) => facts.some((f) => f.kind === x.fact));
  if (!h) return undefined;
  const has = (n: number) => explainFacts(events.slice(0, n)).some((f) => f.kind === h.fact);
  let lo = 1;
  let hi = events.length; // has(hi) holds; find the smallest such prefix
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (has(mid)) hi = mid;
    else lo = mid + 1;
  }
  let at = hi - 1;
  const want = h.show;
  while (at >= 0 && events[at]!.kind !== want) at--;
  if (at < 0) return undefined;
  const nth = events.slice(0, at + 1).filter((e) => e.kind === want).length;
  return { kind: want, nth };
}

/** `gosim viz FILE WORDS… [--around KIND:NTH | --around K]`, shell-quoted. */
export function vizLine(file: string, words: readonly string[], around: Moment | number | undefined): string {
  const a = around === undefined ? [] : ['--around', typeof around === 'number' ? String(around) : `${around.kind}:${around.nth}`];
  return ['gosim', 'viz', file, ...words, ...a].map(shellWord).join(' ');
}

/** The vizLine as a hint under a failure: `<indent>see: gosim viz …`. */
export function vizHint(indent: string, file: string, words: readonly string[], around: Moment | number | undefined): string {
  return `${indent}see: ${vizLine(file, words, around)}`;
}

/** A policy as the shortest --policy spec that parses back to it: `old`, `new`, or only its pieces that are not new. */
export function policyWord(p: Policy): string {
  const name = policyName(p);
  if (name === 'old' || name === 'new') return name;
  return name.split(',').filter((kv) => !kv.endsWith('=new')).join(',');
}
