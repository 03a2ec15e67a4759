/**
 * `==` on struct and array values (gc's walkCompare): a small one compares its leaves inline (at most
 * `InlineLeaves`, blank `_` fields skipped), a larger one calls the type's equal function — the runtime's
 * typeequal (runtime/src/map-hash.ts), reached through EFACEEQ on two {type, &value} words, so that map keys,
 * interface comparison and `==` share one per-type equality.
 */
import { Op } from '@gosim/program';
import { isString, sizeof, underlying, type Type } from '../types.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { load, type Place } from './place.js';
import { isMidInt } from './typeinfo.js';
import { floatCompare, isFloaty } from './float.js';

/** Leaves (scalars, strings, interfaces) compared inline at most; gc inlines up to 4 as well. */
const InlineLeaves = 4;

interface Leaf { off: number; t: Type }

/** The comparable leaves of t, or undefined past `limit` of them. */
function leaves(t: Type, limit: number): Leaf[] | undefined {
  const out: Leaf[] = [];
  const walk = (tt: Type, off: number): boolean => {
    const u = underlying(tt);
    if (u.kind === 'struct') return u.fields.every((fl) => fl.name === '_' || walk(fl.type, off + fl.offset));
    if (u.kind === 'array') {
      const es = sizeof(u.elem);
      for (let i = 0; i < u.len; i++) if (!walk(u.elem, off + i * es)) return false;
      return true;
    }
    out.push({ off, t: tt });
    return out.length <= limit;
  };
  return walk(t, 0) ? out : undefined;
}

/** d = (x == y) for struct or array values in frame slots x and y. */
export function eqAggregate(fn: FnLower, d: Loc, x: Loc, y: Loc, t: Type): void {
  const parts = leaves(t, InlineLeaves);
  if (parts) eqInline(fn, d, x, y, parts);
  else eqCall(fn, d, x, y, t);
}

function eqInline(fn: FnLower, d: Loc, x: Loc, y: Loc, parts: Leaf[]): void {
  const f = fn.f;
  const fail = f.label();
  const done = f.label();
  const b = fn.byte();
  for (const p of parts) {
    const xv = load(fn, { k: 'frame', loc: at(x, p.off) } as Place, p.t);
    const yv = load(fn, { k: 'frame', loc: at(y, p.off) } as Place, p.t);
    const pu = underlying(p.t);
    if (isFloaty(p.t)) floatCompare(fn, '==', xv, yv, p.t, b);
    else if (isString(p.t)) f.emit(Op.STREQ, b, xv, yv);
    else if (pu.kind === 'interface') f.emit(Op.EFACEEQ, b, xv, yv);
    else if (sizeof(p.t) === 1) f.emit(Op.EQ1, b, xv, yv);
    else if (isMidInt(p.t) || sizeof(p.t) === 8) f.emit(Op.EQ, b, xv, yv);
    else continue;
    f.emit(Op.JZ, b, fail);
  }
  f.emit(Op.IMM1, d, 1);
  f.jmp(done);
  f.bind(fail);
  f.emit(Op.IMM1, d, 0);
  f.bind(done);
}

/**
 * The type's equal function on &x and &y. The two words hold stack addresses but are scalars in the pointer map:
 * nothing between the LEAs and EFACEEQ is a safe point, so the stack cannot move while they are live.
 */
function eqCall(fn: FnLower, d: Loc, x: Loc, y: Loc, t: Type): void {
  const f = fn.f;
  const ex = f.tmp(16, []);
  const ey = f.tmp(16, []);
  const tw = fn.typeId(t) + 1; // an interface's type word: type id + 1 (0: nil)
  fn.imm(tw, ex);
  fn.imm(tw, ey);
  f.emit(Op.LEA, at(ex, 8), x);
  f.emit(Op.LEA, at(ey, 8), y);
  f.emit(Op.EFACEEQ, d, ex, ey);
}
