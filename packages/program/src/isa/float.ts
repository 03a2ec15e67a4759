// Opcodes for floating point and complex numbers (numbers 100-129; see ../isa.ts for the operand letters).

export const FloatOp = {
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const floatShapes: Readonly<Record<number, string>> = {
};
