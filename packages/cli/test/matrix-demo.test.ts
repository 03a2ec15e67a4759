import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gosim, lines } from './helpers.js';

jest.setTimeout(120_000);

const examples = join(__dirname, '..', '..', '..', 'examples');
const ex = (f: string) => join(examples, f);

describe('gosim matrix', () => {
  test('--json: 16 rows × the scenarios given; the all-new row passes, old deferpanic breaks the Goexit scenario', async () => {
    const r = await gosim(['matrix', '--json', ex('defer_ptrs_goexit.go'), ex('gc_defer_args.go')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.mode).toBe('run');
    expect(m.rows).toHaveLength(16);
    expect(m.scenarios.map((s: { name: string }) => s.name)).toEqual(['defer_ptrs_goexit.go', 'gc_defer_args.go']);
    for (const row of m.rows) expect(row.cells).toHaveLength(2);
    const byName = (p: string) => m.rows.find((row: { policy: string }) => row.policy === p);
    expect(byName('new').cells.every((c: { pass: boolean }) => c.pass)).toBe(true);
    expect(byName('old').cells[0]).toMatchObject({ pass: false, symptom: expect.stringMatching(/^depth \d+ got 0$/) });
    // every mixture with old deferpanic fails DeferPtrsGoexit, every one with new deferpanic passes
    for (const row of m.rows) expect([row.policy, row.cells[0].pass]).toEqual([row.policy, row.pieces.deferpanic === 'new']);
    // gc_defer_args (its gosim-flags line: GC at every safe point, clobber freed objects): only old deferpanic + new gc
    for (const row of m.rows)
      expect([row.policy, row.cells[1].pass]).toEqual([row.policy, !(row.pieces.deferpanic === 'old' && row.pieces.gc === 'new')]);
  });

  test('the default scenarios are examples/*.go, found from any working directory; --markdown is a GitHub table', async () => {
    const r = await gosim(['matrix', '--markdown'], tmpdir());
    expect(r.status).toBe(0);
    const l = lines(r.stdout);
    expect(l[0]).toBe('| deferpanic | traceback | gc | copystack | `defer_ptrs.go` | `defer_ptrs_goexit.go` | `defer_ptrs_panic.go` | `gc_defer_args.go` | `panic_use_stack.go` |');
    expect(l).toHaveLength(18);
    expect(l[17]).toBe('| new | new | new | new | pass | pass | pass | pass | pass |');
    expect(l[2]).toMatch(/^\| \*\*old\*\* \| \*\*old\*\* \| \*\*old\*\* \| \*\*old\*\* \| pass \| `depth \d+ got 0` \| .* \| `fatal: adjustdefers: unexpected argp` \|$/);
  });

  test('--explore explores each cell (here with a stride) and agrees on the all-new and all-old rows', async () => {
    const r = await gosim(['matrix', '--explore', '--stride', '40', '--workers', '1', '--json', ex('panic_use_stack.go')]);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.mode).toBe('explore');
    const row = (p: string) => m.rows.find((x: { policy: string }) => x.policy === p).cells[0];
    expect(row('new')).toMatchObject({ pass: true });
    expect(row('new').runs).toBeGreaterThan(0);
    expect(row('old')).toMatchObject({ pass: false, symptom: 'fatal error: adjustdefers: unexpected argp' });
  });

  test('the terminal table marks pass and symptoms and names the flags used', async () => {
    const r = await gosim(['matrix', ex('gc_defer_args.go')]);
    expect(r.status).toBe(0);
    const l = lines(r.stdout);
    expect(l[0]).toMatch(/^deferpanic {2}traceback {2}gc {3}copystack {2}gc_defer_args$/);
    expect(l).toContain('gc_defer_args: run with --gc-every-safepoint --clobber-free');
    expect(l[l.length - 1]).toBe('16 mixtures × 1 scenarios, one run each; 4 cells fail');
  });
});

describe('gosim demo', () => {
  test('tells each scenario under old and new, with the mechanism of each old failure and the piece that fixes it', async () => {
    const r = await gosim(['demo'], tmpdir());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    for (const name of ['defer_ptrs.go', 'defer_ptrs_goexit.go', 'defer_ptrs_panic.go', 'gc_defer_args.go', 'panic_use_stack.go'])
      expect(out).toMatch(new RegExp(`^${name.replace('.', '\\.')}`, 'm'));
    expect(out).toMatch(/^ {2}old {2}FAIL {2}exit 0: sum = \d+ bad = [1-9]/m);
    expect(out).toMatch(/^ {2}new {2}pass {2}exit 0: sum = 4200 bad = 0$/m);
    expect(out).toMatch(/^ {2}old {2}FAIL {2}exit 2: fatal error: adjustdefers: unexpected argp$/m);
    expect(out).toMatch(/^ {2}new {2}pass {2}exit 0: levels = 3 walks ok = true$/m);
    // mechanisms from the event stream
    expect(out).toMatch(/why: Goroutine \d+'s stack was copied \(grow\) while Goexit had taken main\.storeBig's defer/);
    expect(out).toMatch(/panic cursor followed it to 0x[0-9a-f]+/);
    // each failure's paragraph ends with the gosim viz command opening its moment
    expect(out).toMatch(/why: Goroutine \d+'s stack was copied \(grow\) while Goexit[^]*?\n {8}see: gosim viz \S*defer_ptrs_goexit\.go --policy old --around stack-copied:4\n {2}new {2}pass/);
    expect(out).toMatch(/\n {8}see: gosim viz \S*gc_defer_args\.go --policy deferpanic=old --gc-every-safepoint --clobber-free --around gc-cycle:\d+\n/);
    expect(out).toMatch(/\n {8}see: gosim viz \S*panic_use_stack\.go --policy old --around stack-copied:\d+\n/);
    const why = out.split('\n').filter((l) => /^ {8}why: /.test(l)).length;
    expect(out.split('\n').filter((l) => /^ {8}see: gosim viz /.test(l))).toHaveLength(why);
    expect(out).toMatch(/deferpanic=old \(rest new\) {2}FAIL {2}exit 0: object intact = false/);
    // the computed summary
    expect(out).toMatch(/defer_ptrs_goexit\.go +fails in 8\/16: exactly when deferpanic=old/);
    expect(out).toMatch(/gc_defer_args\.go +fails in 4\/16: exactly when deferpanic=old and gc=new/);
    expect(out).toMatch(/defer_ptrs\.go +passes in all 16 mixtures/);
    const n = lines(out).length;
    expect(n).toBeGreaterThan(30);
    expect(n).toBeLessThanOrEqual(62);
  });
});
