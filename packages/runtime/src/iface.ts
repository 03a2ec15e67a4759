// Interfaces with methods: itabs, dispatch, assertions.

import type { ExtOps } from './ext-ops.js';

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const ifaceOps: ExtOps = {
};
