// How a runtime error or a fault in user code becomes a panic in the goroutine: the faulting instruction
// "calls" a nosplit runtime entry (sigpanic, panicdivide, goPanicIndex, ...) that calls gopanic, as Go's
// signal handler makes a faulting goroutine call sigpanic.

import { MinLegalPointer } from '@gosim/memory';
import { TextBase } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { Machine } from './machine.js';
import { RuntimePanic } from './signals.js';

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
