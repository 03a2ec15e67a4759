// Opcodes for slices, strings and range (numbers 130-149; see ../isa.ts for the operand letters).

export const SliceOp = {
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const sliceShapes: Readonly<Record<number, string>> = {
};
