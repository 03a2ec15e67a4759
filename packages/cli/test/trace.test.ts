import type { RuntimeEvent } from '@gosim/runtime';
import { formatEvent } from '../src/index.js';

describe('--trace lines', () => {
  test('a stack copy shows both ranges, the bytes in use and why', () => {
    expect(
      formatEvent({ kind: 'stack-copied', goid: 1, oldLo: 0xc000100000, oldHi: 0xc000102000, newLo: 0xc000200000, newHi: 0xc000204000, used: 1234, why: 'grow' }),
    ).toBe('[trace] stack-copied g1 0xc000100000-0xc000102000 -> 0xc000200000-0xc000204000 used=1234 size 8KiB -> 16KiB (grow)');
  });

  test('every event kind gives one line starting with [trace] and its kind', () => {
    const events: RuntimeEvent[] = [
      { kind: 'pointer-adjusted', goid: 1, where: 'defer argp', at: 0x10, from: 0x20, to: 0x30 },
      { kind: 'pointer-stale', goid: 1, where: 'defer arg', at: 0x10, value: 0x20 },
      { kind: 'defer-linked', goid: 2, d: 0x100, fn: 'main.set', argp: 0x200, siz: 16 },
      { kind: 'defer-started', goid: 2, d: 0x100, fn: 'main.set', by: 'panic', onList: true },
      { kind: 'defer-unlinked', goid: 2, d: 0x100, fn: 'main.set', why: 'run' },
      { kind: 'deferred-call-args', goid: 1, fn: 'main.inspect', record: 0x14040, pointers: [0x14000, 0x10f00], stackLo: 0x11000, stackHi: 0x11800 },
      { kind: 'panic-pushed', goid: 1, p: 0x300, value: '1' },
      { kind: 'panic-aborted', goid: 1, p: 0x300 },
      { kind: 'panic-recovered', goid: 1, p: 0x300, sp: 0x400, pc: 0x500 },
      { kind: 'gc-cycle', n: 3, roots: 10, marked: 20, freedObjects: 2, freedBytes: 64, liveBytes: 1024, heapGoal: 4194304, frames: 4, objects: 20, words: 90 },
      { kind: 'goroutine-created', goid: 2, by: 1, fn: 'main.worker' },
      { kind: 'goroutine-blocked', goid: 2, reason: 'chan receive' },
      { kind: 'goroutine-exited', goid: 2 },
      { kind: 'safepoint-forced', goid: 1, at: 13, what: 'copy', fn: 'main.f' },
      { kind: 'defer-returned', goid: 2, d: 0x100, fn: 'main.set' },
      { kind: 'panic-cursor-step', goid: 1, from: 0x11700, link: 0x10f00, stackLo: 0x11000, stackHi: 0x11800 },
      { kind: 'open-defer-taken', goid: 1, d: 0x100, bit: 0, sp: 0x11700, varp: 0x11740, stackLo: 0x11000, stackHi: 0x11800 },
    ];
    for (const e of events) {
      const l = formatEvent(e);
      expect(l.startsWith(`[trace] ${e.kind} `)).toBe(true);
      expect(l).not.toContain('\n');
      expect(l).not.toContain('undefined');
    }
    expect(formatEvent(events[1]!)).toBe('[trace] pointer-stale g1 defer arg at 0x10: 0x20 still points into the old stack');
    expect(formatEvent(events[5]!)).toBe('[trace] deferred-call-args g1 fn=main.inspect record=0x14040 pointers=[0x14000 0x10f00] stack=0x11000-0x11800');
    expect(formatEvent(events[15]!)).toBe('[trace] panic-cursor-step g1 from p=0x11700 link=0x10f00 outside the stack 0x11000-0x11800');
    for (const e of events) expect(formatEvent(e)).not.toContain('{'); // every kind has its own wording, none falls back to JSON
    expect(formatEvent(events[9]!)).toBe('[trace] gc-cycle #3 roots=10 marked=20 freed=2 objects/64B live=1024B goal=4194304B');
  });
});
