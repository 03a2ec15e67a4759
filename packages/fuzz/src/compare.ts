// Comparing two normalized outcomes, and showing them as the corpus's .expected text.
import { formatExpected, type NormalizedOutput } from '@gosim/runtime';

export function sameOutcome(a: NormalizedOutput, b: NormalizedOutput): boolean {
  return a.exit === b.exit && a.traceback === b.traceback && a.stdout === b.stdout && a.stderr === b.stderr;
}

/** The first line where the .expected renderings differ, as `line N: want "…", got "…"`. */
export function firstDifference(want: NormalizedOutput, got: NormalizedOutput): string {
  const a = formatExpected(want).split('\n');
  const b = formatExpected(got).split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: want ${JSON.stringify(a[i] ?? '<end>')}, got ${JSON.stringify(b[i] ?? '<end>')}`;
  }
  return 'no difference';
}
