// go1.13: copystack of Go 1.13, which moves stack-allocated _defer records (deferpanic=go1.13). The order is
// copy-first's (sudogs, memmove of the used part, ctxt, defers, panics, switch, then the new stack's frames). Its
// adjustdefers first adjusts g._defer, then for each record of the chain — now in the NEW stack where the record
// is a frame's, since the chain is followed through adjusted links — fn, sp (argp), _panic and link; only then
// the argument blocks through tracebackdefers with adjustframe, so a stack record's block is the new copy's.
// Why Go changed it: once records live in frames, g._defer and the links point into the stack; the CL's
// adjustdefers (fn, argp, _panic only) left them aimed at the freed stack, and the 2014 order (adjust the old
// stack in place, then copy) would have followed adjusted links into a new stack not yet written.
// Invariant: every adjust rewrites only words pointing into [oldLo, oldHi), so a word is never moved twice.

import { tracebackdefers } from '@gosim/traceback';
import { adjustframe } from './adjustframe.js';
import { adjustpointer, type AdjustInfo } from './adjustinfo.js';
import type { CopystackContext } from './context.js';
import { copystackCopyFirst } from './copystack-copy-first.js';
import type { CopystackPolicy } from './policy.js';
import type { G } from '@gosim/stack';

/** Go 1.13's adjustdefers: g._defer, then each record's fn, argp, _panic, link (walking the adjusted chain), then the argument blocks. */
export function adjustdefersGo113(ctx: CopystackContext, g: G, adj: AdjustInfo): void {
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
  }
  tracebackdefers(ctx, g._defer, (frame) => adjustframe(ctx, adj, frame));
}

export const copystackGo113: CopystackPolicy = {
  piece: 'copystack',
  name: 'go1.13',
  copystack: copystackCopyFirst.copystack,
  adjustdefers: adjustdefersGo113,
};
