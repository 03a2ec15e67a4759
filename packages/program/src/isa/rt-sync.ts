// Runtime functions of packages sync and sync/atomic (Go 1.19's sync/runtime.go declarations, implemented in
// runtime/sema.go and runtime/panic.go; the atomics are the compiler's intrinsics there, plain runtime
// functions here). Each parameter and result is one 8-byte-aligned slot of its Go type's size.

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

const u32p = (name: string): SlotSpec => ({ name, size: 8, ptr: [0] });
const b = (name: string): SlotSpec => ({ name, size: 1 });
const i = (name: string, size: number): SlotSpec => ({ name, size });
const str = (name: string): SlotSpec => ({ name, size: 16, ptr: [0] });

const sema = (name: string, line: number, params: readonly SlotSpec[]): RtFuncSpec => ({ name: `sync.${name}`, file: 'runtime/sema.go', line, params, results: [] });

/** notifyList (sync.Cond's): wait, notify uint32; lock, head, tail (gosim: uintptr words the runtime owns). */
export const NotifyList = { wait: 0, notify: 4, lock: 8, head: 16, tail: 24, size: 32 } as const;

/** The atomics: `sync/atomic.{Add,Load,Store,Swap,CompareAndSwap}{Int,Uint}{32,64}` and the Uintptr forms. */
function atomics(): RtFuncSpec[] {
  const out: RtFuncSpec[] = [];
  const kinds: [string, number][] = [['Int32', 4], ['Uint32', 4], ['Int64', 8], ['Uint64', 8], ['Uintptr', 8]];
  const f = (name: string, params: SlotSpec[], results: SlotSpec[]): RtFuncSpec => ({ name: `sync/atomic.${name}`, file: 'sync/atomic/asm.s', line: 1, params, results });
  for (const [k, n] of kinds) {
    out.push(f(`Add${k}`, [u32p('addr'), i('delta', n)], [i('new', n)]));
    out.push(f(`Load${k}`, [u32p('addr')], [i('val', n)]));
    out.push(f(`Store${k}`, [u32p('addr'), i('val', n)], []));
    out.push(f(`Swap${k}`, [u32p('addr'), i('new', n)], [i('old', n)]));
    out.push(f(`CompareAndSwap${k}`, [u32p('addr'), i('old', n), i('new', n)], [b('swapped')]));
  }
  return out;
}

export const syncFuncs: readonly RtFuncSpec[] = [
  sema('runtime_Semacquire', 62, [u32p('s')]),
  sema('runtime_SemacquireMutex', 77, [u32p('s'), b('lifo'), i('skipframes', 8)]),
  sema('runtime_Semrelease', 72, [u32p('s'), b('handoff'), i('skipframes', 8)]),
  { name: 'sync.runtime_notifyListAdd', file: 'runtime/sema.go', line: 483, params: [u32p('l')], results: [i('t', 4)] },
  { name: 'sync.runtime_notifyListWait', file: 'runtime/sema.go', line: 517, params: [u32p('l'), i('t', 4)], results: [] },
  { name: 'sync.runtime_notifyListNotifyAll', file: 'runtime/sema.go', line: 529, params: [u32p('l')], results: [] },
  { name: 'sync.runtime_notifyListNotifyOne', file: 'runtime/sema.go', line: 562, params: [u32p('l')], results: [] },
  { name: 'sync.fatal', file: 'runtime/panic.go', line: 1031, params: [str('s')], results: [] },
  { name: 'sync.throw', file: 'runtime/panic.go', line: 1026, params: [str('s')], results: [] },
  ...atomics(),
];
