// Go 1.19's hash map (runtime/map.go) on simulated memory: makemap, mapaccess, mapassign, mapdelete, and
// growth (hashGrow, growWork, evacuate) by doubling, or at the same size when there are too many overflow
// buckets. Keys are hashed and compared by their type descriptors (map-hash.ts).

import type { Machine } from './machine.js';
import { readWord, writeWord } from '@gosim/memory';
import { fastrandOf, keyequal, keyhash, typeequal, typehash } from './map-hash.js';
import {
  BucketCnt, EmptyOne, EmptyRest, EvacuatedEmpty, EvacuatedX, Hmap, Iterator, LoadFactorDen,
  LoadFactorNum, MapExtra, MinTopHash, OldIterator, SameSizeGrow, extraTypesOf, mapInfo, newBuckets, newPtrArray,
  type MapInfo,
} from './map-layout.js';
import { growCap } from './slice.js';
import { RuntimePanic } from './signals.js';

/**
 * The tophash byte of a key's 64-bit hash, as Go's amd64 uintptr: `lo` (the hash's low half, typehash's result)
 * selects the bucket, and the top byte comes from the high half, a mix of lo.
 */
export function tophash(lo: number): number {
  let hi = Math.imul(lo ^ (lo >>> 15), 0x2c1b3c6d);
  hi = Math.imul(hi ^ (hi >>> 12), 0x297a2d39);
  hi = (hi ^ (hi >>> 15)) >>> 0;
  const top = hi >>> 24;
  return top < MinTopHash ? top + MinTopHash : top;
}

export const bucketShift = (b: number): number => (b < 31 ? 1 << b : 2 ** b);
export const bucketMask = (b: number): number => bucketShift(b) - 1;

export function overLoadFactor(count: number, b: number): boolean {
  return count > BucketCnt && count > LoadFactorNum * (bucketShift(b) / LoadFactorDen);
}

export function tooManyOverflowBuckets(noverflow: number, b: number): boolean {
  if (b > 15) b = 15;
  return noverflow >= 1 << b;
}

const isEmpty = (x: number): boolean => x <= EmptyOne;

export function keyAt(m: Machine, info: MapInfo, b: number, i: number): number {
  const k = b + info.keysOff + i * info.keySlot;
  return info.indirectKey ? readWord(m.space.i32, k) : k;
}

export function elemAt(m: Machine, info: MapInfo, b: number, i: number): number {
  const e = b + info.elemsOff + i * info.elemSlot;
  return info.indirectElem ? readWord(m.space.i32, e) : e;
}

export function overflow(m: Machine, info: MapInfo, b: number): number {
  return readWord(m.space.i32, b + info.overflowOff);
}

export function evacuated(m: Machine, b: number): boolean {
  const h = m.space.u8[b]!;
  return h > EmptyOne && h < MinTopHash;
}

// The hmap's fields are read through the typed arrays: h was checked (load64 of count) on entry to each operation.
export const growing = (m: Machine, h: number): boolean => readWord(m.space.i32, h + Hmap.oldbuckets) !== 0;
export const sameSizeGrow = (m: Machine, h: number): boolean => (m.space.u8[h + Hmap.flags]! & SameSizeGrow) !== 0;
export const noldbuckets = (m: Machine, h: number): number => {
  let b = m.space.u8[h + Hmap.B]!;
  if (!sameSizeGrow(m, h)) b--;
  return bucketShift(b);
};

/** makemap: initializes the hmap at h (zeroed) for about `hint` entries. */
export function makemap(m: Machine, t: number, hint: number, h: number): void {
  const info = mapInfo(m, t);
  const s = m.space;
  if (hint < 0 || hint * info.bucketSize > 2 ** 40) hint = 0;
  s.store32(h + Hmap.hash0, fastrandOf(m) | 0);
  let b = 0;
  while (overLoadFactor(hint, b)) b++;
  s.store8(h + Hmap.B, b);
  if (b !== 0) {
    s.store64(h + Hmap.buckets, newBuckets(m, info, bucketShift(b)));
    if (info.noscan) createOverflow(m, h);
  }
}

/**
 * createOverflow for a noscan map, when it gets a table of B >= 1 (makemap, hashGrow): its mapextra and an empty
 * overflow list. Deviation: Go creates them lazily, in newoverflow and in mapiterinit; here mapiterinit may not
 * allocate (MAPITERINIT is not a safe point: ext-ops.ts), so the list exists before any iterator needs it. A table of
 * one bucket never gets an overflow bucket (it grows first), so it goes without; the cost is a mapextra and a slice
 * header for every noscan map that reaches B >= 1, overflowing or not.
 */
function createOverflow(m: Machine, h: number): number {
  const types = extraTypesOf(m);
  let x = readWord(m.space.i32, h + Hmap.extra);
  if (x === 0) {
    x = m.heap.alloc(MapExtra.size, types.extra);
    writeWord(m.space.i32, h + Hmap.extra, x);
  }
  if (readWord(m.space.i32, x + MapExtra.overflow) === 0) writeWord(m.space.i32, x + MapExtra.overflow, m.heap.alloc(24, types.sliceHeader));
  return x;
}

/**
 * append(*h.extra.overflow, ovf): a noscan map's overflow bucket, kept alive by the list (Go's growslice capacities).
 * The list exists: an overflow bucket is only made for a table of B >= 1 (createOverflow).
 */
function appendOverflow(m: Machine, h: number, ovf: number): void {
  const s = m.space;
  const hdr = readWord(s.i32, readWord(s.i32, h + Hmap.extra) + MapExtra.overflow);
  const len = readWord(s.i32, hdr + 8);
  const cap = readWord(s.i32, hdr + 16);
  let arr = readWord(s.i32, hdr);
  if (len === cap) {
    const ncap = growCap(cap, len + 1, 8);
    const na = newPtrArray(m, ncap);
    if (len > 0) s.memmove(na, arr, len * 8);
    writeWord(s.i32, hdr, na);
    writeWord(s.i32, hdr + 16, ncap);
    arr = na;
  }
  writeWord(s.i32, arr + len * 8, ovf);
  writeWord(s.i32, hdr + 8, len + 1);
}

/** mapaccess: the address of key's element, or 0 if absent (also for a nil or empty map). */
export function mapaccess(m: Machine, t: number, h: number, key: number): number {
  return mapaccessInfo(m, mapInfo(m, t), h, key);
}

/** mapaccess with the map type's facts already looked up. */
export function mapaccessInfo(m: Machine, info: MapInfo, h: number, key: number): number {
  const s = m.space;
  if (h === 0 || s.load64(h + Hmap.count) === 0) {
    if (info.hashEmpty) typehash(m, info.key, key, 0);
    return 0;
  }
  const lo = keyhash(m, info, key, s.i32[(h + Hmap.hash0) >>> 2]!);
  const top = tophash(lo);
  const i32 = s.i32;
  const u8 = s.u8;
  let mask = bucketMask(u8[h + Hmap.B]!);
  let b = readWord(i32, h + Hmap.buckets) + (lo & mask) * info.bucketSize;
  const c = readWord(i32, h + Hmap.oldbuckets);
  if (c !== 0) {
    if (!sameSizeGrow(m, h)) mask = Math.floor(mask / 2);
    const oldb = c + (lo & mask) * info.bucketSize;
    if (!evacuated(m, oldb)) b = oldb;
  }
  for (; b !== 0; b = readWord(i32, b + info.overflowOff)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = u8[b + i]!;
      if (th !== top) {
        if (th === EmptyRest) return 0;
        continue;
      }
      if (keyequal(m, info, key, keyAt(m, info, b, i))) return elemAt(m, info, b, i);
    }
  }
  return 0;
}

/** The bucket * 8 + slot of key (hash lo, tophash top) in the current table (old buckets while not evacuated), or -1. */
export function lookup(m: Machine, info: MapInfo, h: number, key: number, lo: number, top: number): number {
  const s = m.space;
  let mask = bucketMask(s.u8[h + Hmap.B]!);
  let b = readWord(s.i32, h + Hmap.buckets) + (lo & mask) * info.bucketSize;
  const c = readWord(s.i32, h + Hmap.oldbuckets);
  if (c !== 0) {
    if (!sameSizeGrow(m, h)) mask = Math.floor(mask / 2);
    const oldb = c + (lo & mask) * info.bucketSize;
    if (!evacuated(m, oldb)) b = oldb;
  }
  for (; b !== 0; b = overflow(m, info, b)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = s.u8[b + i]!;
      if (th !== top) {
        if (th === EmptyRest) return -1;
        continue;
      }
      if (keyequal(m, info, key, keyAt(m, info, b, i))) return b * BucketCnt + i;
    }
  }
  return -1;
}

/** mapassign: the address of key's element slot, inserting the key (zero element) if absent. */
export function mapassign(m: Machine, t: number, h: number, key: number): number {
  if (h === 0) throw new RuntimePanic('runtime.plainError', 'assignment to entry in nil map', 'runtime.panicwrap');
  const info = mapInfo(m, t);
  const s = m.space;
  const lo = keyhash(m, info, key, s.load32(h + Hmap.hash0));
  const top = tophash(lo);
  const i32 = s.i32;
  const u8 = s.u8;
  if (readWord(i32, h + Hmap.buckets) === 0) writeWord(i32, h + Hmap.buckets, newBuckets(m, info, 1));
  for (;;) {
    const bucket = lo & bucketMask(u8[h + Hmap.B]!);
    if (growing(m, h)) growWork(m, info, h, bucket);
    let b = readWord(i32, h + Hmap.buckets) + bucket * info.bucketSize;
    let insertb = 0;
    let inserti = 0;
    search: for (;;) {
      for (let i = 0; i < BucketCnt; i++) {
        const th = u8[b + i]!;
        if (th !== top) {
          if (isEmpty(th) && insertb === 0) { insertb = b; inserti = i; }
          if (th === EmptyRest) break search;
          continue;
        }
        const k = keyAt(m, info, b, i);
        if (!keyequal(m, info, key, k)) continue;
        // needkeyupdate: +0 may replace -0, a string key takes the new bytes' pointer
        s.memmove(k, key, info.keySize);
        return elemAt(m, info, b, i);
      }
      const ovf = readWord(i32, b + info.overflowOff);
      if (ovf === 0) break;
      b = ovf;
    }
    const count = readWord(i32, h + Hmap.count);
    if (!growing(m, h) && (overLoadFactor(count + 1, u8[h + Hmap.B]!) || tooManyOverflowBuckets(s.u16[(h + Hmap.noverflow) >>> 1]!, u8[h + Hmap.B]!))) {
      hashGrow(m, info, h);
      continue; // again: the table changed
    }
    if (insertb === 0) {
      insertb = newoverflow(m, info, h, b);
      inserti = 0;
    }
    const ks = insertb + info.keysOff + inserti * info.keySlot;
    const es = insertb + info.elemsOff + inserti * info.elemSlot;
    let kmem = ks;
    if (info.indirectKey) { kmem = m.heap.alloc(info.keySize, info.key); s.store64(ks, kmem); }
    if (info.indirectElem) s.store64(es, m.heap.alloc(info.elemSize, info.elem));
    s.memmove(kmem, key, info.keySize);
    u8[insertb + inserti] = top;
    writeWord(i32, h + Hmap.count, count + 1);
    return info.indirectElem ? readWord(i32, es) : es;
  }
}

export function newoverflow(m: Machine, info: MapInfo, h: number, b: number): number {
  const s = m.space;
  const ovf = newBuckets(m, info, 1);
  // incrnoverflow: exact below 2^16 buckets, then approximately (with probability 1/2^(B-15))
  const B = s.u8[h + Hmap.B]!;
  if (B < 16) s.store16(h + Hmap.noverflow, s.load16(h + Hmap.noverflow) + 1);
  else if ((fastrandOf(m) & (2 ** (B - 15) - 1)) === 0) s.store16(h + Hmap.noverflow, s.load16(h + Hmap.noverflow) + 1);
  s.store64(b + info.overflowOff, ovf);
  if (info.noscan) appendOverflow(m, h, ovf);
  return ovf;
}

export function hashGrow(m: Machine, info: MapInfo, h: number): void {
  const s = m.space;
  let bigger = 1;
  let flags = s.u8[h + Hmap.flags]!;
  if (!overLoadFactor(s.load64(h + Hmap.count) + 1, s.u8[h + Hmap.B]!)) { bigger = 0; flags |= SameSizeGrow; }
  const old = s.load64(h + Hmap.buckets);
  const B = s.u8[h + Hmap.B]! + bigger;
  const nb = newBuckets(m, info, bucketShift(B));
  let nf = flags & ~(Iterator | OldIterator);
  if (flags & Iterator) nf |= OldIterator;
  s.store8(h + Hmap.B, B);
  s.store8(h + Hmap.flags, nf);
  s.store64(h + Hmap.oldbuckets, old);
  s.store64(h + Hmap.buckets, nb);
  s.store64(h + Hmap.nevacuate, 0);
  s.store16(h + Hmap.noverflow, 0);
  if (info.noscan) {
    // the current overflow buckets become the old table's; the new table starts an empty list (Go leaves
    // overflow nil until newoverflow or mapiterinit: see createOverflow)
    const x = s.load64(h + Hmap.extra);
    if (x !== 0) {
      s.store64(x + MapExtra.oldoverflow, s.load64(x + MapExtra.overflow));
      s.store64(x + MapExtra.overflow, 0);
    }
    createOverflow(m, h);
  }
}

function growWork(m: Machine, info: MapInfo, h: number, bucket: number): void {
  evacuate(m, info, h, bucket & (noldbuckets(m, h) - 1));
  if (growing(m, h)) evacuate(m, info, h, readWord(m.space.i32, h + Hmap.nevacuate));
}

function evacuate(m: Machine, info: MapInfo, h: number, oldbucket: number): void {
  const s = m.space;
  const i32 = s.i32;
  const u8 = s.u8;
  const oldbuckets = readWord(i32, h + Hmap.oldbuckets);
  let b = oldbuckets + oldbucket * info.bucketSize;
  const newbit = noldbuckets(m, h);
  if (!evacuated(m, b)) {
    const same = sameSizeGrow(m, h);
    const nb = readWord(i32, h + Hmap.buckets);
    // the X (same index) and Y (index + newbit) destinations: bucket and next free slot
    let xb = nb + oldbucket * info.bucketSize;
    let xi = 0;
    let yb = same ? 0 : nb + (oldbucket + newbit) * info.bucketSize;
    let yi = 0;
    const hash0 = s.i32[(h + Hmap.hash0) >>> 2]!;
    const { keysOff, elemsOff, keySlot, elemSlot } = info;
    for (; b !== 0; b = readWord(i32, b + info.overflowOff)) {
      for (let i = 0; i < BucketCnt; i++) {
        let top = u8[b + i]!;
        if (isEmpty(top)) { u8[b + i] = EvacuatedEmpty; continue; }
        let useY = 0;
        if (!same) {
          const k = keyAt(m, info, b, i);
          const lo = keyhash(m, info, k, hash0);
          if ((u8[h + Hmap.flags]! & Iterator) !== 0 && !keyequal(m, info, k, k)) {
            // NaN keys: their hash is random; move them by the tophash's low bit so iterators can follow
            useY = top & 1;
            top = tophash(lo);
          } else if ((lo & newbit) !== 0) useY = 1;
        }
        u8[b + i] = EvacuatedX + useY;
        let db: number;
        let di: number;
        if (useY === 0) {
          if (xi === BucketCnt) { xb = newoverflow(m, info, h, xb); xi = 0; }
          db = xb; di = xi++;
        } else {
          if (yi === BucketCnt) { yb = newoverflow(m, info, h, yb); yi = 0; }
          db = yb; di = yi++;
        }
        u8[db + di] = top;
        s.memmove(db + keysOff + di * keySlot, b + keysOff + i * keySlot, keySlot);
        s.memmove(db + elemsOff + di * elemSlot, b + elemsOff + i * elemSlot, elemSlot);
      }
    }
    // unlink the overflow buckets and clear the keys and elements (for the GC, so not in noscan buckets) unless an old iterator needs them
    if ((u8[h + Hmap.flags]! & OldIterator) === 0 && !info.noscan) {
      const ob = oldbuckets + oldbucket * info.bucketSize;
      s.memclr(ob + BucketCnt, info.bucketSize - BucketCnt);
    }
  }
  if (oldbucket === readWord(i32, h + Hmap.nevacuate)) advanceEvacuationMark(m, info, h, newbit);
}

export function advanceEvacuationMark(m: Machine, info: MapInfo, h: number, newbit: number): void {
  const s = m.space;
  let n = s.load64(h + Hmap.nevacuate) + 1;
  const stop = Math.min(n + 1024, newbit);
  const old = s.load64(h + Hmap.oldbuckets);
  while (n !== stop && evacuated(m, old + n * info.bucketSize)) n++;
  s.store64(h + Hmap.nevacuate, n);
  if (n === newbit) {
    s.store64(h + Hmap.oldbuckets, 0);
    const x = s.load64(h + Hmap.extra);
    if (x !== 0) s.store64(x + MapExtra.oldoverflow, 0);
    s.store8(h + Hmap.flags, s.u8[h + Hmap.flags]! & ~SameSizeGrow);
  }
}

/** mapdelete: removes key if present (a nil map is a no-op). */
export function mapdelete(m: Machine, t: number, h: number, key: number): void {
  const info = mapInfo(m, t);
  const s = m.space;
  if (h === 0 || s.load64(h + Hmap.count) === 0) {
    if (info.hashEmpty) typehash(m, info.key, key, 0);
    return;
  }
  const lo = keyhash(m, info, key, s.i32[(h + Hmap.hash0) >>> 2]!);
  const top = tophash(lo);
  const i32 = s.i32;
  const u8 = s.u8;
  const bucket = lo & bucketMask(u8[h + Hmap.B]!);
  if (growing(m, h)) growWork(m, info, h, bucket);
  const bOrig = readWord(i32, h + Hmap.buckets) + bucket * info.bucketSize;
  for (let b = bOrig; b !== 0; b = readWord(i32, b + info.overflowOff)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = u8[b + i]!;
      if (th !== top) {
        if (th === EmptyRest) return;
        continue;
      }
      if (!keyequal(m, info, key, keyAt(m, info, b, i))) continue;
      // as Go's, only a key with pointers (or an indirect key's pointer) is cleared; the element always is
      if (info.indirectKey || info.keyPtrs) s.memclr(b + info.keysOff + i * info.keySlot, info.keySlot);
      s.memclr(b + info.elemsOff + i * info.elemSlot, info.elemSlot);
      deleted(m, info, h, bOrig, b, i);
      return;
    }
  }
}

/**
 * The bookkeeping after clearing slot i of bucket b (in the chain from bOrig): the slot becomes emptyOne, or emptyRest
 * with the run of empty slots before it when nothing follows; count drops, and an emptied map gets a new seed.
 */
export function deleted(m: Machine, info: MapInfo, h: number, bOrig: number, b: number, i: number): void {
  const s = m.space;
  const i32 = s.i32;
  const u8 = s.u8;
  u8[b + i] = EmptyOne;
  const last = i === BucketCnt - 1
    ? overflow(m, info, b) === 0 || u8[overflow(m, info, b)]! === EmptyRest
    : u8[b + i + 1]! === EmptyRest;
  if (last) {
    // mark the run of empty slots ending here as emptyRest, walking back through the chain
    let cb = b;
    let ci = i;
    for (;;) {
      u8[cb + ci] = EmptyRest;
      if (ci === 0) {
        if (cb === bOrig) break;
        const c = cb;
        for (cb = bOrig; overflow(m, info, cb) !== c; cb = overflow(m, info, cb)) { /* find the previous bucket */ }
        ci = BucketCnt - 1;
      } else ci--;
      if (u8[cb + ci]! !== EmptyOne) break;
    }
  }
  const count = readWord(i32, h + Hmap.count) - 1;
  writeWord(i32, h + Hmap.count, count);
  // reset the seed when the map empties, so an attacker cannot keep colliding keys
  if (count === 0) s.store32(h + Hmap.hash0, fastrandOf(m) | 0);
}
