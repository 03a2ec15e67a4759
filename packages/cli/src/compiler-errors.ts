// The compiler's error list as the gc compiler prints it (cmd/compile's base.ErrorfAt and FlushErrors).

import { formatDiagnostic, type Diagnostic } from '@gosim/golang';

/** gc stops at this many errors (without -e) and says `too many errors`. */
export const MaxErrors = 10;

const sameLine = (a: Diagnostic | undefined, b: Diagnostic) => a !== undefined && a.filename === b.filename && a.pos.line === b.pos.line;

/**
 * The lines gc prints for `diagnostics` (in the order they were reported): one syntax error per line; a
 * non-syntax error repeating the previous one on its line is dropped; at the MaxErrors-th error counted the rest
 * are abandoned and `POS: too many errors` follows, POS that error's. The kept errors print sorted by position,
 * identical lines once.
 */
export function compilerErrors(diagnostics: readonly Diagnostic[]): string[] {
  const kept: Diagnostic[] = [];
  let lastSyntax: Diagnostic | undefined;
  let lastOther: Diagnostic | undefined;
  let tooMany: Diagnostic | undefined;
  for (const d of diagnostics) {
    if (d.kind === 'syntax') {
      if (sameLine(lastSyntax, d)) continue;
      lastSyntax = d;
    } else {
      if (sameLine(lastOther, d) && lastOther?.message === d.message) continue;
      lastOther = d;
    }
    kept.push(d);
    if (kept.length >= MaxErrors) {
      tooMany = d;
      break;
    }
  }
  // a stable sort by position: equal positions keep their report order
  const sorted = kept.map((d, i) => ({ d, i })).sort((a, b) => a.d.pos.line - b.d.pos.line || a.d.pos.col - b.d.pos.col || a.i - b.i);
  const out: string[] = [];
  for (const { d } of sorted) {
    const line = formatDiagnostic(d);
    if (out[out.length - 1] !== line) out.push(line);
  }
  if (tooMany) out.push(formatDiagnostic({ ...tooMany, message: 'too many errors' }));
  return out;
}
