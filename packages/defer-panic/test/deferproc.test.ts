import {
  DeferClasses, DeferNew, DeferOld, DeferPool, deferArgs, deferclass, deferpanicNew, deferpanicOld, deferproc,
  deferreturn, freedefer, newdefer, NoDefer, totaldefersize,
} from '../src/index.js';
import { PageSize } from '@gosim/memory';
import { loadWords, makeWorld, storeWords } from './world.js';

const both = [
  ['old', deferpanicOld],
  ['new', deferpanicNew],
] as const;

describe.each(both)('deferproc / deferreturn (%s layout)', (_name, pol) => {
  const L = pol.layout;

  test('deferproc copies the argument block from the caller outgoing area and links at the head with argp = sp, pc = retpc', () => {
    const w = makeWorld(pol);
    const g = w.newG();
    const sp = g.sp;
    const retpc = w.fn('main.main').entry + 4;
    storeWords(w.space, sp, [g.hi - 16, 7]); // deferred(p = &local, n = 7)
    const d1 = deferproc(w.ctx, pol, g, sp, w.fv('main.deferred'), 16, retpc);
    expect(g._defer).toBe(d1);
    expect(w.space.load64(d1 + L.siz)).toBe(16);
    expect(w.space.load64(d1 + L.argp)).toBe(sp);
    expect(w.space.load64(d1 + L.pc)).toBe(retpc);
    expect(w.space.load64(d1 + L.fn)).toBe(w.fv('main.deferred'));
    expect(w.space.load64(d1 + L.link)).toBe(0);
    expect(loadWords(w.space, deferArgs(L, d1), 2)).toEqual([g.hi - 16, 7]);
    // the outgoing area is the caller's to reuse: changing it does not change the record
    storeWords(w.space, sp, [1, 2]);
    expect(loadWords(w.space, deferArgs(L, d1), 2)).toEqual([g.hi - 16, 7]);

    const d2 = deferproc(w.ctx, pol, g, sp, w.fv('main.noargs'), 0, retpc + 8);
    expect(g._defer).toBe(d2);
    expect(w.space.load64(d2 + L.link)).toBe(d1);
    expect(w.events).toEqual([
      { kind: 'defer-linked', goid: g.goid, d: d1, fn: 'main.deferred', argp: sp, siz: 16 },
      { kind: 'defer-linked', goid: g.goid, d: d2, fn: 'main.noargs', argp: sp, siz: 0 },
    ]);
  });

  test('deferreturn only runs the head record whose argp is this frame sp, copying its arguments back', () => {
    const w = makeWorld(pol);
    const g = w.newG();
    const outerSp = g.sp;
    const innerSp = g.sp - 256;
    storeWords(w.space, outerSp, [11, 12]);
    const outer = deferproc(w.ctx, pol, g, outerSp, w.fv('main.deferred'), 16, 0);
    storeWords(w.space, innerSp, [21, 22]);
    const inner = deferproc(w.ctx, pol, g, innerSp, w.fv('main.deferred'), 16, 0);

    // the outer frame returns first? Its record is not the head: nothing runs.
    expect(deferreturn(w.ctx, pol, g, outerSp)).toBe(NoDefer);
    expect(g._defer).toBe(inner);

    storeWords(w.space, innerSp, [-1, -1]); // junk the outgoing area
    expect(deferreturn(w.ctx, pol, g, innerSp)).toBe(w.fv('main.deferred'));
    expect(loadWords(w.space, innerSp, 2)).toEqual([21, 22]);
    expect(g._defer).toBe(outer);
    // the run record was cleared and went back to the pool
    expect(loadWords(w.space, inner, L.header / 8)).toEqual(new Array(L.header / 8).fill(0));
    expect(w.ctx.deferPool.take(16)).toBe(inner);

    // the inner frame's next deferreturn finds the outer frame's record at the head: done
    expect(deferreturn(w.ctx, pol, g, innerSp)).toBe(NoDefer);
    expect(deferreturn(w.ctx, pol, g, outerSp)).toBe(w.fv('main.deferred'));
    expect(loadWords(w.space, outerSp, 2)).toEqual([11, 12]);
    expect(g._defer).toBe(0);
    expect(deferreturn(w.ctx, pol, g, outerSp)).toBe(NoDefer);
    expect(w.events.filter((e) => e.kind === 'defer-unlinked').map((e) => e.d)).toEqual([inner, outer]);
  });

  test('freedefer returns records to the pool by class and newdefer reuses them only within the class', () => {
    const w = makeWorld(pol);
    const pool = w.ctx.deferPool;
    const a = newdefer(w.ctx, pol, 16);
    w.space.store64(a + L.siz, 16);
    w.space.store64(deferArgs(L, a), 99);
    freedefer(w.ctx, pol, a);
    expect(w.space.load64(deferArgs(L, a))).toBe(0); // cleared, arguments included
    expect(newdefer(w.ctx, pol, 8)).not.toBe(a); //   class 1: not a's
    expect(newdefer(w.ctx, pol, 9)).toBe(a); //       class 2 (9..16 bytes)
    expect(pool.take(16)).toBe(0);

    // 33+ bytes of arguments: class 5, not pooled (left to the GC)
    const big = newdefer(w.ctx, pol, 40);
    w.space.store64(big + L.siz, 40);
    freedefer(w.ctx, pol, big);
    expect(pool.take(40)).toBe(0);
    expect(w.heap.findObject(big)).toBe(big); // still allocated: only a GC frees it
  });

  test('record sizes: header plus the argument block rounded to words', () => {
    const w = makeWorld(pol);
    expect(totaldefersize(L, 0)).toBe(L.header);
    expect(totaldefersize(L, 13)).toBe(L.header + 16);
    expect(totaldefersize(L, 4112)).toBe(L.header + 4112);
    const d = newdefer(w.ctx, pol, 4112);
    expect(w.heap.objectSize(d)).toBeGreaterThanOrEqual(L.header + 4112);
  });

  // deferproc and deferreturn use unchecked word accesses only where they first prove the record and the argument
  // area mapped and aligned; a record running into unmapped memory must fault where the checked accesses do.
  test('a record whose arguments run into an unmapped page faults at that page, as a checked copy does', () => {
    const w = makeWorld(pol);
    const g = w.newG();
    const sp = g.sp;
    const region = w.space.mapRegion(2 * PageSize);
    w.space.unmapRegion(region + PageSize, PageSize);
    const d = region + PageSize - L.header; // header mapped, arguments on the unmapped page
    w.space.store64(d + L.siz, 16);
    w.space.store64(d + L.argp, sp);
    w.space.store64(d + L.fn, w.fv('main.deferred'));
    g._defer = d;
    expect(() => deferreturn(w.ctx, pol, g, sp)).toThrow(
      expect.objectContaining({ addr: region + PageSize, kind: 'unmapped', write: false }),
    );
    g._defer = region + PageSize; // a record wholly on the unmapped page: the first load (its argp) faults
    expect(() => deferreturn(w.ctx, pol, g, sp)).toThrow(
      expect.objectContaining({ addr: region + PageSize + L.argp, size: 8, kind: 'unmapped' }),
    );
  });

  test('deferproc into a record a variant allocates on an unmapped page faults at its first store (siz)', () => {
    const w = makeWorld(pol);
    const g = w.newG();
    const region = w.space.mapRegion(PageSize);
    w.space.unmapRegion(region, PageSize);
    const variant = { ...pol, allocDefer: () => region };
    expect(() => deferproc(w.ctx, variant, g, g.sp, w.fv('main.deferred'), 16, 0)).toThrow(
      expect.objectContaining({ addr: region + L.siz, size: 8, write: true, kind: 'unmapped' }),
    );
  });
});

test('deferclass and DeferPool: classes 0..4 (0..32 bytes) are pooled, clear() empties the pool', () => {
  expect([0, 1, 8, 9, 16, 32, 33].map(deferclass)).toEqual([0, 1, 1, 2, 2, 4, 5]);
  expect(DeferClasses).toBe(5);
  const pool = new DeferPool();
  expect(pool.put(0x1000, 32)).toBe(true);
  expect(pool.put(0x2000, 33)).toBe(false);
  expect(pool.put(0x3000, 25)).toBe(true);
  expect(pool.take(32)).toBe(0x3000); // LIFO within a class
  pool.clear();
  expect(pool.take(32)).toBe(0);
});

test('old allocation is one untyped block (heap.objectType = -1): the GC can only scan it conservatively', () => {
  const w = makeWorld(deferpanicOld);
  const d = newdefer(w.ctx, deferpanicOld, 16);
  expect(w.heap.objectType(d)).toBe(-1);
  expect(w.heap.objectTypedBytes(d)).toBe(0);
  expect(DeferOld.header).toBe(48);
});

test('new allocation is typed only for the header: objectTypedBytes == header size, the arguments are outside the type', () => {
  const w = makeWorld(deferpanicNew);
  for (const siz of [0, 16, 4112]) {
    const d = newdefer(w.ctx, deferpanicNew, siz);
    expect(w.heap.objectType(d)).toBe(w.ctx.deferHeaderType);
    expect(w.heap.objectTypedBytes(d)).toBe(DeferNew.header);
    const t = w.heap.typeOf(w.ctx.deferHeaderType);
    // fn, _panic and link are the pointer words; argp and pc are uintptr
    expect(Array.from({ length: t.size / 8 }, (_, i) => (t.ptrmask[i >> 3]! >> (i & 7)) & 1)).toEqual([0, 0, 0, 0, 1, 1, 1]);
  }
});

test('on-stack (special) records are not freed: memory untouched, pool unchanged', () => {
  const w = makeWorld(deferpanicOld);
  const g = w.newG();
  const dabort = g.sp + 64;
  w.space.store64(dabort + DeferOld.siz, 8);
  w.space.store8(dabort + DeferOld.special, 1);
  w.space.store64(dabort + DeferOld.fn, 0x1234);
  freedefer(w.ctx, deferpanicOld, dabort);
  expect(w.space.load8(dabort + DeferOld.special)).toBe(1);
  expect(w.space.load64(dabort + DeferOld.fn)).toBe(0x1234);
  expect(w.ctx.deferPool.take(8)).toBe(0);
});
