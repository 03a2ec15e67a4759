// Range over a map: Go 1.19's mapiterinit / mapiternext. The iterator (hiter) lives in the range loop's
// frame; it starts at a random bucket and a random offset within each bucket (fastrand), and while the map
// grows it walks the old bucket of each new one, returning only the entries that belong to the new bucket.
// Entries deleted during the loop are not returned; ones added may be.

import type { Machine } from './machine.js';
import { elemAt, evacuated, growing, hashOfKey, keyAt, lookup } from './map-core.js';
import { fastrandOf, typeequal, typehash } from './map-hash.js';
import { BucketCnt, EmptyOne, EvacuatedEmpty, EvacuatedX, EvacuatedY, Hiter, Hmap, Iterator, NoCheck, OldIterator, SameSizeGrow, mapInfo } from './map-layout.js';

export function mapiterinit(m: Machine, t: number, h: number, it: number): void {
  const s = m.space;
  s.memclr(it, Hiter.size);
  s.store64(it + Hiter.t, t);
  if (h === 0 || s.load64(h + Hmap.count) === 0) return;
  s.store64(it + Hiter.h, h);
  const B = s.u8[h + Hmap.B]!;
  s.store8(it + Hiter.B, B);
  s.store64(it + Hiter.buckets, s.load64(h + Hmap.buckets));
  const r = fastrandOf(m);
  const start = r & (2 ** B - 1);
  s.store64(it + Hiter.startBucket, start >>> 0);
  s.store8(it + Hiter.offset, Math.floor(r / 2 ** B) & (BucketCnt - 1));
  s.store64(it + Hiter.bucket, start >>> 0);
  s.store8(h + Hmap.flags, s.u8[h + Hmap.flags]! | Iterator | OldIterator);
  mapiternext(m, it);
}

export function mapiternext(m: Machine, it: number): void {
  const s = m.space;
  const h = s.load64(it + Hiter.h);
  if (h === 0) return;
  const info = mapInfo(m, s.load64(it + Hiter.t));
  const itB = s.u8[it + Hiter.B]!;
  const nb = 2 ** itB;
  let bucket = s.load64(it + Hiter.bucket);
  let b = s.load64(it + Hiter.bptr);
  let i = s.u8[it + Hiter.i]!;
  let checkBucket = s.load64(it + Hiter.checkBucket);
  const same = (s.u8[h + Hmap.flags]! & SameSizeGrow) !== 0;
  for (;;) {
    if (b === 0) {
      if (bucket === s.load64(it + Hiter.startBucket) && s.u8[it + Hiter.wrapped]) {
        s.store64(it + Hiter.key, 0);
        s.store64(it + Hiter.elem, 0);
        return;
      }
      if (growing(m, h) && itB === s.u8[h + Hmap.B]!) {
        // the iteration started after the growth began: read the old bucket unless it has been evacuated
        const oldmask = (same ? nb : nb / 2) - 1;
        b = s.load64(h + Hmap.oldbuckets) + (bucket & oldmask) * info.bucketSize;
        if (!evacuated(m, b)) checkBucket = bucket;
        else { b = s.load64(it + Hiter.buckets) + bucket * info.bucketSize; checkBucket = NoCheck; }
      } else {
        b = s.load64(it + Hiter.buckets) + bucket * info.bucketSize;
        checkBucket = NoCheck;
      }
      bucket++;
      if (bucket === nb) { bucket = 0; s.store8(it + Hiter.wrapped, 1); }
      i = 0;
    }
    const offset = s.u8[it + Hiter.offset]!;
    for (; i < BucketCnt; i++) {
      const offi = (i + offset) & (BucketCnt - 1);
      const th = s.u8[b + offi]!;
      if (th <= EmptyOne || th === EvacuatedEmpty) continue;
      const k = keyAt(m, info, b, offi);
      const reflexive = typeequal(m, info.key, k, k);
      if (checkBucket !== NoCheck && !same) {
        if (reflexive) {
          // an entry of the old bucket that moves to the other half is visited there
          const lo = typehash(m, info.key, k, s.load32(h + Hmap.hash0));
          if ((lo & (nb - 1)) >>> 0 !== checkBucket) continue;
        } else if (Math.floor(checkBucket / 2 ** (itB - 1)) !== (th & 1)) continue;
      }
      if ((th !== EvacuatedX && th !== EvacuatedY) || !reflexive) {
        s.store64(it + Hiter.key, k);
        s.store64(it + Hiter.elem, elemAt(m, info, b, offi));
      } else {
        // the entry has moved since the iterator's table was current: find it (it may be gone or updated)
        const hash = hashOfKey(m, info, k, s.load32(h + Hmap.hash0));
        const found = lookup(m, info, h, k, hash);
        if (found < 0) continue;
        const fb = Math.floor(found / BucketCnt);
        s.store64(it + Hiter.key, keyAt(m, info, fb, found % BucketCnt));
        s.store64(it + Hiter.elem, elemAt(m, info, fb, found % BucketCnt));
      }
      s.store64(it + Hiter.bucket, bucket);
      s.store64(it + Hiter.bptr, b);
      s.store8(it + Hiter.i, i + 1);
      s.store64(it + Hiter.checkBucket, checkBucket);
      return;
    }
    b = s.load64(b + info.overflowOff);
    i = 0;
  }
}

