// Runtime functions of package time (Go 1.19's time/sleep.go and time/time.go declarations, implemented in
// runtime/time.go and, on the virtual clock, runtime/time_fake.go), and the layout of the runtime timer.

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

const w = (name: string, ptr: readonly number[] = []): SlotSpec => ({ name, size: 8, ptr });
const b = (name: string): SlotSpec => ({ name, size: 1 });
const eface = (name: string): SlotSpec => ({ name, size: 16, ptr: [1] });

/**
 * time.runtimeTimer (Go 1.19's layout): pp, when, period, f (func(any, uintptr)), arg (any), seq, nextwhen,
 * status. gosim's runtime keeps `pp` nonzero while the timer is in its heap.
 */
export const RuntimeTimer = { pp: 0, when: 8, period: 16, f: 24, arg: 32, seq: 48, nextwhen: 56, status: 64, size: 72, ptrWords: [3, 5] } as const;

export const timeFuncs: readonly RtFuncSpec[] = [
  { name: 'time.Sleep', file: 'runtime/time.go', line: 195, params: [w('ns')], results: [] },
  { name: 'time.startTimer', file: 'runtime/time.go', line: 212, params: [w('t', [0])], results: [] },
  { name: 'time.stopTimer', file: 'runtime/time.go', line: 223, params: [w('t', [0])], results: [b('ok')] },
  { name: 'time.resetTimer', file: 'runtime/time.go', line: 232, params: [w('t', [0]), w('when')], results: [b('ok')] },
  { name: 'time.now', file: 'runtime/time_fake.go', line: 41, params: [], results: [w('sec'), { name: 'nsec', size: 4 }, w('mono')] },
  { name: 'time.runtimeNano', file: 'runtime/time_fake.go', line: 36, params: [], results: [w('ns')] },
  // gosim's timer goroutine (Go <= 1.13's timerproc): parks until a fired timer's call f(arg, seq) is due
  { name: 'time.timerWait', file: 'runtime/time.go', line: 248, params: [], results: [w('f', [0]), eface('arg'), w('seq')] },
  { name: 'time.timerInit', file: 'runtime/time.go', line: 211, params: [w('proc', [0])], results: [] },
];
