// go1.14: copystack of Go 1.14, for open-coded defers (deferpanic=go1.14). Go 1.13's move (copy-first's order)
// with one more word per record in adjustdefers: varp, the frame address an open-coded defer record reads the
// frame's deferBits, closures and arguments through (Go 1.14 added `adjustpointer(&d.varp)` and `&d.fd`; the
// model's fd is a code address, never in the stack, so only varp moves). The open-coded slots themselves are
// pointer-typed frame slots: adjustframe rewrites them with the frame's other pointers. Without varp adjusted, a
// panic after a move runs the frame's deferred calls from the freed stack.

import { tracebackdefers } from '@gosim/traceback';
import { adjustframe } from './adjustframe.js';
import { adjustpointer, type AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';
import { copystackCopyFirst } from './copystack-copy-first.js';
import type { CopystackPolicy } from './policy.js';
import type { G } from '@gosim/stack';

/** Go 1.14's adjustdefers: g._defer, then each record's fn, sp, _panic, link and varp, then the argument blocks. */
export function adjustdefersGo114(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
  const s = ctx.space;
  const l = ctx.deferLayout;
  if (g._defer >= adj.oldLo && g._defer < adj.oldHi) {
    if (ctx.events.on) ctx.events.emit({ kind: 'pointer-adjusted', goid: adj.goid, where: 'g._defer', at: 0, from: g._defer, to: g._defer + adj.delta });
    g._defer += adj.delta;
  }
  for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) {
    adjustpointer(ctx, adj, d + l.fn, 'defer.fn');
    adjustpointer(ctx, adj, d + l.argp, 'defer.sp');
    if (l.panic >= 0) adjustpointer(ctx, adj, d + l.panic, 'defer._panic');
    adjustpointer(ctx, adj, d + l.link, 'defer.link');
    if (l.varp >= 0) adjustpointer(ctx, adj, d + l.varp, 'defer.varp');
  }
  tracebackdefers(ctx, g._defer, (frame) => adjustframe(ctx, adj, frame));
}

export const copystackGo114: CopystackPolicy = {
  piece: 'copystack',
  name: 'go1.14',
  copystack: copystackCopyFirst.copystack,
  adjustdefers: adjustdefersGo114,
};
