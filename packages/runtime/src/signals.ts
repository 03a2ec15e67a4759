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

/** The si_code and si_addr a SIGSEGV at addr carries on linux/amd64, as Go's [signal ...] line prints them. */
export interface FaultSiginfo {
  readonly code: number;
  readonly addr: number;
}

/** Lowest non-canonical address: x86-64 user space ends below 2^47. */
const NonCanonical = 2 ** 47;

/**
 * A non-canonical address (>= 2^47: every poison pattern) raises a general-protection fault, which the kernel
 * reports as SI_KERNEL (0x80) with address 0; a page made inaccessible (a stack freed under StackFaultOnFree)
 * gives SEGV_ACCERR (2); any other unmapped address SEGV_MAPERR (1). Addresses below 2^47 are exact numbers.
 */
export function faultSiginfo(addr: number, protectedPage: (addr: number) => boolean): FaultSiginfo {
  if (!(addr >= 0 && addr < NonCanonical)) return { code: 0x80, addr: 0 };
  return { code: protectedPage(addr) ? 0x2 : 0x1, addr };
}
