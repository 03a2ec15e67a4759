/**
 * Package runtime's API beyond Goexit/GC/Gosched/Callers: its types with Go 1.19's layouts (MemStats, Frame,
 * Frames, Func), its constants, and the signatures of its functions and of the Frames/Func methods. Calls are
 * checked as ordinary calls against these signatures (check/builtins.ts) and lowered as calls of the runtime
 * function of that name (lower/rtapi.ts; the runtime defines it: runtime/src/rtapi.ts).
 */
import type { BuiltinName, ConstObj } from '../objects.js';
import type { NamedType, Signature, StructField, StructType, Type } from '../types.js';
import { emptyInterface, layoutStruct, T } from '../types.js';
import { noPos } from '../diagnostics.js';

const struct = (fields: [string, Type][]): StructType => {
  const s: StructType = { kind: 'struct', fields: fields.map(([name, type]): StructField => ({ name, type, offset: 0 })), laidOut: false };
  layoutStruct(s);
  return s;
};
const named = (name: string, underlying: Type): NamedType => ({ kind: 'named', pkg: 'runtime', name, underlying });
const ptr = (elem: Type): Type => ({ kind: 'pointer', elem });
const arr = (len: number, elem: Type): Type => ({ kind: 'array', len, elem });
const u64 = (names: string): [string, Type][] => names.split(' ').map((n) => [n, T.uint64]);

/** runtime.Func: opaque (a *Func points at the runtime's record of a function). */
export const funcType = named('Func', struct([['opaque', struct([])]]));
/** runtime.Frame (80 bytes). */
export const frameType = named('Frame', struct([
  ['PC', T.uintptr], ['Func', ptr(funcType)], ['Function', T.string], ['File', T.string], ['Line', T.int], ['Entry', T.uintptr],
  ['funcInfo', struct([['_func', ptr(T.uint8)], ['datap', ptr(T.uint8)]])],
]));
/** runtime.Frames (208 bytes). */
export const framesType = named('Frames', struct([
  ['callers', { kind: 'slice', elem: T.uintptr }], ['frames', { kind: 'slice', elem: frameType }], ['frameStore', arr(2, frameType)],
]));
/** runtime.MemStats (5776 bytes). */
export const memStatsType = named('MemStats', struct([
  ...u64('Alloc TotalAlloc Sys Lookups Mallocs Frees HeapAlloc HeapSys HeapIdle HeapInuse HeapReleased HeapObjects'),
  ...u64('StackInuse StackSys MSpanInuse MSpanSys MCacheInuse MCacheSys BuckHashSys GCSys OtherSys NextGC LastGC PauseTotalNs'),
  ['PauseNs', arr(256, T.uint64)], ['PauseEnd', arr(256, T.uint64)], ['NumGC', T.uint32], ['NumForcedGC', T.uint32],
  ['GCCPUFraction', T.float64], ['EnableGC', T.bool], ['DebugGC', T.bool],
  ['BySize', arr(61, struct([['Size', T.uint32], ['Mallocs', T.uint64], ['Frees', T.uint64]]))],
]));

export const runtimeTypes: ReadonlyMap<string, NamedType> = new Map([
  ['Func', funcType], ['Frame', frameType], ['Frames', framesType], ['MemStats', memStatsType],
]);

/** GOOS and GOARCH are typed string constants; Compiler an untyped one. */
export function runtimeConst(name: string): ConstObj | undefined {
  const c = (type: Type, v: string): ConstObj => ({ kind: 'const', name, type, value: { kind: 'string', value: v }, pos: noPos() });
  switch (name) {
    case 'GOOS': return c(T.string, 'linux');
    case 'GOARCH': return c(T.string, 'amd64');
    case 'Compiler': return c(T.untypedString, 'gc');
    default: return undefined;
  }
}

const sig = (params: Type[], results: Type[]): Signature => ({ kind: 'func', params, results, variadic: false });

/** Signatures of the API functions; a method's receiver is its first parameter. */
const apiSigs: Record<string, Signature> = {
  'runtime.Caller': sig([T.int], [T.uintptr, T.string, T.int, T.bool]),
  'runtime.CallersFrames': sig([{ kind: 'slice', elem: T.uintptr }], [ptr(framesType)]),
  'runtime.(*Frames).Next': sig([ptr(framesType)], [frameType, T.bool]),
  'runtime.FuncForPC': sig([T.uintptr], [ptr(funcType)]),
  'runtime.(*Func).Name': sig([ptr(funcType)], [T.string]),
  'runtime.(*Func).Entry': sig([ptr(funcType)], [T.uintptr]),
  'runtime.(*Func).FileLine': sig([ptr(funcType), T.uintptr], [T.string, T.int]),
  'runtime.SetFinalizer': sig([emptyInterface, emptyInterface], []),
  'runtime.KeepAlive': sig([emptyInterface], []),
  'runtime.ReadMemStats': sig([ptr(memStatsType)], []),
  'runtime.GOMAXPROCS': sig([T.int], [T.int]),
  'runtime.NumCPU': sig([], [T.int]),
  'runtime.NumGoroutine': sig([], [T.int]),
  'runtime.Version': sig([], [T.string]),
  'runtime.Breakpoint': sig([], []),
};

/** The API function's signature (receiver first for a method), or undefined for other builtins. */
export function apiSignature(name: BuiltinName): Signature | undefined {
  return apiSigs[name];
}

/** Package-level functions of the API (runtime.X). */
export function isApiFunc(name: string): boolean {
  return `runtime.${name}` in apiSigs;
}

/** The builtin standing for method `name` of runtime type t (`*Frames`, `*Func`), if the API has one. */
export function apiMethod(t: Type, name: string): BuiltinName | undefined {
  const recv = t.kind === 'pointer' ? t.elem : t;
  if (recv !== framesType && recv !== funcType) return undefined;
  const full = `runtime.(*${(recv as NamedType).name}).${name}`;
  return full in apiSigs ? (full as BuiltinName) : undefined;
}

/** The same signature without its receiver (the method's type as a selector sees it). */
export function methodSig(s: Signature): Signature {
  return { ...s, params: s.params.slice(1) };
}
