/**
 * Package unsafe: conversions between unsafe.Pointer, pointers and uintptr, unsafe.Add and unsafe.Slice
 * (Sizeof, Alignof and Offsetof are constants, folded by the checker: check/unsafe.ts).
 *
 * An unsafe.Pointer is a pointer word (in pointer maps: the GC scans it, copystack adjusts it); a uintptr is a
 * scalar. A conversion that changes which one a value is copies it into a temporary of the new kind, so a
 * pointer made from a uintptr is in a pointer slot before the next safe point, and a uintptr taken from a
 * pointer is not adjusted when the stack moves (Go's rule: the object it came from may move or be collected).
 * `unsafe.Pointer(uintptr(p) + off)` has no safe point between its two conversions: the arithmetic is inline.
 */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { Type } from '../types.js';
import { isUnsafePointer, underlying } from '../types.js';
import { evalList } from './call.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import type { Loc } from './frame.js';

/** Whether values of t are pointer words (pointers and unsafe.Pointer) rather than uintptr. */
function pointerWord(t: Type): boolean {
  return isUnsafePointer(t) || underlying(t).kind === 'pointer';
}

/** T(x) where T or x is unsafe.Pointer (and the other a pointer, uintptr or unsafe.Pointer). */
export function unsafeConversion(fn: FnLower, x: A.Expr, t: Type): Loc {
  const v = val(fn, x);
  if (x.mode === 'nil' || pointerWord(x.type!) === pointerWord(t)) return v;
  const d = pointerWord(t) ? fn.ptrTmp() : fn.word();
  fn.f.emit(Op.MOV, d, v);
  return d;
}

/** unsafe.Add(p, n) and unsafe.Slice(p, n). */
export function unsafeBuiltin(fn: FnLower, e: A.CallExpr): Loc {
  const [p, n] = evalList(fn, e.args);
  const len = fn.toWord(n!, e.args[1]!.type!);
  if (e.builtin === 'unsafe.Add') {
    const d = fn.ptrTmp();
    fn.f.emit(Op.ADD, d, p!, len);
    return d;
  }
  const d = fn.tmp(e.type!);
  fn.f.emit(Op.MOV, d, p!);
  fn.f.emit(Op.UNSAFESLICE, d, fn.typeId((underlying(e.type!) as { elem: Type }).elem), len);
  return d;
}
