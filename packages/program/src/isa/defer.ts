// Opcodes of defer statements lowered for a record in the frame (numbers 210-219; see ../isa.ts for the letters),
// and the compile options ("codegen") a deferpanic piece asks the compiler for.

export const DeferOp = {
  // S d, S fv, I siz   Go 1.13's deferprocStack for a defer statement outside any loop: d is a frame temporary of
  //                    the deferring function (all scalars: no pointer map covers it), at least recordHeader + siz
  //                    bytes, live to the function's end. The op does the compiler's stores (siz, fn = fv, the siz
  //                    argument bytes from [sp, sp+siz) after the header), then deferprocStack: started = heap = 0,
  //                    _panic = 0, sp and pc (the return PC of this instruction), linked at the head of g._defer;
  //                    ret = 0.
  DEFERPROCSTACK: 210,
  // Go 1.14's open-coded defers (a function with OpenDeferInfo): its deferBits byte is the frame slot a.
  // S bits, I i         bits |= 1 << i (the defer statement i, after its closure and arguments are in their slots)
  DEFERBITSET: 211,
  // S dst, S bits, I i  dst (byte) = bit i of bits (the exit's guard of deferred call i)
  DEFERBITTEST: 212,
  // S bits, I i         bits &^= 1 << i (cleared before the inline call, as Go's exit code does)
  DEFERBITCLEAR: 213,
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const deferShapes: Readonly<Record<number, string>> = {
  [DeferOp.DEFERPROCSTACK]: 'SSI',
  [DeferOp.DEFERBITSET]: 'SI-',
  [DeferOp.DEFERBITTEST]: 'SSI',
  [DeferOp.DEFERBITCLEAR]: 'SI-',
};

/** Go 1.14's limits for open-coded defers: deferBits is a uint8, and calls are copied to every exit. */
export const MaxOpenDefers = 8;
export const MaxOpenDeferReturnsTimesDefers = 15;

/**
 * How the compiler lowers defer statements, as a deferpanic piece asks (its `codegen`). The default ({}) is
 * every defer through DEFERPROC (a heap record).
 */
export interface Codegen {
  /** Go 1.13: a defer statement outside any loop gets a frame record and DEFERPROCSTACK. */
  readonly stackDefers?: {
    /** Bytes of the record's header (the piece's layout): the arguments start there. */
    readonly recordHeader: number;
  };
  /**
   * Go 1.14: a function whose defers are all outside loops, at most MaxOpenDefers of them, with returns × defers
   * at most MaxOpenDeferReturnsTimesDefers and no results moved to the heap, open-codes them: closure and arguments
   * in pointer-typed frame slots, a deferBits byte, the calls inline at the exit, OpenDeferInfo as funcdata.
   * Other functions get stackDefers (if asked) or heap records.
   */
  readonly openDefers?: boolean;
}

/** One argument of an open-coded deferred call: where it waits in the frame and where it goes in the call's block. */
export interface OpenDeferArg {
  /** Distance below varp (= sp + frameSize, the top of the locals) of the slot holding it: Go's varp - offset. */
  readonly offset: number;
  readonly size: number;
  /** Byte offset in the call's argument block. */
  readonly callOffset: number;
}

/**
 * Go 1.14's FUNCDATA_OpenCodedDeferInfo of a function with open-coded defers (varint-encoded in Go; fields here).
 * gopanic and Goexit (addOneOpenDeferFrame, runOpenDeferFrame) read it for a frame found by scanning the stack.
 */
export interface OpenDeferInfo {
  /** The largest argument block of the deferred calls: the size of the frame's _defer record's argument area. */
  readonly maxArgSize: number;
  /** Distance below varp of the deferBits byte. */
  readonly deferBits: number;
  /** Per defer statement, bit i = defers[i] (in source order; run from the last). */
  readonly defers: readonly {
    /** Bytes of the call's argument block (arguments and results). */
    readonly argSize: number;
    /** Distance below varp of the slot holding the closure (*funcval). */
    readonly closure: number;
    readonly args: readonly OpenDeferArg[];
  }[];
}

/** One string per distinct codegen (a cache key; programs compiled for equal keys are the same). */
export function codegenKey(c: Codegen | undefined): string {
  const parts: string[] = [];
  if (c?.stackDefers) parts.push(`stack-defers/${c.stackDefers.recordHeader}`);
  if (c?.openDefers) parts.push('open-defers');
  return parts.length > 0 ? parts.join('+') : 'heap-defers';
}
