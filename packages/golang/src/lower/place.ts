/** Places: where an addressable expression lives (frame bytes or memory at pointer + offset), and loads and stores of them. */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { VarObj } from '../objects.js';
import { alignof, sizeof, T, underlying, type Type } from '../types.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { isMidInt, isSigned } from './typeinfo.js';
import { unparen } from './util.js';

/** A frame location, or memory at (pointer word + off); `chk`: the pointer is the user's and may be nil. */
export type Place = { k: 'frame'; loc: Loc } | { k: 'mem'; base: Loc; off: number; chk?: boolean };

export function varPlace(fn: FnLower, v: VarObj): Place {
  const h = fn.homes.get(v);
  if (h) return 'frame' in h ? { k: 'frame', loc: h.frame } : { k: 'mem', base: h.heap, off: 0 };
  const c = fn.capts.get(v);
  if (c) {
    if (c.byRef) {
      const p = fn.ptrTmp();
      fn.f.emit(Op.LOAD, p, fn.ctx!, c.off);
      return { k: 'mem', base: p, off: 0 };
    }
    return { k: 'mem', base: fn.ctx!, off: c.off };
  }
  const g = fn.L.globals.get(v);
  if (g !== undefined) {
    const p = fn.ptrTmp();
    fn.f.emit(Op.DATA, p, g);
    return { k: 'mem', base: p, off: 0 };
  }
  return fn.fail(`internal compiler error: no storage for ${v.name}`);
}

/** The address of variable v (a pointer word). */
export function varAddr(fn: FnLower, v: VarObj): Loc {
  const h = fn.homes.get(v);
  if (h) {
    if ('heap' in h) return h.heap;
    const p = fn.ptrTmp();
    fn.f.emit(Op.LEA, p, h.frame);
    return p;
  }
  return placeAddr(fn, varPlace(fn, v));
}

export function placeAddr(fn: FnLower, p: Place): Loc {
  if (p.k === 'frame') {
    const d = fn.ptrTmp();
    fn.f.emit(Op.LEA, d, p.loc);
    return d;
  }
  if (p.off === 0) return p.base;
  const d = fn.ptrTmp();
  fn.f.emit(Op.ADDI, d, p.base, p.off);
  return d;
}

export function placeAt(fn: FnLower, p: Place, off: number): Place {
  return p.k === 'frame' ? { k: 'frame', loc: at(p.loc, off) } : { k: 'mem', base: p.base, off: p.off + off, chk: p.chk };
}

/** Load a register-form value of type t from a place. Frame places are returned as is (no copy). */
export function load(fn: FnLower, p: Place, t: Type): Loc {
  const f = fn.f;
  const n = sizeof(t);
  if (p.k === 'frame') {
    if (!isMidInt(t)) return p.loc;
    const d = fn.word();
    f.emit(Op.IMM, d, 0);
    f.emit(Op.MOVN, d, p.loc, n);
    fn.normalize(d, t);
    return d;
  }
  nilCheck(fn, p, n === 0);
  const d = fn.tmp(t);
  if (n === 0) return d;
  if (n === 1) f.emit(Op.LOAD1, d, p.base, p.off);
  else if (wordwise(t, n)) for (let w = 0; w < n; w += 8) f.emit(Op.LOAD, at(d, w), p.base, p.off + w);
  else {
    if (isMidInt(t)) f.emit(Op.IMM, d, 0);
    f.emit(Op.LOADN, d, placeAddr(fn, p), n);
    if (isMidInt(t)) fn.normalize(d, t);
  }
  return d;
}

/** Store a register-form value of type t into a place. */
export function store(fn: FnLower, p: Place, t: Type, v: Loc): void {
  const f = fn.f;
  const n = sizeof(t);
  if (n === 0) return nilCheck(fn, p, true);
  if (p.k === 'frame') return storeFrame(fn, p.loc, t, v);
  nilCheck(fn, p);
  if (n === 1) f.emit(Op.STORE1, p.base, p.off, v);
  else if (wordwise(t, n)) for (let w = 0; w < n; w += 8) f.emit(Op.STORE, p.base, p.off + w, at(v, w));
  else f.emit(Op.STOREN, placeAddr(fn, p), v, n);
}

export function storeFrame(fn: FnLower, d: Loc, t: Type, v: Loc): void {
  fn.moveFrame(d, v, sizeof(t));
}

/**
 * Go's explicit nil check before an access at a non-zero offset through a user pointer: the fault (and the
 * `[signal ... addr=0x0]` line) is at address 0, not at the field's offset; and before a zero-size access,
 * which touches no memory itself.
 */
export function nilCheck(fn: FnLower, p: Place, zeroSize = false): void {
  if (p.k !== 'mem' || !p.chk || (p.off === 0 && !zeroSize)) return;
  fn.f.emit(Op.LOAD1, fn.noOperand(), p.base, 0);
}

/** The place an addressable (or any) expression denotes; non-addressable values get a frame temporary. */
export function place(fn: FnLower, e: A.Expr): Place {
  switch (e.kind) {
    case 'ParenExpr': return place(fn, unparen(e));
    case 'Ident':
      if (e.obj?.kind === 'var') return varPlace(fn, e.obj);
      break;
    case 'StarExpr': return { k: 'mem', base: val(fn, e.x), off: 0, chk: true };
    case 'SelectorExpr':
      if (e.selKind === 'qualified' && e.sel.obj?.kind === 'var') return varPlace(fn, e.sel.obj); // runtime.MemProfileRate
      if (e.selKind === 'field' && e.field) {
        if (e.implicitDeref) return { k: 'mem', base: val(fn, e.x), off: e.field.offset, chk: true };
        return placeAt(fn, place(fn, e.x), e.field.offset);
      }
      break;
    case 'IndexExpr': {
      const xt = underlying(e.x.type!);
      if (xt.kind === 'slice' || (xt.kind === 'array' || (xt.kind === 'pointer' && e.implicitDeref))) return indexPlace(fn, e);
      break;
    }
    default: break;
  }
  return { k: 'frame', loc: val(fn, e) };
}

function indexPlace(fn: FnLower, e: A.IndexExpr): Place {
  const f = fn.f;
  const xt = underlying(e.x.type!);
  let base: Place;
  let len: number | Loc;
  let elem: Type;
  if (xt.kind === 'slice') {
    const s = val(fn, e.x);
    elem = xt.elem;
    const sl = fn.isTemp(s) ? s : fn.own(s, e.x.type!);
    base = { k: 'mem', base: sl, off: 0 };
    len = at(sl, 8);
    const es = sizeof(elem);
    const i = index(fn, e.index);
    f.emit(Op.BOUNDS, i, len, isSigned(e.index.type!) ? 0 : 1);
    const addr = fn.ptrTmp();
    scaledAdd(fn, addr, sl, i, es);
    return { k: 'mem', base: addr, off: 0 };
  }
  if (xt.kind === 'pointer') {
    const at0 = underlying(xt.elem);
    if (at0.kind !== 'array') return fn.fail('internal compiler error: index of a non-array pointer');
    elem = at0.elem;
    len = at0.len;
    base = { k: 'mem', base: fn.own(val(fn, e.x), e.x.type!), off: 0, chk: true };
  } else if (xt.kind === 'array') {
    elem = xt.elem;
    len = xt.len;
    base = place(fn, e.x);
  } else return fn.fail('internal compiler error: bad index');
  const es = sizeof(elem);
  const ci = e.index.constValue;
  if (ci?.kind === 'int') {
    const k = Number(ci.value);
    if (k < 0 || k >= len) {
      const i = fn.imm(k);
      f.emit(Op.BOUNDSI, i, len, isSigned(e.index.type!) ? 0 : 1);
    }
    return placeAt(fn, base, k * es);
  }
  const i = index(fn, e.index);
  // through a pointer to an array: the nil check comes before the bounds check, as gc orders them
  if (base.k === 'mem' && base.chk) fn.f.emit(Op.LOAD1, fn.noOperand(), base.base, 0);
  f.emit(Op.BOUNDSI, i, len, isSigned(e.index.type!) ? 0 : 1);
  const b = placeAddr(fn, base);
  const addr = fn.ptrTmp();
  scaledAdd(fn, addr, b, i, es);
  return { k: 'mem', base: addr, off: 0 };
}

/**
 * A slice element's place in two steps, for a tuple assignment: the operands now, the bounds check and the
 * address when the element is assigned (`m[k], s[i] = 1, 2` stores m[k] before s[i] can panic, as Go's second
 * phase of assignment does).
 */
export function slicePlaceLater(fn: FnLower, e: A.IndexExpr): () => Place {
  const s = val(fn, e.x);
  const sl = fn.isTemp(s) ? s : fn.own(s, e.x.type!);
  const i = fn.own(index(fn, e.index), T.int);
  const es = sizeof((underlying(e.x.type!) as { elem: Type }).elem);
  return () => {
    fn.f.emit(Op.BOUNDS, i, at(sl, 8), isSigned(e.index.type!) ? 0 : 1);
    const addr = fn.ptrTmp();
    scaledAdd(fn, addr, sl, i, es);
    return { k: 'mem', base: addr, off: 0 };
  };
}

/** An index operand as a word (its own temporary when it has to outlive later evaluation). */
export function index(fn: FnLower, e: A.Expr): Loc {
  const v = val(fn, e);
  return fn.toWord(v, e.type!);
}

function scaledAdd(fn: FnLower, dst: Loc, base: Loc, i: Loc, es: number): void {
  if (es === 1) {
    fn.f.emit(Op.ADD, dst, base, i);
    return;
  }
  const c = fn.imm(es);
  const o = fn.word();
  fn.f.emit(Op.MUL, o, i, c);
  fn.f.emit(Op.ADD, dst, base, o);
}

/**
 * Whole words move with LOAD/STORE, which need an 8-aligned address: only types aligned to 8 are (a `[2]uint32`
 * field sits at offset 4); others go through LOADN/STOREN.
 */
function wordwise(t: Type, n: number): boolean {
  return n % 8 === 0 && n <= 32 && alignof(t) === 8;
}
