// DEFERPROCSTACK (program/src/isa/defer.ts): Go 1.13's defer with the record in the deferring frame. Only programs
// compiled for a deferpanic piece whose codegen asks for stack defers contain it (loadProgram refuses the others),
// so the layout in force has the heap flag.

import { deferprocStack } from '@gosim/defer-panic';
import type { G } from '@gosim/stack';
import type { Machine } from './machine.js';

/** d = the frame slot a, fn = the word in slot b, c argument bytes in the outgoing area; retpc = the next PC. */
export function deferprocStackOp(m: Machine, g: G, sp: number, a: number, b: number, c: number, retpc: number): void {
  deferprocStack(m, g, sp, sp + a, m.space.load64(sp + b), c, retpc);
}
