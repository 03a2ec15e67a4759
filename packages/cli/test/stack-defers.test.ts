// Go 1.13's stack-allocated defer records through every tool: run, explore (and 2 real worker threads, which
// compile for the policy's codegen themselves), matrix rows with --piece, demo --policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exploreSource } from '@gosim/explore';
import { bundledWorker } from '../../explore/test/worker-bundle.js';
import { gosim } from './helpers.js';

const repo = join(__dirname, '..', '..', '..');
const ex = (f: string) => join(repo, 'examples', f);
const go113 = 'deferpanic=go1.13,copystack=go1.13,gc=go1.13';
const failedCount = (stdout: string) => Number(/explore: \d+ runs, (\d+) failed/.exec(stdout)?.[1]);
const runCount = (stdout: string) => Number(/explore: (\d+) runs/.exec(stdout)?.[1]);

let worker: ReturnType<typeof bundledWorker>;
beforeAll(() => {
  worker = bundledWorker();
});
afterAll(() => worker.dispose());

type Matrix = { rows: { policy: string; pieces: Record<string, string>; cells: { pass: boolean; symptom?: string }[] }[] };

describe('go1.13 stack defers through the CLI', () => {
  test('run with a stack move at every safe point prints what go run prints', async () => {
    const r = await gosim(['run', '--policy', go113, '--copy-stack-always', ex('defer_ptrs_goexit.go')]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'sum = 4200 bad = 0\n' });
  });

  test('run --json names the policy; a move every safe point under the stock copystack goes wrong', async () => {
    const ok = JSON.parse((await gosim(['run', '--json', '--policy', go113, ex('panic_use_stack.go')])).stdout) as { policy: string; status: number };
    expect(ok.policy).toBe('deferpanic=go1.13,traceback=new,gc=go1.13,copystack=go1.13');
    expect(ok.status).toBe(0);
    const bad = await gosim(['run', '--policy', 'deferpanic=go1.13', '--copy-stack-always', ex('defer_ptrs_goexit.go')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('fatal error: bad defer entry in Goexit');
  });

  test('explore (2 workers) finds no failure; 2 worker threads in-process count the same', async () => {
    const file = ex('defer_ptrs_panic.go');
    const cli = await gosim(['explore', '--policy', go113, '--workers', '2', '--stride', '40', file]);
    const threads = await exploreSource(readFileSync(file, 'utf8'), file, { policySpec: go113, stride: 40, workers: 2, workerUrl: worker.url });
    expect(threads.workers).toBe(2);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(failedCount(cli.stdout)).toBe(0);
    expect([runCount(cli.stdout), failedCount(cli.stdout)]).toEqual([threads.runs, threads.failures.length]);
  }, 120_000);

  test('matrix --piece deferpanic=go1.13 --piece copystack=go1.13 --piece gc=go1.13: 54 rows; the variant passes, the 2014 copystack with it fails', async () => {
    const r = await gosim(['matrix', '--piece', 'deferpanic=go1.13', '--piece', 'copystack=go1.13', '--piece', 'gc=go1.13', '--json', ex('panic_use_stack.go'), ex('gc_defer_args.go')]);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout) as Matrix;
    expect(m.rows).toHaveLength(54);
    const row = (dp: string, gc: string, cs: string, tb = 'new') =>
      m.rows.find((x) => x.pieces.deferpanic === dp && x.pieces.gc === gc && x.pieces.copystack === cs && x.pieces.traceback === tb)!;
    expect(row('go1.13', 'go1.13', 'go1.13').cells.map((c) => c.pass)).toEqual([true, true]);
    expect(row('go1.13', 'go1.13', 'new').cells[0]!.pass).toBe(false);
    expect(row('go1.13', 'go1.13', 'old').cells[0]!.pass).toBe(false);
    // gc=old skips frame records: the object only their arguments reach is freed
    expect(row('go1.13', 'old', 'go1.13').cells[1]!.pass).toBe(false);
  }, 300_000);
});
