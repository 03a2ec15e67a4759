// The copystack piece of a policy: the whole move of a stack, and how the defer records' pointers into
// the stack are adjusted.

import type { G } from '@gosim/stack';
import type { AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';

export interface CopystackPolicy {
  readonly piece: 'copystack';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  /** Moves g (status already _Gcopystack) to a new stack of newsize bytes; why: 'grow', 'shrink', ... */
  copystack(ctx: CopystackContext, g: G, newsize: number, why: string): void;
  /** Adjusts g's defer records (called by the copystack stages through ctx.copystack). */
  adjustdefers(ctx: CopystackContext, g: G, adj: AdjustInfo): void;
}
