/**
 * Range loops, as gc's walk/range.go lowers them: the range expression is evaluated once (an array is copied when
 * its elements are used), the iteration variables are one pair for the whole loop (Go 1.19), a string is decoded
 * rune by rune (DECODERUNE), a channel is received from until it is closed.
 */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import { T, isInterface, sizeof, underlying, type ArrayType, type Type } from '../types.js';
import { box, val } from './expr.js';
import type { FnLower } from './fn.js';
import { clearDeadTemps } from './call.js';
import { at, type Loc } from './frame.js';
import { load, place, placeAddr, store, varPlace, type Place } from './place.js';
import { rangeMap } from './range-map.js';
import { declare, block } from './stmt.js';
import { isMidInt, ptrWords } from './typeinfo.js';
import { sideEffects, unparen } from './util.js';
import { isMapIndex } from '../check/map-index.js';
import { mapOperands, mapStore } from './map.js';

/** An iteration variable's target: undefined for none or `_`. */
function target(e: A.Expr | undefined): A.Expr | undefined {
  return e && !(e.kind === 'Ident' && e.name === '_') ? e : undefined;
}

/** Where an iteration value goes (its operands evaluated now): a place, or a map element's [m | k] block. */
type Target = { p: Place } | { mk: Loc; lhs: A.IndexExpr };
function targetOf(fn: FnLower, s: A.RangeStmt, lhs: A.Expr | undefined): Target | undefined {
  if (!lhs) return undefined;
  if (s.tok === ':=' && lhs.kind === 'Ident' && lhs.obj?.kind === 'var') return { p: varPlace(fn, lhs.obj) };
  const x = unparen(lhs);
  if (isMapIndex(x)) return { mk: mapOperands(fn, x), lhs: x };
  return { p: place(fn, lhs) };
}

/**
 * Assign the iteration values (of types kt, vt) as a parallel assignment: both targets' operands are evaluated
 * before either is stored (`for i, x[i] = range y` indexes x with the old i).
 */
function assignPair(fn: FnLower, s: A.RangeStmt, key: A.Expr | undefined, k: Loc, kt: Type, value?: A.Expr, v?: Loc, vt?: Type): void {
  const kp = targetOf(fn, s, key);
  const vp = targetOf(fn, s, value);
  const put = (p: Target | undefined, lhs: A.Expr | undefined, x: Loc, t: Type): void => {
    if (!p || !lhs) return;
    const lt = lhs.type!;
    const w = isInterface(lt) && !isInterface(t) ? box(fn, x, t, true) : x;
    if ('mk' in p) mapStore(fn, p.lhs, p.mk, w);
    else store(fn, p.p, lt, w);
  };
  put(kp, key, k, kt);
  if (v && vt) put(vp, value, v, vt);
}

export function rangeStmt(fn: FnLower, s: A.RangeStmt): void {
  if (underlying(s.x.type!).kind === 'map') return rangeMap(fn, s);
  const f = fn.f;
  const key = target(s.key);
  const value = target(s.value);
  const xt = underlying(s.x.type!);
  const top = f.label();
  const cont = f.label();
  const end = f.label();
  fn.branches.set(s, { brk: end, cont });
  f.line = s.pos.line;
  if (xt.kind === 'chan') {
    const ch = fn.own(val(fn, s.x), s.x.type!);
    if (s.tok === ':=' && key?.kind === 'Ident' && key.obj?.kind === 'var') declare(fn, key.obj);
    const et = xt.elem;
    const d = f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
    const ok = fn.byte();
    f.bind(top);
    f.bind(cont);
    f.line = s.pos.line;
    if (isMidInt(et)) f.emit(Op.IMM, d, 0);
    f.emit(Op.RECV, d, ch, ok);
    f.emit(Op.JZ, ok, end);
    assignPair(fn, s, key, isMidInt(et) ? load(fn, { k: 'frame', loc: d }, et) : d, et);
    clearDeadTemps(fn, [d]); // the received value is in the variable: the temporary is dead
    block(fn, s.body.stmts);
    f.jmp(top);
    f.bind(end);
    return;
  }
  const isStr = xt.kind === 'basic';
  const arr: ArrayType | undefined = xt.kind === 'array' ? xt : xt.kind === 'pointer' ? (underlying(xt.elem) as ArrayType) : undefined;
  const elem: Type = isStr ? T.int32 : arr ? arr.elem : (xt as { elem: Type }).elem;
  // the range expression: a string or slice header; an array copied (if its elements are used) or a pointer
  let hs: Loc | undefined;
  let len: Loc;
  if (arr) {
    len = fn.imm(arr.len);
    if (value || sideEffects(s.x)) {
      const x = val(fn, s.x);
      if (value && xt.kind === 'array') {
        hs = f.tmp(Math.max(sizeof(xt), 1), ptrWords(xt));
        fn.moveFrame(hs, x, sizeof(xt));
      } else hs = fn.own(x, s.x.type!);
    }
  } else {
    hs = fn.own(val(fn, s.x), s.x.type!);
    len = at(hs, 8);
  }
  if (s.tok === ':=') for (const v of [key, value]) if (v?.kind === 'Ident' && v.obj?.kind === 'var') declare(fn, v.obj);
  const hv1 = fn.word();
  const next = fn.word();
  const c = fn.byte();
  f.emit(Op.IMM, hv1, 0);
  f.bind(top);
  f.line = s.pos.line;
  f.emit(Op.LT, c, hv1, len);
  f.emit(Op.JZ, c, end);
  if (isStr) {
    const rn = f.tmp(16, []);
    f.emit(Op.DECODERUNE, rn, hs!, hv1);
    f.emit(Op.MOV, next, at(rn, 8));
    assignPair(fn, s, key, hv1, T.int, value, value ? fn.fromWord(rn, T.int32) : undefined, T.int32);
  } else {
    if (!value) assignPair(fn, s, key, hv1, T.int);
    else {
      const es = sizeof(elem);
      let base: Loc;
      if (xt.kind === 'array') base = placeAddr(fn, { k: 'frame', loc: hs! });
      else if (xt.kind === 'pointer') {
        base = hs!;
        f.emit(Op.LOAD1, fn.noOperand(), base, 0); // nil check
      } else base = hs!;
      const addr = fn.ptrTmp();
      const o = fn.word();
      f.emit(Op.MUL, o, hv1, fn.imm(es));
      f.emit(Op.ADD, addr, base, o);
      assignPair(fn, s, key, hv1, T.int, value, load(fn, { k: 'mem', base: addr, off: 0 }, elem), elem);
    }
  }
  block(fn, s.body.stmts);
  f.bind(cont);
  f.line = s.pos.line;
  if (isStr) f.emit(Op.MOV, hv1, next);
  else f.emit(Op.ADDI, hv1, hv1, 1);
  f.jmp(top);
  f.bind(end);
}
