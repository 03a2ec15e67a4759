// runtime.Callers: the return PCs of the calling goroutine's frames, skipping `skip` of them, ending with
// runtime.goexit's return PC as Go's do. reflectcall's frame between a deferred function and gopanic or
// deferreturn (runtime.callNN) is not counted: Go 1.19 calls deferred functions directly, so its Callers never
// see one.

import type { TracebackContext, WalkStart } from './context.js';
import { gentraceback } from './gentraceback.js';
import type { TracebackPolicy } from './policy.js';

const reflectCallFrame = /^runtime\.call\d+$/;

/** Writes up to `max` PCs via `put(i, pc)`; returns how many were written. */
export function callers(
  ctx: TracebackContext,
  policy: TracebackPolicy,
  g: WalkStart,
  skip: number,
  max: number,
  put: (i: number, pc: number) => void,
): number {
  let n = 0;
  let i = 0;
  let lastLr = 0;
  let full = false;
  gentraceback(ctx, policy, g, (frame) => {
    lastLr = frame.lr;
    if (frame.fn && reflectCallFrame.test(frame.fn.name)) return true;
    if (i++ >= skip) {
      if (n >= max) return (full = true), false;
      put(n++, frame.pc);
    }
    return true;
  });
  if (!full && lastLr !== 0 && ctx.prog.findfunc(lastLr - 1)?.id === ctx.goexitId && i >= skip && n < max) put(n++, lastLr);
  return n;
}
