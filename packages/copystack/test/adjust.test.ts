import { makeBitmap } from '@gosim/program';
import { GoThrow } from '@gosim/stack';
import { Stkframe } from '@gosim/traceback';
import { adjustframe, adjustpointer, adjustpointers, isPoisonWord, type AdjustInfo } from '../src/index.js';
import { makeWorld } from './world.js';

function region() {
  const w = makeWorld();
  const oldLo = w.stacks.stackalloc(8192);
  const oldHi = oldLo + 8192;
  const adj: AdjustInfo = { goid: 1, oldLo, oldHi, delta: 0x100000 };
  const base = oldLo + 1024;
  return { w, adj, base, oldLo, oldHi };
}

const words = (w: ReturnType<typeof makeWorld>, base: number, n: number) => Array.from({ length: n }, (_, i) => w.space.load64(base + 8 * i));

test('adjustpointers rewrites only words the bitmap marks, and only values inside [oldLo, oldHi)', () => {
  const { w, adj, base, oldLo, oldHi } = region();
  const heapObj = w.heap.alloc(16, -1);
  const vals = [oldLo, oldLo + 8, oldHi - 8, oldHi, oldLo - 8, heapObj, 0, oldLo + 16, 0x1000];
  vals.forEach((v, i) => w.space.store64(base + 8 * i, v));
  // words 0..6 and 8 are pointers; word 7 is a scalar that happens to hold a stack address
  adjustpointers(w.ctx, adj, base, makeBitmap(9, [0, 1, 2, 3, 4, 5, 6, 8]), 9, 'main.f');
  const d = adj.delta;
  expect(words(w, base, 9)).toEqual([oldLo + d, oldLo + 8 + d, oldHi - 8 + d, oldHi, oldLo - 8, heapObj, 0, oldLo + 16, 0x1000]);
  expect(w.events).toEqual([
    { kind: 'pointer-adjusted', goid: 1, where: 'main.f', at: base, from: oldLo, to: oldLo + d },
    { kind: 'pointer-adjusted', goid: 1, where: 'main.f', at: base + 8, from: oldLo + 8, to: oldLo + 8 + d },
    { kind: 'pointer-adjusted', goid: 1, where: 'main.f', at: base + 16, from: oldHi - 8, to: oldHi - 8 + d },
  ]);
});

test('adjustpointers adjusts downward too (a shrink: negative delta)', () => {
  const { w, adj, base, oldLo } = region();
  w.space.store64(base, oldLo + 40);
  adjustpointers(w.ctx, { ...adj, delta: -0x2000 }, base, makeBitmap(1, [0]), 1, 'main.f');
  expect(w.space.load64(base)).toBe(oldLo + 40 - 0x2000);
});

describe('a junk value in a pointer slot is a fatal "bad pointer!"', () => {
  test.each([
    ['a small non-nil value', 0x10n, '0x10'],
    ['just below MinLegalPointer', 0xfffn, '0xfff'],
    ['the new-stack poison', 0xfdfdfdfdfdfdfdfdn, '0xfdfdfdfdfdfdfdfd'],
    ['the before-copy poison', 0xfbfbfbfbfbfbfbfbn, '0xfbfbfbfbfbfbfbfb'],
    ['the old-stack poison', 0xfcfcfcfcfcfcfcfcn, '0xfcfcfcfcfcfcfcfc'],
    ['the clobberfree pattern', 0xdeadbeefdeadbeefn, '0xdeadbeefdeadbeef'],
  ])('%s: prints "runtime: bad pointer in frame F at ADDR: VALUE" and throws', (_n, v, printed) => {
    const { w, adj, base } = region();
    w.space.store64(base, 0);
    w.space.store64Big(base + 8, v);
    expect(() => adjustpointers(w.ctx, adj, base, makeBitmap(2, [0, 1]), 2, 'main.f')).toThrow(new GoThrow('bad pointer!'));
    expect(w.printed).toEqual([`runtime: bad pointer in frame main.f at 0x${(base + 8).toString(16)}: ${printed}\n`]);
  });

  test('the same values in scalar words, nil, and MinLegalPointer itself are fine', () => {
    const { w, adj, base } = region();
    w.space.store64(base, 0x10);
    w.space.store64Big(base + 8, 0xfdfdfdfdfdfdfdfdn);
    w.space.store64(base + 16, 0);
    w.space.store64(base + 24, 0x1000);
    adjustpointers(w.ctx, adj, base, makeBitmap(4, [2, 3]), 4, 'main.f');
    expect(w.printed).toEqual([]);
  });

  test('isPoisonWord needs both halves to be one pattern', () => {
    const { w, base } = region();
    w.space.store64Big(base, 0xfdfdfdfdfdfdfdfdn);
    w.space.store64Big(base + 8, 0xfdfdfdfd00000000n);
    w.space.store64Big(base + 16, 0xfbfbfbfbfdfdfdfdn);
    expect([0, 8, 16].map((o) => isPoisonWord(w.space.i32, base + o))).toEqual([true, false, false]);
  });
});

test('adjustpointer: one word known to hold a pointer, adjusted only when it points into the old stack', () => {
  const { w, adj, base, oldLo } = region();
  w.space.store64(base, oldLo + 8);
  w.space.store64(base + 8, 0x10); // no junk check for a single known pointer (as Go's)
  adjustpointer(w.ctx, adj, base, 'defer.argp');
  adjustpointer(w.ctx, adj, base + 8, 'defer.fn');
  expect(words(w, base, 2)).toEqual([oldLo + 8 + adj.delta, 0x10]);
  expect(w.events).toEqual([{ kind: 'pointer-adjusted', goid: 1, where: 'defer.argp', at: base, from: oldLo + 8, to: oldLo + 8 + adj.delta }]);
});

describe('adjustframe', () => {
  function frameOf(w: ReturnType<typeof makeWorld>, base: number) {
    const fr = new Stkframe();
    fr.fn = w.fn('main.f'); // locals q (ptr) at 24, r at 32; args a, p (ptr), n
    fr.pc = fr.continpc = fr.fn.entry + 4;
    fr.sp = base;
    fr.localsSize = fr.fn.frameSize;
    fr.fp = base + fr.fn.frameSize + 8;
    fr.argp = fr.fp;
    fr.arglen = fr.fn.argSize;
    return fr;
  }

  test('adjusts locals by the locals map and arguments by the argument map', () => {
    const { w, adj, base, oldLo } = region();
    const fr = frameOf(w, base);
    for (let a = base; a < fr.fp + 24; a += 8) w.space.store64(a, oldLo + 8);
    expect(adjustframe(w.ctx, adj, fr)).toBe(true);
    const d = adj.delta;
    expect(words(w, base, 5)).toEqual([oldLo + 8, oldLo + 8, oldLo + 8, oldLo + 8 + d, oldLo + 8]);
    expect(words(w, fr.fp, 3)).toEqual([oldLo + 8, oldLo + 8 + d, oldLo + 8]);
  });

  test('a dead frame (continpc 0) and a frame with no function are left alone, junk and all', () => {
    const { w, adj, base, oldLo } = region();
    const fr = frameOf(w, base);
    w.space.store64(base + 24, oldLo + 8);
    w.space.store64(fr.fp + 8, 0x10);
    fr.continpc = 0;
    adjustframe(w.ctx, adj, fr);
    fr.continpc = fr.pc;
    fr.fn = undefined;
    adjustframe(w.ctx, adj, fr);
    expect(w.space.load64(base + 24)).toBe(oldLo + 8);
    expect(w.printed).toEqual([]);
  });

  test('a deferred-call frame (tracebackdefers) has arguments only', () => {
    const { w, adj, base, oldLo } = region();
    const fr = frameOf(w, base);
    fr.localsSize = 0;
    w.space.store64(base + 24, oldLo + 8);
    w.space.store64(fr.argp + 8, oldLo + 16);
    adjustframe(w.ctx, adj, fr);
    expect(w.space.load64(base + 24)).toBe(oldLo + 8);
    expect(w.space.load64(fr.argp + 8)).toBe(oldLo + 16 + adj.delta);
  });
});
