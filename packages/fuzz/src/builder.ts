// The program under construction: top-level declarations, fresh names, and the calls main makes.
import type { Rng } from './rng.js';

export class Builder {
  /** Top-level declarations, in order (each a block of lines). */
  readonly decls: string[] = [];
  /** Statements of main, before its ending. */
  readonly mainBody: string[] = [];
  private counters = new Map<string, number>();

  constructor(readonly rng: Rng) {}

  /** A fresh identifier: prefix followed by a counter of that prefix. */
  fresh(prefix: string): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    return `${prefix}${n}`;
  }

  decl(lines: string[]): void {
    this.decls.push(lines.join('\n'));
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
