// Package reflect's runtime functions (specs: program/src/isa/rt-reflect.ts; Go side: stdlib/go/reflect): they
// read the program's type descriptors (ProgramType, the ones the GC, maps and interfaces use) and simulated
// memory. A value crosses as an interface{} box: type word = id + 1; data word = the value itself for the
// pointer-shaped kinds (pointer, chan, func, map), else the address of the value. An element or field is
// returned as a fresh heap copy typed with the element's descriptor (so the GC scans it as any boxed value);
// an element of interface type is returned as its contents (dynamic type word, data word).

import { PageSize } from '@gosim/memory';
import type { ProgramType } from '@gosim/program';
import { ChanResult, Hchan } from './chan.js';
import { dynTypeWord, getitab } from './iface.js';
import type { Machine } from './machine.js';
import { mapaccess } from './map-core.js';
import { comparable } from './map-hash.js';
import { mapiterinit, mapiternext } from './map-iter.js';
import { Hiter, Hmap } from './map-layout.js';
import type { RtArgs, RtImpls } from './rtfuncs.js';

/** reflect.Kind numbers (Go's). */
export const Kind = {
  Invalid: 0, Bool: 1, Int: 2, Int8: 3, Int16: 4, Int32: 5, Int64: 6, Uint: 7, Uint8: 8, Uint16: 9, Uint32: 10,
  Uint64: 11, Uintptr: 12, Float32: 13, Float64: 14, Complex64: 15, Complex128: 16, Array: 17, Chan: 18, Func: 19,
  Interface: 20, Map: 21, Pointer: 22, Slice: 23, String: 24, Struct: 25, UnsafePointer: 26,
} as const;

const basicKinds: Readonly<Record<string, number>> = {
  bool: Kind.Bool, int: Kind.Int, int8: Kind.Int8, int16: Kind.Int16, int32: Kind.Int32, int64: Kind.Int64,
  uint: Kind.Uint, uint8: Kind.Uint8, uint16: Kind.Uint16, uint32: Kind.Uint32, uint64: Kind.Uint64,
  uintptr: Kind.Uintptr, float32: Kind.Float32, float64: Kind.Float64, complex64: Kind.Complex64,
  complex128: Kind.Complex128, string: Kind.String, 'unsafe.Pointer': Kind.UnsafePointer,
};

/** The reflect.Kind of a program type. Runtime-internal records and the runtime error types count as structs. */
export function kindOf(t: ProgramType): number {
  const b = basicKinds[t.basic ?? t.name];
  if (b !== undefined) return b;
  switch (t.kind) {
    case 'bool': return Kind.Bool;
    case 'string': return Kind.String;
    case 'uintptr': return Kind.Uintptr;
    case 'byte': return Kind.Uint8;
    case 'int': return [Kind.Int8, Kind.Int16, 0, Kind.Int32, 0, 0, 0, Kind.Int64][t.size - 1] ?? Kind.Int;
    case 'uint': return [Kind.Uint8, Kind.Uint16, 0, Kind.Uint32, 0, 0, 0, Kind.Uint64][t.size - 1] ?? Kind.Uint;
    case 'float': return t.size === 4 ? Kind.Float32 : Kind.Float64;
    case 'complex': return t.size === 8 ? Kind.Complex64 : Kind.Complex128;
    case 'pointer': return Kind.Pointer;
    case 'chan': return Kind.Chan;
    case 'func': return Kind.Func;
    case 'map': return Kind.Map;
    case 'slice': return Kind.Slice;
    case 'array': return Kind.Array;
    case 'interface': return Kind.Interface;
    default: return Kind.Struct;
  }
}

/** The kinds whose interface data word is the value itself. */
const isDirect = (t: ProgramType): boolean => t.kind === 'pointer' || t.kind === 'chan' || t.kind === 'func' || t.kind === 'map';

const enc = new TextEncoder();

/** Writes a new heap string with s's bytes into the {ptr, len} slot at `at`. */
function putString(m: Machine, at: number, s: string): void {
  const b = enc.encode(s);
  if (b.length === 0) return; // the zeroed slot is ""
  const p = m.allocBytes(b.length);
  m.space.u8.set(b, p);
  m.space.store64(at, p);
  m.space.store64(at + 8, b.length);
}

const putBool = (m: Machine, at: number, v: boolean): void => m.space.store8(at, v ? 1 : 0);

/** A scratch region outside the heap (the GC never scans it) for a map iterator and interface keys. */
const scratches = new WeakMap<Machine, number>();
function scratch(m: Machine): number {
  let s = scratches.get(m);
  if (s === undefined) scratches.set(m, (s = m.space.mapRegion(PageSize)));
  return s;
}

/** The interface{} in the slot at `at`: its type (or undefined for nil) and data word. */
function eface(m: Machine, at: number): { id: number; t: ProgramType | undefined; data: number } {
  const tw = m.space.load64(at);
  const id = tw - 1;
  return { id, t: tw === 0 ? undefined : m.prog.types[id], data: m.space.load64(at + 8) };
}

/** The address of the value an interface{} slot holds (for direct kinds: its data word, in the slot itself). */
function valueAddr(m: Machine, at: number): { t: ProgramType; p: number } {
  const e = eface(m, at);
  if (!e.t) throw new Error('reflect: nil interface passed to a value function');
  return { t: e.t, p: isDirect(e.t) ? at + 8 : e.data };
}

/**
 * Boxes the value of type id `t` at address p into the interface{} slot at `out`: a direct kind's word; an
 * interface's contents; else a heap copy.
 */
function box(m: Machine, out: number, t: number, p: number): void {
  const s = m.space;
  const pt = m.prog.types[t]!;
  if (pt.kind === 'interface') {
    const w0 = s.load64(p);
    s.store64(out, w0 === 0 ? 0 : dynTypeWord(m, w0));
    s.store64(out + 8, s.load64(p + 8));
    return;
  }
  if (isDirect(pt)) {
    s.store64(out, t + 1);
    s.store64(out + 8, s.load64(p));
    return;
  }
  const c = m.heap.alloc(Math.max(pt.size, 8), t);
  s.memmove(c, p, pt.size);
  s.store64(out, t + 1);
  s.store64(out + 8, c);
}

function loadInt(m: Machine, p: number, size: number): bigint {
  const s = m.space;
  switch (size) {
    case 1: return BigInt((s.load8(p) << 24) >> 24);
    case 2: return BigInt((s.load16(p) << 16) >> 16);
    case 4: return BigInt(s.load32(p) | 0);
    default: return s.load64Big(p);
  }
}

function loadUint(m: Machine, p: number, size: number): bigint {
  const s = m.space;
  switch (size) {
    case 1: return BigInt(s.load8(p));
    case 2: return BigInt(s.load16(p));
    case 4: return BigInt(s.load32(p) >>> 0);
    default: return BigInt.asUintN(64, s.load64Big(p));
  }
}

function loadFloat(m: Machine, p: number, size: number): number {
  const dv = new DataView(m.space.u8.buffer, p, size);
  return size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true);
}

function storeFloat(m: Machine, at: number, v: number): void {
  new DataView(m.space.u8.buffer, at, 8).setFloat64(0, v, true);
}

const ty = (m: Machine, a: RtArgs): ProgramType => m.prog.types[m.space.load64(a.at('t'))]!;

/** The data word's meaning for vword: a pointer-shaped value, a slice's or string's array. */
function word(m: Machine, at: number): number {
  const e = eface(m, at);
  if (!e.t) return 0;
  if (isDirect(e.t)) return e.data;
  if (e.t.kind === 'slice' || e.t.kind === 'string') return m.space.load64(e.data);
  return e.data;
}

const done = ChanResult.Done;

export const reflectImpls: RtImpls = {
  'reflect.typeid': (m, _g, a) => (m.space.store64(a.at('t'), m.space.load64(a.at('i')) - 1), done),
  'reflect.tkind': (m, _g, a) => (m.space.store64(a.at('k'), kindOf(ty(m, a))), done),
  'reflect.tstring': (m, _g, a) => (putString(m, a.at('s'), ty(m, a).name), done),
  'reflect.tnamed': (m, _g, a) => (putBool(m, a.at('ok'), ty(m, a).named === true), done),
  'reflect.telem': (m, _g, a) => (m.space.store64(a.at('e'), ty(m, a).elem), done),
  'reflect.tkey': (m, _g, a) => (m.space.store64(a.at('k'), ty(m, a).key ?? -1), done),
  'reflect.tlen': (m, _g, a) => (m.space.store64(a.at('n'), ty(m, a).len ?? 0), done),
  'reflect.tsize': (m, _g, a) => (m.space.store64(a.at('n'), ty(m, a).size), done),
  'reflect.tnumfield': (m, _g, a) => (m.space.store64(a.at('n'), ty(m, a).sfields?.length ?? 0), done),
  'reflect.tfield': (m, _g, a) => {
    const f = ty(m, a).sfields?.[m.space.load64(a.at('i'))];
    if (!f) return done;
    putString(m, a.at('name'), f.name);
    m.space.store64(a.at('typ'), f.type);
    m.space.store64(a.at('offset'), f.offset);
    putBool(m, a.at('embedded'), f.embedded);
    return done; // tag: gosim's front end does not keep struct tags
  },
  'reflect.tnummethod': (m, _g, a) => (m.space.store64(a.at('n'), methodNames(ty(m, a)).length), done),
  'reflect.tmethod': (m, _g, a) => {
    const ms = methodNames(ty(m, a));
    const x = ms[m.space.load64(a.at('i'))];
    if (x) { putString(m, a.at('name'), x.name); putString(m, a.at('mtyp'), x.mtyp); }
    return done;
  },
  'reflect.tcomparable': (m, _g, a) => (putBool(m, a.at('ok'), comparable(m, m.space.load64(a.at('t')))), done),
  'reflect.timplements': (m, _g, a) => {
    const t = m.space.load64(a.at('t'));
    const u = m.space.load64(a.at('u'));
    const tt = m.prog.types[t]!;
    const ok = tt.kind === 'interface'
      ? (m.prog.types[u]!.imethods ?? []).every((im) => (tt.imethods ?? []).some((x) => x.name === im.name && x.mtyp === im.mtyp))
      : getitab(m, u, t, true) !== 0;
    putBool(m, a.at('ok'), ok);
    return done;
  },
  'reflect.tfuncsig': (m, _g, a) => {
    const t = ty(m, a);
    const list = m.space.load8(a.at('in')) ? t.params : t.results;
    m.space.store64(a.at('r'), list?.[m.space.load64(a.at('i'))] ?? -1);
    return done;
  },
  'reflect.tfuncinfo': (m, _g, a) => {
    const t = ty(m, a);
    m.space.store64(a.at('numIn'), t.params?.length ?? 0);
    m.space.store64(a.at('numOut'), t.results?.length ?? 0);
    putBool(m, a.at('variadic'), t.variadic === true);
    return done;
  },
  'reflect.vint': (m, _g, a) => {
    const { t, p } = valueAddr(m, a.at('i'));
    m.space.store64Big(a.at('r'), loadInt(m, p, t.size));
    return done;
  },
  'reflect.vuint': (m, _g, a) => {
    const { t, p } = valueAddr(m, a.at('i'));
    m.space.store64Big(a.at('r'), BigInt.asIntN(64, loadUint(m, p, t.size)));
    return done;
  },
  'reflect.vfloat': (m, _g, a) => {
    const { t, p } = valueAddr(m, a.at('i'));
    storeFloat(m, a.at('r'), loadFloat(m, p, t.size));
    return done;
  },
  'reflect.vcomplex': (m, _g, a) => {
    const { t, p } = valueAddr(m, a.at('i'));
    const h = t.size / 2;
    storeFloat(m, a.at('r'), loadFloat(m, p, h));
    storeFloat(m, a.at('r') + 8, loadFloat(m, p + h, h));
    return done;
  },
  'reflect.vstring': (m, _g, a) => {
    const { p } = valueAddr(m, a.at('i'));
    m.space.memmove(a.at('r'), p, 16);
    return done;
  },
  'reflect.vbool': (m, _g, a) => {
    const { p } = valueAddr(m, a.at('i'));
    putBool(m, a.at('r'), m.space.load8(p) !== 0);
    return done;
  },
  'reflect.vbytes': (m, _g, a) => {
    const { p } = valueAddr(m, a.at('i'));
    m.space.memmove(a.at('r'), p, 24);
    return done;
  },
  'reflect.vword': (m, _g, a) => (m.space.store64(a.at('r'), word(m, a.at('i'))), done),
  'reflect.vlen': (m, _g, a) => (m.space.store64(a.at('r'), lenOf(m, a.at('i'), false)), done),
  'reflect.vcap': (m, _g, a) => (m.space.store64(a.at('r'), lenOf(m, a.at('i'), true)), done),
  'reflect.velem': (m, _g, a) => {
    const s = m.space;
    const { t, p } = valueAddr(m, a.at('i'));
    const k = s.load64(a.at('k'));
    switch (t.kind) {
      case 'pointer': box(m, a.at('r'), t.elem, s.load64(p)); break;
      case 'slice': box(m, a.at('r'), t.elem, s.load64(p) + k * m.prog.types[t.elem]!.size); break;
      case 'array': box(m, a.at('r'), t.elem, p + k * m.prog.types[t.elem]!.size); break;
      case 'string': box(m, a.at('r'), m.typeId('uint8'), s.load64(p) + k); break;
      default: break;
    }
    return done;
  },
  'reflect.vfield': (m, _g, a) => {
    const { p } = valueAddr(m, a.at('i'));
    box(m, a.at('r'), m.space.load64(a.at('ft')), p + m.space.load64(a.at('off')));
    return done;
  },
  'reflect.vmapfill': (m, _g, a) => (m.space.store64(a.at('n'), mapFill(m, a)), done),
  'reflect.vmapindex': (m, _g, a) => {
    const e = eface(m, a.at('i'));
    const mt = e.t!;
    const kt = m.prog.types[mt.key!]!;
    let key: number;
    if (kt.kind === 'interface') {
      // the key as the map stores it: (type word or itab, data)
      key = scratch(m) + Hiter.size;
      const kw = m.space.load64(a.at('key'));
      const tab = kw === 0 || !(kt.imethods?.length) ? kw : getitab(m, mt.key!, kw - 1, true);
      m.space.store64(key, tab);
      m.space.store64(key + 8, m.space.load64(a.at('key') + 8));
    } else key = valueAddr(m, a.at('key')).p;
    const p = mapaccess(m, m.space.load64(a.at('i')) - 1, e.data, key);
    if (p === 0) return done;
    box(m, a.at('v'), mt.elem, p);
    putBool(m, a.at('ok'), true);
    return done;
  },
  'reflect.vzero': (m, _g, a) => {
    const t = m.space.load64(a.at('t'));
    const pt = m.prog.types[t]!;
    if (isDirect(pt)) m.space.store64(a.at('r'), t + 1);
    else {
      m.space.store64(a.at('r'), t + 1);
      m.space.store64(a.at('r') + 8, m.heap.alloc(Math.max(pt.size, 8), t));
    }
    return done;
  },
  'reflect.vstore': (m, _g, a) => {
    const s = m.space;
    const dst = eface(m, a.at('base')).data + s.load64(a.at('off'));
    const t = s.load64(a.at('t'));
    const pt = m.prog.types[t]!;
    const x = a.at('x');
    const tw = s.load64(x);
    if (pt.kind === 'interface') {
      // the interface's own layout: type word (empty interface) or itab, then data
      s.store64(dst, tw === 0 || !(pt.imethods?.length) ? tw : getitab(m, t, tw - 1, false));
      s.store64(dst + 8, s.load64(x + 8));
    } else if (isDirect(pt)) s.store64(dst, s.load64(x + 8));
    else s.memmove(dst, s.load64(x + 8), pt.size);
    return done;
  },
  'reflect.vnew': (m, _g, a) => {
    const t = m.space.load64(a.at('t'));
    m.space.store64(a.at('r'), m.space.load64(a.at('pt')) + 1);
    m.space.store64(a.at('r') + 8, m.heap.alloc(Math.max(m.prog.types[t]!.size, 8), t));
    return done;
  },
  'reflect.tptrto': (m, _g, a) => {
    const t = m.space.load64(a.at('t'));
    m.space.store64(a.at('p'), m.prog.types.findIndex((x) => x.kind === 'pointer' && x.elem === t && !x.named));
    return done;
  },
};

/** The exported methods of a concrete type (Go's NumMethod), every method of an interface type. */
function methodNames(t: ProgramType): readonly { name: string; mtyp: string }[] {
  if (t.kind === 'interface') return t.imethods ?? [];
  const exported = (n: string): boolean => n.length > 0 && n[0]! >= 'A' && n[0]! <= 'Z';
  return (t.methods ?? []).filter((x) => exported(x.name)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function lenOf(m: Machine, at: number, cap: boolean): number {
  const s = m.space;
  const e = eface(m, at);
  if (!e.t) return 0;
  switch (e.t.kind) {
    case 'string': return s.load64(e.data + 8);
    case 'slice': return s.load64(e.data + (cap ? 16 : 8));
    case 'array': return e.t.len ?? 0;
    case 'map': return e.data === 0 ? 0 : s.load64(e.data + Hmap.count);
    case 'chan': return e.data === 0 ? 0 : s.load64(e.data + (cap ? Hchan.dataqsiz : Hchan.qcount));
    default: return 0;
  }
}

/** Boxes each entry of the map into keys[j], vals[j] (as many as both slices hold); returns the count. */
function mapFill(m: Machine, a: RtArgs): number {
  const s = m.space;
  const e = eface(m, a.at('i'));
  if (!e.t || e.data === 0) return 0;
  const mt = e.t;
  const ks = s.load64(a.at('keys'));
  const vs = s.load64(a.at('vals'));
  const max = Math.min(s.load64(a.at('keys') + 8), s.load64(a.at('vals') + 8));
  const it = scratch(m);
  mapiterinit(m, e.id, e.data, it);
  let n = 0;
  while (n < max && s.load64(it + Hiter.key) !== 0) {
    box(m, ks + 16 * n, mt.key!, s.load64(it + Hiter.key));
    box(m, vs + 16 * n, mt.elem, s.load64(it + Hiter.elem));
    n++;
    mapiternext(m, it);
  }
  return n;
}
