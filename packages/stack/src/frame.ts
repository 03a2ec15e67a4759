// Frame push and pop on a goroutine stack (the calling convention of program/func.ts):
// a call writes the return PC just below the caller's sp, then the callee's prologue takes frameSize more.

import { readWord, writeWord } from '@gosim/memory';
import { StackGuard } from './constants.js';
import type { G } from './g.js';

/** The stack a prologue needs below sp: frames bigger than StackSmall are checked with their size. */
export function prologueFits(g: G, spAtEntry: number, frameSize: number): boolean {
  return spAtEntry - frameSize >= g.stackguard;
}

/** A CALL: writes the return PC below sp and returns the sp at the callee's entry (pointing at it). */
export function pushReturnPC(i32: Int32Array, sp: number, retpc: number): number {
  writeWord(i32, sp - 8, retpc);
  return sp - 8;
}

/** A RET: given the callee's sp and frame size, returns [the return PC, the caller's sp]. */
export function popFrame(i32: Int32Array, sp: number, frameSize: number): [pc: number, sp: number] {
  const fp = sp + frameSize + 8;
  return [readWord(i32, fp - 8), fp];
}

/** Sets g's stack to [lo, lo+n) with the guard StackGuard bytes above lo. */
export function setStack(g: G, lo: number, n: number): void {
  g.lo = lo;
  g.hi = lo + n;
  g.stackguard = lo + StackGuard;
}
