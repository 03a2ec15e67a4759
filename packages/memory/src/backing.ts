// The address space's backing store. A fixed ArrayBuffer of the space's whole size when the host grants one:
// element access through a view of a resizable buffer runs about 3x slower in Node 20's V8
// (packages/memory/bench/backing.mjs), and the interpreter does little else. Untouched pages of a fixed buffer
// cost no RSS, but allocating one costs milliseconds, so released buffers wait in a small pool, zeroed up to the
// byte their space ever dirtied. A host that refuses the reservation (little memory, strict overcommit) gets a
// resizable buffer that grows on demand instead.

// lib ES2022 lacks resizable ArrayBuffers (ES2024); Node 20 has them.
export interface ResizableArrayBuffer extends ArrayBuffer {
  resize(newByteLength: number): void;
}
type ResizableArrayBufferConstructor = new (byteLength: number, opts: { maxByteLength: number }) => ResizableArrayBuffer;
const ResizableBuffer = ArrayBuffer as unknown as ResizableArrayBufferConstructor;

/** Released fixed buffers by size; every byte of each is zero. */
const pool = new Map<number, ArrayBuffer[]>();
/** Buffers kept per size: enough for the runs a process has alive at once (explorer workers run one at a time). */
const PoolDepth = 2;

export interface Backing {
  readonly buffer: ArrayBuffer;
  /** True for a resizable buffer (it must be grown before addresses at or past byteLength are touched). */
  readonly resizable: boolean;
}

/** A zero-filled buffer of `bytes` bytes, or a resizable one starting at `initial` bytes that can grow to `bytes`. */
export function takeBacking(bytes: number, initial: number): Backing {
  const free = pool.get(bytes);
  const reused = free?.pop();
  if (reused) return { buffer: reused, resizable: false };
  try {
    return { buffer: new ArrayBuffer(bytes), resizable: false };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { buffer: new ResizableBuffer(initial, { maxByteLength: bytes }), resizable: true };
  }
}

/** Returns a fixed buffer whose bytes at or past `dirtyEnd` are zero; it is zeroed and pooled (or dropped). */
export function giveBacking(b: Backing, dirtyEnd: number): void {
  if (b.resizable) return;
  const size = b.buffer.byteLength;
  let free = pool.get(size);
  if (!free) pool.set(size, (free = []));
  if (free.length >= PoolDepth) return;
  new Uint8Array(b.buffer, 0, Math.min(dirtyEnd, size)).fill(0);
  free.push(b.buffer);
}
