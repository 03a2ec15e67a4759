// Interfaces with methods (Go 1.19's runtime/iface.go): itabs, conversions between interface types, type
// assertions to interface types, interface equality, and the runtime error types' methods.
//
// An itab (layout in program/src/isa/iface.ts) of a pair the compiler saw is in the data segment, listed in the
// concrete type's descriptor (`itabs`, Go's itabsinit); any other is built on first use in a region outside the
// GC heap (Go's persistentalloc) and cached, so there is one itab per pair and interface words compare equal.

import { PageSize } from '@gosim/memory';
import { Module, Op, type ProgramType } from '@gosim/program';
import type { ExtOps } from './ext-ops.js';
import { stringAt } from './format.js';
import type { Machine } from './machine.js';
import { RuntimePanic } from './signals.js';
import { isDirect } from './values.js';
import { readWord, writeWord } from '@gosim/memory';
import { runtimeErrorTypes } from './types.js';

/** Offsets in an itab. */
export const Itab = { inter: 0, type: 8, hash: 16, fun: 24 } as const;

interface ItabState { cache: Map<number, number>; next: number; end: number }
const states = new WeakMap<Machine, ItabState>();

function state(m: Machine): ItabState {
  let st = states.get(m);
  if (!st) states.set(m, (st = { cache: new Map(), next: 0, end: 0 }));
  return st;
}

/** FNV-1a of the type's name: the itab's copy of _type.hash (only its presence matters here). */
function typeHash(t: ProgramType): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.name.length; i++) h = Math.imul(h ^ t.name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The first interface method typ lacks, or undefined. */
function missing(inter: ProgramType, typ: ProgramType): string | undefined {
  for (const im of inter.imethods ?? []) {
    if (!(typ.methods ?? []).some((x) => x.name === im.name && x.mtyp === im.mtyp)) return im.name;
  }
  return undefined;
}

/**
 * getitab(inter, typ, canfail): the itab's address; 0 if typ does not implement inter and canfail, else Go's
 * `interface conversion: T is not I: missing method M` panic.
 */
export function getitab(m: Machine, inter: number, typ: number, canfail: boolean): number {
  const types = m.prog.types;
  const it = types[inter]!;
  const tt = types[typ]!;
  const st = state(m);
  const key = inter * 0x100000 + typ;
  let tab = st.cache.get(key);
  if (tab === undefined) {
    const stat = tt.itabs?.find((x) => x.inter === inter);
    if (stat) tab = m.dataBase + stat.off;
    else if (missing(it, tt) !== undefined) tab = 0;
    else tab = buildItab(m, st, inter, typ);
    st.cache.set(key, tab);
  }
  if (tab === 0 && !canfail) {
    throw new RuntimePanic('*runtime.TypeAssertionError', `interface conversion: ${tt.name} is not ${it.name}: missing method ${missing(it, tt)}`, 'runtime.panicdottypeE');
  }
  return tab;
}

function buildItab(m: Machine, st: ItabState, inter: number, typ: number): number {
  const types = m.prog.types;
  const ims = types[inter]!.imethods ?? [];
  const tt = types[typ]!;
  const size = Itab.fun + 8 * Math.max(ims.length, 1);
  if (st.next + size > st.end) {
    const n = Math.max(PageSize, Math.ceil(size / PageSize) * PageSize);
    st.next = m.space.mapRegion(n);
    st.end = st.next + n;
  }
  const tab = st.next;
  st.next += size;
  const s = m.space;
  s.store64(tab + Itab.inter, inter + 1);
  s.store64(tab + Itab.type, typ + 1);
  s.store64(tab + Itab.hash, typeHash(tt));
  ims.forEach((im, i) => {
    const fn = tt.methods!.find((x) => x.name === im.name && x.mtyp === im.mtyp)!;
    s.store64(tab + Itab.fun + 8 * i, m.prog.funcs[fn.ifn]!.entry);
  });
  return tab;
}

/** The dynamic type word (id + 1, or 0) of an interface value's first word, empty or not. */
export function dynTypeWord(m: Machine, w0: number): number {
  return w0 > m.prog.types.length ? m.space.load64(w0 + Itab.type) : w0;
}

const TypeAssertion = '*runtime.TypeAssertionError';

/** interface{}: an assertion to it keeps the type word. */
const isEmpty = (m: Machine, inter: number): boolean => !(m.prog.types[inter]!.imethods?.length);

/** Handlers of this file's opcodes (program/src/isa/iface.ts), by opcode. */
export const ifaceOps: ExtOps = {
  [Op.CONVI2E]: {
    safePoint: false,
    run(m, _g, sp, a, b) {
      const s = m.space;
      const tab = s.load64(sp + b);
      const data = s.load64(sp + b + 8);
      s.store64(sp + a, tab === 0 ? 0 : s.load64(tab + Itab.type));
      s.store64(sp + a + 8, data);
      return 0;
    },
  },
  [Op.CONVI2I]: {
    safePoint: false,
    run(m, _g, sp, a, b, c) {
      const s = m.space;
      const tab = s.load64(sp + b);
      const data = s.load64(sp + b + 8);
      s.store64(sp + a, tab === 0 ? 0 : getitab(m, c, s.load64(tab + Itab.type) - 1, false));
      s.store64(sp + a + 8, data);
      return 0;
    },
  },
  [Op.ASSERTE2I]: {
    safePoint: false,
    run(m, _g, sp, a, b, c) {
      const s = m.space;
      const tw = s.load64(sp + b);
      const data = s.load64(sp + b + 8);
      if (tw === 0) throw new RuntimePanic(TypeAssertion, `interface conversion: interface is nil, not ${m.prog.types[c]!.name}`, 'runtime.panicdottypeE');
      s.store64(sp + a, isEmpty(m, c) ? tw : getitab(m, c, tw - 1, false));
      s.store64(sp + a + 8, data);
      return 0;
    },
  },
  [Op.ASSERTE2I2]: {
    safePoint: false,
    run(m, _g, sp, a, b, c) {
      const s = m.space;
      const tw = s.load64(sp + b);
      const data = s.load64(sp + b + 8);
      const tab = tw === 0 ? 0 : isEmpty(m, c) ? tw : getitab(m, c, tw - 1, true);
      s.store64(sp + a, tab);
      s.store64(sp + a + 8, tab === 0 ? 0 : data);
      s.u8[sp + a + 16] = tab === 0 ? 0 : 1;
      return 0;
    },
  },
  [Op.PANICDOTTYPE]: {
    safePoint: false,
    run(m, _g, sp, a) {
      const s = m.space;
      const types = m.prog.types;
      const have = s.load64(sp + a);
      const want = types[s.load64(sp + a + 8) - 1]!.name;
      const iface = types[s.load64(sp + a + 16) - 1]!.name;
      const h = have === 0 ? 'nil' : types[have - 1]!.name;
      throw new RuntimePanic(TypeAssertion, assertionMessage(iface, h, want), 'runtime.panicdottypeE');
    },
  },
  [Op.PANICWRAP]: {
    safePoint: false,
    run(m, _g, sp, a, b) {
      if (m.space.load64(sp + a) !== 0) return 0;
      throw new RuntimePanic('runtime.plainError', stringAt(m.space, sp + b), 'runtime.panicwrap');
    },
  },
};

/** The Go names of the runtime error types' Error methods (their receiver: the data word). */
function errorMethodName(t: string): string {
  const base = t.startsWith('*') ? t.slice(1) : t;
  return `runtime.(*${base.slice('runtime.'.length)}).`;
}

/**
 * The runtime error types' methods (Error, RuntimeError: Go's runtime.Error), so that runtime errors are error
 * values: the data word points to the Error() text's {ptr, len} header.
 */
export function addIfaceRuntime(m: Module): void {
  const file = '$GOROOT/src/runtime/error.go';
  for (const name of runtimeErrorTypes) {
    const id = m.typeIds.get(name);
    if (id === undefined) continue;
    const pre = errorMethodName(name);
    const err = m.func(`${pre}Error`, { args: [{ name: 'r', size: 8, ptr: [0] }], results: [{ name: 's', size: 16, ptr: [0] }], file });
    err.emit(Op.LOAD, err.slot('s'), err.slot('r'), 0).emit(Op.LOAD, err.slot('s', 8), err.slot('r'), 8).emit(Op.RET);
    const errId = err.end();
    const rt = m.func(`${pre}RuntimeError`, { args: [{ name: 'r', size: 8, ptr: [0] }], file });
    const rtId = rt.emit(Op.RET).end();
    const t = m.types[id] as { -readonly [K in keyof ProgramType]: ProgramType[K] };
    t.methods = [{ name: 'Error', mtyp: 'func() string', ifn: errId }, { name: 'RuntimeError', mtyp: 'func()', ifn: rtId }];
  }
}

/** TypeAssertionError's text; two distinct types that print alike are from different scopes (local types). */
export function assertionMessage(iface: string, have: string, want: string): string {
  return `interface conversion: ${iface} is ${have}, not ${want}${have === want ? ' (types from different scopes)' : ''}`;
}

/**
 * x.(T) from interface{} (ASSERT: panics on a mismatch; ASSERTOK, `ok` true: zero value and false instead): the
 * eface at sp+b, T's type id c, the value (and for ASSERTOK the bool after it, word-aligned) to sp+a.
 */
export function assertE(m: Machine, ok: boolean, sp: number, a: number, b: number, c: number): void {
  const { i32, u8 } = m.space;
  const tw = readWord(i32, sp + b);
  const t = m.prog.types[c]!;
  const match = tw === c + 1;
  if (!match && !ok) {
    const have = tw === 0 ? 'nil' : m.prog.types[tw - 1]!.name;
    throw new RuntimePanic('*runtime.TypeAssertionError', assertionMessage('interface {}', have, t.name), 'runtime.panicdottypeE');
  }
  const data = readWord(i32, sp + b + 8);
  if (!match) u8.fill(0, sp + a, sp + a + t.size);
  else if (isDirect(t.kind)) writeWord(i32, sp + a, data);
  else u8.copyWithin(sp + a, data, data + t.size);
  if (ok) u8[sp + a + ((t.size + 7) & ~7)] = match ? 1 : 0;
}
