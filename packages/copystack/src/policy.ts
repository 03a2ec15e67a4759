// The copystack piece of a policy: how the defer records' pointers into the stack are adjusted.

import type { G } from '@gosim/stack';
import type { AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';

export interface CopystackPolicy {
  readonly piece: 'copystack';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  adjustdefers(ctx: CopystackContext, g: G, adj: AdjustInfo): void;
}
