// The 8-byte-key variants of the map operations (Go 1.19's runtime/map_fast64.go: mapaccess1_fast64,
// mapassign_fast64, mapdelete_fast64, evacuate_fast64), for plain-memory keys of 8 bytes with elements stored
// in the bucket (MapInfo.fast64). The key is passed as its two int32 halves. Assign and delete match slots by
// comparing keys, as Go's fast variants do; access matches by tophash first and stops at emptyRest, as the generic
// mapaccess does (deviation: Go's mapaccess1_fast64 compares every slot's key; the result is the same, as every live
// slot holds its key's tophash and nothing live follows emptyRest, and here a key is read only on a tophash match).
// They leave memory exactly as the generic operations (map-core.ts) would: the same hash (memhash of the 8 bytes),
// the same slots, the same growth, so the two mix freely.
//
// Invariant: h was checked mapped on entry (countOf: the count word, as load64 would), and every
// address derived from it (buckets, overflow chains) is a heap object of the map, so the typed arrays are read
// and written directly.

import type { Machine } from './machine.js';
import { PageMapped, PageShift, readWord, writeWord, type AddressSpace } from '@gosim/memory';
import {
  advanceEvacuationMark, bucketMask, deleted, hashGrow, newoverflow, noldbuckets, overLoadFactor, tooManyOverflowBuckets,
  tophash,
} from './map-core.js';
import { fmix, mix } from './map-hash.js';
import {
  BucketCnt, EmptyOne, EmptyRest, EvacuatedEmpty, EvacuatedX, Hmap, MinTopHash, SameSizeGrow, OldIterator, newBuckets,
  type MapInfo,
} from './map-layout.js';
import { RuntimePanic } from './signals.js';

/** memhash of the 8 bytes (lo, hi) from seed: map-hash.ts memhash's value for n = 8 (two words, then the length). */
export function memhash64(lo: number, hi: number, seed: number): number {
  return fmix(mix(mix(mix(seed | 0, lo), hi), 8));
}

/** h.count, h being a mapped hmap: load64's fault otherwise (the operation's one checked read of h). */
function countOf(s: AddressSpace, h: number): number {
  if ((h >>> 0) !== h || (h & 7) !== 0 || s.pages[h >>> PageShift] !== PageMapped) return s.load64(h + Hmap.count);
  return readWord(s.i32, h + Hmap.count);
}

/** Keys start right after the tophash bytes; key i's halves are i32 words k and k + 1 of this index. */
const keyWord = (b: number, i: number): number => (b + BucketCnt + i * 8) >>> 2;

/** The bucket chain key (kl, kh) hashes to: in the old table while its bucket there is not evacuated. */
function bucketOf(i32: Int32Array, u8: Uint8Array, info: MapInfo, h: number, lo: number): number {
  let mask = bucketMask(u8[h + Hmap.B]!);
  const b = readWord(i32, h + Hmap.buckets) + (lo & mask) * info.bucketSize;
  const c = readWord(i32, h + Hmap.oldbuckets);
  if (c === 0) return b;
  if ((u8[h + Hmap.flags]! & SameSizeGrow) === 0) mask >>>= 1;
  const oldb = c + (lo & mask) * info.bucketSize;
  const top = u8[oldb]!;
  return top > EmptyOne && top < MinTopHash ? b : oldb; // evacuated: the new bucket
}

/** mapaccess1_fast64: the address of key (kl, kh)'s element, or 0 if absent (also for a nil or empty map). */
export function mapaccess64(m: Machine, info: MapInfo, h: number, kl: number, kh: number): number {
  const s = m.space;
  if (h === 0 || countOf(s, h) === 0) return 0;
  const i32 = s.i32;
  const u8 = s.u8;
  const lo = memhash64(kl, kh, s.i32[(h + Hmap.hash0) >>> 2]!);
  // slots are matched by tophash first (one byte each; a key is read only on a match) and the search ends at emptyRest
  // (Go's mapaccess1_fast64 compares every key instead: see the file comment)
  const top = tophash(lo);
  for (let b = bucketOf(i32, u8, info, h, lo); b !== 0; b = readWord(i32, b + info.overflowOff)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = u8[b + i]!;
      if (th !== top) {
        if (th === EmptyRest) return 0;
        continue;
      }
      const kw = keyWord(b, i);
      if (i32[kw] === kl && i32[kw + 1] === kh) return b + info.elemsOff + i * info.elemSlot;
    }
  }
  return 0;
}

/** mapassign_fast64: the address of key (kl, kh)'s element slot, inserting the key (zero element) if absent. */
export function mapassign64(m: Machine, info: MapInfo, h: number, kl: number, kh: number): number {
  if (h === 0) throw new RuntimePanic('runtime.plainError', 'assignment to entry in nil map', 'runtime.panicwrap');
  const s = m.space;
  countOf(s, h); // h is mapped (faults otherwise)
  let i32 = s.i32;
  let u8 = s.u8;
  const lo = memhash64(kl, kh, i32[(h + Hmap.hash0) >>> 2]!);
  if (readWord(i32, h + Hmap.buckets) === 0) {
    writeWord(i32, h + Hmap.buckets, newBuckets(m, info, 1));
    i32 = s.i32; u8 = s.u8;
  }
  for (;;) {
    const bucket = lo & bucketMask(u8[h + Hmap.B]!);
    if (readWord(i32, h + Hmap.oldbuckets) !== 0) { growWork64(m, info, h, bucket); i32 = s.i32; u8 = s.u8; }
    let b = readWord(i32, h + Hmap.buckets) + bucket * info.bucketSize;
    let insertb = 0;
    let inserti = 0;
    search: for (;;) {
      const kw = keyWord(b, 0);
      for (let i = 0; i < BucketCnt; i++) {
        const th = u8[b + i]!;
        if (th <= EmptyOne) {
          if (insertb === 0) { insertb = b; inserti = i; }
          if (th === EmptyRest) break search;
          continue;
        }
        if (i32[kw + 2 * i] === kl && i32[kw + 2 * i + 1] === kh) return b + info.elemsOff + i * info.elemSlot;
      }
      const ovf = readWord(i32, b + info.overflowOff);
      if (ovf === 0) break;
      b = ovf;
    }
    const count = readWord(i32, h + Hmap.count);
    const B = u8[h + Hmap.B]!;
    if (readWord(i32, h + Hmap.oldbuckets) === 0 && (overLoadFactor(count + 1, B) || tooManyOverflowBuckets(s.u16[(h + Hmap.noverflow) >>> 1]!, B))) {
      hashGrow(m, info, h);
      i32 = s.i32; u8 = s.u8;
      continue; // again: the table changed
    }
    if (insertb === 0) {
      insertb = newoverflow(m, info, h, b);
      inserti = 0;
      i32 = s.i32; u8 = s.u8;
    }
    u8[insertb + inserti] = tophash(lo);
    const kw = keyWord(insertb, inserti);
    i32[kw] = kl;
    i32[kw + 1] = kh;
    writeWord(i32, h + Hmap.count, count + 1);
    return insertb + info.elemsOff + inserti * info.elemSlot;
  }
}

/** mapdelete_fast64: removes key (kl, kh) if present (a nil map is a no-op). */
export function mapdelete64(m: Machine, info: MapInfo, h: number, kl: number, kh: number): void {
  const s = m.space;
  if (h === 0 || countOf(s, h) === 0) return;
  const lo = memhash64(kl, kh, s.i32[(h + Hmap.hash0) >>> 2]!);
  let i32 = s.i32;
  let u8 = s.u8;
  const bucket = lo & bucketMask(u8[h + Hmap.B]!);
  if (readWord(i32, h + Hmap.oldbuckets) !== 0) { growWork64(m, info, h, bucket); i32 = s.i32; u8 = s.u8; }
  const bOrig = readWord(i32, h + Hmap.buckets) + bucket * info.bucketSize;
  for (let b = bOrig; b !== 0; b = readWord(i32, b + info.overflowOff)) {
    const kw = keyWord(b, 0);
    for (let i = 0; i < BucketCnt; i++) {
      if (i32[kw + 2 * i] !== kl || i32[kw + 2 * i + 1] !== kh || u8[b + i]! <= EmptyOne) continue;
      if (info.keyPtrs) { i32[kw + 2 * i] = 0; i32[kw + 2 * i + 1] = 0; } // only a key with pointers is cleared, as Go's
      clearBytes(i32, u8, b + info.elemsOff + i * info.elemSlot, info.elemSlot);
      deleted(m, info, h, bOrig, b, i);
      return;
    }
  }
}

function growWork64(m: Machine, info: MapInfo, h: number, bucket: number): void {
  evacuate64(m, info, h, bucket & (noldbuckets(m, h) - 1));
  if (readWord(m.space.i32, h + Hmap.oldbuckets) !== 0) evacuate64(m, info, h, readWord(m.space.i32, h + Hmap.nevacuate));
}

/** evacuate_fast64: moves old bucket oldbucket's chain to X (same index) or Y (index + newbit) of the new table. */
function evacuate64(m: Machine, info: MapInfo, h: number, oldbucket: number): void {
  const s = m.space;
  let i32 = s.i32;
  let u8 = s.u8;
  const oldbuckets = readWord(i32, h + Hmap.oldbuckets);
  const { bucketSize, elemsOff, elemSlot, overflowOff } = info;
  let b = oldbuckets + oldbucket * bucketSize;
  const newbit = noldbuckets(m, h);
  const top0 = u8[b]!;
  if (!(top0 > EmptyOne && top0 < MinTopHash)) {
    const same = (u8[h + Hmap.flags]! & SameSizeGrow) !== 0;
    const nb = readWord(i32, h + Hmap.buckets);
    // the X and Y destinations: bucket and next free slot
    let xb = nb + oldbucket * bucketSize;
    let xi = 0;
    let yb = same ? 0 : nb + (oldbucket + newbit) * bucketSize;
    let yi = 0;
    const hash0 = s.i32[(h + Hmap.hash0) >>> 2]!;
    for (; b !== 0; b = readWord(i32, b + overflowOff)) {
      const kw = keyWord(b, 0);
      for (let i = 0; i < BucketCnt; i++) {
        const top = u8[b + i]!;
        if (top <= EmptyOne) { u8[b + i] = EvacuatedEmpty; continue; }
        const kl = i32[kw + 2 * i]!;
        const kh = i32[kw + 2 * i + 1]!;
        const useY = !same && (memhash64(kl, kh, hash0) & newbit) !== 0;
        u8[b + i] = EvacuatedX + (useY ? 1 : 0);
        let db: number;
        let di: number;
        if (!useY) {
          if (xi === BucketCnt) { xb = newoverflow(m, info, h, xb); xi = 0; i32 = s.i32; u8 = s.u8; }
          db = xb; di = xi++;
        } else {
          if (yi === BucketCnt) { yb = newoverflow(m, info, h, yb); yi = 0; i32 = s.i32; u8 = s.u8; }
          db = yb; di = yi++;
        }
        u8[db + di] = top;
        const dw = keyWord(db, di);
        i32[dw] = kl;
        i32[dw + 1] = kh;
        copyBytes(i32, u8, db + elemsOff + di * elemSlot, b + elemsOff + i * elemSlot, elemSlot);
      }
    }
    // clear the keys and elements (for the GC, so not in noscan buckets) unless an old iterator needs them
    if ((u8[h + Hmap.flags]! & OldIterator) === 0 && !info.noscan) {
      const ob = oldbuckets + oldbucket * bucketSize;
      s.memclr(ob + BucketCnt, bucketSize - BucketCnt);
    }
  }
  if (oldbucket === readWord(s.i32, h + Hmap.nevacuate)) advanceEvacuationMark(m, info, h, newbit);
}

/** Copies n bytes from src to dst (distinct slots of mapped buckets): whole int32 words when both allow. */
export function copyBytes(i32: Int32Array, u8: Uint8Array, dst: number, src: number, n: number): void {
  if (((dst | src | n) & 3) === 0) {
    for (let d = dst >>> 2, q = src >>> 2, e = d + (n >>> 2); d < e; d++, q++) i32[d] = i32[q]!;
  } else {
    for (let k = 0; k < n; k++) u8[dst + k] = u8[src + k]!;
  }
}

/** Zeroes n bytes at p (a slot of a mapped bucket). */
export function clearBytes(i32: Int32Array, u8: Uint8Array, p: number, n: number): void {
  if (((p | n) & 3) === 0) for (let d = p >>> 2, e = d + (n >>> 2); d < e; d++) i32[d] = 0;
  else for (let k = 0; k < n; k++) u8[p + k] = 0;
}
