import { alignedStep, alignKey, firstDivergence } from '../page/src/compare';
import { collapse, deferBox, describeStep, layoutCopy, layoutStack, snapshotIndex, type WordRow } from '../page/src/layout';
import { MemoryView, wordPattern } from '../page/src/memory';
import { byEvent, byKind, byLine, bySafePoint, formatHash, parseHash } from '../page/src/nav';
import { goexitOldRun, region } from './fixtures/goexit-old';

const run = goexitOldRun();

describe('memory', () => {
  test('reads little-endian words and bytes from regions, undefined outside', () => {
    const m = new MemoryView([region(0x1000, 0x20, { 0x1008: 0x22fa8 }, 'stack'), region(0x3000, 8, { 0x3000: 'fcfcfcfcfcfcfcfc' }, 'freed-stack')]);
    expect(m.wordHex(0x1008)).toBe('0000000000022fa8');
    expect(m.byte(0x1008)).toBe(0xa8);
    expect(m.wordHex(0x1020)).toBeUndefined();
    expect(m.wordHex(0x101c)).toBeUndefined(); // straddles the region's end
    expect(wordPattern(m.wordHex(0x3000)!)).toBe('poison-fc');
    expect(m.regionOf(0x3004)?.what).toBe('freed-stack');
  });
});

describe('snapshotIndex', () => {
  test('a step without a snapshot reuses the latest one before it', () => {
    expect(Array.from(snapshotIndex(run.steps))).toEqual([0, 0, 0, 3, 4, 4, 4, 4]);
  });
});

describe('layoutStack', () => {
  const s0 = run.steps[0]!.snapshot!;
  const g = s0.goroutines[0]!;
  const box = layoutStack(g, new MemoryView(s0.memory), run);

  test('frames hi → lo, each with its args, return PC at fp-8, locals down to sp', () => {
    expect(box.frames.map((f) => f.name)).toEqual(['main.trial', 'main.descend', 'runtime.Goexit']);
    expect(box.frames[2]!.runtime).toBe(true);
    const trial = box.frames[0]!;
    const first = trial.rows[0] as WordRow;
    expect(first).toMatchObject({ kind: 'word', role: 'arg', addr: trial.argp + trial.argSize - 8 });
    const ret = trial.rows.find((r) => r.kind === 'word' && r.role === 'retpc') as WordRow;
    expect(ret.addr).toBe(trial.fp - 8);
    // rows descend
    const addrs = trial.rows.map((r) => (r.kind === 'word' ? r.addr : r.hi - 8));
    expect([...addrs].sort((a, b) => b - a)).toEqual(addrs);
  });

  test('the pointer word carries its PointerView and the value read from memory', () => {
    const p = box.frames[0]!.rows.find((r) => r.kind === 'word' && r.ptr) as WordRow;
    expect(p.addr).toBe(0x22f60);
    expect(p.ptr?.target).toBe('stack');
    expect(p.hex).toBe('0000000000022fa8');
  });

  test("the callee's argument block is drawn in the callee's box, not again in the caller's locals", () => {
    const descend = box.frames[1]!;
    const trial = box.frames[0]!;
    const inTrial = trial.rows.filter((r) => r.kind === 'word' && r.addr >= descend.argp && r.addr < descend.argp + descend.argSize);
    expect(inTrial).toEqual([]);
    expect(descend.rows.filter((r) => r.kind === 'word' && r.role === 'arg')).toHaveLength(2);
  });
});

describe('collapse', () => {
  test('runs of zero locals become one gap row; pointers and data stay', () => {
    const rows: WordRow[] = [];
    for (let k = 0; k < 10; k++) rows.push({ kind: 'word', addr: 0x2000 - 8 * k, hex: k === 5 ? '0000000000000007' : '0000000000000000', role: 'local' });
    const out = collapse(rows);
    expect(out.map((r) => r.kind)).toEqual(['gap', 'word', 'gap']);
    expect(out[0]).toMatchObject({ kind: 'gap', words: 5, pattern: 'zero', lo: 0x2000 - 32, hi: 0x2008 });
  });
  test('a run of two words is not collapsed', () => {
    const rows: WordRow[] = [0, 1].map((k) => ({ kind: 'word', addr: 0x100 - 8 * k, hex: '0000000000000000', role: 'local' }));
    expect(collapse(rows).map((r) => r.kind)).toEqual(['word', 'word']);
  });
});

describe('records', () => {
  test('an off-list record is marked so and keeps its argument pointers', () => {
    const d = run.steps[4]!.snapshot!.goroutines[0]!.offList[0]!;
    const b = deferBox(d, true);
    expect(b.offList).toBe(true);
    expect(b.marks).toEqual(['started', 'off the list (old: gopanic/Goexit took it)']);
    expect(b.pointers[0]).toMatchObject({ value: 0x22fa8, target: 'freed-stack' });
  });
});

describe('layoutCopy', () => {
  const c = run.steps[4]!.copy!;
  const lay = layoutCopy(c);
  test('pairs old and new words by distance from hi; the adjusted word shows before → after', () => {
    const adj = lay.rows.find((r) => 'off' in r && r.adjusted);
    expect(adj).toMatchObject({ oldAt: 0x22f60, newAt: 0x22f60 + lay.delta, adjusted: { from: 0x22fa8, to: 0x22fa8 + lay.delta } });
    expect(lay.delta).toBe(0x38000 - 0x24000);
  });
  test('the stale record argument outside the stack is listed apart', () => {
    expect(lay.outside).toEqual([{ at: 0xc000130, stale: { value: 0x22fa8, where: 'defer record arg (off the list)' } }]);
  });
  test('zero runs collapse to gaps', () => {
    const gaps = lay.rows.filter((r) => 'gap' in r);
    expect(gaps.length).toBeGreaterThan(0);
    expect(lay.rows.length).toBeLessThan(10);
  });
});

describe('nav', () => {
  const st = run.steps;
  test('by event, by safe point, by line, by kind', () => {
    expect(byEvent(st, 0, -1)).toBe(0);
    expect(byEvent(st, 0, 1)).toBe(1);
    expect(bySafePoint(st, 1, 1)).toBe(5);
    expect(bySafePoint(st, 5, -1)).toBe(1);
    expect(byLine(st, 1, 1)).toBe(5); // steps 2-4 are still line 34
    expect(byLine(st, 1, -1)).toBe(0);
    expect(byKind(st, 0, 1, ['stack-copied'])).toBe(4);
    expect(byKind(st, 4, 1, ['stack-copied'])).toBe(4); // none after: stay
  });
  test('permalink hash round trip, malformed parts ignored', () => {
    expect(parseHash(formatHash(1, 42))).toEqual({ run: 1, step: 42 });
    expect(parseHash('#run=x&step=7&junk')).toEqual({ step: 7 });
  });
  test('describeStep writes the trace line', () => {
    expect(describeStep(st[3]!)).toBe('defer-started 0xc000100 main.storeBig by goexit (unlinked first)');
    expect(describeStep(st[4]!)).toBe('stack-copied g2 0x20000-0x24000 -> 0x30000-0x38000 (grow)');
  });
});

describe('compare', () => {
  const a = run.steps;
  // run b: one extra event before the copy (new keeps the record on the list: no defer-unlinked (start))
  const b = a.filter((s) => s.kind !== 'defer-unlinked').map((s, i) => ({ ...s, i }));
  test('steps align by (kind, occurrence)', () => {
    expect(alignKey(a, 4)).toEqual({ kind: 'stack-copied', nth: 1 });
    expect(alignedStep(a, b, 4)).toBe(3);
    expect(alignedStep(a, b, 2)).toBe(-1); // no defer-unlinked in b
  });
  test('the first divergence is the first differing event', () => {
    expect(firstDivergence(a, b)).toEqual({ a: 2, b: 2 });
    expect(firstDivergence(a, a)).toBeNull();
  });
});
