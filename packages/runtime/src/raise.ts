// How a runtime error or a fault in user code becomes a panic in the goroutine: the faulting instruction
// "calls" a nosplit runtime entry (sigpanic, panicdivide, goPanicIndex, ...) that calls gopanic, as Go's
// signal handler makes a faulting goroutine call sigpanic.

import { isMemoryFault, MinLegalPointer } from '@gosim/memory';
import { Op, TextBase } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { Machine } from './machine.js';
import { RuntimePanic, UserFault } from './signals.js';

/** A fault in user code: nil (page 0) → the nil-dereference panic; otherwise a fatal fault. */
export function userFault(m: Machine, g: G, ip: number, addr: number, base: number): void {
  const pc = TextBase + ip * 4;
  if (addr >= 0 && (addr < MinLegalPointer || base === 0)) {
    m.setSig(g, addr < MinLegalPointer ? addr : 0, pc);
    raise(m, g, ip, g.sp, new RuntimePanic('runtime.errorString', 'runtime error: invalid memory address or nil pointer dereference', 'runtime.sigpanic'));
    return;
  }
  throw m.faultThrow(g, addr, pc);
}

/**
 * Makes the goroutine call `via` (a nosplit runtime function that calls gopanic) as if the
 * instruction at ip had called it, with the runtime error value in via's outgoing area.
 */
export function raise(m: Machine, g: G, ip: number, sp: number, e: RuntimePanic): void {
  const [tw, data] = m.newRuntimeError(e.errType, e.text);
  const via = m.prog.func(e.via) ?? m.prog.func('runtime.panicwrap')!;
  const s = m.space;
  let nsp = sp - 8;
  s.store64(nsp, TextBase + ip * 4 + 1); // as Go's sigpanic: the return PC points into the faulting instruction
  nsp -= via.frameSize;
  s.store64(nsp, tw);
  s.store64(nsp + 8, data);
  g.pc = via.entry;
  g.sp = nsp;
  g.atEntry = false;
}

/**
 * An error thrown at instruction ip (g's registers saved there): a runtime error or a fault of user code becomes a
 * call to a panic function there (true); anything else (throws, faults inside the runtime, limits) is not (false).
 */
export function raiseUserError(m: Machine, g: G, ip: number, sp: number, e: unknown): boolean {
  if (e instanceof RuntimePanic) raise(m, g, ip, sp, e);
  else if (e instanceof UserFault) userFault(m, g, ip, e.addr, e.base);
  else if (isMemoryFault(e) && isUserMemoryOp(m.prog.code[ip << 2]!) && m.isUserCode(ip)) userFault(m, g, ip, e.addr, e.addr);
  else return false;
  return true;
}

/** Operations whose faults are the user's (nil dereference panics), not the runtime's. */
function isUserMemoryOp(op: number): boolean {
  return op === Op.LOAD || op === Op.LOAD1 || op === Op.STORE || op === Op.STORE1 || op === Op.LOADN || op === Op.STOREN ||
    op === Op.CALLCLOSURE || op === Op.STRINDEX || op === Op.ERRSTR || op === Op.ASSERT || op === Op.ASSERTOK;
}
