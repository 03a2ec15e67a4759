// Opcodes for select and runtime API functions (numbers 185-209; see ../isa.ts for the operand letters).

export const MiscOp = {
  // S dst, S cases, I shape   dst = {chosen int, recvOK byte at +8} = selectgo(cases, ...). cases: ncases scases
  //                           (sends first, then receives), then the order array (2·ncases uint16); shape packs
  //                           nsends, nrecvs and block (selectShape). No case chosen (non-blocking): chosen = -1.
  SELECTGO: 185,
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const miscShapes: Readonly<Record<number, string>> = {
  [MiscOp.SELECTGO]: 'SSI',
};

/** Go's runtime.scase, as the lowering lays out SELECTGO's case array in the frame. */
export const Scase = { c: 0, elem: 8, size: 16 } as const;

/** Most cases one select may have (the shape operand's field width). */
export const MaxSelectCases = 0xfff;

/** SELECTGO's third operand. */
export const selectShape = (nsends: number, nrecvs: number, block: boolean): number =>
  nsends | (nrecvs << 12) | (block ? 1 << 24 : 0);

/** Bytes of SELECTGO's case array plus order array for n cases (a multiple of 8). */
export const selectFrameBytes = (n: number): number => n * Scase.size + ((n * 4 + 7) & ~7);
