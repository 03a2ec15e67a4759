// go1.14: copystack of Go 1.14, for open-coded defers (deferpanic=go1.14). Go 1.13's move (copy-first's order)
// with one more word per record in adjustdefers: varp, the frame address an open-coded defer record reads the
// frame's deferBits, closures and arguments through (Go 1.14 added `adjustpointer(&d.varp)` and `&d.fd`; the
// model's fd is a code address, never in the stack, so only varp moves). The open-coded slots themselves are
// pointer-typed frame slots: adjustframe rewrites them with the frame's other pointers. Without varp adjusted, a
// panic after a move runs the frame's deferred calls from the freed stack.

import { adjustpointer, type AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';
import { copystackCopyFirst } from './copystack-copy-first.js';
import { adjustdefersGo113 } from './copystack-go113.js';
import type { CopystackPolicy } from './policy.js';
import type { G } from '@gosim/stack';

/** Go 1.14's adjustdefers: Go 1.13's (g._defer, each record's fn, sp, _panic and link, the argument blocks), then each record's varp. */
export function adjustdefersGo114(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
  adjustdefersGo113(ctx, g, adj);
  const l = ctx.deferLayout;
  if (l.varp < 0) return;
  for (let d = g._defer; d !== 0; d = ctx.space.load64(d + l.link)) adjustpointer(ctx, adj, d + l.varp, 'defer.varp');
}

export const copystackGo114: CopystackPolicy = {
  piece: 'copystack',
  name: 'go1.14',
  copystack: copystackCopyFirst.copystack,
  adjustdefers: adjustdefersGo114,
};
