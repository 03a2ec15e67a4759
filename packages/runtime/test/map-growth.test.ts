import { Module, Op } from '@gosim/program';
import { loadProgram } from '../src/load.js';
import { Machine } from '../src/machine.js';
import { makemap, mapaccess, mapassign, mapdelete, overLoadFactor } from '../src/map-core.js';
import { mapdelete64 } from '../src/map-fast64.js';
import { mapiterinit, mapiternext } from '../src/map-iter.js';
import { BucketCnt, Hiter, Hmap, MapExtra, mapInfo } from '../src/map-layout.js';
import { policies } from '../src/policy.js';

/** A machine whose program declares map[int]int (and map[int]*int, map[*int]int); returns it with the map type ids. */
function machine(): { m: Machine; intMap: number; ptrMap: number; pkeyMap: number } {
  const mod = new Module();
  const int = mod.type({ name: 'int', kind: 'int', size: 8, ptrWords: [], elem: -1 });
  const pint = mod.type({ name: '*int', kind: 'pointer', size: 8, ptrWords: [0], elem: int });
  const intMap = mod.type({ name: 'map[int]int', kind: 'map', size: 8, ptrWords: [0], elem: int, key: int });
  const ptrMap = mod.type({ name: 'map[int]*int', kind: 'map', size: 8, ptrWords: [0], elem: pint, key: int });
  const pkeyMap = mod.type({ name: 'map[*int]int', kind: 'map', size: 8, ptrWords: [0], elem: int, key: pint });
  mod.func('main.main', {}).emit(Op.RET).end();
  const m = new Machine(loadProgram(mod, policies.new.deferpanic), { policy: policies.new });
  return { m, intMap, ptrMap, pkeyMap };
}

/** The key k in a scratch word of the heap (the ops take the key's address). */
function keyAt(m: Machine, k: number): number {
  const p = m.allocBytes(8);
  m.space.store64(p, k);
  return p;
}

describe('hmap growth and evacuation (runtime/map.go)', () => {
  test('buckets double past load factor 6.5; evacuation is incremental, one or two old buckets per write', () => {
    const { m, intMap } = machine();
    const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 0, h);
    const s = m.space;
    expect(s.u8[h + Hmap.B]).toBe(0);
    const k = keyAt(m, 0);
    const grewAt: number[] = [];
    let inProgress = 0;
    for (let i = 0; i < 200; i++) {
      const b = s.u8[h + Hmap.B]!;
      s.store64(k, i);
      s.store64(mapassign(m, intMap, h, k), i * 10);
      if (s.u8[h + Hmap.B] !== b) grewAt.push(i);
      if (s.load64(h + Hmap.oldbuckets) !== 0) inProgress++;
    }
    // the insert that would make count > 6.5 * 2^B (and > 8) doubles: the 9th, 14th, 27th, 53rd, 105th
    expect(grewAt).toEqual([8, 13, 26, 52, 104]);
    // evacuation finishes over later writes, not at once
    expect(inProgress).toBeGreaterThan(0);
    expect(s.u8[h + Hmap.B]).toBe(5);
    expect(overLoadFactor(200, 5)).toBe(false);
    expect(s.load64(h + Hmap.count)).toBe(200);
    for (let i = 0; i < 200; i++) {
      s.store64(k, i);
      expect(s.load64(mapaccess(m, intMap, h, k))).toBe(i * 10);
    }
    s.store64(k, 1000);
    expect(mapaccess(m, intMap, h, k)).toBe(0);
  });

  test('a hint sizes the table up front: make(map, 100) has B = 4 and does not grow for 100 entries', () => {
    const { m, intMap } = machine();
    const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 100, h);
    expect(m.space.u8[h + Hmap.B]).toBe(4);
    const k = keyAt(m, 0);
    for (let i = 0; i < 100; i++) { m.space.store64(k, i); mapassign(m, intMap, h, k); }
    expect(m.space.u8[h + Hmap.B]).toBe(4);
    expect(m.space.load64(h + Hmap.oldbuckets)).toBe(0);
  });

  test('deleting marks emptyOne / emptyRest; the count follows; deleting all reseeds hash0', () => {
    const { m, intMap } = machine();
    const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 0, h);
    const s = m.space;
    const k = keyAt(m, 0);
    for (let i = 0; i < 5; i++) { s.store64(k, i); mapassign(m, intMap, h, k); }
    const seed = s.load32(h + Hmap.hash0);
    for (let i = 0; i < 5; i++) { s.store64(k, i); mapdelete(m, intMap, h, k); }
    expect(s.load64(h + Hmap.count)).toBe(0);
    const b = s.load64(h + Hmap.buckets);
    for (let i = 0; i < BucketCnt; i++) expect(s.u8[b + i]).toBe(0); // all emptyRest again
    expect(s.load32(h + Hmap.hash0)).not.toBe(seed);
  });

  test('an iterator started during growth returns every entry once, entries of not-yet-evacuated buckets included', () => {
    const { m, intMap } = machine();
    const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 0, h);
    const s = m.space;
    const k = keyAt(m, 0);
    let i = 0;
    // insert until a growth is in progress
    for (; i < 1000 && (i < 20 || s.load64(h + Hmap.oldbuckets) === 0); i++) { s.store64(k, i); mapassign(m, intMap, h, k); }
    expect(s.load64(h + Hmap.oldbuckets)).not.toBe(0);
    const it = m.heap.alloc(Hiter.size, m.typeId('runtime.bytes'));
    mapiterinit(m, intMap, h, it);
    const seen = new Map<number, number>();
    while (s.load64(it + Hiter.key) !== 0) {
      const key = s.load64(s.load64(it + Hiter.key));
      seen.set(key, (seen.get(key) ?? 0) + 1);
      mapiternext(m, it);
    }
    expect(seen.size).toBe(i);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
  });

  test('a bucket type scans its pointer elements and the overflow word; one without pointers is noscan', () => {
    const { m, ptrMap, intMap } = machine();
    const info = mapInfo(m, ptrMap);
    // tophash 8 bytes, 8 int keys, 8 *int elements, overflow: words 9..16 are elements, 17 the overflow pointer
    expect(info.bucketSize).toBe(8 + 64 + 64 + 8);
    expect(info.bucketPtrWords).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(info.noscan).toBe(false);
    // map[int]int: nothing to scan, as Go's bucket type with a uintptr overflow word
    expect(mapInfo(m, intMap).bucketPtrWords).toEqual([]);
    expect(mapInfo(m, intMap).noscan).toBe(true);
  });

  test('a noscan map keeps its overflow buckets in hmap.extra: the current list, the old one while growing', () => {
    const { m, intMap, ptrMap } = machine();
    const s = m.space;
    const k = keyAt(m, 0);
    const listLen = (h: number, field: number): number => {
      const x = s.load64(h + Hmap.extra);
      const l = x === 0 ? 0 : s.load64(x + field);
      return l === 0 ? 0 : s.load64(l + 8);
    };
    const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 0, h);
    let sawOld = false;
    for (let i = 0; i < 3000; i++) {
      s.store64(k, i);
      mapassign(m, intMap, h, k);
      // the list holds as many buckets as noverflow counts (exact below 2^16 buckets)
      expect(listLen(h, MapExtra.overflow)).toBe(s.load16(h + Hmap.noverflow));
      if (listLen(h, MapExtra.oldoverflow) > 0) sawOld = true;
      if (s.load64(h + Hmap.oldbuckets) === 0) expect(listLen(h, MapExtra.oldoverflow)).toBe(0);
    }
    expect(sawOld).toBe(true);
    // a table of one bucket never needs one; buckets with pointers keep their overflow word instead
    const small = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, intMap, 0, small);
    for (let i = 0; i < 8; i++) { s.store64(k, i); mapassign(m, intMap, small, k); }
    expect(s.load64(small + Hmap.extra)).toBe(0);
    const p = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
    makemap(m, ptrMap, 0, p);
    for (let i = 0; i < 3000; i++) { s.store64(k, i); mapassign(m, ptrMap, p, k); }
    expect(s.load64(p + Hmap.extra)).toBe(0);
  });

  test('delete clears the element, and the key only when it holds pointers (mapdelete, mapdelete_fast64)', () => {
    const { m, intMap, pkeyMap } = machine();
    const s = m.space;
    // one bucket (B = 0): slot 0's key word is at +8, its element at +8+64; the deleted slot becomes emptyRest
    const delete1 = (t: number, key: number, del: (h: number, k: number) => void): [number, number, number] => {
      const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
      makemap(m, t, 0, h);
      const k = keyAt(m, key);
      s.store64(mapassign(m, t, h, k), 99);
      del(h, k);
      const b = s.load64(h + Hmap.buckets);
      return [s.u8[b]!, s.load64(b + 8), s.load64(b + 8 + 64)];
    };
    expect(delete1(intMap, 7, (h, k) => mapdelete(m, intMap, h, k))).toEqual([0, 7, 0]);
    expect(delete1(intMap, 7, (h) => mapdelete64(m, mapInfo(m, intMap), h, 7, 0))).toEqual([0, 7, 0]);
    const p = m.allocBytes(8);
    expect(delete1(pkeyMap, p, (h) => mapdelete64(m, mapInfo(m, pkeyMap), h, p, 0))).toEqual([0, 0, 0]);
    expect(delete1(pkeyMap, p, (h, k) => mapdelete(m, pkeyMap, h, k))).toEqual([0, 0, 0]);
  });
});
