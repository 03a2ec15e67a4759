import type { RuntimeEvent } from '../src/index.js';
import { runModule } from '../src/index.js';
import { deepPointers } from './programs.js';

const expected = (depth: number, x: number) => `${x + (depth * (depth + 1)) / 2}\n`;

describe('pointers to outer frames survive stack growth (adjustframe uses the maps)', () => {
  test.each([
    [300, 7, 1024],
    [120, -3, 2000],
    [1000, 11, 40],
  ])('depth %i, x=%i, frame pad %i bytes', (depth, x, pad) => {
    const events: RuntimeEvent[] = [];
    const r = runModule(deepPointers(depth, x, pad), { onEvent: (e) => events.push(e) });
    expect(r.stderr).toBe(expected(depth, x));
    const copies = events.filter((e) => e.kind === 'stack-copied');
    expect(copies.length).toBeGreaterThanOrEqual(Math.floor(Math.log2((depth * (pad + 64)) / 2048)));
    // each growth rewrote the argument p of every frame above the copy point
    expect(events.some((e) => e.kind === 'pointer-adjusted' && e.where === 'main.rec')).toBe(true);
  });

  test('with a stack move at every safe point and StackPoisonCopy', () => {
    let moves = 0;
    const r = runModule(deepPointers(80, 5, 512), {
      copyStackEvery: 1,
      stackPoisonCopy: true,
      onEvent: (e) => { if (e.kind === 'stack-copied') moves++; },
    });
    expect(r.stderr).toBe(expected(80, 5));
    expect(moves).toBeGreaterThanOrEqual(81); // one per call (each prologue is a safe point)
  });

  test('with fault-on-free: a stale pointer would fault, none does', () => {
    const r = runModule(deepPointers(200, 1, 1024), { stackFaultOnFree: true, copyStackEvery: 7 });
    expect(r.stderr).toBe(expected(200, 1));
    expect(r.exitCode).toBe(0);
  });
});
