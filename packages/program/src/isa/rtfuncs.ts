// The registry of runtime functions: functions a program calls by link name whose bodies are the runtime's
// (`RTAPI fn, argp`, defined when called). Package runtime's API is the first group; a standard package's
// bodyless Go declaration `func runtime_Semacquire(s *uint32)` in package sync is the function
// `sync.runtime_Semacquire` of a later group. Each group is a file rt-<area>.ts beside this one, added to
// rtFuncGroups; the runtime implements each by name (runtime/src/rtfuncs.ts).

import { layoutSlots, type SlotSpec } from '../layout.js';
import { runtimeApiFuncs } from './rtapi.js';
import { osFuncs } from './rt-os.js';
import { syncFuncs } from './rt-sync.js';
import { timeFuncs } from './rt-time.js';
import { sortFuncs } from './rt-sort.js';
import { reflectFuncs } from './rt-reflect.js';

export interface RtFuncSpec {
  /** The link name: `runtime.Caller`, `sync.runtime_Semacquire`. */
  readonly name: string;
  /** The file under $GOROOT/src its frame's traceback line names (`runtime/extern.go`). */
  readonly file: string;
  /** The line go1.19.8's source gives the function's body (a level-2 traceback prints it). */
  readonly line: number;
  readonly params: readonly SlotSpec[];
  readonly results: readonly SlotSpec[];
}

/** The groups, runtime's API first (its RtFn numbers are indexes into rtFuncs). */
export const rtFuncGroups: readonly (readonly RtFuncSpec[])[] = [runtimeApiFuncs, syncFuncs, timeFuncs, osFuncs, sortFuncs, reflectFuncs];

/** Every runtime function; the RTAPI operand is the index. */
export const rtFuncs: readonly RtFuncSpec[] = rtFuncGroups.flat();

const byName = new Map(rtFuncs.map((f, i) => [f.name, i]));
if (byName.size !== rtFuncs.length) throw new Error('rtfuncs: a link name is registered twice');

/** The runtime function's index in rtFuncs, or undefined when no group defines the name. */
export function rtFuncIndex(name: string): number | undefined {
  return byName.get(name);
}

/** Byte offsets of a runtime function's parameters and results in its argument block, by slot name. */
export function rtArgOffsets(fn: number): ReadonlyMap<string, number> {
  const f = rtFuncs[fn]!;
  return layoutSlots([...f.params, ...f.results]).offsets;
}
