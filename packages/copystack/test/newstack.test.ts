import { GoThrow } from '@gosim/stack';
import { newstack, shrinkstack } from '../src/index.js';
import { buildStack, makeWorld, newPieces, type WorldOpts } from './world.js';

/** A goroutine on an n-byte stack: main.d1 → main.d2 (80 bytes used), or main.main alone (4280 bytes). */
function goroutine(n: number, opts: WorldOpts = {}, big = false) {
  const w = makeWorld(newPieces, opts);
  const frames = big ? [{ name: 'main.main', at: 3 }] : [{ name: 'main.d1', at: 3 }, { name: 'main.d2', at: 4 }];
  const { g } = buildStack(w, frames, { n });
  return { w, g };
}

test('newstack doubles the stack', () => {
  const { w, g } = goroutine(8192);
  const used = g.hi - g.sp;
  newstack(w.ctx, g);
  expect(g.hi - g.lo).toBe(16384);
  expect(g.hi - g.sp).toBe(used);
  expect(w.events.at(-1)).toMatchObject({ kind: 'stack-copied', why: 'grow' });
});

test('newstack past maxStack prints the two runtime: lines and throws "stack overflow", leaving the stack alone', () => {
  const { w, g } = goroutine(8192, { maxStack: 8192 });
  const [lo, hi, sp] = [g.lo, g.hi, g.sp];
  expect(() => newstack(w.ctx, g)).toThrow(new GoThrow('stack overflow'));
  expect(w.printed).toEqual([
    'runtime: goroutine stack exceeds 8192-byte limit\n',
    `runtime: sp=0x${sp.toString(16)} stack=[0x${lo.toString(16)}, 0x${hi.toString(16)}]\n`,
  ]);
  expect([g.lo, g.hi, g.sp]).toEqual([lo, hi, sp]);
});

test('a doubled size equal to maxStack is allowed', () => {
  const { w, g } = goroutine(8192, { maxStack: 16384 });
  newstack(w.ctx, g);
  expect(g.hi - g.lo).toBe(16384);
});

describe('shrinkstack', () => {
  test('halves a stack that uses less than a quarter of it', () => {
    const { w, g } = goroutine(32768);
    expect(g.hi - g.sp).toBeLessThan(32768 / 4);
    const used = g.hi - g.sp;
    expect(shrinkstack(w.ctx, g)).toBe(true);
    expect(g.hi - g.lo).toBe(16384);
    expect(g.hi - g.sp).toBe(used);
    expect(w.events.at(-1)).toMatchObject({ kind: 'stack-copied', why: 'shrink' });
  });

  test('does not shrink at a quarter used or more', () => {
    const { w, g } = goroutine(16384, {}, true);
    expect(g.hi - g.sp).toBe(4280);
    expect(shrinkstack(w.ctx, g)).toBe(false);
    expect(g.hi - g.lo).toBe(16384);
    const big = goroutine(32768, {}, true);
    expect(shrinkstack(big.w.ctx, big.g)).toBe(true);
    expect(big.g.hi - big.g.lo).toBe(16384);
  });

  test('never below the minimum stack size', () => {
    const { w, g } = goroutine(8192, { stackMin: 8192 });
    expect(g.hi - g.sp).toBe(80);
    expect(shrinkstack(w.ctx, g)).toBe(false);
    const small = goroutine(2048); // default minimum 2048
    expect(shrinkstack(small.w.ctx, small.g)).toBe(false);
    expect(small.g.hi - small.g.lo).toBe(2048);
  });
});
