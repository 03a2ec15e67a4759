// A run's observable outcome, compared the way the conformance corpus compares Go's.

import { normalizeOutput, type NormalizedOutput, type RunResult } from '@gosim/runtime';

export type Outcome = NormalizedOutput & { limit?: string };

export function outcomeOf(r: RunResult): Outcome {
  const n = normalizeOutput(r.exitCode, r.stdout, r.stderr);
  return r.limit ? { ...n, limit: r.limit.message } : n;
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.exit === b.exit && a.stdout === b.stdout && a.stderr === b.stderr && a.traceback === b.traceback && a.limit === b.limit;
}

/** The first thing that differs, in one line: the symptom a user sees. */
export function symptom(got: Outcome, want: Outcome): string {
  if (got.limit) return got.limit;
  const g = got.stderr.split('\n');
  const w = want.stderr.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) {
      const fatal = g.find((l) => l.startsWith('fatal error:') || l.startsWith('panic:') || l.startsWith('unexpected fault address'));
      return fatal ?? (g[i] !== undefined ? g[i]! : `output ends early (missing "${w[i]}")`);
    }
  }
  if (got.stdout !== want.stdout) return 'stdout differs';
  if (got.exit !== want.exit) return `exit status ${got.exit} (want ${want.exit})`;
  return `traceback header ${got.traceback}`;
}

const fatalLine = (l: string): boolean =>
  l.startsWith('fatal error:') || l.startsWith('panic:') || l.startsWith('unexpected fault address');

/** A run's outcome in one line: `exit N: <the fatal line, or the program's last line>`. */
export function describeOutcome(o: Outcome): string {
  if (o.limit) return `stopped: ${o.limit.replace(/^gosim:\s*/, '')}`;
  const err = o.stderr.split('\n').filter((l) => l !== '');
  const out = o.stdout.split('\n').filter((l) => l !== '');
  const fatal = err.filter(fatalLine);
  const last = fatal.length ? fatal.join(' / ') : (err[err.length - 1] ?? out[out.length - 1] ?? '(no output)');
  return `exit ${o.exit}: ${last}`;
}

/** A symptom cut short for a table cell: `fatal: …`, `fault`, or the differing line (at most `width` chars). */
export function shortSymptom(s: string, width = 40): string {
  let t = s
    .replace(/^fatal error: /, 'fatal: ')
    .replace(/^unexpected fault address 0x[0-9a-f]+.*$/, 'fault')
    .replace(/^panic: /, 'panic: ')
    .replace(/^gosim: /, '');
  if (t.length > width) t = t.slice(0, width - 1) + '…';
  return t;
}
