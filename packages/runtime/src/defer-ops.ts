// The defer operations that call out of the dispatch loop: Go's jmpdefer (the call of the funcval deferreturn
// handed back, returning to the DEFERRETURN that asked, re-executed until no record is due; shared by the
// interpreter and the compile tier) and RECOVER.

import { gorecover, Panic } from '@gosim/defer-panic';
import { writeWord } from '@gosim/memory';
import { TextBase } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { Machine } from './machine.js';
import { userFault } from './raise.js';
import { prologueSlow } from './safepoint.js';

/** The function a funcval calls, or -1. */
export function callTarget(m: Machine, fv: number): number {
  const s = m.space;
  if ((fv >>> 0) !== fv || fv === 0 || !s.isMapped(fv)) return -1;
  const pc = s.load64(fv);
  // an int index (a fractional one, from a misaligned pc, takes V8's slow keyed load): misaligned is no entry
  return pc >= TextBase && pc <= 0xffffffff && (pc & 3) === 0 ? m.prog.funcAtEntry[(pc - TextBase) >>> 2] ?? -1 : -1;
}

/**
 * Calls fv with its return PC at the DEFERRETURN at instruction ip; g's registers are saved there. After it they
 * stand at the callee's first instruction with its frame allocated and zeroed (a prologue short of stack grows it
 * first; the call is no safe point), or at the panic a bad funcval raises. Returns the callee's id, or -1.
 */
export function jmpdefer(m: Machine, g: G, fv: number, ip: number): number {
  const f = callTarget(m, fv);
  if (f < 0) {
    userFault(m, g, ip, fv, fv);
    return -1;
  }
  const p = m.prog;
  g.ctxt = fv;
  g.sp -= 8;
  writeWord(m.space.i32, g.sp, TextBase + ip * 4);
  g.pc = TextBase + p.funcEntryIndex[f]! * 4;
  const fs = p.funcFrameSize[f]!;
  if (p.funcNosplit[f] === 0 && g.sp - fs < g.stackguard) {
    g.atEntry = true;
    prologueSlow(m, g, f, false);
    g.atEntry = false;
  }
  g.sp -= fs;
  const i32 = m.space.i32;
  for (let z = m.zeroStart[f]!, e = m.zeroStart[f + 1]!; z < e; z++) writeWord(i32, g.sp + m.zeroWords[z]!, 0);
  return f;
}

/**
 * RECOVER: recover()'s interface{} result to sp+a. c = 1: the wrapper of `defer recover()` recovers for the function
 * that deferred it (Go's ORECOVERFP), whose argp is its caller's.
 */
export function recoverOp(m: Machine, g: G, sp: number, a: number, b: number, c: number): void {
  const s = m.space;
  const p = gorecover(s, g, c === 0 ? sp + b + 8 : callerArgp(m, sp + b + 8));
  writeWord(s.i32, sp + a, p === 0 ? 0 : s.load64(p + Panic.argType));
  writeWord(s.i32, sp + a + 8, p === 0 ? 0 : s.load64(p + Panic.argData));
}

/** The argp of the frame that called the one whose fp is given (its return PC is at fp - 8). */
function callerArgp(m: Machine, fp: number): number {
  const f = m.prog.findfunc(m.space.load64(fp - 8) - 1);
  return f ? fp + m.prog.funcFrameSize[f.id]! + 8 : 0;
}
