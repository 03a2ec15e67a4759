import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import { codegenOf, parsePolicy, policies, runModule, type Policy, type RuntimeEvent } from '@gosim/runtime';
import { parseRunFlagWords, type RunFlags } from '../src/index.js';
import { runFlagWords, shellWord } from '../src/options.js';
import { mechanismMoment, policyWord, vizLine } from '../src/viz-hint.js';

const ex = (f: string) => join(__dirname, '..', '..', '..', 'examples', f);

function events(file: string, policy: Policy, extra: Parameters<typeof runModule>[1] = {}): RuntimeEvent[] {
  const c = compile(readFileSync(ex(file), 'utf8'), ex(file), { codegen: codegenOf(policy) });
  const out: RuntimeEvent[] = [];
  runModule(c.module!, { ...extra, policy, onEvent: (e) => out.push(e) });
  return out;
}

/** The nth event of a kind (from 1) and the events before it. */
function nthEvent(es: readonly RuntimeEvent[], kind: string, nth: number): { e: RuntimeEvent; before: RuntimeEvent[] } {
  let n = 0;
  for (let i = 0; i < es.length; i++) if (es[i]!.kind === kind && ++n === nth) return { e: es[i]!, before: es.slice(0, i) };
  throw new Error(`no ${kind} #${nth}`);
}

describe('mechanismMoment', () => {
  test('Goexit under old: the first stack copy made while a started record is off g._defer', () => {
    const es = events('defer_ptrs_goexit.go', policies.old);
    const m = mechanismMoment(es)!;
    expect(m.kind).toBe('stack-copied');
    const { e, before } = nthEvent(es, 'stack-copied', m.nth);
    expect(e).toMatchObject({ kind: 'stack-copied', goid: 2, oldLo: 0x20000, oldHi: 0x24000, newLo: 0x30000, newHi: 0x38000 });
    // the record was started unlinked just before and has not returned yet; no earlier copy had one off the list
    const started = before.filter((x) => x.kind === 'defer-started' && !x.onList);
    expect(started).toHaveLength(1);
    expect(before.some((x) => x.kind === 'defer-returned')).toBe(false);
  });

  test('new has no mechanism to show; a GC mixture shows its GC', () => {
    expect(mechanismMoment(events('defer_ptrs_goexit.go', policies.new))).toBeUndefined();
    const p = parsePolicy('deferpanic=old');
    const es = events('gc_defer_args.go', p, { gcEvery: 1, clobberFree: true });
    const m = mechanismMoment(es)!;
    expect(m.kind).toBe('gc-cycle');
    const { before } = nthEvent(es, 'gc-cycle', m.nth);
    // at that GC a record is started and off the list; at every earlier GC none was
    const off = (xs: RuntimeEvent[]) => xs.filter((x) => x.kind === 'defer-started' && !x.onList).length - xs.filter((x) => x.kind === 'defer-returned').length;
    expect(off(before)).toBeGreaterThan(0);
    const prev = m.nth > 1 ? nthEvent(es, 'gc-cycle', m.nth - 1).before : [];
    expect(off(prev)).toBe(0);
  });

  test('a pointer-stale event is the moment whenever the stream has one', () => {
    const es: RuntimeEvent[] = [
      { kind: 'stack-copied', goid: 1, oldLo: 0, oldHi: 8, newLo: 16, newHi: 24, used: 8, why: 'grow' },
      { kind: 'pointer-stale', goid: 1, where: 'x', at: 16, value: 4 },
    ];
    expect(mechanismMoment(es)).toEqual({ kind: 'pointer-stale', nth: 1 });
    expect(mechanismMoment(es.slice(0, 1))).toBeUndefined();
  });
});

describe('hint words', () => {
  test('policyWord keeps only the pieces that are not new, and parses back', () => {
    for (const spec of ['old', 'new', 'deferpanic=old', 'gc=old,copystack=old', 'deferpanic=old,traceback=new,gc=new,copystack=new']) {
      const p = parsePolicy(spec);
      expect(parsePolicy(policyWord(p))).toEqual(p);
    }
    expect(policyWord(parsePolicy('deferpanic=old,traceback=new,gc=new,copystack=new'))).toBe('deferpanic=old');
  });

  test('runFlagWords parses back to the same flags', () => {
    const cases: RunFlags[] = [
      {},
      { policy: policies.old, stackPoison: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 7, gcEvery: 3, seed: 0, stackMin: 8192, maxSteps: 100, maxHeap: 65536, maxStack: 1 << 20, tier: 'compiled' },
      { copyStackAlways: true, gcEverySafepoint: true },
    ];
    for (const f of cases) expect(parseRunFlagWords(runFlagWords(f))).toEqual(f);
  });

  test('shell words: plain ones as they are, others single-quoted', () => {
    expect(shellWord('examples/x.go')).toBe('examples/x.go');
    expect(shellWord('deferpanic=old,gc=old')).toBe('deferpanic=old,gc=old');
    expect(shellWord("my dir/it's.go")).toBe(`'my dir/it'\\''s.go'`);
    expect(shellWord('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
    expect(vizLine('a b.go', ['--policy', 'old'], { kind: 'gc-cycle', nth: 2 })).toBe("gosim viz 'a b.go' --policy old --around gc-cycle:2");
    expect(vizLine('x.go', [], 17)).toBe('gosim viz x.go --around 17');
  });
});
