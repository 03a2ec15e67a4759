// Control transfers raised from inside an operation and handled by the interpreter or the scheduler.

/** A runtime error raised by an operation: becomes a call to a panic function at the current pc. */
export class RuntimePanic {
  constructor(
    /** The runtime error type (runtime.errorString, runtime.boundsError, ...). */
    readonly errType: string,
    /** The full Error() text. */
    readonly text: string,
    /** The runtime function that appears to call gopanic: runtime.panicdivide, runtime.goPanicIndex, ... */
    readonly via: string,
  ) {}
}

/** A load or store of user code hit an unmapped or misaligned address (base: the pointer it went through). */
export class UserFault {
  constructor(
    readonly addr: number,
    readonly base: number,
  ) {}
}

/** The program ends (runtime.main returned, os.Exit, or a fatal error already printed). */
export class ProgramExit {
  constructor(readonly code: number) {}
}

/** A gosim limit was reached (not a Go behaviour): steps, heap or memory. */
export class LimitExceeded {
  constructor(readonly what: 'steps' | 'heap' | 'memory', readonly message: string) {}
}
