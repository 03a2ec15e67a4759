// A simulated memory fault: raised by checked accesses, caught by the runtime, which turns it into Go's message
// (a nil dereference is a fault with addr < PageSize; the message is the runtime's business, not ours).

export type FaultKind = 'unmapped' | 'misaligned' | 'range';

function hex(addr: number): string {
  return Number.isFinite(addr) && addr >= 0 ? '0x' + addr.toString(16) : String(addr);
}

export class MemoryFault extends Error {
  /** The faulting address; a poisoned pointer above 2^32 keeps its (possibly rounded) JS number. */
  readonly addr: number;
  /** Access size in bytes (for bulk operations, the length of the range). */
  readonly size: number;
  readonly write: boolean;
  readonly kind: FaultKind;

  constructor(addr: number, size: number, write: boolean, kind: FaultKind) {
    // Faults are expected control flow for the runtime: skip the cost of capturing a JS stack.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`memory fault: ${write ? 'store' : 'load'} of ${size} bytes at ${hex(addr)} (${kind})`);
    Error.stackTraceLimit = limit;
    this.name = 'MemoryFault';
    this.addr = addr;
    this.size = size;
    this.write = write;
    this.kind = kind;
  }
}

export function isMemoryFault(e: unknown): e is MemoryFault {
  return e instanceof MemoryFault;
}
