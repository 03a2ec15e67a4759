// A funcval is {fn PC, captured words...}: the function it calls is the one whose entry is its first word.

import { MemoryFault, type AddressSpace } from '@gosim/memory';
import type { FuncInfo, Program } from '@gosim/program';

/** The function fv calls; a nil or bad funcval faults like Go's call through it would. */
export function funcvalFunc(space: AddressSpace, prog: Program, fv: number): FuncInfo {
  const pc = space.load64(fv);
  const f = prog.findfunc(pc);
  if (f === undefined || f.entry !== pc) throw new MemoryFault(pc, 8, false, 'unmapped');
  return f;
}
