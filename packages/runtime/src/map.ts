// Go's hash map (hmap, buckets) in simulated memory.

import type { ExtOps } from './ext-ops.js';

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const mapOps: ExtOps = {
};
