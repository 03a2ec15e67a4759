// Opcodes for maps (numbers 150-164; see ../isa.ts for the operand letters).

export const MapOp = {
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const mapShapes: Readonly<Record<number, string>> = {
};
