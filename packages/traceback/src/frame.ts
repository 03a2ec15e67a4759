// A stack frame as traceback reports it (Go's stkframe). One object is reused for a whole walk.

import type { FuncInfo } from '@gosim/program';

export class Stkframe {
  /** The function, or undefined for a deferred call of a nil func (tracebackdefers). */
  fn: FuncInfo | undefined = undefined;
  /** pc: where the frame is executing (the return PC for callers); continpc: where it can continue, 0 if dead. */
  pc = 0;
  continpc = 0;
  /** Return PC (0 for the bottom frame). */
  lr = 0;
  sp = 0;
  fp = 0;
  /** Bytes of locals at [sp, sp+localsSize): 0 at a function's entry and for deferred calls. */
  localsSize = 0;
  /** Arguments at [argp, argp+arglen). */
  argp = 0;
  arglen = 0;

  reset(): void {
    this.fn = undefined;
    this.pc = this.continpc = this.lr = this.sp = this.fp = this.localsSize = this.argp = this.arglen = 0;
  }
}

export type FrameCallback = (frame: Stkframe) => boolean;
