// The goroutine descriptor (Go's g). Its stack and registers live here; everything a goroutine's frames
// hold lives in simulated memory between lo and hi.

/** Go's status numbers; Copystack: the stack is being moved (a traceback then says `[copystack]`). */
export const GStatus = { Runnable: 1, Running: 2, Waiting: 4, Dead: 6, Copystack: 8 } as const;
export type GStatusValue = (typeof GStatus)[keyof typeof GStatus];

export class G {
  /** Stack bounds [lo, hi) and the prologue's guard (lo + StackGuard). */
  lo = 0;
  hi = 0;
  stackguard = 0;
  /** Saved registers while not running: pc (a code address), sp, closure context, deferproc's return. */
  pc = 0;
  sp = 0;
  ctxt = 0;
  ret = 0;
  /** The frame at pc is not allocated yet (a new goroutine, or a prologue that called morestack). */
  atEntry = false;
  status: GStatusValue = GStatus.Runnable;
  waitreason = '';
  /** Heads of the defer list and the panic list (addresses; 0 = nil). */
  _defer = 0;
  _panic = 0;
  /** Channel waiting records (sudogs) of a blocked goroutine, linked through waitlink. */
  waiting = 0;
  /** selectgo: a case already won (later dequeues skip this g's other sudogs); the sudog that woke g. */
  selectDone = false;
  param = 0;
  /** Set by a fault that becomes a panic: Go prints the [signal ...] line for it. */
  sig = 0;
  sigcode0 = 0;
  sigcode1 = 0;
  sigpc = 0;
  /** The goroutine is running its defers for runtime.Goexit. */
  goexiting = false;
  /** PC of the go statement that created it (traceback's "created by"), and its function. */
  gopc = 0;
  startpc = 0;

  /** Assigned by newproc each time the descriptor is (re)used, as Go's newproc1 does. */
  constructor(public goid: number) {}

  /** Bytes of stack in use from sp to hi. */
  used(): number {
    return this.hi - this.sp;
  }
}
