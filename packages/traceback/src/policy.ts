// The traceback piece of a policy: the cursors gentraceback keeps over the defer (and panic) lists to
// find each frame's continuation PC. Steps run before the frame's callback, reading memory as they go.

import type { Stkframe } from './frame.js';
import type { TracebackContext, WalkStart } from './context.js';

export interface Cursors {
  d: number;
  panic: number;
  /** The walk's goroutine and stack, for events. */
  goid: number;
  lo: number;
  hi: number;
}

export interface TracebackPolicy {
  readonly piece: 'traceback';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  /** Sets the cursors at the start of a walk. */
  start(ctx: TracebackContext, g: WalkStart, c: Cursors): void;
  /** Sets frame.continpc (waspanic: the callee was sigpanic) and moves the cursors past this frame. */
  step(ctx: TracebackContext, c: Cursors, frame: Stkframe, waspanic: boolean): void;
}
