// The gc piece of a policy: how defer records and untyped heap blocks are scanned.

import type { G } from '@gosim/stack';
import type { GCContext } from './context.js';
import type { MarkWork } from './mark.js';

export interface GCPolicy {
  readonly piece: 'gc';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  /** Marks what g's defer records reach. */
  scanDefers(ctx: GCContext, g: G, w: MarkWork): void;
  /** Scans a heap object allocated without a type. */
  scanUntyped(ctx: GCContext, w: MarkWork, base: number, size: number): void;
}
