// select.

import type { ExtOps } from './ext-ops.js';

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const selectOps: ExtOps = {
};
