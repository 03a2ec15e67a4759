// Running Go programs compiled by @gosim/golang on @gosim/runtime, and comparing with real Go's .expected files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOutput as normalize, runModule, type NormalizedOutput as Outcome, type RunOptions } from '@gosim/runtime';
export type { Outcome };
import { compile, formatDiagnostic } from '../src/index';

/** The repo's copy of the shared corpus (corpus/README.md). */
export const SHARED_DIR = join(__dirname, '../../../corpus');
export const CONFORMANCE_DIR = join(SHARED_DIR, 'conformance');
export const BENCH_DIR = join(SHARED_DIR, 'bench');

export function goFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.go')).sort();
}

import { parseExpected } from '@gosim/runtime';
export { parseExpected };

export function runGo(src: string, filename: string, opts: RunOptions = {}): Outcome & { raw: string } {
  const c = compile(src, filename);
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { ...normalize(r.exitCode, r.stdout, r.stderr), raw: r.stderr };
}

export function render(o: Outcome): string {
  return `exit: ${o.exit}\ntraceback: ${o.traceback}\n--- stdout\n${o.stdout}--- stderr\n${o.stderr}`;
}

export function readGo(dir: string, name: string): { src: string; expected: Outcome } {
  return {
    src: readFileSync(join(dir, name), 'utf8'),
    expected: parseExpected(readFileSync(join(dir, name.replace(/\.go$/, '.expected')), 'utf8')),
  };
}
