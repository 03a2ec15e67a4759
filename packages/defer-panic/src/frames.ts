// Frame layouts of the runtime functions that run deferred calls: gopanic, Goexit and callNN
// (reflectcall). Their locals are real frame slots with pointer maps, so traceback, the GC and
// copystack see the Panic record, the dabort record and the cursor variables exactly as Go's did.

import { Panic, Panic122 } from './layout.js';

/** gopanic(e interface{}): byte offsets from its sp. */
export const PanicFrame = {
  // outgoing area: reflectcall's arguments (fn, arg, siz), described by callNN's argument map
  outFn: 0,
  outArg: 8,
  outSiz: 16,
  rc: 24, //     the callNN funcval to call (static: scalar)
  more: 32, //   byte: a deferred call is set up
  open: 33, //   byte, go1.14: d is a frame's open-coded defer record whose calls are being run (runOpenDeferFrame)
  d: 40, //      *_defer being run (pointer)
  argp: 48, //   the recovering frame's sp (pointer, so a copy adjusts it)
  pc: 56, //     the recovering frame's resume pc (pointer-typed only under the old policy)
  p: 64, //      the _panic record (go1.22's Panic122 spans 64..160, over the dabort it does not use)
  dabort: 112, // old policy: the on-stack _defer that marks this panic aborted (old header + 1 arg word)
  size: 168,
} as const;

/** Pointer words of gopanic's locals that both policies share: d, argp, and p's pointer fields. */
export const panicFrameCommonPtrWords: readonly number[] = [
  PanicFrame.d / 8,
  PanicFrame.argp / 8,
  ...Panic.ptrWords.map((w) => PanicFrame.p / 8 + w),
];

/**
 * Goexit(): byte offsets from its sp. `p` is Go 1.19's _panic record marked goexit, on g._panic while Goexit
 * runs; `pc` is where a recovery that would bypass the Goexit resumes its loop instead (Go's p.pc, saved by
 * deferCallSave): right after the call of the deferred function. `p` has room for the largest record layout
 * (Panic122); under a 48-byte Panic the words past it stay as the prologue zeroed them. `open` is PanicFrame's.
 */
export const GoexitFrame = { outFn: 0, outArg: 8, outSiz: 16, rc: 24, more: 32, open: 33, d: 40, pc: 48, p: 56, size: 56 + Panic122.size } as const;

/** Pointer words of Goexit's locals: d and the record's pointer fields (pc is a code address: scalar). */
export const goexitFramePtrWords: readonly number[] = [GoexitFrame.d / 8, ...Panic122.ptrWords.map((w) => GoexitFrame.p / 8 + w)];

/** callNN(fn *funcval, arg *byte, siz uintptr): argument offsets (from its argp). */
export const CallArgs = { fn: 0, arg: 8, siz: 16, size: 24, ptrWords: [0, 1] } as const;

/** Go's reflectcall sizes: call16 ... call1073741824. */
export const MinCallOrder = 4;
export const MaxCallOrder = 30;

/** The callNN order (log2 NN) for an argument block: the smallest power of two >= siz, at least 16. */
export function callOrder(siz: number): number {
  let o = MinCallOrder;
  while (1 << o < siz) o++;
  return o;
}
