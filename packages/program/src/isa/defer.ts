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
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const deferShapes: Readonly<Record<number, string>> = {
  [DeferOp.DEFERPROCSTACK]: 'SSI',
};

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
}

/** One string per distinct codegen (a cache key; programs compiled for equal keys are the same). */
export function codegenKey(c: Codegen | undefined): string {
  return c?.stackDefers ? `stack-defers/${c.stackDefers.recordHeader}` : 'heap-defers';
}
