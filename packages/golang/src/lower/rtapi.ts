/**
 * Calls of package runtime's API (check/runtime-api.ts): an ordinary call of the runtime function of that
 * name (a method's receiver is its first argument), which the runtime defines (runtime/src/rtapi.ts), so its
 * frame is on the stack while it runs, as Go's is.
 */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import { callArgs, callResults, clearDeadTemps, copyArgs } from './call.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import type { Loc } from './frame.js';

export function apiCall(fn: FnLower, e: A.CallExpr): Loc[] {
  const name = e.builtin!;
  // runtime.KeepAlive: its argument is evaluated (the frame holds it until then) and its temporary is then
  // dead; Go's compiles to no call either
  if (name === 'runtime.KeepAlive') {
    clearDeadTemps(fn, [val(fn, e.args[0]!)]);
    return [];
  }
  const sig = e.sig!;
  const args = callArgs(fn, e, sig);
  const { resOffs } = copyArgs(fn, sig, args);
  clearDeadTemps(fn, args);
  fn.f.emit(Op.CALL, fn.m.declare(name));
  return callResults(fn, sig, resOffs);
}
