/**
 * Maps: `make(map[K]V, hint)`, map literals, `m[k]` (and comma-ok), assignment through MAPASSIGN's element
 * pointer, op-assign and ++/-- as `m[k] = m[k] op v` with m and k evaluated once, `delete`, `len`.
 * Operand blocks: `mk` = [map word | key in memory layout] (isa/map.ts). A non-escaping map's hmap is a
 * stack slot of the site (isa/map.ts HmapSlot: with its pointer words), so copystack and the GC see it.
 */
import { HmapSlot, Op } from '@gosim/program';
import type * as A from '../ast.js';
import { T, sizeof, underlying, type MapType, type StructType, type Type } from '../types.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { load, store, type Place } from './place.js';
import { ptrWords } from './typeinfo.js';
import { val } from './expr.js';
import { arith } from './ops.js';
import { unparen } from './util.js';
import { multi } from './assign.js';

export const mapOf = (t: Type): MapType => underlying(t) as MapType;

/** Keys and elements larger than this are stored indirectly (runtime/src/map-layout.ts MaxKeySize). */
const MaxInline = 128;

/**
 * gc's MapBucketType: tophash [8]uint8, keys [8]K, elems [8]V, overflow pointer; a key or element over 128 bytes
 * is a pointer slot. The same layout as runtime/src/map-layout.ts mapInfo computes from the type descriptors.
 */
function bucketType(mt: MapType): StructType {
  const slot = (t: Type): Type => (sizeof(t) > MaxInline ? { kind: 'pointer', elem: t } : t);
  return {
    kind: 'struct', laidOut: false, fields: [
      { name: 'tophash', type: { kind: 'array', len: 8, elem: T.uint8 }, offset: -1 },
      { name: 'keys', type: { kind: 'array', len: 8, elem: slot(mt.key) }, offset: -1 },
      { name: 'elems', type: { kind: 'array', len: 8, elem: slot(mt.elem) }, offset: -1 },
      { name: 'overflow', type: { kind: 'pointer', elem: T.uint8 }, offset: -1 },
    ],
  };
}

/** make(map[K]V[, hint]) */
export function makeMap(fn: FnLower, e: A.CallExpr): Loc {
  const hint = e.args[1] ? fn.own(fn.toWord(val(fn, e.args[1]), e.args[1].type!), T.int) : fn.imm(0);
  return newMap(fn, e.typeArg!, hint, e.heap !== false);
}

function newMap(fn: FnLower, t: Type, hint: Loc, heap: boolean): Loc {
  const f = fn.f;
  const d = fn.ptrTmp();
  if (heap) {
    f.emit(Op.MAKEMAP, d, fn.typeId(t), hint);
    return d;
  }
  const slot = f.local('perm', HmapSlot.size, HmapSlot.ptrWords, 'hmap');
  f.emit(Op.ZERO, slot, HmapSlot.size);
  // as gc's walkMakeMap: one bucket on the stack too (h.buckets = &bv); makemap replaces it when hint > 8
  const bt = bucketType(mapOf(t));
  const bucket = f.local('perm', sizeof(bt), ptrWords(bt), 'bucket');
  f.emit(Op.ZERO, bucket, sizeof(bt));
  const hp = fn.ptrTmp();
  const bp = fn.ptrTmp();
  f.emit(Op.LEA, hp, slot);
  f.emit(Op.LEA, bp, bucket);
  f.emit(Op.STORE, hp, 16, bp);
  f.emit(Op.MAKEMAPSTK, slot, fn.typeId(t), hint);
  f.emit(Op.LEA, d, slot);
  return d;
}

/** The operand block [m | k] of a map index expression: m, then k, evaluated in that order. */
export function mapOperands(fn: FnLower, e: A.IndexExpr): Loc {
  return mapKeyBlock(fn, e.x, e.index);
}

function mapKeyBlock(fn: FnLower, mx: A.Expr, kx: A.Expr): Loc {
  const mt = mapOf(mx.type!);
  const mk = fn.f.tmp(8 + Math.max(sizeof(mt.key), 1), [0, ...ptrWords(mt.key).map((w) => w + 1)]);
  fn.f.emit(Op.MOV, mk, val(fn, mx));
  store(fn, { k: 'frame', loc: at(mk, 8) }, mt.key, val(fn, kx));
  return mk;
}

/** m[k] as a value (the zero value when absent). */
export function mapIndexVal(fn: FnLower, e: A.IndexExpr): Loc {
  return mapAccess(fn, e.x.type!, mapOperands(fn, e), false)[0];
}

/** v, ok := m[k] */
export function mapCommaOk(fn: FnLower, e: A.IndexExpr): Loc[] {
  return mapAccess(fn, e.x.type!, mapOperands(fn, e), true);
}

function mapAccess(fn: FnLower, t: Type, mk: Loc, commaOk: boolean): [Loc, Loc] {
  const et = mapOf(t).elem;
  const es = sizeof(et);
  const d = fn.f.tmp(Math.max(es + (commaOk ? 1 : 0), 8), ptrWords(et));
  fn.f.emit(commaOk ? Op.MAPACCESS2 : Op.MAPACCESS1, d, fn.typeId(t), mk);
  const v = load(fn, { k: 'frame', loc: d }, et);
  if (!commaOk) return [v, v];
  const ok = fn.byte();
  fn.f.emit(Op.MOV1, ok, at(d, es));
  return [v, ok];
}

/** The element slot of m[k] (inserting k): where an assignment stores. Run after the value is evaluated. */
export function mapAssignPlace(fn: FnLower, t: Type, mk: Loc): Place {
  const p = fn.ptrTmp();
  fn.f.emit(Op.MAPASSIGN, p, fn.typeId(t), mk);
  return { k: 'mem', base: p, off: 0 };
}

/** m[k] = v (v already evaluated). */
export function mapStore(fn: FnLower, lhs: A.IndexExpr, mk: Loc, v: Loc): void {
  store(fn, mapAssignPlace(fn, lhs.x.type!, mk), lhs.type!, v);
}

/** m[k] op= y, m[k]++ and m[k]--: m[k] = m[k] op y with m and k evaluated once. */
export function mapOpAssign(fn: FnLower, lhs: A.Expr, op: A.BinaryOp, y: A.Expr | undefined): void {
  const x = unparen(lhs) as A.IndexExpr;
  const t = x.type!;
  const mk = mapOperands(fn, x);
  const cur = fn.own(mapAccess(fn, x.x.type!, mk, false)[0], t);
  const r = y ? arith(fn, op, t, cur, t, val(fn, y), y) : incDec(fn, cur, t, op);
  mapStore(fn, x, mk, fn.own(r, t));
}

function incDec(fn: FnLower, cur: Loc, t: Type, op: A.BinaryOp): Loc {
  const w = fn.word();
  fn.f.emit(Op.ADDI, w, fn.toWord(cur, t), op === '+' ? 1 : -1);
  return fn.fromWord(w, t);
}

/** delete(m, k) */
export function mapDelete(fn: FnLower, e: A.CallExpr): void {
  const a0 = e.args[0]!;
  if (a0.type?.kind === 'tuple') {
    const [m, k] = multi(fn, a0, a0.type.types); // delete(f())
    return mapDeleteArgs(fn, a0.type.types[0]!, m!, k!);
  }
  const mk = mapKeyBlock(fn, e.args[0]!, e.args[1]!);
  fn.f.emit(Op.MAPDELETE, mk, fn.typeId(e.args[0]!.type!));
}

/** delete(m, k) of a deferred call's wrapper: m and k (memory layout) are its arguments. */
export function mapDeleteArgs(fn: FnLower, t: Type, m: Loc, k: Loc): void {
  const kt = mapOf(t).key;
  const mk = fn.f.tmp(8 + Math.max(sizeof(kt), 1), [0, ...ptrWords(kt).map((w) => w + 1)]);
  fn.f.emit(Op.MOV, mk, m);
  fn.moveFrame(at(mk, 8), k, sizeof(kt));
  fn.f.emit(Op.MAPDELETE, mk, fn.typeId(t));
}

/** len(m) */
export function mapLen(fn: FnLower, x: A.Expr, d: Loc): void {
  fn.f.emit(Op.MAPLEN, d, val(fn, x));
}

/** map[K]V{k: v, ...}: a map made for len(elts) entries, then each key and value evaluated and inserted in order. */
export function mapLit(fn: FnLower, e: A.CompositeLit): Loc {
  const t = e.type!;
  const mt = mapOf(t);
  const m = newMap(fn, t, fn.imm(e.elts.length), e.heap !== false);
  for (const el of e.elts) {
    const kv = el as A.KeyValueExpr;
    const mk = fn.f.tmp(8 + Math.max(sizeof(mt.key), 1), [0, ...ptrWords(mt.key).map((w) => w + 1)]);
    fn.f.emit(Op.MOV, mk, m);
    store(fn, { k: 'frame', loc: at(mk, 8) }, mt.key, val(fn, kv.key));
    const v = fn.own(val(fn, kv.value), mt.elem);
    store(fn, mapAssignPlace(fn, t, mk), mt.elem, v);
  }
  return m;
}
