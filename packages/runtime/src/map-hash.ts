// The per-type hash and equality a map uses (Go's alg.go: memhash, strhash, interhash, typehash and the
// type's equal function), computed from the program's type descriptors. A hash is 64 bits as on amd64, of which
// only `lo` is kept (an int32: only its bits are used): it picks the bucket (hash & mask, and the X/Y half when
// growing), and the high half, a mix of lo (map-core.ts tophash), gives the tophash. Hashes are seeded by the map's hash0, so iteration and bucket order differ from run to run seed.

import type { ProgramType } from '@gosim/program';
import type { AddressSpace } from '@gosim/memory';
import type { Machine } from './machine.js';
import type { MapInfo } from './map-layout.js';
import { RuntimePanic } from './signals.js';
import { isDirect } from './values.js';
import { dynTypeWord } from './iface.js';

/** One 32-bit mixing round (murmur3's finalizer over a running state). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16); // an int32: a small integer to V8 (a uint32 above 2^31 would be a heap number); only its bits are used
}

/** memhash: n bytes at p, chained from seed (4-aligned p: whole words read as int32, the same little-endian value). */
function memhash(s: AddressSpace, p: number, n: number, seed: number): number {
  let h = seed | 0;
  let i = 0;
  if ((p & 3) === 0) {
    const i32 = s.i32;
    for (const w = p >>> 2; i + 4 <= n; i += 4) h = mix(h, i32[w + (i >>> 2)]!);
  } else {
    const u8 = s.u8;
    for (; i + 4 <= n; i += 4) h = mix(h, u8[p + i]! | (u8[p + i + 1]! << 8) | (u8[p + i + 2]! << 16) | (u8[p + i + 3]! << 24));
  }
  let tail = 0;
  for (let k = 0; i < n; i++, k += 8) tail |= s.u8[p + i]! << k;
  h = mix(h, tail ^ n);
  return fmix(h);
}

/** memequal: the n bytes at a and b are equal. */
function memequal(s: AddressSpace, a: number, b: number, n: number): boolean {
  let i = 0;
  if (((a | b) & 3) === 0) {
    const i32 = s.i32;
    for (const wa = a >>> 2, wb = b >>> 2; i + 4 <= n; i += 4) if (i32[wa + (i >>> 2)] !== i32[wb + (i >>> 2)]) return false;
  }
  const u8 = s.u8;
  for (; i < n; i++) if (u8[a + i] !== u8[b + i]) return false;
  return true;
}

/** The map's key hash (typehash of its key type; plain-memory keys straight to memhash). */
export function keyhash(m: Machine, info: MapInfo, p: number, seed: number): number {
  return info.plainKey ? memhash(m.space, p, info.keySize, seed) : typehash(m, info.key, p, seed);
}

/** The map's key equality (typeequal of its key type; plain-memory keys straight to memequal). */
export function keyequal(m: Machine, info: MapInfo, a: number, b: number): boolean {
  return info.plainKey ? memequal(m.space, a, b, info.keySize) : typeequal(m, info.key, a, b);
}

/** Whether values of the type can be compared (and so hashed): Go's t.equal != nil. */
export function comparable(m: Machine, tid: number): boolean {
  const t = m.prog.types[tid]!;
  switch (t.kind) {
    case 'slice': case 'map': case 'func': return false;
    case 'array': return t.size === 0 || comparable(m, t.elem);
    case 'struct': return (t.fields ?? []).every((f) => comparable(m, f.type));
    default: return true;
  }
}

const unhashable = (t: ProgramType): RuntimePanic =>
  new RuntimePanic('runtime.errorString', `runtime error: hash of unhashable type ${t.name}`, 'runtime.panicwrap');

const f64 = (m: Machine, p: number, size: number): number => {
  const dv = new DataView(m.space.u8.buffer, p, size);
  return size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true);
};

/** typehash: the hash of the value of type tid at p (32 bits), chained from seed. */
export function typehash(m: Machine, tid: number, p: number, seed: number): number {
  const t = m.prog.types[tid]!;
  const s = m.space;
  switch (t.kind) {
    case 'string': return memhash(s, s.load64(p), s.load64(p + 8), seed);
    case 'interface': {
      const tw = dynTypeWord(m, s.load64(p)); // iface.ts: word 0 of a non-empty interface is its itab
      if (tw === 0) return fmix(mix(seed, 0));
      const dt = tw - 1;
      const d = m.prog.types[dt]!;
      if (!comparable(m, dt)) throw unhashable(d);
      const h = mix(seed, dt);
      return isDirect(d.kind) ? memhash(s, p + 8, 8, h) : typehash(m, dt, s.load64(p + 8), h);
    }
    case 'struct': {
      let h = seed;
      for (const f of t.fields ?? []) h = typehash(m, f.type, p + f.offset, h);
      return fmix(mix(h, t.size));
    }
    case 'array': {
      if (t.size === 0) return fmix(mix(seed, 0));
      const es = m.prog.types[t.elem]!.size;
      let h = seed;
      for (let o = 0; o < t.size; o += es) h = typehash(m, t.elem, p + o, h);
      return h;
    }
    case 'float': case 'complex': {
      const part = t.kind === 'complex' ? t.size / 2 : t.size;
      let h = seed;
      for (let o = 0; o < t.size; o += part) {
        const f = f64(m, p + o, part);
        // +0 and -0 hash alike; NaN != NaN, so its hash is random (Go's f64hash)
        if (f === 0) h = fmix(mix(h, 0));
        else if (f !== f) h = fmix(mix(h, fastrandOf(m)));
        else h = memhash(s, p + o, part, h);
      }
      return h;
    }
    case 'slice': case 'map': case 'func': throw unhashable(t);
    default: return memhash(s, p, t.size, seed);
  }
}

/** The type's equal function for values at a and b (interfaces: by dynamic type; uncomparable ones panic). */
export function typeequal(m: Machine, tid: number, a: number, b: number): boolean {
  const t = m.prog.types[tid]!;
  const s = m.space;
  switch (t.kind) {
    case 'string': {
      const n = s.load64(a + 8);
      if (n !== s.load64(b + 8)) return false;
      const pa = s.load64(a);
      const pb = s.load64(b);
      if (pa === pb) return true;
      for (let i = 0; i < n; i++) if (s.u8[pa + i] !== s.u8[pb + i]) return false;
      return true;
    }
    case 'interface': {
      const tw = dynTypeWord(m, s.load64(a));
      if (tw !== dynTypeWord(m, s.load64(b))) return false;
      if (tw === 0) return true;
      const d = m.prog.types[tw - 1]!;
      if (!comparable(m, tw - 1)) throw new RuntimePanic('runtime.errorString', `runtime error: comparing uncomparable type ${d.name}`, 'runtime.panicwrap');
      if (isDirect(d.kind)) return s.load64(a + 8) === s.load64(b + 8);
      return typeequal(m, tw - 1, s.load64(a + 8), s.load64(b + 8));
    }
    case 'struct':
      return (t.fields ?? []).every((f) => typeequal(m, f.type, a + f.offset, b + f.offset));
    case 'array': {
      if (t.size === 0) return true;
      const es = m.prog.types[t.elem]!.size;
      for (let o = 0; o < t.size; o += es) if (!typeequal(m, t.elem, a + o, b + o)) return false;
      return true;
    }
    case 'float': case 'complex': {
      const part = t.kind === 'complex' ? t.size / 2 : t.size;
      for (let o = 0; o < t.size; o += part) if (f64(m, a + o, part) !== f64(m, b + o, part)) return false;
      return true;
    }
    default:
      return memequal(s, a, b, t.size);
  }
}

/** Go's fastrand: a per-machine xorshift state seeded from the run's seed (hash0, iteration starts). */
const rngs = new WeakMap<Machine, { x: number }>();
export function fastrandOf(m: Machine): number {
  let st = rngs.get(m);
  if (!st) {
    st = { x: (fmix(((m.opts.seed ?? 0) * 0x9e3779b9) ^ 0x2545f491) | 1) };
    rngs.set(m, st);
  }
  let x = st.x;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  st.x = x;
  return x >>> 0;
}
