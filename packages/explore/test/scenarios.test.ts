// The CL's scenarios, under the old and new policies and variants: outcomes from the algorithms running,
// and the mechanism read back from the event stream.
import { compile, formatDiagnostic } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { mixPolicy, policies, runModule, type RunOptions, type RuntimeEvent } from '@gosim/runtime';
import { explain } from '../src/index.js';
import { deferPtrs, deferPtrsGrowth, panicUseStack, type GoexitVariant } from './scenarios.js';

jest.setTimeout(120_000);

function build(src: string): Module {
  const c = compile(src, 'scenario.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  return c.module;
}

function run(m: Module, opts: RunOptions = {}) {
  const events: RuntimeEvent[] = [];
  const r = runModule(m, { ...opts, onEvent: (e) => events.push(e) });
  return { ...r, events, why: explain(events) };
}

const badCount = (stderr: string): number => Number(/bad = (\d+)/.exec(stderr)?.[1] ?? NaN);

const goexitVariants: GoexitVariant[] = [
  { bufBytes: 4096, frameBytes: 1024, trials: 100, fn: 'setBig', how: 'goexit' },
  { bufBytes: 3000, frameBytes: 700, trials: 60, fn: 'zz', how: 'goexit' },
  { bufBytes: 9000, frameBytes: 1500, trials: 40, fn: 'q', how: 'goexit' },
  { bufBytes: 4096, frameBytes: 1024, trials: 100, fn: 'setBig', how: 'panic' },
  { bufBytes: 2500, frameBytes: 900, trials: 50, fn: 'pp', how: 'panic' },
];

describe.each(goexitVariants)('DeferPtrs variant %#', (v) => {
  const m = build(deferPtrs(v));
  const name = `${v.how} buf=${v.bufBytes} frame=${v.frameBytes}`;

  test(`${name}: new policy delivers 42 at every depth, also under stress, poison and fault-on-free`, () => {
    for (const opts of [{}, { copyStackEvery: 1 }, { gcEvery: 7 }, { stackPoisonCopy: true }, { stackFaultOnFree: true }] as RunOptions[]) {
      const r = runModule(m, { ...opts, policy: policies.new });
      expect([opts, r.stderr]).toEqual([opts, 'bad = 0\n']);
    }
  });

  test(`${name}: old policy delivers a wrong value at some depths, because the stack moved while the record was off the list`, () => {
    const r = run(m, { policy: policies.old });
    expect(badCount(r.stderr)).toBeGreaterThan(0);
    // mechanism: a copy while the deferred Set's record was started but unlinked ...
    expect(r.why.some((l) => /copied .* while the record of deferred main\.\w+Set .* was off the defer list/.test(l))).toBe(true);
    // ... and Set was then called with a pointer into the freed old stack
    expect(r.why.some((l) => /main\.\w+Set was called with pointer 0x[0-9a-f]+ into the freed stack/.test(l))).toBe(true);
    // the new policy never runs a deferred call with an unadjusted pointer
    const n = run(m, { policy: policies.new });
    expect(n.why.filter((l) => /stale pointer|off the defer list/.test(l))).toEqual([]);
  });

  test(`${name}: old policy with fault-on-free faults writing through the stale pointer`, () => {
    const r = runModule(m, { policy: policies.old, stackFaultOnFree: true });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unexpected fault address 0x[0-9a-f]+\nfatal error: fault\n/);
  });

  test(`${name}: the deferpanic piece decides it; with new copystack the old records break differently`, () => {
    // new deferpanic keeps the running record listed: old traceback, gc and copystack then handle it
    expect(runModule(m, { policy: mixPolicy({ traceback: 'old', gc: 'old', copystack: 'old' }) }).stderr).toBe('bad = 0\n');
    // old deferpanic with the old copier: the unlinked record's &y goes stale
    expect(badCount(runModule(m, { policy: mixPolicy({ deferpanic: 'old', copystack: 'old' }) }).stderr)).toBeGreaterThan(0);
    const withNewCopier = runModule(m, { policy: mixPolicy({ deferpanic: 'old' }) });
    if (v.how === 'goexit') expect(badCount(withNewCopier.stderr)).toBeGreaterThan(0);
    // gopanic's on-stack dabort record: the new adjustdefers never rewrites a link to an on-stack record,
    // so after a copy g._defer still names the old dabort and gopanic's own check fails
    else expect(withNewCopier.stderr).toMatch(/^fatal error: bad defer entry in panic\n/m);
  });
});

describe('DeferPtrs: a listed, not started record is adjusted by both policies', () => {
  test.each([
    [200, 1024],
    [500, 300],
    [90, 4000],
  ])('depth %i, frame %i bytes', (depth, frame) => {
    const m = build(deferPtrsGrowth(depth, frame));
    for (const policy of [policies.old, policies.new]) {
      const r = run(m, { policy });
      expect(r.stderr).toBe('y = 42\n');
      expect(r.events.some((e) => e.kind === 'stack-copied')).toBe(true);
    }
    expect(runModule(m, { policy: policies.new, copyStackEvery: 3, stackPoisonCopy: true }).stderr).toBe('y = 42\n');
  });
});

describe.each([
  [[100, 200]],
  [[60, 130, 90]],
  [[150, 40, 220]],
])('PanicUseStack levels KiB %j', (kib) => {
  const m = build(panicUseStack(kib));
  const levels = kib.length;
  const want = Array.from({ length: levels }, (_, i) => `recovered ${i + 1}\n`).join('') + 'done\n';

  test('new policy: every level recovers, also with stress and poison', () => {
    for (const opts of [{}, { stackPoisonCopy: true }, { copyStackEvery: 5 }, { gcEvery: 11, stackPoisonCopy: true }] as RunOptions[]) {
      expect([opts, runModule(m, { ...opts, policy: policies.new }).stderr]).toEqual([opts, want]);
    }
  });

  test('old policy: adjustdefers follows the rewritten dabort link and dies with "unexpected argp"', () => {
    const r = run(m, { policy: policies.old });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/runtime: adjustdefers argp=0x0 stk=0x[0-9a-f]+ 0x[0-9a-f]+\nfatal error: adjustdefers: unexpected argp\n/);
    // mechanism: the panic cursor read a p.link already rewritten to point outside the stack being walked
    expect(r.why.some((l) => /panic cursor read p\.link = 0x[0-9a-f]+ .* outside the stack being walked/.test(l))).toBe(true);
  });

  test('old policy with StackPoisonCopy: the traceback follows the link into the 0xfd-filled new stack and faults first', () => {
    const r = runModule(m, { policy: policies.old, stackPoisonCopy: true });
    expect(r.exitCode).toBe(2);
    // a fault inside the copier, at a non-canonical (poison) address: Go's report for the runtime's own faults
    expect(r.stderr).toMatch(
      /fatal error: unexpected signal during runtime execution\n\[signal SIGSEGV: segmentation violation code=0x80 addr=0x0 pc=0x[0-9a-f]+\]\n\nruntime stack:\n\ngoroutine 1 \[copystack\]:\n/,
    );
    expect(r.stderr).not.toMatch(/adjustdefers/);
  });

  test('old deferpanic with the old copier breaks whatever the traceback; new deferpanic alone fixes it', () => {
    expect(runModule(m, { policy: mixPolicy({ traceback: 'old', gc: 'old', copystack: 'old' }) }).stderr).toBe(want);
    // adjustframe rewrote dabort.link (a pointer in gopanic's frame) before adjustdefers followed it
    expect(runModule(m, { policy: mixPolicy({ deferpanic: 'old', copystack: 'old' }) }).stderr).toMatch(/fatal error: adjustdefers: unexpected argp/);
    expect(runModule(m, { policy: mixPolicy({ deferpanic: 'old' }) }).stderr).toMatch(/fatal error: bad defer entry in panic/);
  });
});
