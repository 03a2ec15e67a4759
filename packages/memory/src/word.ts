// Unchecked int64 word access for the interpreter's hot path. `addr` is a byte address, 8-aligned, inside the
// view; nothing is checked. A word is two int32 halves, little endian: lo at addr, hi at addr + 4.

const TwoTo32 = 4294967296;
const TwoToMinus32 = 1 / TwoTo32;

/** The int64 at addr as a JS number: hi * 2^32 + lo, exact when the value is within ±2^53 (else rounded once). */
export function readWord(i32: Int32Array, addr: number): number {
  const i = addr >>> 2;
  return (i32[i + 1] as number) * TwoTo32 + ((i32[i] as number) >>> 0);
}

/** Stores integer v (within ±2^53) as an int64, two's complement; larger integers wrap modulo 2^64. */
export function writeWord(i32: Int32Array, addr: number, v: number): void {
  const i = addr >>> 2;
  const lo = v >>> 0;
  i32[i] = lo;
  i32[i + 1] = (v - lo) * TwoToMinus32; // exact: v - lo is a multiple of 2^32 (a multiply: no division on the hot path)
}

/** True when the int64 at addr is in [-2^53, 2^53), i.e. readWord returns it exactly. */
export function wordIsSmall(i32: Int32Array, addr: number): boolean {
  return (((i32[(addr >>> 2) + 1] as number) + 0x200000) >>> 0) < 0x400000;
}

/** Go's print of a word as hex (uintptr / pointer): negative int64 values print as their unsigned bits. */
export function hexWord(n: number): string {
  return '0x' + (n < 0 ? BigInt.asUintN(64, BigInt(Math.trunc(n))) : n).toString(16);
}

/** Copies n bytes (a multiple of 4) from src to dst by int32 words, unchecked, in the direction an overlap needs. */
export function moveWords(i32: Int32Array, dst: number, src: number, n: number): void {
  const d = dst >>> 2;
  const s = src >>> 2;
  const w = n >>> 2;
  if (d <= s) for (let k = 0; k < w; k++) i32[d + k] = i32[s + k]!;
  else for (let k = w - 1; k >= 0; k--) i32[d + k] = i32[s + k]!;
}

/** Words from which zeroWords fills instead of looping. */
const FillWords = 24;

/**
 * Zeroes the float64 elements [from, to) of a view, unchecked (+0 has every bit zero). On a SharedArrayBuffer view
 * (the fixed backing) Float64Array fill() beats a loop of stores from about 24 words (192 B) up (3-4x at 1 KiB and beyond),
 * while a byte view's fill() is several times slower than either (packages/memory/bench/zero.mjs).
 */
export function zeroWords(f64: Float64Array, from: number, to: number): void {
  if (to - from >= FillWords) f64.fill(0, from, to);
  else for (let k = from; k < to; k++) f64[k] = 0;
}
