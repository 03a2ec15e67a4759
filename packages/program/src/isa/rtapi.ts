// Opcodes for runtime functions (numbers 220-239; see ../isa.ts for the operand letters), package runtime's API
// (the first group of the registry, rtfuncs.ts) and the layouts of the runtime's structs those functions read
// and write.
//
// Each runtime function is a real function (defined when the program calls it: runtime/src/rtfuncs.ts) whose
// body is `RTAPI fn, argp`: its frame shows in tracebacks and in runtime.Callers as Go's does. Parameters and
// results are laid out as every call's (layoutSlots of params ++ results, 8-byte slots).

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

export const RtapiOp = {
  RTAPI: 220, //  I fn, I argp          run runtime function fn (index in rtFuncs) on its argument block at sp + argp
  RUNFINQ: 221, // S fv, S state        runfinq's step: the next queued finalizer call set up in the outgoing area
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const rtapiShapes: Readonly<Record<number, string>> = {
  [RtapiOp.RTAPI]: 'II-',
  [RtapiOp.RUNFINQ]: 'SS-',
};

const w = (name: string, ptr: readonly number[] = []): SlotSpec => ({ name, size: 8, ptr });
const str = (name: string): SlotSpec => ({ name, size: 16, ptr: [0] });
const eface = (name: string): SlotSpec => ({ name, size: 16, ptr: [1] });
const slice = (name: string): SlotSpec => ({ name, size: 24, ptr: [0] });

/** runtime.Frame (Go 1.19): PC, Func, Function, File, Line, Entry, funcInfo {_func, datap}. */
export const Frame = { PC: 0, Func: 8, Function: 16, File: 32, Line: 48, Entry: 56, funcInfo: 64, size: 80, ptrWords: [1, 2, 4, 8, 9] } as const;
/** runtime.Frames: callers []uintptr, frames []Frame, frameStore [2]Frame. */
export const Frames = {
  callers: 0, frames: 24, frameStore: 48, size: 208,
  ptrWords: [0, 3, ...Frame.ptrWords.map((x) => 6 + x), ...Frame.ptrWords.map((x) => 16 + x)],
} as const;
/** gosim's _func record that a *runtime.Func points to (a non-GC region): entry, name, file. */
export const FuncRec = { entry: 0, name: 8, file: 24, size: 40 } as const;

/** runtime.MemStats (Go 1.19): byte offsets of the fields gosim fills; 5776 bytes, no pointers. */
export const MemStats = {
  Alloc: 0, TotalAlloc: 8, Sys: 16, Lookups: 24, Mallocs: 32, Frees: 40,
  HeapAlloc: 48, HeapSys: 56, HeapIdle: 64, HeapInuse: 72, HeapReleased: 80, HeapObjects: 88,
  StackInuse: 96, StackSys: 104, MSpanInuse: 112, MSpanSys: 120, MCacheInuse: 128, MCacheSys: 136,
  BuckHashSys: 144, GCSys: 152, OtherSys: 160, NextGC: 168, LastGC: 176, PauseTotalNs: 184,
  PauseNs: 192, PauseEnd: 2240, NumGC: 4288, NumForcedGC: 4292, GCCPUFraction: 4296, EnableGC: 4304, DebugGC: 4305,
  BySize: 4312, bySizeEntry: 24, bySizeCount: 61, size: 5776,
} as const;

/** Package runtime's API functions, by RtFn number (the registry's first group: its indexes are these). */
export const runtimeApiFuncs: readonly RtFuncSpec[] = [
  { name: 'runtime.Caller', file: 'runtime/extern.go', line: 219, params: [w('skip')], results: [w('pc'), str('file'), w('line'), w('ok')] },
  { name: 'runtime.Callers', file: 'runtime/extern.go', line: 247, params: [w('skip'), slice('pc')], results: [w('n')] },
  { name: 'runtime.CallersFrames', file: 'runtime/symtab.go', line: 67, params: [slice('callers')], results: [w('frames', [0])] },
  { name: 'runtime.(*Frames).Next', file: 'runtime/symtab.go', line: 82, params: [w('ci', [0])], results: [{ name: 'frame', size: Frame.size, ptr: Frame.ptrWords }, w('more')] },
  { name: 'runtime.FuncForPC', file: 'runtime/symtab.go', line: 719, params: [w('pc')], results: [w('f', [0])] },
  { name: 'runtime.(*Func).Name', file: 'runtime/symtab.go', line: 747, params: [w('f', [0])], results: [str('name')] },
  { name: 'runtime.(*Func).Entry', file: 'runtime/symtab.go', line: 760, params: [w('f', [0])], results: [w('entry')] },
  { name: 'runtime.(*Func).FileLine', file: 'runtime/symtab.go', line: 773, params: [w('f', [0]), w('pc')], results: [str('file'), w('line')] },
  { name: 'runtime.SetFinalizer', file: 'runtime/mfinal.go', line: 342, params: [eface('obj'), eface('finalizer')], results: [] },
  { name: 'runtime.ReadMemStats', file: 'runtime/mstats.go', line: 356, params: [w('m', [0])], results: [] },
  { name: 'runtime.GOMAXPROCS', file: 'runtime/debug.go', line: 17, params: [w('n')], results: [w('r')] },
  { name: 'runtime.NumCPU', file: 'runtime/debug.go', line: 43, params: [], results: [w('n')] },
  { name: 'runtime.NumGoroutine', file: 'runtime/debug.go', line: 57, params: [], results: [w('n')] },
  { name: 'runtime.Version', file: 'runtime/extern.go', line: 277, params: [], results: [str('v')] },
  { name: 'runtime.Breakpoint', file: 'runtime/proc.go', line: 4367, params: [], results: [] },
  // a call is no call (lower/rtapi.ts); the function exists for `defer runtime.KeepAlive(x)` and value uses
  { name: 'runtime.KeepAlive', file: 'runtime/mfinal.go', line: 485, params: [eface('x')], results: [] },
];

/** RtFn numbers (indexes into runtimeApiFuncs and rtFuncs). */
export const RtFn = {
  Caller: 0, Callers: 1, CallersFrames: 2, FramesNext: 3, FuncForPC: 4, FuncName: 5, FuncEntry: 6, FuncFileLine: 7,
  SetFinalizer: 8, ReadMemStats: 9, GOMAXPROCS: 10, NumCPU: 11, NumGoroutine: 12, Version: 13, Breakpoint: 14,
  KeepAlive: 15,
} as const;

/** The model's machine (GOMAXPROCS's default and NumCPU): a fixed 2-CPU linux/amd64. */
export const ModelNumCPU = 2;
