// The address space's backing store. A fixed buffer of the space's whole size when the host grants one: element
// access through a view of a resizable buffer runs about 2x slower in Node 20's V8 (packages/memory/bench/backing.mjs),
// and the interpreter does little else. The fixed buffer is a SharedArrayBuffer (never shared with another thread):
// views of it are as fast as of an ArrayBuffer, but V8 does not count its gigabytes as external memory, so creating
// one does not start a full GC (an ArrayBuffer of 4 GiB does: ~10 ms per process). Untouched pages cost no RSS;
// released buffers still wait in a small pool, zeroed up to the byte their space ever dirtied. A host that refuses
// the reservation (little memory, strict overcommit) gets a resizable ArrayBuffer that grows on demand instead.

import { zeroWords } from './word.js';

// lib ES2022 lacks resizable ArrayBuffers (ES2024); Node 20 has them.
export interface ResizableArrayBuffer extends ArrayBuffer {
  resize(newByteLength: number): void;
}
type ResizableArrayBufferConstructor = new (byteLength: number, opts: { maxByteLength: number }) => ResizableArrayBuffer;
const ResizableBuffer = ArrayBuffer as unknown as ResizableArrayBufferConstructor;

/** Released fixed backings by size; every byte of each buffer and page table is zero. */
const pool = new Map<number, Backing[]>();
/** Buffers kept per size: enough for the runs a process has alive at once (explorer workers run one at a time). */
const PoolDepth = 2;

export interface Backing {
  /** A SharedArrayBuffer when fixed (`resizable` false), else a resizable ArrayBuffer. */
  readonly buffer: ArrayBufferLike;
  /** The space's page table, one byte per page of the whole size (pooled with the buffer). */
  readonly pages: Uint8Array;
  /** True for a resizable buffer (it must be grown before addresses at or past byteLength are touched). */
  readonly resizable: boolean;
}

/** A zero-filled buffer of `bytes` bytes, or a resizable one starting at `initial` bytes that can grow to `bytes`. */
export function takeBacking(bytes: number, initial: number, pageSize: number): Backing {
  const reused = pool.get(bytes)?.pop();
  if (reused) return reused;
  const pages = new Uint8Array(Math.ceil(bytes / pageSize));
  try {
    return { buffer: new SharedArrayBuffer(bytes), pages, resizable: false };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { buffer: new ResizableBuffer(initial, { maxByteLength: bytes }), pages, resizable: true };
  }
}

/**
 * Returns a fixed backing whose bytes (and pages' entries) at or past `dirtyEnd` are zero: it is zeroed and pooled,
 * or dropped when the pool is full.
 */
export function giveBacking(b: Backing, dirtyEnd: number, pageSize: number): void {
  if (b.resizable) return;
  const size = b.buffer.byteLength;
  let free = pool.get(size);
  if (!free) pool.set(size, (free = []));
  if (free.length >= PoolDepth) return;
  const end = Math.min(dirtyEnd, size);
  // by words (zeroWords): a byte view's fill() on a SharedArrayBuffer runs several times slower (the size is a page multiple)
  const words = Math.ceil(end / 8);
  zeroWords(new Float64Array(b.buffer, 0, words), 0, words);
  b.pages.fill(0, 0, Math.ceil(end / pageSize));
  free.push(b);
}
