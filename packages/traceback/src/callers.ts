// runtime.Callers: the return PCs of the calling goroutine's frames, skipping `skip` of them.

import type { TracebackContext, WalkStart } from './context.js';
import { gentraceback } from './gentraceback.js';
import type { TracebackPolicy } from './policy.js';

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
  gentraceback(ctx, policy, g, (frame) => {
    if (i++ >= skip) {
      if (n >= max) return false;
      put(n++, frame.pc);
    }
    return true;
  });
  return n;
}
