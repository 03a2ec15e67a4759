// The _defer and _panic records, field offsets declared once. Every package reads records through these.

/** A _defer record's layout. Fields a layout lacks are -1. */
export interface DeferLayout {
  /** Labels the layout only (nothing branches on it). */
  readonly name: string;
  readonly siz: number; //     bytes of arguments (scalar)
  readonly started: number; // new: byte, the deferred call has begun (scalar)
  readonly special: number; // old: byte, the record is not on the heap (dabort) (scalar)
  readonly heap: number; //    go1.13: byte, the record came from the heap (0: a frame's stack record) (scalar)
  readonly argp: number; //    the deferring frame's sp at the defer statement (uintptr: scalar)
  readonly pc: number; //      return PC of the deferproc call (uintptr: scalar)
  readonly fn: number; //      *funcval
  readonly panic: number; //   new: *_panic running this defer
  readonly link: number; //    *_defer
  readonly openDefer: number; // go1.14: byte, the record stands for a frame's open-coded defers (scalar)
  readonly fd: number; //      go1.14: the frame's function's OpenCodedDeferInfo (the model: its entry PC; scalar)
  readonly varp: number; //    go1.14: the frame's varp (uintptr: scalar to the GC, adjusted by copystack)
  readonly framepc: number; // go1.14: the frame's pc, to continue a stack scan from it (scalar)
  /** Size of the header; the argument block starts here (deferArgs(d)). */
  readonly header: number;
  /** Pointer words of the header (for a typed allocation and precise scans). */
  readonly ptrWords: readonly number[];
}

/** Go before CL 141490043: siz, special, argp, pc, fn, link, args... in one untyped block. */
export const DeferOld: DeferLayout = {
  name: 'old', siz: 0, special: 8, started: -1, heap: -1, argp: 16, pc: 24, fn: 32, panic: -1, link: 40,
  openDefer: -1, fd: -1, varp: -1, framepc: -1, header: 48, ptrWords: [4, 5],
};

/** Go at the CL: siz, started, argp, pc, fn, _panic, link as a typed header; the arguments follow it. */
export const DeferNew: DeferLayout = {
  name: 'new', siz: 0, started: 8, special: -1, heap: -1, argp: 16, pc: 24, fn: 32, panic: 40, link: 48,
  openDefer: -1, fd: -1, varp: -1, framepc: -1, header: 56, ptrWords: [4, 5, 6],
};

/**
 * Go 1.13: the new header plus `heap` (Go's `siz int32; started, heap bool; sp, pc, fn, _panic, link`). In the
 * model's offsets siz keeps a whole word and the two bools follow it (started 8, heap 9); `argp` is Go 1.13's `sp`.
 * A record is a heap object (heap = 1) or a temporary of the deferring frame (heap = 0, all scalars to the
 * frame's pointer maps: copystack and the GC reach it only through g._defer).
 */
export const DeferGo113: DeferLayout = {
  name: 'go1.13', siz: 0, started: 8, heap: 9, special: -1, argp: 16, pc: 24, fn: 32, panic: 40, link: 48,
  openDefer: -1, fd: -1, varp: -1, framepc: -1, header: 56, ptrWords: [4, 5, 6],
};

/**
 * Go 1.22's _defer as the go1.22 piece keeps it: siz, sp (the model's argp), pc, fn, link as a typed header, the
 * arguments after it (1.22 has no arguments, its fn is a closure; the model keeps them in the record). No
 * started flag and no _panic: a record is off the list before its call runs. (1.22's heap, rangefunc and head
 * fields have no use here: records are always heap-allocated, and there is no range-over-func.)
 */
export const Defer122: DeferLayout = {
  name: 'go1.22', siz: 0, started: -1, special: -1, heap: -1, argp: 8, pc: 16, fn: 24, panic: -1, link: 32,
  openDefer: -1, fd: -1, varp: -1, framepc: -1, header: 40, ptrWords: [3, 4],
};

/**
 * Go 1.14: Go 1.13's record plus `openDefer` (byte 10) and, after link, `fd`, `varp`, `framepc` (Go's `siz int32;
 * started, heap, openDefer bool; sp, pc; fn; _panic; link; fd unsafe.Pointer; varp, framepc uintptr`). A record
 * with openDefer stands for all the open-coded defers of one frame: made by addOneOpenDeferFrame when gopanic or
 * Goexit scans the stack, a heap record whose argument area (siz = the funcdata's maxArgSize) takes each call's
 * arguments before reflectcall; fn is set only while one of its calls runs. fd is an unsafe.Pointer into funcdata
 * in Go; the model's funcdata lives in the function table, so fd holds the function's entry PC (never a heap or
 * stack address). varp is where the frame's slot offsets count down from (sp + frameSize): a stack address that
 * copystack=go1.14 adjusts.
 */
export const DeferGo114: DeferLayout = {
  name: 'go1.14', siz: 0, started: 8, heap: 9, openDefer: 10, special: -1, argp: 16, pc: 24, fn: 32, panic: 40, link: 48,
  fd: 56, varp: 64, framepc: 72, header: 80, ptrWords: [4, 5, 6],
};

/** deferArgs(d): where a record's argument block starts. */
export const deferArgs = (l: DeferLayout, d: number): number => d + l.header;

/**
 * The _panic record, a local of gopanic's frame (so it lives on the goroutine stack):
 * argp, arg (interface{}: type, data), link, recovered, aborted, and `defer` (the running record),
 * which only the old policy writes; under the new one it stays nil.
 */
export const Panic = {
  argp: 0, //      pointer: the argp of the deferred call being run (gorecover compares against it)
  argType: 8, //   the panic value's type id (scalar)
  argData: 16, //  the panic value's data pointer
  link: 24, //     *_panic: the panic this one interrupted
  recovered: 32, // byte
  aborted: 33, //  byte
  goexit: 34, //   byte: Go 1.19's marker for the record Goexit pushes (not printed)
  defer: 40, //    old policy: *_defer being run
  size: 48,
  /** Pointer words within the record: argp, arg.data, link, defer. */
  ptrWords: [0, 2, 3, 5],
} as const;

/** Go's NoArgs: the argp of a record that belongs to no frame (dabort). All ones. */
export const NoArgs = -1;

/**
 * Go 1.22's _panic record, the deferpanic=go1.22 piece's (a local of gopanic's or Goexit's frame). Its first
 * 48 bytes are Panic's, so printpanics, gorecover, reflectcall's argp adjustment and the traceback pieces read
 * any record through the same offsets; 1.22 writes neither `aborted` nor `defer` (a panic is unwound by the
 * position of its frame, not by a mark, and a running record is already off the list). Then the iterator:
 * startSP/startPC, where p.start was called (gopanic's or Goexit's sp, and the pc its loop resumes at);
 * sp/fp, the frame whose records are being run and its caller's sp; lr, the return PC into that caller
 * (0: no frames left); retpc, where the deferring frame resumes if the call just returned from recovers.
 * sp, fp and startSP are pointer words (1.22 made them unsafe.Pointer) so a stack copy adjusts them with the
 * frame. deferreturn is declared but stays false: the model's deferreturn is the shared one, not an iterator.
 * Go 1.22's open-coded defer state (deferBitsPtr, slotsPtr) has no counterpart: go1.22's codegen does not open-code
 * (variant go1.14 does).
 */
export const Panic122 = {
  argp: Panic.argp,
  argType: Panic.argType,
  argData: Panic.argData,
  link: Panic.link,
  recovered: Panic.recovered,
  goexit: Panic.goexit,
  deferreturn: 35, // byte
  startSP: 48, //    pointer
  sp: 56, //         pointer
  fp: 64, //         pointer
  lr: 72, //         code address (scalar)
  startPC: 80, //    code address (scalar)
  retpc: 88, //      code address (scalar)
  size: 96,
  /** Pointer words: Panic's, then startSP, sp, fp. */
  ptrWords: [...Panic.ptrWords, 6, 7, 8],
} as const;
