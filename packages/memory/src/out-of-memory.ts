// Raised (as a plain Error, not a fault) when memory runs out: either the address space cannot hold a new region
// (Go's mheap.grow failure: the runtime prints goOutOfMemory and throws "out of memory"), or the heap would pass
// gosim's own limit (--max-heap: a gosim limit, not a Go error).

import { HeapGrowChunk } from './layout.js';

export type OutOfMemoryKind = 'address-space' | 'heap-limit';

export class OutOfMemoryError extends Error {
  constructor(
    readonly kind: OutOfMemoryKind,
    /** Bytes the failing request asked for. */
    readonly requested: number,
    /** Bytes in use when it failed: the mapped address space, or the heap's live bytes. */
    readonly inUse: number,
    /** The limit that would have been exceeded (bytes of address space, or the heap limit). */
    readonly limit: number,
  ) {
    super(kind === 'heap-limit'
      ? `the heap of ${inUse} bytes cannot grow by ${requested} bytes within the limit of ${limit} bytes`
      : `out of memory: cannot map ${requested} bytes with ${inUse} of ${limit} bytes of address space in use`);
    this.name = 'OutOfMemoryError';
  }
}

/**
 * Go's report of an address space that cannot grow: the request rounded up to the heap's growth chunk, and the
 * bytes in use. The "fatal error: out of memory" throw follows it.
 */
export function goOutOfMemory(e: OutOfMemoryError): string {
  const ask = Math.ceil(e.requested / HeapGrowChunk) * HeapGrowChunk;
  return `runtime: out of memory: cannot allocate ${ask}-byte block (${e.inUse} in use)\n`;
}
