/**
 * Calls of package runtime's API (check/runtime-api.ts): an ordinary call of the runtime function of that
 * name (a method's receiver is its first argument), which the runtime defines (runtime/src/rtapi.ts), so its
 * frame is on the stack while it runs, as Go's is.
 */
import { Op, rtFuncIndex, rtFuncs, type SlotSpec } from '@gosim/program';
import { GoError } from '../diagnostics.js';
import { sizeof } from '../types.js';
import { ptrWords } from './typeinfo.js';
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

/**
 * A standard package's bodyless function is the runtime function of its link name (program/src/isa/rtfuncs.ts):
 * it must be registered, with the argument block the Go declaration gives (same 8-byte slots and pointer words).
 */
export function checkRuntimeFunc(d: A.FuncDecl, filename: string): void {
  const name = d.goName!;
  const idx = rtFuncIndex(name);
  const fail = (message: string): never => {
    throw new GoError({ kind: 'type', filename, pos: d.name.pos, message });
  };
  if (idx === undefined) fail('missing function body');
  const spec = rtFuncs[idx!]!;
  const sig = d.sig!;
  const slot = (n: number): number => (n + 7) & ~7; // each parameter and result takes whole 8-byte slots
  const want = [...sig.params, ...sig.results].map((t) => `${slot(sizeof(t))}:${ptrWords(t).join(',')}`);
  const words = (s: SlotSpec): number[] => (s.ptr === true ? Array.from({ length: Math.ceil(s.size / 8) }, (_, i) => i) : Array.isArray(s.ptr) ? [...s.ptr] : []);
  const have = [...spec.params, ...spec.results].map((s) => `${slot(s.size)}:${words(s).join(',')}`);
  if (want.join(' ') !== have.join(' ')) fail(`internal compiler error: runtime function ${name} is registered with slots (${have.join(' ')}), its declaration has (${want.join(' ')})`);
}
