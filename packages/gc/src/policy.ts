// The gc piece of a policy: how each frame, each grey heap object, the defer records and untyped heap blocks
// are scanned. The mechanism (markroots, MarkWork.drain) calls scanFrame for every frame it walks and
// scanObject for every object it greys; stock pieces use MarkWork's scanframe/scanobject.
import type { Stkframe } from '@gosim/traceback';

import type { G } from '@gosim/stack';
import type { GCContext } from './context.js';
import type { MarkWork } from './mark.js';

export interface GCPolicy {
  readonly piece: 'gc';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  /** Scans one frame of a walk (return false to stop the walk); stock: w.scanframe(frame). */
  scanFrame(ctx: GCContext, w: MarkWork, frame: Stkframe): boolean;
  /** Scans one grey heap object; stock: w.scanobject(base). */
  scanObject(ctx: GCContext, w: MarkWork, base: number): void;
  /** Marks what g's defer records reach (argument frames through w.visitFrame). */
  scanDefers(ctx: GCContext, g: G, w: MarkWork): void;
  /** Scans a heap object allocated without a type. */
  scanUntyped(ctx: GCContext, w: MarkWork, base: number, size: number): void;
}
