/** Assignments: plain, tuple and op-assign; multi-value right sides. */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { VarObj } from '../objects.js';
import { T, identical, isInterface, sizeof, underlying, type Type } from '../types.js';
import { convIface } from './iface.js';
import { call, clearDeadTemps } from './call.js';
import { assertion, val } from './expr.js';
import type { FnLower } from './fn.js';
import type { Loc } from './frame.js';
import { isMapIndex } from '../check/map-index.js';
import { mapCommaOk, mapOpAssign, mapOperands, mapStore } from './map.js';
import { arith } from './ops.js';
import { load, store, place, slicePlaceLater, type Place } from './place.js';
import { declare } from './stmt.js';
import { isMidInt, ptrWords } from './typeinfo.js';
import { unparen } from './util.js';

/**
 * Values of a multi-value expression (f() with several results, v, ok := <-c / x.(T)), each converted to the
 * type it is assigned to where that is an interface and the value's is not (`var a, b interface{} = x.(int)`).
 */
export function multi(fn: FnLower, e: A.Expr, dst: readonly (Type | undefined)[]): Loc[] {
  e = unparen(e);
  const vals = multiValues(fn, e);
  const types = e.type?.kind === 'tuple' ? e.type.types : [e.type!, T.bool];
  return vals.map((v, i) => {
    const to = dst[i];
    const from = types[i]!;
    return to && isInterface(to) && !identical(underlying(to), underlying(from)) ? fn.own(convIface(fn, v, from, to, true), to) : v;
  });
}

function multiValues(fn: FnLower, e: A.Expr): Loc[] {
  if (e.kind === 'CallExpr') return call(fn, e);
  if (e.kind === 'UnaryExpr' && e.op === '<-') {
    const f = fn.f;
    const ch = val(fn, e.x);
    const et = e.type!;
    const d = fn.f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
    if (isMidInt(et)) f.emit(Op.IMM, d, 0);
    const ok = fn.byte();
    f.emit(Op.RECV, d, ch, ok);
    return [isMidInt(et) ? load(fn, { k: 'frame', loc: d }, et) : d, ok];
  }
  if (e.kind === 'IndexExpr' && e.mapIndex) return mapCommaOk(fn, e);
  if (e.kind === 'TypeAssertExpr') {
    const [v, ok] = assertion(fn, e, true);
    return [v, ok!];
  }
  return fn.fail('internal compiler error: not a multi-value expression');
}

const bytePtr: Type = { kind: 'pointer', elem: T.uint8 };

export function assign(fn: FnLower, s: A.AssignStmt): void {
  if (s.tok !== '=' && s.tok !== ':=') {
    // op-assign
    const lhs = s.lhs[0]!;
    if (isMapIndex(lhs)) return mapOpAssign(fn, lhs, s.tok.slice(0, -1) as A.BinaryOp, s.rhs[0]!);
    const t = lhs.type!;
    const p = place(fn, lhs);
    const op = s.tok.slice(0, -1) as A.BinaryOp;
    const cur = fn.own(load(fn, p, t), t);
    const r = arith(fn, op, t, cur, t, val(fn, s.rhs[0]!), s.rhs[0]!);
    store(fn, p, t, r);
    return;
  }
  const declares = s.declares ?? [];
  const isNew = (i: number): boolean => s.tok === ':=' && declares[i] === true;
  const target = (i: number): VarObj | undefined => {
    const x = unparen(s.lhs[i]!);
    return x.kind === 'Ident' && x.obj?.kind === 'var' ? x.obj : undefined;
  };
  const blank = (i: number): boolean => {
    const x = unparen(s.lhs[i]!);
    return x.kind === 'Ident' && x.name === '_';
  };
  if (s.lhs.length === 1 && s.rhs.length === 1) {
    if (blank(0)) {
      val(fn, s.rhs[0]!);
      return;
    }
    if (isNew(0)) {
      declare(fn, target(0)!, val(fn, s.rhs[0]!));
      return;
    }
    const lhs = s.lhs[0]!;
    if (isMapIndex(lhs)) return mapStore(fn, lhs, mapOperands(fn, lhs), fn.own(val(fn, s.rhs[0]!), lhs.type!));
    const p = placeFirst(fn, lhs, s.rhs[0]!);
    const v = val(fn, s.rhs[0]!);
    store(fn, p, lhs.type!, v);
    return;
  }
  // tuple assignment: left places, then all right values, then the stores
  // a pointer indirection's operand is evaluated now: `p, *p = f()` stores through the old p
  const fixBase = (p: Place): Place => (p.k === 'mem' && !fn.isTemp(p.base) ? { ...p, base: fn.own(p.base, bytePtr) } : p);
  const slot = (x: A.Expr): Place | (() => Place) => {
    const u = unparen(x);
    if (u.kind === 'IndexExpr' && underlying(u.x.type!).kind === 'slice') return slicePlaceLater(fn, u);
    return isMapIndex(x) ? { k: 'frame', loc: mapOperands(fn, x) } : fixBase(place(fn, x));
  };
  const places = s.lhs.map((x, i) => (blank(i) || isNew(i) ? undefined : slot(x)));
  let vals: Loc[];
  if (s.rhs.length === 1) vals = multi(fn, s.rhs[0]!, s.lhs.map((x, i) => (blank(i) ? undefined : x.type)));
  else vals = s.rhs.map((r) => fn.own(val(fn, r), r.type!));
  vals = vals.map((v, i) => (fn.isTemp(v) ? v : fn.own(v, s.lhs[i]!.type ?? s.rhs[i]!.type!)));
  s.lhs.forEach((x, i) => {
    if (blank(i)) return;
    if (isNew(i)) declare(fn, target(i)!, vals[i]);
    else if (isMapIndex(x)) mapStore(fn, x, (places[i] as { loc: Loc }).loc, vals[i]!);
    else {
      const p = places[i]!;
      store(fn, typeof p === 'function' ? p() : p, x.type!, vals[i]!);
    }
  });
  clearDeadTemps(fn, vals); // the values are stored: their temporaries are dead (`x, ok := <-c`)
}

/** The place of an assignment's left side, evaluated before its right side. */
function placeFirst(fn: FnLower, lhs: A.Expr, _rhs: A.Expr): Place {
  return place(fn, lhs);
}
