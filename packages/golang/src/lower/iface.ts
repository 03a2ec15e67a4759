/**
 * Interface values with methods: {tab *itab, data} (program/src/isa/iface.ts). Conversions to interface types
 * (static itabs in the data segment for the pairs seen here), dispatch through itab.fun, type assertions.
 */
import { Op, type Module } from '@gosim/program';
import type * as A from '../ast.js';
import { T, identical, isInterface, sizeof, underlying, type InterfaceType, type Signature, type Type } from '../types.js';
import { callArgs, callResults, copyArgs } from './call.js';
import { box, val } from './expr.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { load } from './place.js';
import { goTypeName, isDirectKind } from './typeinfo.js';
import { itabFunc } from './method.js';

/** Offset of fun[0] in an itab. */
const ItabFun = 24;
/** The receiver word of a method called through an interface: the data word. */
const dataWord: Type = { kind: 'pointer', elem: T.uint8 };

export function ifaceMethods(t: Type): InterfaceType['methods'] {
  const u = underlying(t);
  return u.kind === 'interface' ? u.methods : [];
}
export const isEmptyIface = (t: Type): boolean => ifaceMethods(t).length === 0;

/** The interface{} form of an interface value (a non-empty one's type word is read from its itab). */
export function toEface(fn: FnLower, v: Loc, t: Type): Loc {
  if (isEmptyIface(t)) return v;
  const d = fn.f.tmp(16, [1]);
  fn.f.emit(Op.CONVI2E, d, v);
  return d;
}

/** The register value v of type `from` converted to interface type `to`. */
export function convIface(fn: FnLower, v: Loc, from: Type, to: Type, heap: boolean): Loc {
  if (!isInterface(from)) {
    const d = box(fn, v, from, heap);
    if (!isEmptyIface(to)) fn.f.emit(Op.DATA, d, staticItab(fn, to, from));
    return d;
  }
  if (identical(underlying(from), underlying(to))) return v;
  if (isEmptyIface(to)) return toEface(fn, v, from);
  const d = fn.f.tmp(16, [1]);
  fn.f.emit(Op.CONVI2I, d, v, fn.typeId(to));
  return d;
}

const itabs = new WeakMap<object, Map<string, number>>();

/** A module copied from `from` (lower.ts's fork) has its itabs: the same data offsets, its own type records. */
export function forkItabs(from: Module, to: Module): void {
  const c = itabs.get(from);
  if (c) itabs.set(to, new Map(c));
  // staticItab appends to a type's itab list: the copy's records must not be the original's
  to.types.forEach((t, i) => {
    const x = t as { itabs?: { inter: number; off: number }[] };
    if (x.itabs) to.types[i] = { ...t, itabs: [...x.itabs] } as typeof t;
  });
}

/** The data offset of the itab of (iface, T), laid out once per module: Go 1.19's itab with fun patched at link time. */
export function staticItab(fn: FnLower, iface: Type, t: Type): number {
  const m = fn.m;
  let cache = itabs.get(m);
  if (!cache) itabs.set(m, (cache = new Map()));
  const inter = fn.typeId(iface);
  const tid = fn.typeId(t);
  const key = `${inter}|${tid}`;
  const have = cache.get(key);
  if (have !== undefined) return have;
  const ims = ifaceMethods(iface);
  const fns = ims.map((im) => m.declare(itabFunc(fn.L, t, im.name)));
  const off = m.global(ItabFun + 8 * Math.max(ims.length, 1));
  const dv = new DataView(m.data.buffer, m.data.byteOffset);
  dv.setUint32(off, inter + 1, true);
  dv.setUint32(off + 8, tid + 1, true);
  dv.setUint32(off + 16, fnv(goTypeName(t)), true);
  fns.forEach((f, i) => m.pcWord(off + ItabFun + 8 * i, f));
  const pt = m.types[tid] as { itabs?: { inter: number; off: number }[] };
  (pt.itabs ??= []).push({ inter, off });
  cache.set(key, off);
  return off;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** `x.M(args)` on an interface value. */
export function ifaceCall(fn: FnLower, e: A.CallExpr, fun: A.SelectorExpr): Loc[] {
  const it = fun.x.type!;
  const sig = e.sig ?? (underlying(fun.type!) as Signature);
  const x = fn.own(val(fn, fun.x), it);
  const args = callArgs(fn, e, sig);
  return dispatch(fn, x, methodIndex(it, fun.sel.name), sig, args);
}

export function methodIndex(it: Type, name: string): number {
  const i = ifaceMethods(it).findIndex((m) => m.name === name);
  if (i < 0) throw new Error(`no method ${name} in ${goTypeName(it)}`);
  return i;
}

/** Call method idx of interface value x (a frame operand) with evaluated args; returns the results. */
export function dispatch(fn: FnLower, x: Loc, idx: number, sig: Signature, args: Loc[]): Loc[] {
  const full: Signature = { kind: 'func', params: [dataWord, ...sig.params], results: sig.results, variadic: false };
  const { resOffs } = copyArgs(fn, full, [at(x, 8), ...args]);
  // a nil interface faults loading tab.fun[idx] (address 24 + 8 idx): the nil dereference panic, as in Go
  const fv = fn.word();
  fn.f.emit(Op.ADDI, fv, x, ItabFun + 8 * idx);
  fn.f.emit(Op.CALLCLOSURE, fv);
  return callResults(fn, sig, resOffs);
}


/** x.(T) where T is an interface or x's type has methods (the rest: expr.ts assertion); undefined otherwise. */
export function ifaceAssertion(fn: FnLower, e: A.TypeAssertExpr, commaOk: boolean): [Loc, Loc?] | undefined {
  const src = e.x.type!;
  const t = e.type!;
  if (isEmptyIface(src) && !isInterface(t)) return undefined;
  const f = fn.f;
  const ex = toEface(fn, val(fn, e.x), src);
  if (isInterface(t)) {
    const d = f.tmp(24, [1]);
    f.emit(commaOk ? Op.ASSERTE2I2 : Op.ASSERTE2I, d, ex, fn.typeId(t));
    return commaOk ? [{ s: d.s, o: 0 }, at(d, 16)] : [{ s: d.s, o: 0 }];
  }
  const ok = fn.byte();
  f.emit(Op.EQ, ok, ex, fn.imm(fn.typeId(t) + 1));
  const d = fn.tmp(t);
  const good = f.label();
  const done = f.label();
  f.emit(Op.JNZ, ok, good);
  if (commaOk) {
    fn.zeroFrame(d, t);
    f.jmp(done);
  } else {
    const a = f.tmp(24, []);
    f.emit(Op.MOV, a, ex);
    fn.imm(fn.typeId(t) + 1, at(a, 8));
    fn.imm(fn.typeId(src) + 1, at(a, 16));
    f.emit(Op.PANICDOTTYPE, a);
  }
  f.bind(good);
  if (isDirectKind(t)) fn.copyReg(d, at(ex, 8), t);
  else if (sizeof(t) > 0) fn.copyReg(d, load(fn, { k: 'mem', base: at(ex, 8), off: 0 }, t), t);
  f.bind(done);
  return commaOk ? [d, ok] : [d];
}

/** In a type switch on an interface value (xe: its interface{} form): b = the dynamic type implements ct. */
export function implementsCase(fn: FnLower, b: Loc, xe: Loc, ct: Type): void {
  const d = fn.f.tmp(24, [1]);
  fn.f.emit(Op.ASSERTE2I2, d, xe, fn.typeId(ct));
  fn.f.emit(Op.MOV1, b, at(d, 16));
}

/** The value of a type switch clause variable of interface type ct (the guard x of type gt, xe its eface form). */
export function caseIfaceValue(fn: FnLower, x: Loc, xe: Loc, gt: Type, ct: Type): Loc {
  if (identical(underlying(gt), underlying(ct))) return x;
  if (isEmptyIface(ct)) return xe;
  const d = fn.f.tmp(24, [1]);
  fn.f.emit(Op.ASSERTE2I2, d, xe, fn.typeId(ct));
  return { s: d.s, o: 0 };
}
