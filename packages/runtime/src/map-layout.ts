// The layouts of Go 1.19's map structures (runtime/map.go), declared once: hmap, bmap (a bucket) and hiter,
// and the facts about one map type (key and element slots, bucket size and heap type) the operations use.

import { typeDesc } from '@gosim/memory';
import { HiterSlot, HmapSlot } from '@gosim/program';
import type { Machine } from './machine.js';

/** hmap: the map header. A map value is a *hmap. */
export const Hmap = {
  count: 0, // int: live entries (len)
  flags: 8, // uint8
  B: 9, // uint8: log2 of the bucket count
  noverflow: 10, // uint16: approximate number of overflow buckets
  hash0: 12, // uint32: hash seed
  buckets: 16, // *bmap: 2^B buckets
  oldbuckets: 24, // *bmap: the previous array while growing, else nil
  nevacuate: 32, // uintptr: buckets below this are evacuated
  extra: 40, // *mapextra: set when a map with noscan buckets (MapInfo.noscan) gets a table of B >= 1, else nil (Go: lazily)
  ...HmapSlot, // size 48, pointers buckets, oldbuckets, extra
} as const;

/**
 * mapextra: for buckets whose type has no pointers (the GC does not scan them, so not their overflow pointers
 * either), the overflow buckets of the current and the old table are kept alive here, each list a *[]*bmap.
 * nextOverflow (preallocated overflow buckets) stays nil: overflow buckets are allocated one at a time here.
 */
export const MapExtra = {
  overflow: 0,
  oldoverflow: 8,
  nextOverflow: 16,
  size: 24,
  ptrWords: [0, 1, 2],
} as const;

/** hiter: a range loop's iterator (lives in the loop's frame). `t` holds the map type id (a scalar here). */
export const Hiter = {
  key: 0, // pointer to the current key (nil: done)
  elem: 8,
  t: 16,
  h: 24,
  buckets: 32,
  bptr: 40,
  overflow: 48,
  oldoverflow: 56,
  startBucket: 64,
  offset: 72, // uint8
  // overflow, oldoverflow: the map's mapextra lists at mapiterinit, which keep a noscan map's overflow buckets alive
  wrapped: 73, // bool
  B: 74, // uint8
  i: 75, // uint8
  bucket: 80,
  checkBucket: 88,
  ...HiterSlot, // size 96, pointers key, elem, h, buckets, bptr, overflow, oldoverflow
} as const;

export const BucketCnt = 8;
/** Keys and elements larger than this are stored indirectly (a pointer in the bucket). */
export const MaxKeySize = 128;
export const MaxElemSize = 128;
/** Load factor 6.5 = 13/2. */
export const LoadFactorNum = 13;
export const LoadFactorDen = 2;

// tophash values
export const EmptyRest = 0;
export const EmptyOne = 1;
export const EvacuatedX = 2;
export const EvacuatedY = 3;
export const EvacuatedEmpty = 4;
export const MinTopHash = 5;

// flags
export const Iterator = 1;
export const OldIterator = 2;
export const HashWriting = 4; // never set: a handler runs to completion, so no write is ever concurrent
export const SameSizeGrow = 8;

export const NoCheck = 2 ** 32 - 1; // hiter.checkBucket when no check is needed (Go's 1<<(8*PtrSize) - 1)

/** One map type's facts. bucket = tophash [8]uint8 | keys [8]slot | elems [8]slot | overflow *bmap. */
export interface MapInfo {
  readonly key: number;
  readonly elem: number;
  /** Size of a key / element in memory and in its bucket slot (8 when indirect). */
  readonly keySize: number;
  readonly elemSize: number;
  readonly keySlot: number;
  readonly elemSlot: number;
  readonly indirectKey: boolean;
  readonly indirectElem: boolean;
  readonly keysOff: number;
  readonly elemsOff: number;
  readonly overflowOff: number;
  readonly bucketSize: number;
  /** Pointer words of one bucket (none when noscan). */
  readonly bucketPtrWords: readonly number[];
  /** Keys and elements hold no pointers and are in the bucket: the bucket type has none (as Go's, the overflow
   * word is then a uintptr) and the overflow buckets are kept alive through hmap.extra. */
  readonly noscan: boolean;
  /** The key holds pointers (a deleted slot's key is cleared only then, or when indirect: Go's mapdelete). */
  readonly keyPtrs: boolean;
  /** Heap type ids of bucket arrays by length. */
  readonly arrays: Map<number, number>;
  /** The key is compared and hashed as plain memory (memequal, memhash): not a string, interface, float, struct or array. */
  readonly plainKey: boolean;
  /** Hashing the key type can panic (interface, struct, array keys), so a lookup in an empty map still hashes. */
  readonly hashEmpty: boolean;
  /** An 8-byte plain key and an element in the bucket: the map_fast64.go operations (map-fast64.ts) apply. */
  readonly fast64: boolean;
  /** The map type's name (bucket arrays' heap type names). */
  readonly name: string;
}

/** Key kinds with their own hash or equality (map-hash.ts typehash / typeequal); every other kind is plain memory. */
const PlainNot = new Set(['string', 'interface', 'struct', 'array', 'float', 'complex', 'slice', 'map', 'func']);

const infos = new WeakMap<Machine, MapInfo[]>();
// the last machine's table, so the hot path does one array index instead of two map lookups
let lastM: Machine | null = null;
let lastInfos: MapInfo[] = [];

export function mapInfo(m: Machine, mapType: number): MapInfo {
  if (m === lastM) {
    const have = lastInfos[mapType];
    if (have !== undefined) return have;
  }
  let byType = infos.get(m);
  if (!byType) { byType = []; infos.set(m, byType); }
  lastM = m;
  lastInfos = byType;
  const have = byType[mapType];
  if (have !== undefined) return have;
  const mt = m.prog.types[mapType]!;
  const kt = m.prog.types[mt.key!]!;
  const et = m.prog.types[mt.elem]!;
  const indirectKey = kt.size > MaxKeySize;
  const indirectElem = et.size > MaxElemSize;
  const keySlot = indirectKey ? 8 : kt.size;
  const elemSlot = indirectElem ? 8 : et.size;
  const keysOff = BucketCnt;
  const elemsOff = keysOff + BucketCnt * keySlot;
  const overflowOff = (elemsOff + BucketCnt * elemSlot + 7) & ~7;
  const words: number[] = [];
  const slotWords = (indirect: boolean, t: typeof kt, off: number, slot: number): void => {
    for (let i = 0; i < BucketCnt; i++) {
      const base = off + i * slot;
      if (indirect) words.push(base / 8);
      else if (base % 8 === 0) for (const w of t.ptrWords) words.push(base / 8 + w);
    }
  };
  slotWords(indirectKey, kt, keysOff, keySlot);
  slotWords(indirectElem, et, elemsOff, elemSlot);
  const noscan = words.length === 0;
  if (!noscan) words.push(overflowOff / 8);
  const info: MapInfo = {
    key: mt.key!, elem: mt.elem, keySize: kt.size, elemSize: et.size, keySlot, elemSlot, indirectKey, indirectElem,
    keysOff, elemsOff, overflowOff, bucketSize: overflowOff + 8, bucketPtrWords: words, noscan,
    keyPtrs: kt.ptrWords.length > 0, arrays: new Map(),
    plainKey: !PlainNot.has(kt.kind), hashEmpty: kt.kind === 'interface' || kt.kind === 'struct' || kt.kind === 'array',
    fast64: !PlainNot.has(kt.kind) && kt.size === 8 && !indirectElem,
    name: mt.name,
  };
  byType[mapType] = info;
  return info;
}

/** A new zeroed array of n buckets on the heap, typed so the GC scans each bucket's pointer words. */
export function newBuckets(m: Machine, info: MapInfo, n: number): number {
  const mapTypeName = info.name;
  let id = info.arrays.get(n);
  if (id === undefined) {
    const words: number[] = [];
    for (let i = 0; i < n; i++) for (const w of info.bucketPtrWords) words.push((i * info.bucketSize) / 8 + w); // none when noscan
    id = m.heap.registerType(typeDesc(`[${n}]bucket(${mapTypeName})`, n * info.bucketSize, words));
    info.arrays.set(n, id);
  }
  return m.heap.alloc(n * info.bucketSize, id);
}

/** The heap types of the runtime's map-side objects, per machine: mapextra, a []*bmap header, *bmap arrays by length. */
export interface ExtraTypes {
  readonly extra: number;
  readonly sliceHeader: number;
  readonly ptrArrays: Map<number, number>;
}

const extraTypes = new WeakMap<Machine, ExtraTypes>();

export function extraTypesOf(m: Machine): ExtraTypes {
  let t = extraTypes.get(m);
  if (t === undefined) {
    t = {
      extra: m.heap.registerType(typeDesc('runtime.mapextra', MapExtra.size, MapExtra.ptrWords)),
      sliceHeader: m.heap.registerType(typeDesc('[]*runtime.bmap', 24, [0])),
      ptrArrays: new Map(),
    };
    extraTypes.set(m, t);
  }
  return t;
}

/** A new zeroed array of n bucket pointers (a []*bmap's backing array). */
export function newPtrArray(m: Machine, n: number): number {
  const types = extraTypesOf(m);
  let id = types.ptrArrays.get(n);
  if (id === undefined) {
    const words: number[] = [];
    for (let i = 0; i < n; i++) words.push(i);
    id = m.heap.registerType(typeDesc(`[${n}]*runtime.bmap`, n * 8, words));
    types.ptrArrays.set(n, id);
  }
  return m.heap.alloc(n * 8, id);
}
