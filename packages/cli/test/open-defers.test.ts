// Go 1.14's open-coded defers through every tool: run (with a move at every safe point), explore with 2 worker
// threads (which compile for the policy's codegen themselves), the matrix across Go's history (--policy rows),
// and demo --policy with the mechanism of a mixture that breaks.
import { join } from 'node:path';
import { gosim } from './helpers.js';

const repo = join(__dirname, '..', '..', '..');
const ex = (f: string) => join(repo, 'examples', f);
const go113 = 'deferpanic=go1.13,copystack=go1.13,gc=go1.13';
const go114 = 'deferpanic=go1.14,copystack=go1.14,gc=go1.13,traceback=go1.22';
const go122 = 'deferpanic=go1.22,traceback=go1.22';
const failedCount = (stdout: string) => Number(/explore: \d+ runs, (\d+) failed/.exec(stdout)?.[1]);

type Matrix = { rows: { policy: string; pieces: Record<string, string>; cells: { pass: boolean; symptom?: string }[] }[] };

describe('go1.14 open-coded defers through the CLI', () => {
  test('run with a stack move at every safe point prints what go run prints', async () => {
    const r = await gosim(['run', '--policy', go114, '--copy-stack-always', '--stack-poison', ex('defer_ptrs_panic.go')]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'sum = 4200 bad = 0\n' });
  });

  test('explore with 2 workers finds no failure', async () => {
    const r = await gosim(['explore', '--policy', go114, '--workers', '2', '--stride', '40', ex('defer_ptrs_goexit.go')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(failedCount(r.stdout)).toBe(0);
  }, 120_000);

  test('matrix --policy: one row per whole policy, in order — the history passes, varp left unadjusted fails', async () => {
    const mixed = 'deferpanic=go1.14,copystack=go1.13,gc=go1.13,traceback=go1.22';
    const r = await gosim(['matrix', '--json', '--policy', 'old', '--policy', 'new', '--policy', go113, '--policy', go114, '--policy', go122, '--policy', mixed,
      ex('defer_ptrs_goexit.go'), ex('panic_use_stack.go')]);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout) as Matrix;
    expect(m.rows.map((x) => x.pieces.deferpanic)).toEqual(['old', 'new', 'go1.13', 'go1.14', 'go1.22', 'go1.14']);
    expect(m.rows[3]!.pieces).toEqual({ deferpanic: 'go1.14', traceback: 'go1.22', gc: 'go1.13', copystack: 'go1.14' });
    expect(m.rows.map((x) => x.cells.every((c) => c.pass))).toEqual([false, true, true, true, true, false]);
    expect(m.rows[5]!.cells.map((c) => c.pass)).toEqual([false, false]);
  }, 300_000);

  test('demo --policy shows go1.14 passing and, for copystack=go1.13 under it, the stale varp from the event stream', async () => {
    const r = await gosim(['demo', '--policy', go114, '--policy', 'deferpanic=go1.14,copystack=go1.13,gc=go1.13,traceback=go1.22']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('deferpanic=go1.14,traceback=go1.22,gc=go1.13,copystack=go1.14  pass  exit 0: sum = 4200 bad = 0');
    expect(r.stdout).toMatch(/copystack=go1\.13 {2}FAIL[^\n]*\n\s+why: Goroutine \d+'s stack was copied while a frame's open-coded defers were being run from\s+their record, but the record's varp still pointed into the freed old stack/);
  }, 300_000);
});
