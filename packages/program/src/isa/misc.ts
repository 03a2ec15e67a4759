// Opcodes for select and runtime API functions (numbers 185-209; see ../isa.ts for the operand letters).

export const MiscOp = {
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const miscShapes: Readonly<Record<number, string>> = {
};
