// Slices and strings: slicing with Go's bounds checks (panicSlice*), growslice, copy, the string conversions
// (stringtoslicebyte, slicebytetostring, intstring, ...) and decoderune, as Go 1.19's runtime/slice.go,
// string.go and utf8.go do them.

import { MaxAlloc, OutOfMemoryError, readWord, roundUpSize, writeWord } from '@gosim/memory';
import { Op, SliceFlag } from '@gosim/program';
import type { G } from '@gosim/stack';
import { ChanResult } from './chan.js';
import type { ExtOps } from './ext-ops.js';
import { int64At, uint64At } from './format.js';
import type { Machine } from './machine.js';
import { RuntimePanic } from './signals.js';

type Space = Machine['space'];

/** Go's boundsCode formats (runtime/error.go), by panic function; the second form is for a negative index. */
const boundsFmt = {
  SliceAlen: ['slice bounds out of range [:%x] with length %y', 'slice bounds out of range [:%x]'],
  SliceAcap: ['slice bounds out of range [:%x] with capacity %y', 'slice bounds out of range [:%x]'],
  SliceB: ['slice bounds out of range [%x:%y]', 'slice bounds out of range [%x:]'],
  Slice3Alen: ['slice bounds out of range [::%x] with length %y', 'slice bounds out of range [::%x]'],
  Slice3Acap: ['slice bounds out of range [::%x] with capacity %y', 'slice bounds out of range [::%x]'],
  Slice3B: ['slice bounds out of range [:%x:%y]', 'slice bounds out of range [:%x:]'],
  Slice3C: ['slice bounds out of range [%x:%y:]', 'slice bounds out of range [%x::]'],
  SliceConvert: ['cannot convert slice with length %x to pointer to array with length %y', 'cannot convert slice with length %x to pointer to array with length %y'],
} as const;

/** A boundsError raised through goPanic<code> (goPanic<code>U for an unsigned index), as the compiler calls them. */
function boundsError(s: Space, code: keyof typeof boundsFmt, xa: number, unsigned: boolean, y: number): RuntimePanic {
  const x = unsigned ? uint64At(s, xa) : int64At(s, xa);
  const [fmt, neg] = boundsFmt[code];
  const text = (x.startsWith('-') ? neg : fmt).replace('%x', x).replace('%y', String(y));
  return new RuntimePanic('runtime.boundsError', `runtime error: ${text}`, `runtime.goPanic${code}${unsigned ? 'U' : ''}`);
}

/** The panic entry points this file raises through (load.ts defines one per name). */
export const slicePanicEntries: readonly string[] = [
  ...Object.keys(boundsFmt).flatMap((c) => [`runtime.goPanic${c}`, `runtime.goPanic${c}U`]),
  'runtime.panicunsafeslicelen', 'runtime.panicunsafeslicenilptr',
];

/** The word at addr, exactly (two's complement, signed). */
function word64(i32: Int32Array, addr: number): bigint {
  return (BigInt(i32[(addr >>> 2) + 1]!) << 32n) | BigInt(i32[addr >>> 2]! >>> 0);
}

/** unsafe.Slice(ptr, len) (runtime.unsafeslice): dst = {ptr, len, len} after Go 1.19's checks. */
function unsafeslice(m: Machine, dst: number, elem: number, lenAddr: number): void {
  const i32 = m.space.i32;
  const ptr = BigInt.asUintN(64, word64(i32, dst));
  const len = word64(i32, lenAddr);
  const size = BigInt(m.prog.types[elem]!.size);
  const lenPanic = (): never => { throw new RuntimePanic('runtime.errorString', 'runtime error: unsafe.Slice: len out of range', 'runtime.panicunsafeslicelen'); };
  const nilPanic = (): never => { throw new RuntimePanic('runtime.errorString', 'runtime error: unsafe.Slice: ptr is nil and len is not zero', 'runtime.panicunsafeslicenilptr'); };
  if (len < 0n) lenPanic();
  if (size === 0n) {
    if (ptr === 0n && len > 0n) nilPanic();
  } else if (size * len >= 1n << 64n || size * len > BigInt.asUintN(64, -ptr)) {
    if (ptr === 0n) nilPanic();
    lenPanic();
  }
  m.space.memmove(dst + 8, lenAddr, 8);
  m.space.memmove(dst + 16, lenAddr, 8);
}

/** Is the word at a (unsigned) at most n (a non-negative length)? A negative signed word is huge unsigned. */
function le(s: Space, a: number, n: number): boolean {
  const v = readWord(s.i32, a);
  return v >= 0 && v <= n && s.i32[(a >>> 2) + 1]! >= 0;
}

/** SLICE: blk = {ptr, len, cap, i, j, k}; checks k, then j, then i, as ssagen's slice does (reverse order). */
function slice(s: Space, sp: number, a: number, b: number, flags: number): void {
  const i32 = s.i32;
  const blk = sp + b;
  const ptr = readWord(i32, blk);
  const len = readWord(i32, blk + 8);
  if (flags & SliceFlag.Convert) { // slice to array pointer (Go 1.17): panicSliceConvert
    const n = readWord(i32, blk + 32);
    if (len < n) throw boundsError(s, 'SliceConvert', blk + 8, false, n);
    writeWord(i32, sp + a, ptr);
    return;
  }
  const cap = flags & SliceFlag.LenBound ? len : readWord(i32, blk + 16);
  const three = (flags & SliceFlag.Three) !== 0;
  let hi = cap;
  if (three) {
    if (!le(s, blk + 40, cap)) throw boundsError(s, flags & SliceFlag.LenBound ? 'Slice3Alen' : 'Slice3Acap', blk + 40, (flags & SliceFlag.UnsignedK) !== 0, cap);
    hi = readWord(i32, blk + 40);
    if (!le(s, blk + 32, hi)) throw boundsError(s, 'Slice3B', blk + 32, (flags & SliceFlag.UnsignedJ) !== 0, hi);
  } else if (!le(s, blk + 32, cap)) throw boundsError(s, flags & SliceFlag.LenBound ? 'SliceAlen' : 'SliceAcap', blk + 32, (flags & SliceFlag.UnsignedJ) !== 0, cap);
  const j = readWord(i32, blk + 32);
  if (!le(s, blk + 24, j)) throw boundsError(s, three ? 'Slice3C' : 'SliceB', blk + 24, (flags & SliceFlag.UnsignedI) !== 0, j);
  const i = readWord(i32, blk + 24);
  const es = flags >>> SliceFlag.ElemShift;
  const k = three ? hi : cap;
  // the pointer does not advance when the result is empty at the end (it would point past the array)
  const newCap = flags & SliceFlag.Str ? j - i : k - i;
  writeWord(i32, sp + a, newCap === 0 ? ptr : ptr + i * es);
  writeWord(i32, sp + a + 8, j - i);
  if (!(flags & SliceFlag.Str)) writeWord(i32, sp + a + 16, k - i);
}

/** growslice (Go 1.19): the new capacity for at least newLen elements of size es, rounded to a size class. */
export function growCap(oldCap: number, newLen: number, es: number): number {
  let newcap = oldCap;
  const doublecap = newcap + newcap;
  if (newLen > doublecap) newcap = newLen;
  else if (oldCap < 256) newcap = doublecap;
  else {
    while (0 < newcap && newcap < newLen) newcap += Math.floor((newcap + 3 * 256) / 4);
    if (newcap <= 0) newcap = newLen;
  }
  if (newcap * es > MaxAlloc) return -1;
  return Math.floor(roundUpSize(newcap * es) / es);
}

function growslice(m: Machine, sp: number, a: number, elem: number, c: number): void {
  const s = m.space;
  const i32 = s.i32;
  const t = m.prog.types[elem]!;
  const oldPtr = readWord(i32, sp + a);
  const oldLen = readWord(i32, sp + a + 8);
  const oldCap = readWord(i32, sp + a + 16);
  const newLen = readWord(i32, sp + c);
  if (newLen < oldCap) m.runtimeErrorPanic('runtime.errorString', 'runtime error: growslice: cap out of range');
  if (t.size === 0) {
    // Go returns &zerobase: never nil
    if (oldPtr === 0) writeWord(i32, sp + a, m.allocBytes(0));
    s.memmove(sp + a + 16, sp + c, 8);
    return;
  }
  const newCap = growCap(oldCap, newLen, t.size);
  if (newCap < 0) m.runtimeErrorPanic('runtime.errorString', 'runtime error: growslice: cap out of range');
  if (newCap * t.size > s.maxBytes) throw new OutOfMemoryError('address-space', newCap * t.size, s.mapped, s.maxBytes);
  const p = m.allocArray(elem, newCap);
  if (oldLen > 0) s.memmove(p, oldPtr, oldLen * t.size);
  writeWord(i32, sp + a, p);
  writeWord(i32, sp + a + 16, newCap);
}

/** A new heap byte array holding n bytes (rawbyteslice: capacity rounded up to the size class). */
function rawBytes(m: Machine, n: number): [number, number] {
  const cap = n === 0 ? 0 : roundUpSize(n);
  return [n === 0 ? m.allocBytes(0) : m.allocBytes(cap), cap];
}

const RuneError = 0xfffd;
/** Go's tmpStringBufSize: the elements of a non-escaping conversion's stack buffer. */
export const TmpBufSize = 32;

/** decoderune (runtime/utf8.go): the rune at p[k] of an n-byte string and the index after it. */
export function decodeRune(u8: Uint8Array, p: number, n: number, k: number): [number, number] {
  const c0 = u8[p + k]!;
  if (c0 < 0x80) return [c0, k + 1];
  const at = (i: number): number => (k + i < n ? u8[p + k + i]! : -1);
  const cont = (x: number, lo = 0x80, hi = 0xbf): boolean => x >= lo && x <= hi;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    const c1 = at(1);
    if (cont(c1)) return [((c0 & 0x1f) << 6) | (c1 & 0x3f), k + 2];
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    const c1 = at(1);
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    if (cont(c1, lo, hi)) {
      const c2 = at(2);
      if (cont(c2)) return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f), k + 3];
    }
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    const c1 = at(1);
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    if (cont(c1, lo, hi)) {
      const c2 = at(2);
      const c3 = at(3);
      if (cont(c2) && cont(c3)) return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f), k + 4];
    }
  }
  return [RuneError, k + 1];
}

/** encoderune: the UTF-8 bytes of r (an invalid code point is RuneError). */
export function encodeRune(r: number): number[] {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RuneError;
  if (r < 0x80) return [r];
  if (r < 0x800) return [0xc0 | (r >> 6), 0x80 | (r & 0x3f)];
  if (r < 0x10000) return [0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f)];
  return [0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f)];
}

/** A new heap string of the given bytes, written as {ptr, len} at d. */
function newString(m: Machine, d: number, bytes: ArrayLike<number>): void {
  const s = m.space;
  if (bytes.length === 0) {
    writeWord(s.i32, d, 0);
    writeWord(s.i32, d + 8, 0);
    return;
  }
  const p = m.allocBytes(bytes.length);
  for (let i = 0; i < bytes.length; i++) s.u8[p + i] = bytes[i]!;
  writeWord(s.i32, d, p);
  writeWord(s.i32, d + 8, bytes.length);
}

/** The runes of the string {p, n} (decoderune over it). */
function runesOf(s: Space, p: number, n: number): number[] {
  const out: number[] = [];
  if (n > 0) s.checkRange(p, n, false);
  for (let k = 0; k < n;) {
    const [r, next] = decodeRune(s.u8, p, n, k);
    out.push(r);
    k = next;
  }
  return out;
}

function writeSlice(s: Space, d: number, p: number, len: number, cap: number): void {
  writeWord(s.i32, d, p);
  writeWord(s.i32, d + 8, len);
  writeWord(s.i32, d + 16, cap);
}

const pure = (run: (m: Machine, sp: number, a: number, b: number, c: number) => void) => ({
  safePoint: false,
  run(m: Machine, _g: G, sp: number, a: number, b: number, c: number): number {
    run(m, sp, a, b, c);
    return ChanResult.Done;
  },
});
const alloc = (run: (m: Machine, sp: number, a: number, b: number, c: number) => void) => ({ ...pure(run), safePoint: true });

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const sliceOps: ExtOps = {
  [Op.SLICE]: pure((m, sp, a, b, c) => slice(m.space, sp, a, b, c)),
  [Op.GROWSLICE]: alloc((m, sp, a, b, c) => growslice(m, sp, a, b, c)),
  [Op.SLICECOPY]: pure((m, sp, a, b, c) => {
    const s = m.space;
    const blk = sp + b;
    const n = Math.min(readWord(s.i32, blk + 8), readWord(s.i32, blk + 24));
    if (n > 0 && c > 0) s.memmove(readWord(s.i32, blk), readWord(s.i32, blk + 16), n * c);
    writeWord(s.i32, sp + a, n);
  }),
  [Op.STRTOBYTES]: alloc((m, sp, a, b, c) => {
    const s = m.space;
    const n = readWord(s.i32, sp + b + 8);
    const src = readWord(s.i32, sp + b);
    // stringtoslicebyte: a non-escaping result uses the caller's tmpBuf when it fits
    const [p, cap] = c >= 0 && n <= TmpBufSize ? (s.fill(sp + c, TmpBufSize, 0), [sp + c, TmpBufSize]) : rawBytes(m, n);
    if (n > 0) s.memmove(p, src, n);
    writeSlice(s, sp + a, p, n, cap);
  }),
  [Op.STRTORUNES]: alloc((m, sp, a, b, c) => {
    const s = m.space;
    const rs = runesOf(s, readWord(s.i32, sp + b), readWord(s.i32, sp + b + 8));
    const onStack = c >= 0 && rs.length <= TmpBufSize;
    if (onStack) s.fill(sp + c, 4 * TmpBufSize, 0);
    const cap = onStack ? TmpBufSize : rs.length === 0 ? 0 : roundUpSize(rs.length * 4) / 4;
    const p = onStack ? sp + c : m.allocBytes(cap * 4);
    rs.forEach((r, i) => s.store32(p + 4 * i, r));
    writeSlice(s, sp + a, p, rs.length, cap);
  }),
  [Op.BYTESTOSTR]: alloc((m, sp, a, b) => {
    const s = m.space;
    const n = readWord(s.i32, sp + b + 8);
    const src = readWord(s.i32, sp + b);
    if (n > 0) s.checkRange(src, n, false);
    newString(m, sp + a, n > 0 ? s.u8.slice(src, src + n) : []);
  }),
  [Op.RUNESTOSTR]: alloc((m, sp, a, b) => {
    const s = m.space;
    const n = readWord(s.i32, sp + b + 8);
    const src = readWord(s.i32, sp + b);
    const bytes: number[] = [];
    for (let i = 0; i < n; i++) bytes.push(...encodeRune(s.load32(src + 4 * i) | 0));
    newString(m, sp + a, bytes);
  }),
  [Op.RUNETOSTR]: alloc((m, sp, a, b) => {
    const s = m.space;
    const hi = s.i32[((sp + b) >>> 2) + 1]!;
    const v = hi === 0 ? readWord(s.i32, sp + b) : -1;
    newString(m, sp + a, encodeRune(v));
  }),
  [Op.UNSAFESLICE]: pure((m, sp, a, b, c) => unsafeslice(m, sp + a, b, sp + c)),
  [Op.DECODERUNE]: pure((m, sp, a, b, c) => {
    const s = m.space;
    const p = readWord(s.i32, sp + b);
    const n = readWord(s.i32, sp + b + 8);
    s.checkRange(p, n, false);
    const [r, next] = decodeRune(s.u8, p, n, readWord(s.i32, sp + c));
    writeWord(s.i32, sp + a, r);
    writeWord(s.i32, sp + a + 8, next);
  }),
};

