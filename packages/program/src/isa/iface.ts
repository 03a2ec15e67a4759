// Opcodes for methods and interfaces (numbers 165-184; see ../isa.ts for the operand letters).

export const IfaceOp = {
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const ifaceShapes: Readonly<Record<number, string>> = {
};
