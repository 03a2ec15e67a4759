import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { codegenOf, parsePolicy, runModule, type RuntimeEvent } from '@gosim/runtime';
import { recordRun, RecordError, type RecordedRun, type Step } from '../src/index.js';
import { snapshotAt, wordAt } from '../src/read.js';

const examples = join(__dirname, '../../../examples');

function build(src: string, file: string, policy: string): Module {
  const c = compile(src, file, { codegen: codegenOf(parsePolicy(policy)) });
  if (!c.module) throw new Error(`compile failed: ${JSON.stringify(c.diagnostics)}`);
  return c.module;
}
const example = (name: string, policy: string): Module => build(readFileSync(join(examples, name), 'utf8'), join(examples, name), policy);
const record = (mod: Module, policy: string, more: Partial<Parameters<typeof recordRun>[1]> = {}): RecordedRun =>
  recordRun(mod, { run: { policy: parsePolicy(policy) }, window: 300, ...more });

/** The first stack copy of the moved goroutine after a deferred call started by Goexit. */
function copyAfterGoexitStart(run: RecordedRun): Step {
  const started = run.steps.find((s) => s.kind === 'defer-started' && s.event.by === 'goexit' && s.event.fn === 'main.storeBig')!;
  expect(started).toBeDefined();
  const copy = run.steps.find((s) => s.i > started.i && s.kind === 'stack-copied' && s.goid === started.goid);
  expect(copy?.copy).toBeDefined();
  return copy!;
}

describe('recording examples/defer_ptrs_goexit.go', () => {
  const old = record(example('defer_ptrs_goexit.go', 'old'), 'old');
  const neu = record(example('defer_ptrs_goexit.go', 'new'), 'new');

  test('under old, the record Goexit took off the list keeps &y in the old stack: stale at the copy, drawn dangling', () => {
    const step = copyAfterGoexitStart(old);
    const snap = snapshotAt(old, step.i)!;
    const g = snap.goroutines.find((x) => x.goid === step.goid)!;
    expect(g.defers.map((d) => d.fn)).not.toContain('main.storeBig');
    const rec = g.offList.find((d) => d.fn === 'main.storeBig')!;
    expect(rec).toBeDefined();
    const arg = rec.pointers.find((p) => p.where.includes(' arg +0'))!;
    expect(arg.target).toBe('freed-stack');
    expect(arg.dangling).toBe(true);
    expect(arg.value >= step.copy!.oldLo && arg.value < step.copy!.oldHi).toBe(true);
    expect(step.copy!.stale).toContainEqual({ at: arg.at, value: arg.value, where: arg.where });
    expect(step.copy!.adjusted.some((a) => a.at === arg.at)).toBe(false);
  });

  test('under new, the same record is still on the list, started, and the copy adjusted its argument', () => {
    const step = copyAfterGoexitStart(neu);
    const g = snapshotAt(neu, step.i)!.goroutines.find((x) => x.goid === step.goid)!;
    const rec = g.defers.find((d) => d.fn === 'main.storeBig')!;
    expect(rec.started).toBe(true);
    expect(g.offList).toEqual([]);
    const arg = rec.pointers.find((p) => p.where.includes(' arg +0'))!;
    expect(arg).toMatchObject({ target: 'stack', goid: step.goid });
    expect(step.copy!.stale).toEqual([]);
    expect(step.copy!.adjusted).toContainEqual(expect.objectContaining({ at: arg.at, to: arg.value }));
  });

  test("a defer record's fields are what defer-linked said, read back from memory", () => {
    const linked = neu.steps.filter((s) => s.kind === 'defer-linked');
    expect(linked.length).toBeGreaterThan(2);
    for (const s of linked) {
      const e = s.event as Extract<RuntimeEvent, { kind: 'defer-linked' }>;
      const d = snapshotAt(neu, s.i)!.goroutines.find((g) => g.goid === e.goid)!.defers[0]!;
      expect([d.addr, d.fn, d.fields.argp, d.fields.siz, d.place]).toEqual([e.d, e.fn, e.argp, e.siz, 'heap']);
    }
  });

  test('memory rebuilt from the delta chain agrees with every pointer word the snapshots show', () => {
    let checked = 0;
    for (const s of neu.steps.filter((x) => x.snapshot).slice(0, 150)) {
      const snap = snapshotAt(neu, s.i)!;
      for (const g of snap.goroutines)
        for (const f of g.frames)
          for (const p of f.pointers) {
            const w = wordAt(snap.memory, p.at);
            if (w === undefined) continue; // beyond the stack bytes a snapshot holds
            expect(w).toBe(p.value);
            checked++;
          }
    }
    expect(checked).toBeGreaterThan(100);
    expect(neu.steps.some((s) => s.snapshot?.same !== undefined)).toBe(true);
  });

  test('steps without a snapshot are those whose state did not change or that sit inside a copy', () => {
    const bare = neu.steps.filter((s) => !s.snapshot);
    expect(bare.length).toBeGreaterThan(0);
    expect(neu.steps[0]!.snapshot).toBeDefined();
  });
});

describe('frames against the runtime', () => {
  const src = `package main

func leaf(p *int) {
	panic(*p)
}

func mid(n int) {
	x := n
	leaf(&x)
}

func main() {
	mid(42)
}
`;
  const mod = build(src, '/tmp/frames.go', 'new');

  test("at panic-pushed the panicking goroutine's frames are the ones Go's traceback prints", () => {
    const run = record(mod, 'new');
    expect(run.exitCode).toBe(2);
    const step = run.steps.find((s) => s.kind === 'panic-pushed')!;
    const g = snapshotAt(run, step.i)!.goroutines.find((x) => x.goid === step.goid)!;
    const names = g.frames.map((f) => f.name).filter((n) => !n.startsWith('runtime.'));
    const printed = [...run.stderr.matchAll(/^(main\.\w+)\(/gm)].map((m) => m[1]);
    expect(names).toEqual(printed);
    expect(g.panics[0]).toMatchObject({ value: '42', recovered: false, aborted: false });
    // the record's pointer words are drawn (and count for stale and root checks): argp, arg.data, link, defer
    const p0 = g.panics[0]!;
    expect(p0.pointers!.map((p) => p.at - p0.addr)).toEqual([0, 16, 24, 40]);
    expect(p0.pointers![2]).toMatchObject({ value: 0, target: 'nil' });
    const mid = g.frames.find((f) => f.name === 'main.mid')!;
    expect(mid.line).toBe(9);
    expect(mid.pointers.length).toBeGreaterThan(0);
  });

  test('recording leaves the event stream and the output as they are without it', () => {
    const plain: string[] = [];
    const r = runModule(mod, { policy: parsePolicy('new'), onEvent: (e) => void plain.push(JSON.stringify(e)) });
    const seen: string[] = [];
    const run = recordRun(mod, { run: { policy: parsePolicy('new'), onEvent: (e) => void seen.push(JSON.stringify(e)) } });
    expect(seen).toEqual(plain);
    expect([run.stdout, run.stderr, run.exitCode]).toEqual([r.stdout, r.stderr, r.exitCode]);
  });
});

describe('window and cap', () => {
  const mod = example('gc_defer_args.go', 'new');

  test('--around an event centres the window on it', () => {
    const run = record(mod, 'new', { window: 20, around: { event: 'gc-cycle', nth: 1 } });
    expect(run.window.last - run.window.first).toBe(19);
    expect(run.steps.every((s) => s.safePoint >= run.window.first - 1 && s.safePoint <= run.window.last)).toBe(true);
    const gc = run.steps.find((s) => s.kind === 'gc-cycle')!;
    expect(gc.gc).toBeDefined();
    expect(gc.gc!.marked.length).toBeGreaterThan(0);
    expect(run.window.totalSteps).toBeGreaterThan(run.window.last);
  });

  test('an event the run does not have is a RecordError naming it', () => {
    expect(() => record(mod, 'new', { around: { event: 'panic-recovered', nth: 3 } })).toThrow(RecordError);
    expect(() => record(mod, 'new', { around: { event: 'panic-recovered', nth: 3 } })).toThrow(/panic-recovered/);
  });

  test('past the byte cap recording stops and says where', () => {
    const run = record(mod, 'new', { maxBytes: 200_000 });
    expect(run.truncated).toMatch(/^recording stopped at step \d+ \(safe point \d+\): over the 200000-byte cap/);
    expect(JSON.stringify(run.steps).length).toBeLessThanOrEqual(200_000);
  });

  test('without a recorder the runtime builds no event stream', () => {
    let on: boolean | undefined;
    runModule(mod, { policy: parsePolicy('new'), attach: (m) => void (on = m.events.on) });
    expect(on).toBe(false);
  });
});

describe('GC view on examples/gc_defer_args.go', () => {
  const src = readFileSync(join(examples, 'gc_defer_args.go'), 'utf8');
  // its gosim-flags line: a GC at every safe point, freed objects clobbered
  const flags = { gcEvery: 1, clobberFree: true };
  const gcRun = (policy: string): RecordedRun =>
    recordRun(build(src, join(examples, 'gc_defer_args.go'), policy), {
      run: { policy: parsePolicy(policy), ...flags }, window: 400, around: { event: 'panic-pushed', nth: 1 },
    });

  test('old deferpanic + new gc frees the object the off-list record still names; all-new frees nothing still named', () => {
    const mixed = gcRun('deferpanic=old');
    expect(mixed.stdout + mixed.stderr).not.toMatch(/object intact = true/);
    const hits = mixed.steps.filter((s) => s.kind === 'gc-cycle' && s.gc!.freedStillReferenced.length > 0);
    expect(hits.length).toBeGreaterThan(0);
    const step = hits[0]!;
    const snap = snapshotAt(mixed, step.i)!;
    const words = snap.goroutines.flatMap((g) => g.offList.flatMap((d) => d.pointers));
    const from = step.gc!.freedStillReferenced.map((r) => r.from);
    // the word naming the freed object is the off-list record's argument, and the object was in this cycle's freed list
    expect(words.some((w) => from.includes(w.at) && w.where.includes(' arg'))).toBe(true);
    for (const r of step.gc!.freedStillReferenced) expect(step.gc!.freed).toContain(r.object);

    const neu = gcRun('new');
    expect(neu.stdout + neu.stderr).toMatch(/object intact = true/);
    const gcs = neu.steps.filter((s) => s.kind === 'gc-cycle');
    expect(gcs.length).toBeGreaterThan(0);
    expect(gcs.every((s) => s.gc!.freedStillReferenced.length === 0)).toBe(true);
  });
});

describe('recording examples/defer_ptrs_panic.go: the same record, started by gopanic', () => {
  const at = (run: RecordedRun): { step: Step; g: ReturnType<typeof snapshotAt> } => {
    const started = run.steps.find((s) => s.kind === 'defer-started' && s.event.by === 'panic' && s.event.fn === 'main.storeBig')!;
    expect(started).toBeDefined();
    const step = run.steps.find((s) => s.i > started.i && s.kind === 'stack-copied' && s.goid === started.goid)!;
    expect(step?.copy).toBeDefined();
    return { step, g: snapshotAt(run, step.i) };
  };

  test('old: the copy leaves the off-list argument stale while gopanic\'s record is on g._panic; new: adjusted, nothing stale', () => {
    const old = at(record(example('defer_ptrs_panic.go', 'old'), 'old'));
    const g = old.g!.goroutines.find((x) => x.goid === old.step.goid)!;
    expect(g.panics.map((p) => p.value)).toContain('1');
    for (const p of g.panics) expect(p.pointers).toHaveLength(4);
    const arg = g.offList.find((d) => d.fn === 'main.storeBig')!.pointers.find((p) => p.where.includes(' arg +0'))!;
    expect(arg).toMatchObject({ target: 'freed-stack', dangling: true });
    expect(old.step.copy!.stale.map((s) => s.at)).toContain(arg.at);

    const neu = at(record(example('defer_ptrs_panic.go', 'new'), 'new'));
    const gn = neu.g!.goroutines.find((x) => x.goid === neu.step.goid)!;
    expect(gn.panics.map((p) => p.value)).toContain('1');
    const rec = gn.defers.find((d) => d.fn === 'main.storeBig')!;
    const argn = rec.pointers.find((p) => p.where.includes(' arg +0'))!;
    expect(neu.step.copy!.stale).toEqual([]);
    expect(neu.step.copy!.adjusted).toContainEqual(expect.objectContaining({ at: argn.at, to: argn.value }));
  });
});
