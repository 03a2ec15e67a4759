// The simulated address space: one ArrayBuffer (backing.ts) where a simulated address is a byte offset, a page table
// with one state byte per 4 KiB page, and page-granular regions handed out first-fit from released ranges, else by
// bumping `top`. Invariants: addresses < maxBytes <= 2^32; pages below FirstMappableAddress are never mapped;
// buffer.byteLength >= top; bytes at or above `clean` (>= top) are zero; every page in [top, maxBytes) is unmapped and unreserved; free runs are sorted,
// disjoint, non-adjacent, page-aligned, below top, and entirely unmapped.

import { MemoryFault } from './fault.js';
import { FirstMappableAddress, MaxAddress, PageShift, PageSize } from './layout.js';
import { OutOfMemoryError } from './out-of-memory.js';

import { giveBacking, takeBacking, type Backing, type ResizableArrayBuffer } from './backing.js';
import { moveWords, zeroWords } from './word.js';

/** Page-table states. */
export const PageUnmapped = 0;
export const PageMapped = 1;

export interface AddressSpaceOptions {
  /** Initial buffer size in bytes when the backing is resizable (rounded up to a page; default 1 MiB). */
  initialBytes?: number;
  /** Highest address + 1 that may ever be mapped (default and maximum 2^32). */
  maxBytes?: number;
}

const TwoTo32 = 4294967296;
const TwoToMinus32 = 1 / TwoTo32;
/**
 * Copies up to this many bytes (8-aligned) move int32 words: faster than copyWithin up to a few hundred bytes,
 * slower beyond (packages/runtime/bench/memops.mjs).
 */
const SmallBulk = 256;

function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

export class AddressSpace {
  /** Length-tracking views of the whole space (index = address / element size); valid across growth. */
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  /** IEEE views for float32/float64 values (naturally aligned: index = address / 4 or / 8). */
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly i64: BigInt64Array;
  /** One byte per page: PageUnmapped or PageMapped. */
  readonly pages: Uint8Array;
  readonly maxBytes: number;

  private readonly backing: Backing;
  private readonly buffer: ArrayBufferLike;
  private released = false;
  private top = FirstMappableAddress;
  // Every byte at or above `clean` has never been mapped, so it is still zero from the resize.
  private clean = FirstMappableAddress;
  // Released address ranges available for reuse, sorted by start (bytes; page multiples).
  private readonly freeStart: number[] = [];
  private readonly freeLen: number[] = [];
  private mappedBytes = 0;

  constructor(opts: AddressSpaceOptions = {}) {
    const maxBytes = Math.min(MaxAddress, roundUp(opts.maxBytes ?? MaxAddress, PageSize));
    if (!(maxBytes > FirstMappableAddress)) throw new RangeError(`AddressSpace: maxBytes ${maxBytes} too small`);
    const initial = Math.min(maxBytes, roundUp(Math.max(opts.initialBytes ?? 1 << 20, PageSize), PageSize));
    this.maxBytes = maxBytes;
    this.backing = takeBacking(maxBytes, initial, PageSize);
    this.buffer = this.backing.buffer;
    this.u8 = new Uint8Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
    this.f32 = new Float32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.i64 = new BigInt64Array(this.buffer);
    this.pages = this.backing.pages;
  }

  /** Current size of the backing buffer in bytes (maxBytes unless the backing is resizable). */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  /** Bytes currently mapped. */
  get mapped(): number {
    return this.mappedBytes;
  }

  // ---- regions -------------------------------------------------------------------------------------------

  /**
   * Maps a fresh zero-filled run of pages of at least `bytes` bytes, aligned to `align` (a power of two; at least
   * PageSize), and returns its base. Throws OutOfMemoryError if the space would exceed maxBytes.
   */
  mapRegion(bytes: number, align: number = PageSize): number {
    if (!(bytes > 0) || !Number.isFinite(bytes)) throw new RangeError(`mapRegion: bad size ${bytes}`);
    if (align < PageSize) align = PageSize;
    if ((align & (align - 1)) !== 0 && align !== MaxAddress) throw new RangeError(`mapRegion: bad align ${align}`);
    const size = roundUp(bytes, PageSize);
    const base = this.takeFreeRun(size, align);
    if (base !== 0) {
      this.zeroUnchecked(base, size); // reused range: may hold old contents
      this.setPages(base, size, PageMapped);
      this.mappedBytes += size;
      return base;
    }
    const start = roundUp(this.top, align);
    const end = start + size;
    if (end > this.maxBytes) throw new OutOfMemoryError('address-space', size, this.mappedBytes, this.maxBytes);
    if (end > this.buffer.byteLength) this.grow(end);
    if (start > this.top) this.addFreeRun(this.top, start - this.top); // alignment gap stays reusable
    this.top = end;
    if (start < this.clean) this.zeroUnchecked(start, Math.min(end, this.clean) - start); // a run folded back below top
    if (end > this.clean) this.clean = end;
    this.setPages(start, size, PageMapped);
    this.mappedBytes += size;
    return start;
  }

  /** Unmaps the pages of [addr, addr+bytes) but keeps the range reserved: later accesses fault, nothing reuses it. */
  unmapRegion(addr: number, bytes: number): void {
    const [start, size] = this.pageRange(addr, bytes);
    this.unmapPages(start, size);
  }

  /** Unmaps [addr, addr+bytes) and returns the range for reuse by later mapRegion calls. */
  releaseRegion(addr: number, bytes: number): void {
    const [start, size] = this.pageRange(addr, bytes);
    this.unmapPages(start, size);
    this.addFreeRun(start, size);
  }

  /** True when addr lies on a mapped page. */
  isMapped(addr: number): boolean {
    return (addr >>> 0) === addr && this.pages[addr >>> PageShift] === PageMapped;
  }

  /** True when every byte of [addr, addr+n) lies on mapped pages (n = 0: true). */
  isRangeMapped(addr: number, n: number): boolean {
    if (n === 0) return true;
    if ((addr >>> 0) !== addr || !(n > 0) || addr + n > MaxAddress) return false;
    const last = (addr + n - 1) >>> PageShift;
    for (let p = addr >>> PageShift; p <= last; p++) if (this.pages[p] !== PageMapped) return false;
    return true;
  }

  private pageRange(addr: number, bytes: number): [number, number] {
    if ((addr >>> 0) !== addr || addr % PageSize !== 0 || addr < FirstMappableAddress) {
      throw new RangeError(`bad region address 0x${addr.toString(16)}`);
    }
    const size = roundUp(bytes, PageSize);
    if (!(size > 0) || addr + size > this.top) throw new RangeError(`bad region size ${bytes} at 0x${addr.toString(16)}`);
    return [addr, size];
  }

  private unmapPages(start: number, size: number): void {
    const first = start >>> PageShift;
    const end = first + size / PageSize;
    for (let p = first; p < end; p++) {
      if (this.pages[p] === PageMapped) this.mappedBytes -= PageSize;
      this.pages[p] = PageUnmapped;
    }
  }

  private setPages(start: number, size: number, state: number): void {
    this.pages.fill(state, start >>> PageShift, (start >>> PageShift) + size / PageSize);
  }

  private grow(end: number): void {
    const want = Math.min(this.maxBytes, Math.max(end, this.buffer.byteLength * 2));
    (this.buffer as ResizableArrayBuffer).resize(roundUp(want, PageSize));
  }

  /**
   * Ends the space: its buffer goes back to the pool for the next space (backing.ts). Nothing may read or write the
   * space or its views afterwards (the owner calls this when the run is over: runtime's runModule).
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    giveBacking(this.backing, this.clean, PageSize);
  }

  // First fit over the free runs; returns 0 when none fits.
  private takeFreeRun(size: number, align: number): number {
    const starts = this.freeStart;
    const lens = this.freeLen;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const e = s + lens[i]!;
      const base = roundUp(s, align);
      if (base + size > e) continue;
      // Split into [s, base) and [base+size, e), dropping empty pieces.
      const rest = e - base - size;
      if (base > s) {
        lens[i] = base - s;
        if (rest > 0) {
          starts.splice(i + 1, 0, base + size);
          lens.splice(i + 1, 0, rest);
        }
      } else if (rest > 0) {
        starts[i] = base + size;
        lens[i] = rest;
      } else {
        starts.splice(i, 1);
        lens.splice(i, 1);
      }
      return base;
    }
    return 0;
  }

  // Inserts [start, start+size) into the sorted run list, coalescing neighbours and folding a run that ends at
  // top back into the bump region.
  private addFreeRun(start: number, size: number): void {
    const starts = this.freeStart;
    const lens = this.freeLen;
    let i = 0;
    while (i < starts.length && starts[i]! < start) i++;
    let s = start;
    let e = start + size;
    // Overlaps happen when a range is released twice; merge rather than corrupt the list.
    if (i > 0 && starts[i - 1]! + lens[i - 1]! >= s) {
      i--;
      s = starts[i]!;
      e = Math.max(e, s + lens[i]!);
      starts.splice(i, 1);
      lens.splice(i, 1);
    }
    while (i < starts.length && starts[i]! <= e) {
      e = Math.max(e, starts[i]! + lens[i]!);
      starts.splice(i, 1);
      lens.splice(i, 1);
    }
    if (e >= this.top) {
      this.top = s;
      return;
    }
    starts.splice(i, 0, s);
    lens.splice(i, 0, e - s);
  }

  // ---- faults -------------------------------------------------------------------------------------------

  /** Classifies a failed access: range (not an address), unmapped page, or misaligned. */
  private fault(addr: number, size: number, write: boolean): MemoryFault {
    if ((addr >>> 0) !== addr) return new MemoryFault(addr, size, write, 'range');
    if (this.pages[addr >>> PageShift] !== PageMapped) return new MemoryFault(addr, size, write, 'unmapped');
    if (addr % size !== 0) return new MemoryFault(addr, size, write, 'misaligned');
    return new MemoryFault(addr, size, write, 'range');
  }

  /** Throws a MemoryFault unless [addr, addr+n) is all mapped (and addr is a valid address). */
  checkRange(addr: number, n: number, write: boolean): void {
    if (n === 0) return;
    if ((addr >>> 0) !== addr || !(n > 0) || !Number.isInteger(n) || addr + n > MaxAddress) {
      throw new MemoryFault(addr, n, write, 'range');
    }
    const last = (addr + n - 1) >>> PageShift;
    for (let p = addr >>> PageShift; p <= last; p++) {
      if (this.pages[p] !== PageMapped) {
        const at = p === addr >>> PageShift ? addr : p * PageSize;
        throw new MemoryFault(at, n, write, 'unmapped');
      }
    }
  }

  // ---- checked scalar accesses (alignment, mapping, range) ----------------------------------------------
  // The fast test `(addr >>> 0) !== addr` rejects non-integers, negatives and addresses >= 2^32 at once; an
  // aligned access never crosses a page, so one page-table lookup suffices.

  load8(addr: number): number {
    if ((addr >>> 0) !== addr || this.pages[addr >>> PageShift] !== PageMapped) throw this.fault(addr, 1, false);
    return this.u8[addr]!;
  }

  store8(addr: number, v: number): void {
    if ((addr >>> 0) !== addr || this.pages[addr >>> PageShift] !== PageMapped) throw this.fault(addr, 1, true);
    this.u8[addr] = v;
  }

  load16(addr: number): number {
    if ((addr >>> 0) !== addr || (addr & 1) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 2, false);
    }
    return this.u16[addr >>> 1]!;
  }

  store16(addr: number, v: number): void {
    if ((addr >>> 0) !== addr || (addr & 1) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 2, true);
    }
    this.u16[addr >>> 1] = v;
  }

  /** Unsigned 32-bit load. */
  load32(addr: number): number {
    if ((addr >>> 0) !== addr || (addr & 3) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 4, false);
    }
    return this.u32[addr >>> 2]!;
  }

  /** Stores the low 32 bits of v (signed or unsigned). */
  store32(addr: number, v: number): void {
    if ((addr >>> 0) !== addr || (addr & 3) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 4, true);
    }
    this.u32[addr >>> 2] = v;
  }

  /**
   * The int64 at addr as a JS number: exact when |v| <= 2^53; larger values come back rounded to the nearest
   * double (use load64Big for them).
   */
  load64(addr: number): number {
    if ((addr >>> 0) !== addr || (addr & 7) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 8, false);
    }
    const i = addr >>> 2;
    return this.i32[i + 1]! * TwoTo32 + (this.i32[i]! >>> 0);
  }

  /** The int64 at addr, exact. */
  load64Big(addr: number): bigint {
    if ((addr >>> 0) !== addr || (addr & 7) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 8, false);
    }
    return this.i64[addr >>> 3]!;
  }

  /** Stores integer v (|v| <= 2^53) as int64 two's complement; larger integers wrap modulo 2^64. */
  store64(addr: number, v: number): void {
    if ((addr >>> 0) !== addr || (addr & 7) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 8, true);
    }
    const i = addr >>> 2;
    const lo = v >>> 0;
    this.i32[i] = lo;
    this.i32[i + 1] = (v - lo) * TwoToMinus32;
  }

  /** Stores v wrapped to int64. */
  store64Big(addr: number, v: bigint): void {
    if ((addr >>> 0) !== addr || (addr & 7) !== 0 || this.pages[addr >>> PageShift] !== PageMapped) {
      throw this.fault(addr, 8, true);
    }
    this.i64[addr >>> 3] = v;
  }

  // ---- bulk operations (the whole range must be mapped) ----------------------------------------------------

  /** Copies n bytes from src to dst; overlapping ranges are safe. */
  memmove(dst: number, src: number, n: number): void {
    if (n === 0) return;
    if (n <= SmallBulk && this.isWordRange(dst, n) && this.isWordRange(src, n)) {
      moveWords(this.i32, dst, src, n); // same result as copyWithin, no fault possible
      return;
    }
    this.checkRange(src, n, false);
    this.checkRange(dst, n, true);
    this.u8.copyWithin(dst, src, src + n);
  }

  /** Zeroes n bytes at addr. */
  memclr(addr: number, n: number): void {
    if (!this.isWordRange(addr, n)) this.checkRange(addr, n, true);
    this.zeroUnchecked(addr, n);
  }

  /**
   * Zeroes [addr, addr+n), unchecked: by words when 8-aligned (zeroWords; a byte view's fill() on the fixed buffer,
   * a SharedArrayBuffer, runs several times slower), else by bytes.
   */
  zeroUnchecked(addr: number, n: number): void {
    if (((addr | n) & 7) === 0) zeroWords(this.f64, addr >>> 3, (addr + n) >>> 3);
    else this.u8.fill(0, addr, addr + n);
  }

  /**
   * True when [addr, addr+n) is 8-aligned, a multiple of 8 long (0 < n <= PageSize) and on mapped pages: no access
   * inside it can fault, so a fast path may use word.ts's unchecked accesses there. Anything else must take the
   * checked accesses, whose faults are the mechanism's.
   */
  isWordRange(addr: number, n: number): boolean {
    return (
      (addr >>> 0) === addr &&
      (n >>> 0) === n &&
      n > 0 &&
      n <= PageSize &&
      ((addr | n) & 7) === 0 &&
      addr + n <= MaxAddress &&
      this.pages[addr >>> PageShift] === PageMapped &&
      this.pages[(addr + n - 1) >>> PageShift] === PageMapped
    );
  }

  /** Fills n bytes at addr with `byte`. */
  fill(addr: number, n: number, byte: number): void {
    this.checkRange(addr, n, true);
    this.u8.fill(byte, addr, addr + n);
  }

  /** Poison fill (Go's StackPoisonCopy patterns): the same as fill. */
  poison(addr: number, n: number, byte: number): void {
    this.fill(addr, n, byte);
  }

  /**
   * Fills n bytes at addr with the 32-bit little-endian pattern repeated from addr on (as clobberfree writes
   * 0xdeadbeef words); a trailing partial word gets the pattern's low bytes.
   */
  fillWord(addr: number, n: number, pattern32: number): void {
    this.checkRange(addr, n, true);
    if (n === 0) return;
    const p = pattern32 >>> 0;
    if ((addr & 3) === 0) {
      const words = n >>> 2;
      this.u32.fill(p, addr >>> 2, (addr >>> 2) + words);
      for (let k = words * 4; k < n; k++) this.u8[addr + k] = p >>> ((k & 3) * 8);
    } else {
      for (let k = 0; k < n; k++) this.u8[addr + k] = p >>> ((k & 3) * 8);
    }
  }
}
