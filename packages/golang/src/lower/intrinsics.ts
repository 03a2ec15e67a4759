/**
 * Calls that Go's compiler replaces by an instruction on amd64 (ssagen's intrinsics): math.Sqrt (SQRTSD),
 * math.Floor, Ceil and Trunc (ROUNDSD), math.Abs (ANDPD). A direct call of one is lowered to FMATH, with no
 * frame, as in Go; a call through a func value calls package math's Go function, which gives the same bits.
 */
import { FMath, Op } from '@gosim/program';
import type * as A from '../ast.js';
import { T } from '../types.js';
import { evalList } from './call.js';
import type { FnLower } from './fn.js';
import type { Loc } from './frame.js';

const mathIntrinsics: ReadonlyMap<string, number> = new Map([
  ['math.Sqrt', FMath.Sqrt], ['math.Floor', FMath.Floor], ['math.Ceil', FMath.Ceil], ['math.Trunc', FMath.Trunc],
  ['math.Abs', FMath.Abs],
]);

/** The result of an intrinsic call, or undefined when e is an ordinary call. */
export function intrinsicCall(fn: FnLower, e: A.CallExpr): Loc | undefined {
  const id = e.callee?.decl.goName !== undefined ? mathIntrinsics.get(e.callee.decl.goName) : undefined;
  if (id === undefined) return undefined;
  const [x] = evalList(fn, e.args);
  const d = fn.tmp(T.float64);
  fn.f.emit(Op.FMATH, d, x!, id);
  return d;
}
