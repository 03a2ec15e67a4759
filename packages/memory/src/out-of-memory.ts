// Raised (as a plain Error, not a fault) when the address space or the heap limit would be exceeded; the runtime
// turns it into its own "out of memory" / heap limit message.

export class OutOfMemoryError extends Error {
  /** Bytes the failing request asked for. */
  readonly requested: number;
  /** The limit that would have been exceeded. */
  readonly limit: number;

  constructor(what: string, requested: number, limit: number) {
    super(`out of memory: ${what} of ${requested} bytes exceeds the limit of ${limit} bytes`);
    this.name = 'OutOfMemoryError';
    this.requested = requested;
    this.limit = limit;
  }
}
