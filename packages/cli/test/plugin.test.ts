// A variant from a folder outside the packages, through every tool: what the CLI reports is what the same piece
// does in-process, and a name or module that does not resolve is a clear error, never a stock piece.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exploreSource } from '@gosim/explore';
import { pluginArgs } from '../src/options.js';
import { gosim, lines } from './helpers.js';

const repo = join(__dirname, '..', '..', '..');
const ex = (f: string) => join(repo, 'examples', f);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-cli-variant-'));
  copyFileSync(join(repo, 'examples', 'variants', 'forget-args.ts'), join(dir, 'forget-args.ts'));
  writeFileSync(join(dir, 'throws.mjs'), "throw new Error('boom');\n");
  writeFileSync(join(dir, 'empty.mjs'), 'export const x = 1;\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failedCount = (stdout: string) => Number(/explore: \d+ runs, (\d+) failed/.exec(stdout)?.[1]);

describe('--plugin', () => {
  test('explore (2 workers) catches the variant that forgets argument blocks with the in-process failure count', async () => {
    const r = await gosim(['explore', '--plugin', 'forget-args.ts', '--policy', 'copystack=forget-args', '--workers', '2', '--stride', '25', ex('defer_ptrs.go')], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('policy deferpanic=new,traceback=new,gc=new,copystack=forget-args');
    const here = await exploreSource(readFileSync(ex('defer_ptrs.go'), 'utf8'), ex('defer_ptrs.go'), {
      plugins: [join(dir, 'forget-args.ts')], policySpec: 'copystack=forget-args', stride: 25, workers: 1,
    });
    expect(here.failures.length).toBeGreaterThan(0);
    expect(failedCount(r.stdout)).toBe(here.failures.length);
  }, 120_000);

  test('--policy may come before --plugin', async () => {
    const r = await gosim(['run', '--policy', 'copystack=forget-args', '--plugin', 'forget-args.ts', '--json', ex('defer_ptrs.go')], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).policy).toBe('deferpanic=new,traceback=new,gc=new,copystack=forget-args');
  });

  test('run uses the variant: with a stack move at every safe point its output differs from the stock new piece', async () => {
    const stock = await gosim(['run', '--copy-stack-always', '--json', ex('defer_ptrs.go')], dir);
    const variant = await gosim(['run', '--plugin', 'forget-args.ts', '--policy', 'copystack=forget-args', '--copy-stack-always', '--json', ex('defer_ptrs.go')], dir);
    const [s, v] = [JSON.parse(stock.stdout), JSON.parse(variant.stdout)];
    expect(s.status).toBe(0);
    expect([v.status, v.stdout, v.stderr]).not.toEqual([s.status, s.stdout, s.stderr]);
  });

  test('matrix --piece copystack=NAME gives 2x2x2x3 rows; the variant rows fail where stock new passes', async () => {
    const r = await gosim(['matrix', '--plugin', join(dir, 'forget-args.ts'), '--piece', 'copystack=forget-args', '--json', ex('defer_ptrs.go')], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout) as { reference: string; rows: { policy: string; pieces: Record<string, string>; cells: { pass: boolean }[] }[] };
    expect(m.rows).toHaveLength(24);
    expect(m.reference).toBe('new');
    const row = (p: string) => m.rows.find((x) => x.policy === p)!;
    expect(row('new').cells[0]!.pass).toBe(true);
    expect(row('deferpanic=new,traceback=new,gc=new,copystack=forget-args').cells[0]!.pass).toBe(false);
    expect(row('deferpanic=new,traceback=new,gc=new,copystack=forget-args').pieces.copystack).toBe('forget-args');
  }, 120_000);

  test('--reference sets what explore compares with', async () => {
    const r = await gosim(['explore', '--reference', 'old', '--policy', 'old', '--workers', '1', '--stride', '1000', ex('defer_ptrs.go')], dir);
    expect(r.stdout).toMatch(/^reference \(old, nothing injected\)/m);
    expect(r.stdout).not.toContain('differs from the reference already');
    const j = await gosim(['explore', '--reference', 'old', '--workers', '1', '--stride', '1000', '--json', ex('defer_ptrs.go')], dir);
    expect(JSON.parse(j.stdout)).toMatchObject({ policy: 'new', referencePolicy: 'old' });
  });

  test('plugins are read from the whole command line before commander, up to --', () => {
    expect(pluginArgs(['run', '--plugin', 'a.ts', 'x.go', '--plugin=b.mjs', '--', '--plugin', 'c.ts'])).toEqual(['a.ts', 'b.mjs']);
  });

  test('an unknown piece name is bad usage listing the registered names', async () => {
    const r = await gosim(['run', '--policy', 'copystack=nosuch', ex('defer_ptrs.go')], dir);
    expect(r.status).toBe(64);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown copystack piece "nosuch": registered are old, new/);
    const m = await gosim(['matrix', '--piece', 'copystack=nosuch', ex('defer_ptrs.go')], dir);
    expect(m.status).toBe(64);
    expect(m.stderr).toMatch(/unknown copystack piece "nosuch"/);
  });

  test('a module that throws or exports no pieces is one line and 64; a missing one 66; no JS stack', async () => {
    for (const [args, status, re] of [
      [['run', '--plugin', 'throws.mjs', ex('defer_ptrs.go')], 64, /^gosim: plugin .*throws\.mjs: loading failed: boom$/],
      [['explore', '--plugin', 'empty.mjs', ex('defer_ptrs.go')], 64, /^gosim: plugin .*empty\.mjs: exports no pieces/],
      [['matrix', '--plugin', 'missing.ts'], 66, /^gosim: plugin missing\.ts: no such file$/],
      [['demo', '--plugin', 'missing.ts'], 66, /^gosim: plugin missing\.ts: no such file$/],
    ] as const) {
      const r = await gosim([...args], dir);
      expect(r.status).toBe(status);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(lines(r.stderr)[0]).toMatch(re);
      expect(r.stdout).toBe('');
    }
  });
});
