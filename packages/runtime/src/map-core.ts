// Go 1.19's hash map (runtime/map.go) on simulated memory: makemap, mapaccess, mapassign, mapdelete, and
// growth (hashGrow, growWork, evacuate) by doubling, or at the same size when there are too many overflow
// buckets. Keys are hashed and compared by their type descriptors (map-hash.ts).

import type { Machine } from './machine.js';
import { fastrandOf, typeequal, typehash } from './map-hash.js';
import {
  BucketCnt, EmptyOne, EmptyRest, EvacuatedEmpty, EvacuatedX, Hmap, Iterator, LoadFactorDen,
  LoadFactorNum, MinTopHash, OldIterator, SameSizeGrow, mapInfo, newBuckets, type MapInfo,
} from './map-layout.js';
import { RuntimePanic } from './signals.js';

/** A key's 64-bit hash as Go's amd64 uintptr: lo (bucket selection) and the tophash byte (from the high half). */
export interface Hash { lo: number; top: number }

export function hashOfKey(m: Machine, info: MapInfo, key: number, seed: number): Hash {
  const lo = typehash(m, info.key, key, seed);
  let hi = Math.imul(lo ^ (lo >>> 15), 0x2c1b3c6d);
  hi = Math.imul(hi ^ (hi >>> 12), 0x297a2d39);
  hi = (hi ^ (hi >>> 15)) >>> 0;
  let top = hi >>> 24;
  if (top < MinTopHash) top += MinTopHash;
  return { lo, top };
}

const bucketShift = (b: number): number => (b < 31 ? 1 << b : 2 ** b);
const bucketMask = (b: number): number => bucketShift(b) - 1;

export function overLoadFactor(count: number, b: number): boolean {
  return count > BucketCnt && count > LoadFactorNum * (bucketShift(b) / LoadFactorDen);
}

function tooManyOverflowBuckets(noverflow: number, b: number): boolean {
  if (b > 15) b = 15;
  return noverflow >= 2 ** b;
}

const isEmpty = (x: number): boolean => x <= EmptyOne;

export function keyAt(m: Machine, info: MapInfo, b: number, i: number): number {
  const k = b + info.keysOff + i * info.keySlot;
  return info.indirectKey ? m.space.load64(k) : k;
}

export function elemAt(m: Machine, info: MapInfo, b: number, i: number): number {
  const e = b + info.elemsOff + i * info.elemSlot;
  return info.indirectElem ? m.space.load64(e) : e;
}

export function overflow(m: Machine, info: MapInfo, b: number): number {
  return m.space.load64(b + info.overflowOff);
}

export function evacuated(m: Machine, b: number): boolean {
  const h = m.space.u8[b]!;
  return h > EmptyOne && h < MinTopHash;
}

export const growing = (m: Machine, h: number): boolean => m.space.load64(h + Hmap.oldbuckets) !== 0;
const sameSizeGrow = (m: Machine, h: number): boolean => (m.space.u8[h + Hmap.flags]! & SameSizeGrow) !== 0;
const noldbuckets = (m: Machine, h: number): number => {
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
  if (b !== 0) s.store64(h + Hmap.buckets, newBuckets(m, info, m.prog.types[t]!.name, bucketShift(b)));
}

/** mapaccess: the address of key's element, or 0 if absent (also for a nil or empty map). */
export function mapaccess(m: Machine, t: number, h: number, key: number): number {
  const info = mapInfo(m, t);
  const s = m.space;
  if (h === 0 || s.load64(h + Hmap.count) === 0) {
    if (m.prog.types[info.key]!.kind === 'interface' || m.prog.types[info.key]!.kind === 'struct' || m.prog.types[info.key]!.kind === 'array') typehash(m, info.key, key, 0);
    return 0;
  }
  const hash = hashOfKey(m, info, key, s.load32(h + Hmap.hash0));
  const found = lookup(m, info, h, key, hash);
  return found < 0 ? 0 : elemAt(m, info, Math.floor(found / BucketCnt), found % BucketCnt);
}

/** The bucket * 8 + slot of key in the current table (old buckets while not evacuated), or -1. */
export function lookup(m: Machine, info: MapInfo, h: number, key: number, hash: Hash): number {
  const s = m.space;
  let mask = bucketMask(s.u8[h + Hmap.B]!);
  let b = s.load64(h + Hmap.buckets) + (hash.lo & mask) * info.bucketSize;
  const c = s.load64(h + Hmap.oldbuckets);
  if (c !== 0) {
    if (!sameSizeGrow(m, h)) mask = Math.floor(mask / 2);
    const oldb = c + (hash.lo & mask) * info.bucketSize;
    if (!evacuated(m, oldb)) b = oldb;
  }
  for (; b !== 0; b = overflow(m, info, b)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = s.u8[b + i]!;
      if (th !== hash.top) {
        if (th === EmptyRest) return -1;
        continue;
      }
      if (typeequal(m, info.key, key, keyAt(m, info, b, i))) return b * BucketCnt + i;
    }
  }
  return -1;
}

/** mapassign: the address of key's element slot, inserting the key (zero element) if absent. */
export function mapassign(m: Machine, t: number, h: number, key: number): number {
  if (h === 0) throw new RuntimePanic('runtime.plainError', 'assignment to entry in nil map', 'runtime.panicwrap');
  const info = mapInfo(m, t);
  const s = m.space;
  const hash = hashOfKey(m, info, key, s.load32(h + Hmap.hash0));
  if (s.load64(h + Hmap.buckets) === 0) s.store64(h + Hmap.buckets, newBuckets(m, info, m.prog.types[t]!.name, 1));
  for (;;) {
    const bucket = hash.lo & bucketMask(s.u8[h + Hmap.B]!);
    if (growing(m, h)) growWork(m, info, t, h, bucket);
    let b = s.load64(h + Hmap.buckets) + bucket * info.bucketSize;
    let insertb = 0;
    let inserti = 0;
    search: for (;;) {
      for (let i = 0; i < BucketCnt; i++) {
        const th = s.u8[b + i]!;
        if (th !== hash.top) {
          if (isEmpty(th) && insertb === 0) { insertb = b; inserti = i; }
          if (th === EmptyRest) break search;
          continue;
        }
        const k = keyAt(m, info, b, i);
        if (!typeequal(m, info.key, key, k)) continue;
        // needkeyupdate: +0 may replace -0, a string key takes the new bytes' pointer
        s.memmove(k, key, info.keySize);
        return elemAt(m, info, b, i);
      }
      const ovf = overflow(m, info, b);
      if (ovf === 0) break;
      b = ovf;
    }
    const count = s.load64(h + Hmap.count);
    if (!growing(m, h) && (overLoadFactor(count + 1, s.u8[h + Hmap.B]!) || tooManyOverflowBuckets(s.load16(h + Hmap.noverflow), s.u8[h + Hmap.B]!))) {
      hashGrow(m, info, t, h);
      continue; // again: the table changed
    }
    if (insertb === 0) {
      insertb = newoverflow(m, info, t, h, b);
      inserti = 0;
    }
    const ks = insertb + info.keysOff + inserti * info.keySlot;
    const es = insertb + info.elemsOff + inserti * info.elemSlot;
    let kmem = ks;
    if (info.indirectKey) { kmem = m.heap.alloc(info.keySize, info.key); s.store64(ks, kmem); }
    if (info.indirectElem) s.store64(es, m.heap.alloc(info.elemSize, info.elem));
    s.memmove(kmem, key, info.keySize);
    s.store8(insertb + inserti, hash.top);
    s.store64(h + Hmap.count, count + 1);
    return info.indirectElem ? s.load64(es) : es;
  }
}

function newoverflow(m: Machine, info: MapInfo, t: number, h: number, b: number): number {
  const s = m.space;
  const ovf = newBuckets(m, info, m.prog.types[t]!.name, 1);
  // incrnoverflow: exact below 2^16 buckets, then approximately (with probability 1/2^(B-15))
  const B = s.u8[h + Hmap.B]!;
  if (B < 16) s.store16(h + Hmap.noverflow, s.load16(h + Hmap.noverflow) + 1);
  else if ((fastrandOf(m) & (2 ** (B - 15) - 1)) === 0) s.store16(h + Hmap.noverflow, s.load16(h + Hmap.noverflow) + 1);
  s.store64(b + info.overflowOff, ovf);
  return ovf;
}

function hashGrow(m: Machine, info: MapInfo, t: number, h: number): void {
  const s = m.space;
  let bigger = 1;
  let flags = s.u8[h + Hmap.flags]!;
  if (!overLoadFactor(s.load64(h + Hmap.count) + 1, s.u8[h + Hmap.B]!)) { bigger = 0; flags |= SameSizeGrow; }
  const old = s.load64(h + Hmap.buckets);
  const B = s.u8[h + Hmap.B]! + bigger;
  const nb = newBuckets(m, info, m.prog.types[t]!.name, bucketShift(B));
  let nf = flags & ~(Iterator | OldIterator);
  if (flags & Iterator) nf |= OldIterator;
  s.store8(h + Hmap.B, B);
  s.store8(h + Hmap.flags, nf);
  s.store64(h + Hmap.oldbuckets, old);
  s.store64(h + Hmap.buckets, nb);
  s.store64(h + Hmap.nevacuate, 0);
  s.store16(h + Hmap.noverflow, 0);
}

function growWork(m: Machine, info: MapInfo, t: number, h: number, bucket: number): void {
  evacuate(m, info, t, h, bucket & (noldbuckets(m, h) - 1));
  if (growing(m, h)) evacuate(m, info, t, h, m.space.load64(h + Hmap.nevacuate));
}

function evacuate(m: Machine, info: MapInfo, t: number, h: number, oldbucket: number): void {
  const s = m.space;
  const oldbuckets = s.load64(h + Hmap.oldbuckets);
  let b = oldbuckets + oldbucket * info.bucketSize;
  const newbit = noldbuckets(m, h);
  if (!evacuated(m, b)) {
    const same = sameSizeGrow(m, h);
    const nb = s.load64(h + Hmap.buckets);
    const dst = [{ b: nb + oldbucket * info.bucketSize, i: 0 }, { b: same ? 0 : nb + (oldbucket + newbit) * info.bucketSize, i: 0 }];
    const hash0 = s.load32(h + Hmap.hash0);
    for (; b !== 0; b = overflow(m, info, b)) {
      for (let i = 0; i < BucketCnt; i++) {
        let top = s.u8[b + i]!;
        if (isEmpty(top)) { s.store8(b + i, EvacuatedEmpty); continue; }
        const k = keyAt(m, info, b, i);
        let useY = 0;
        if (!same) {
          const hash = hashOfKey(m, info, k, hash0);
          if ((s.u8[h + Hmap.flags]! & Iterator) !== 0 && !typeequal(m, info.key, k, k)) {
            // NaN keys: their hash is random; move them by the tophash's low bit so iterators can follow
            useY = top & 1;
            top = hash.top;
          } else if ((hash.lo & newbit) !== 0) useY = 1;
        }
        s.store8(b + i, EvacuatedX + useY);
        const d = dst[useY]!;
        if (d.i === BucketCnt) { d.b = newoverflow(m, info, t, h, d.b); d.i = 0; }
        s.store8(d.b + d.i, top);
        const ks = b + info.keysOff + i * info.keySlot;
        const es = b + info.elemsOff + i * info.elemSlot;
        s.memmove(d.b + info.keysOff + d.i * info.keySlot, ks, info.keySlot);
        s.memmove(d.b + info.elemsOff + d.i * info.elemSlot, es, info.elemSlot);
        d.i++;
      }
    }
    // unlink the overflow buckets and clear the keys and elements (for the GC) unless an old iterator needs them
    if ((s.u8[h + Hmap.flags]! & OldIterator) === 0) {
      const ob = oldbuckets + oldbucket * info.bucketSize;
      s.memclr(ob + BucketCnt, info.bucketSize - BucketCnt);
    }
  }
  if (oldbucket === s.load64(h + Hmap.nevacuate)) advanceEvacuationMark(m, info, h, newbit);
}

function advanceEvacuationMark(m: Machine, info: MapInfo, h: number, newbit: number): void {
  const s = m.space;
  let n = s.load64(h + Hmap.nevacuate) + 1;
  const stop = Math.min(n + 1024, newbit);
  const old = s.load64(h + Hmap.oldbuckets);
  while (n !== stop && evacuated(m, old + n * info.bucketSize)) n++;
  s.store64(h + Hmap.nevacuate, n);
  if (n === newbit) {
    s.store64(h + Hmap.oldbuckets, 0);
    s.store8(h + Hmap.flags, s.u8[h + Hmap.flags]! & ~SameSizeGrow);
  }
}

/** mapdelete: removes key if present (a nil map is a no-op). */
export function mapdelete(m: Machine, t: number, h: number, key: number): void {
  const info = mapInfo(m, t);
  const s = m.space;
  if (h === 0 || s.load64(h + Hmap.count) === 0) {
    const k = m.prog.types[info.key]!.kind;
    if (k === 'interface' || k === 'struct' || k === 'array') typehash(m, info.key, key, 0);
    return;
  }
  const hash = hashOfKey(m, info, key, s.load32(h + Hmap.hash0));
  const bucket = hash.lo & bucketMask(s.u8[h + Hmap.B]!);
  if (growing(m, h)) growWork(m, info, t, h, bucket);
  const bOrig = s.load64(h + Hmap.buckets) + bucket * info.bucketSize;
  for (let b = bOrig; b !== 0; b = overflow(m, info, b)) {
    for (let i = 0; i < BucketCnt; i++) {
      const th = s.u8[b + i]!;
      if (th !== hash.top) {
        if (th === EmptyRest) return;
        continue;
      }
      if (!typeequal(m, info.key, key, keyAt(m, info, b, i))) continue;
      s.memclr(b + info.keysOff + i * info.keySlot, info.keySlot);
      s.memclr(b + info.elemsOff + i * info.elemSlot, info.elemSlot);
      s.store8(b + i, EmptyOne);
      const last = i === BucketCnt - 1
        ? overflow(m, info, b) === 0 || s.u8[overflow(m, info, b)]! === EmptyRest
        : s.u8[b + i + 1]! === EmptyRest;
      if (last) {
        // mark the run of empty slots ending here as emptyRest, walking back through the chain
        let cb = b;
        let ci = i;
        for (;;) {
          s.store8(cb + ci, EmptyRest);
          if (ci === 0) {
            if (cb === bOrig) break;
            const c = cb;
            for (cb = bOrig; overflow(m, info, cb) !== c; cb = overflow(m, info, cb)) { /* find the previous bucket */ }
            ci = BucketCnt - 1;
          } else ci--;
          if (s.u8[cb + ci]! !== EmptyOne) break;
        }
      }
      const count = s.load64(h + Hmap.count) - 1;
      s.store64(h + Hmap.count, count);
      // reset the seed when the map empties, so an attacker cannot keep colliding keys
      if (count === 0) s.store32(h + Hmap.hash0, fastrandOf(m) | 0);
      return;
    }
  }
}
