// The copy-first copystack (later Go's order) on the CL's scenarios, with Go's printed results.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import { derivePiece, mixPolicy, policies, runModule, type Policy, type RunOptions, type RuntimeEvent } from '@gosim/runtime';
import { copystackCopyFirst } from '@gosim/copystack';

const examples = join(__dirname, '../../../examples');
const run = (f: string, policy: Policy, opts: RunOptions = {}) => {
  const c = compile(readFileSync(join(examples, f), 'utf8'), f);
  if (!c.module) throw new Error(`${f} does not compile`);
  const events: RuntimeEvent[] = [];
  const r = runModule(c.module, { policy, onEvent: (e) => events.push(e), ...opts });
  return { ...r, events, copies: events.filter((e) => e.kind === 'stack-copied').length };
};
const lastLine = (s: string) => s.trimEnd().split('\n').pop();

/** What real Go (and gosim's new policy) prints last. */
const newOutcomes: Record<string, string> = {
  'defer_ptrs.go': 'value = 4200 bad = 0',
  'defer_ptrs_goexit.go': 'sum = 4200 bad = 0',
  'defer_ptrs_panic.go': 'sum = 4200 bad = 0',
  'panic_use_stack.go': 'levels = 3 walks ok = true',
  'gc_defer_args.go': 'object intact = true',
};
const withCopyFirst: Policy = { ...mixPolicy({}), copystack: copystackCopyFirst };
/** Every old piece, the copy in later Go's order around the old adjustdefers. */
const oldCopyFirst: Policy = {
  ...policies.old,
  copystack: derivePiece(policies.old.copystack, { name: 'copy-first+old-adjustdefers', copystack: copystackCopyFirst.copystack }),
};

describe('copy-first copystack', () => {
  test.each(Object.entries(newOutcomes))('with the new pieces %s prints what Go prints: %s', (f, want) => {
    const r = run(f, withCopyFirst);
    expect(r.exitCode).toBe(0);
    expect(lastLine(r.stderr)).toBe(want);
    if (f !== 'gc_defer_args.go') expect(r.copies).toBeGreaterThan(0); // that one tests the GC, not moves
  });

  test.each([
    ['defer_ptrs_goexit.go', 13],
    ['panic_use_stack.go', 7],
    ['defer_ptrs_panic.go', 29],
  ])('with the new pieces, %s under StackPoisonCopy and a forced move every %i-th safe point: Go\'s result', (f, every) => {
    const r = run(f, withCopyFirst, { copyStackEvery: every as number, stackPoisonCopy: true });
    expect(r.exitCode).toBe(0);
    expect(lastLine(r.stderr)).toBe(newOutcomes[f]);
  });

  test('under the old pieces PanicUseStack no longer dies: the links rewritten before the copy are read from the copy', () => {
    const stock = run('panic_use_stack.go', policies.old);
    expect(stock.exitCode).toBe(2);
    expect(stock.stderr).toContain('fatal error: adjustdefers: unexpected argp');
    const r = run('panic_use_stack.go', oldCopyFirst, { stackPoisonCopy: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      'first recovered 10\nsecond recovered 20\nthird recovered 30\nback from the third level\nback from the second level\nlevels = 3 walks ok = true\n',
    );
    // the frames were adjusted after the switch: every adjusted word lies in the new stack
    let newLo = 0, newHi = 0, checked = 0;
    for (const e of r.events) {
      if (e.kind === 'stack-copied') [newLo, newHi] = [e.newLo, e.newHi];
      else if (e.kind === 'pointer-adjusted' && e.where.startsWith('main.')) {
        expect(e.at >= newLo && e.at < newHi).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test.each(['defer_ptrs_goexit.go', 'defer_ptrs_panic.go'])('under the old pieces the Goexit/panic bug of %s stays: the record is off the list', (f) => {
    const stock = run(f, policies.old);
    const r = run(f, oldCopyFirst);
    expect(lastLine(stock.stderr)).toBe('sum = 3318 bad = 21');
    expect(r.stderr).toBe(stock.stderr);
  });
});
