// Range over a map: Go 1.19's mapiterinit / mapiternext. The iterator (hiter) lives in the range loop's
// frame; it starts at a random bucket and a random offset within each bucket (fastrand), and while the map
// grows it walks the old bucket of each new one, returning only the entries that belong to the new bucket.
// Entries deleted during the loop are not returned; ones added may be.

import type { Machine } from './machine.js';
import { readWord, writeWord } from '@gosim/memory';
import { elemAt, evacuated, growing, keyAt, lookup, tophash } from './map-core.js';
import { fastrandOf, keyequal, keyhash } from './map-hash.js';
import { BucketCnt, EmptyOne, EvacuatedEmpty, EvacuatedX, EvacuatedY, Hiter, Hmap, Iterator, MapExtra, NoCheck, OldIterator, SameSizeGrow, mapInfo } from './map-layout.js';

export function mapiterinit(m: Machine, t: number, h: number, it: number): void {
  const s = m.space;
  s.memclr(it, Hiter.size);
  s.store64(it + Hiter.t, t);
  if (h === 0 || s.load64(h + Hmap.count) === 0) return;
  s.store64(it + Hiter.h, h);
  const B = s.u8[h + Hmap.B]!;
  s.store8(it + Hiter.B, B);
  s.store64(it + Hiter.buckets, s.load64(h + Hmap.buckets));
  const x = s.load64(h + Hmap.extra);
  if (x !== 0) {
    // a noscan map (only those have an extra): hold its overflow lists. Go calls createOverflow here; this handler
    // may not allocate, so the lists were made with the first table of B >= 1, and extra is nil only while the
    // table is one bucket, which has none (map-core.ts)
    s.store64(it + Hiter.overflow, s.load64(x + MapExtra.overflow));
    s.store64(it + Hiter.oldoverflow, s.load64(x + MapExtra.oldoverflow));
  }
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
  // it (checked above) and the map's memory are read through the typed arrays
  const i32 = s.i32;
  const u8 = s.u8;
  const info = mapInfo(m, readWord(i32, it + Hiter.t));
  const itB = u8[it + Hiter.B]!;
  const nb = 2 ** itB;
  let bucket = readWord(i32, it + Hiter.bucket);
  let b = readWord(i32, it + Hiter.bptr);
  let i = u8[it + Hiter.i]!;
  let checkBucket = readWord(i32, it + Hiter.checkBucket);
  const same = (u8[h + Hmap.flags]! & SameSizeGrow) !== 0;
  for (;;) {
    if (b === 0) {
      if (bucket === readWord(i32, it + Hiter.startBucket) && u8[it + Hiter.wrapped]) {
        writeWord(i32, it + Hiter.key, 0);
        writeWord(i32, it + Hiter.elem, 0);
        return;
      }
      if (growing(m, h) && itB === u8[h + Hmap.B]!) {
        // the iteration started after the growth began: read the old bucket unless it has been evacuated
        const oldmask = (same ? nb : nb / 2) - 1;
        b = readWord(i32, h + Hmap.oldbuckets) + (bucket & oldmask) * info.bucketSize;
        if (!evacuated(m, b)) checkBucket = bucket;
        else { b = readWord(i32, it + Hiter.buckets) + bucket * info.bucketSize; checkBucket = NoCheck; }
      } else {
        b = readWord(i32, it + Hiter.buckets) + bucket * info.bucketSize;
        checkBucket = NoCheck;
      }
      bucket++;
      if (bucket === nb) { bucket = 0; u8[it + Hiter.wrapped] = 1; }
      i = 0;
    }
    const offset = u8[it + Hiter.offset]!;
    for (; i < BucketCnt; i++) {
      const offi = (i + offset) & (BucketCnt - 1);
      const th = u8[b + offi]!;
      if (th <= EmptyOne || th === EvacuatedEmpty) continue;
      const k = keyAt(m, info, b, offi);
      const reflexive = info.plainKey || keyequal(m, info, k, k);
      if (checkBucket !== NoCheck && !same) {
        if (reflexive) {
          // an entry of the old bucket that moves to the other half is visited there
          const lo = keyhash(m, info, k, s.i32[(h + Hmap.hash0) >>> 2]!);
          if ((lo & (nb - 1)) >>> 0 !== checkBucket) continue;
        } else if (Math.floor(checkBucket / 2 ** (itB - 1)) !== (th & 1)) continue;
      }
      if ((th !== EvacuatedX && th !== EvacuatedY) || !reflexive) {
        writeWord(i32, it + Hiter.key, k);
        writeWord(i32, it + Hiter.elem, elemAt(m, info, b, offi));
      } else {
        // the entry has moved since the iterator's table was current: find it (it may be gone or updated)
        const lo = keyhash(m, info, k, s.i32[(h + Hmap.hash0) >>> 2]!);
        const found = lookup(m, info, h, k, lo, tophash(lo));
        if (found < 0) continue;
        const fb = Math.floor(found / BucketCnt);
        writeWord(i32, it + Hiter.key, keyAt(m, info, fb, found % BucketCnt));
        writeWord(i32, it + Hiter.elem, elemAt(m, info, fb, found % BucketCnt));
      }
      writeWord(i32, it + Hiter.bucket, bucket);
      writeWord(i32, it + Hiter.bptr, b);
      u8[it + Hiter.i] = i + 1;
      writeWord(i32, it + Hiter.checkBucket, checkBucket);
      return;
    }
    b = readWord(i32, b + info.overflowOff);
    i = 0;
  }
}

