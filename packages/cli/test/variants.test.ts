// The user's variants of examples/variants/, copied to a folder outside the repo and run through every tool
// by the CLI: (a) a copy-first copystack composed from the exported stages, (b) a counting wrapper of the
// stock gc. What the CLI reports is what the stock pieces do in-process.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { exploreSource } from '@gosim/explore';
import { compile } from '@gosim/golang';
import { runModule, type RuntimeEvent } from '@gosim/runtime';
import { bundledWorker } from '../../explore/test/worker-bundle.js';
import { gosim } from './helpers.js';

type ExploreOptions = Parameters<typeof exploreSource>[2];

const repo = join(__dirname, '..', '..', '..');
const ex = (f: string) => join(repo, 'examples', f);
let dir: string;
let worker: ReturnType<typeof bundledWorker>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-cli-variants-'));
  for (const f of ['copy-first.ts', 'gc-count.ts']) copyFileSync(join(repo, 'examples', 'variants', f), join(dir, f));
  worker = bundledWorker();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  worker.dispose();
});

const failedCount = (stdout: string) => Number(/explore: \d+ runs, (\d+) failed/.exec(stdout)?.[1]);
const runCount = (stdout: string) => Number(/explore: (\d+) runs/.exec(stdout)?.[1]);

/**
 * `gosim explore --workers 2` of a plugin's policy, and the same exploration in-process in 2 real worker threads
 * (jest runs the CLI from src/, which has no built worker script, so the CLI's own explore uses this thread).
 * fileFlags: what the CLI makes of the file's `// gosim-flags:` line.
 */
async function exploreBoth(plugin: string, policySpec: string, file: string, stride: number, fileFlags: ExploreOptions = {}) {
  const cli = await gosim(['explore', '--plugin', plugin, '--policy', policySpec, '--workers', '2', '--stride', String(stride), file], dir);
  const threads = await exploreSource(readFileSync(file, 'utf8'), file, {
    ...fileFlags, plugins: [join(dir, plugin)], policySpec, stride, workers: 2, workerUrl: worker.url,
  });
  expect(threads.workers).toBe(2);
  expect([runCount(cli.stdout), failedCount(cli.stdout)]).toEqual([threads.runs, threads.failures.length]);
  return cli;
}
type Matrix = { rows: { policy: string; pieces: Record<string, string>; cells: { pass: boolean }[] }[] };

describe('(a) copy-first copystack composed from the exported stages', () => {
  const goexit = ex('defer_ptrs_goexit.go');

  test('run with a stack move at every safe point prints what go run prints', async () => {
    const r = await gosim(['run', '--plugin', 'copy-first.ts', '--policy', 'copystack=my-copy-first', '--copy-stack-always', goexit], dir);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'sum = 4200 bad = 0\n' });
  });

  test('explore (2 workers) finds no failure, with the counts of 2 worker threads in-process', async () => {
    const r = await exploreBoth('copy-first.ts', 'copystack=my-copy-first', goexit, 40);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('policy deferpanic=new,traceback=new,gc=new,copystack=my-copy-first');
    expect(runCount(r.stdout)).toBeGreaterThan(50);
    expect(failedCount(r.stdout)).toBe(0);
    expect(r.status).toBe(0);
  }, 60_000);

  test('matrix --piece copystack=my-copy-first: 24 rows passing and failing as the shipped copy-first rows', async () => {
    const mine = await gosim(['matrix', '--plugin', 'copy-first.ts', '--piece', 'copystack=my-copy-first', '--json', goexit], dir);
    const shipped = await gosim(['matrix', '--piece', 'copystack=copy-first', '--json', goexit], dir);
    expect(mine.stderr).toBe('');
    expect(mine.status).toBe(0);
    const [m, s] = [JSON.parse(mine.stdout) as Matrix, JSON.parse(shipped.stdout) as Matrix];
    expect(m.rows).toHaveLength(24);
    const outcomes = (x: Matrix, name: string) =>
      x.rows.map((row) => [row.policy.replace(name, 'X'), row.cells.map((c) => c.pass)]);
    expect(outcomes(m, 'my-copy-first')).toEqual(outcomes(s, 'copy-first'));
    expect(m.rows.filter((row) => row.pieces.copystack === 'my-copy-first')).toHaveLength(8);
  }, 60_000);
});

describe('(b) a gc wrapper counting frames, objects and words scanned', () => {
  const gcArgs = ex('gc_defer_args.go');
  const countLine = /^gc-count: cycle (\d+) frames=(\d+) objects=(\d+) words=(\d+)$/;
  const readCounts = (file: string) =>
    readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => {
      const m = countLine.exec(l);
      if (!m) throw new Error(`not a gc-count line: ${l}`);
      return m.slice(1).map(Number);
    });
  // A plugin runs in node's main context, whose process (env, stderr) is not jest's sandboxed copy: the
  // variable is set there, as a user's shell would set it.
  const realEnv = (runInThisContext('process') as NodeJS.Process).env;
  const withOut = async <T>(name: string, f: (out: string) => Promise<T>): Promise<T> => {
    const out = join(dir, name);
    writeFileSync(out, '');
    realEnv['GC_COUNT_OUT'] = out;
    try {
      return await f(out);
    } finally {
      delete realEnv['GC_COUNT_OUT'];
    }
  };

  test('run: the program runs as under go run and each cycle reports the gc-cycle event\'s counts', async () => {
    const cycles = await withOut('run.txt', async (out) => {
      const r = await gosim(['run', '--plugin', 'gc-count.ts', '--policy', 'gc=gc-count', '--gc-every-safepoint', '--clobber-free', gcArgs], dir);
      expect(r).toEqual({ status: 0, stdout: '', stderr: 'recovered: unwinding with a pending deferred call\nobject intact = true\n' });
      return readCounts(out);
    });
    // The same program and flags in-process with the stock gc piece.
    const events: RuntimeEvent[] = [];
    const c = compile(readFileSync(gcArgs, 'utf8'), gcArgs);
    runModule(c.module!, { gcEvery: 1, clobberFree: true, onEvent: (e) => events.push(e), stdout: () => {}, stderr: () => {} });
    const want = events.flatMap((e) => (e.kind === 'gc-cycle' ? [[e.frames, e.objects, e.words]] : []));
    expect(want.length).toBeGreaterThan(10);
    expect(want.some(([, objects]) => objects! > 0)).toBe(true);
    expect(cycles.map(([, ...counts]) => counts)).toEqual(want);
  }, 30_000);

  test('explore (2 workers): no failure, and the worker threads count through the plugin too', async () => {
    await withOut('explore.txt', async (out) => {
      // --gc-every-safepoint --clobber-free: explore injects collections, freed objects are clobbered
      const fileFlags: ExploreOptions = { kinds: ['gc'], clobberFree: true };
      const r = await exploreBoth('gc-count.ts', 'gc=gc-count', gcArgs, 40, fileFlags);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('policy deferpanic=new,traceback=new,gc=gc-count,copystack=new');
      expect(failedCount(r.stdout)).toBe(0);
      expect(r.status).toBe(0);
      // the CLI's one thread and the 2 worker threads each report every cycle of every run
      const both = readCounts(out).length;
      expect(both).toBeGreaterThan(0);
      writeFileSync(out, '');
      await exploreSource(readFileSync(gcArgs, 'utf8'), gcArgs, { ...fileFlags, plugins: [join(dir, 'gc-count.ts')], policySpec: 'gc=gc-count', stride: 40, workers: 2, workerUrl: worker.url });
      expect(readCounts(out).length * 2).toBe(both);
    });
  }, 60_000);

  test('matrix --piece gc=gc-count: 24 rows, the counting rows passing and failing as the stock new gc rows', async () => {
    await withOut('matrix.txt', async () => {
      const r = await gosim(['matrix', '--plugin', 'gc-count.ts', '--piece', 'gc=gc-count', '--json', gcArgs], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const m = JSON.parse(r.stdout) as Matrix;
      expect(m.rows).toHaveLength(24);
      const pass = (p: Record<string, string>) =>
        m.rows.find((row) => Object.entries(p).every(([k, v]) => row.pieces[k] === v))!.cells.map((c) => c.pass);
      for (const row of m.rows.filter((x) => x.pieces.gc === 'gc-count'))
        expect([row.policy, row.cells.map((c) => c.pass)]).toEqual([row.policy, pass({ ...row.pieces, gc: 'new' })]);
    });
  }, 60_000);
});
