// The program under construction: top-level declarations, fresh names, and the calls main makes.
import type { Rng } from './rng.js';

/**
 * Constructs the generator can leave out (`--without`), so that a divergence already known does not hide the
 * next ones behind it; each is replaced by a neighbouring construct, never dropped silently.
 */
export const features = {
  'untyped-shift': 'an untyped constant shifted by a variable, typed by its context (var z uint8 = 1 << s)',
  'unsigned-div': '/ and % (and /= %=) on unsigned operands',
  'global-structs': 'struct globals with array fields copied field to field',
  'panic-values': 'uncaught panics of named types (main.myint(4)) and of sized ints',
  'goexit-blocked': 'runtime.Goexit in main while another goroutine is blocked',
} as const;

export type Feature = keyof typeof features;

export function isFeature(s: string): s is Feature {
  return Object.prototype.hasOwnProperty.call(features, s);
}

export class Builder {
  /** Top-level declarations, in order (each a block of lines). */
  readonly decls: string[] = [];
  /** Statements of main, before its ending. */
  readonly mainBody: string[] = [];
  private counters = new Map<string, number>();

  constructor(readonly rng: Rng, readonly without: ReadonlySet<Feature> = new Set()) {}

  allows(f: Feature): boolean {
    return !this.without.has(f);
  }

  /** A fresh identifier: prefix followed by a counter of that prefix. */
  fresh(prefix: string): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    return `${prefix}${n}`;
  }

  decl(lines: string[]): void {
    this.decls.push(lines.join('\n'));
  }

  /** Declares func name() { body } and has main run it under protect. */
  scenario(name: string, body: string[]): void {
    this.decl([`func ${name}() {`, ...indent(body), '}']);
    this.mainBody.push(`protect(${quote(name)}, ${name})`);
  }
}

/** Indents every line of a block by one tab. */
export function indent(lines: string[], depth = 1): string[] {
  const tab = '\t'.repeat(depth);
  return lines.map((l) => (l === '' ? l : tab + l));
}

/** A Go string literal for plain ASCII text. */
export function quote(s: string): string {
  return JSON.stringify(s);
}
