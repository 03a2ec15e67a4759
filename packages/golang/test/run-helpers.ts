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

/** Frames of a traceback as `name file:line` (arguments and pc offsets dropped). */
export function frames(raw: string): string[] {
  const lines = raw.split('\n');
  const i = lines.findIndex((l) => l.startsWith('goroutine '));
  const out: string[] = [];
  for (let k = i + 1; k + 1 < lines.length && lines[k] !== ''; k += 2) {
    out.push(`${lines[k]!.replace(/\([^()]*\)$/, '')} ${lines[k + 1]!.trim().replace(/ \+0x[0-9a-f]+$/, '').replace(/^.*\//, '')}`);
  }
  return out;
}

/** Exit status and stdout followed by the raw stderr of a run of src. */
export function runCombined(src: string): { exit: number; out: string } {
  const r = runGo(src, '/tmp/x.go');
  return { exit: r.exit, out: r.stdout + r.raw };
}
