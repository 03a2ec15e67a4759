// The old adjustdefers (Go at the parent of the CL): walks g._defer as it is. An on-stack record (the
// dabort of a running gopanic) gets its incoming link rewritten and the walk goes on through its link,
// read from the old stack (which adjustframe may already have rewritten to a new-stack address).
// argp == NoArgs: skipped; argp outside the old stack: fatal. A record whose fn is on the stack gets
// only fn adjusted; otherwise its arguments are adjusted with fn's argument map.

import { hexWord as hex } from '@gosim/memory';
import { NoArgs } from '@gosim/defer-panic';
import { GoThrow } from '@gosim/stack';
import { adjustpointers } from './adjustinfo.js';
import { copystackAdjustFirst } from './copystack.js';
import type { CopystackPolicy } from './policy.js';


export const copystackOld: CopystackPolicy = {
  piece: 'copystack',
  name: 'old',
  copystack: copystackAdjustFirst,
  adjustdefers(ctx, g, adj) {
    const s = ctx.space;
    const l = ctx.deferLayout;
    const onOld = (a: number) => a >= adj.oldLo && a < adj.oldHi;
    // dp: the word holding the link to d (0 = g._defer itself)
    let dp = 0;
    for (let d = g._defer; d !== 0; dp = d + l.link, d = s.load64(dp)) {
      if (onOld(d)) {
        if (dp === 0) g._defer = d + adj.delta;
        else s.store64(dp, d + adj.delta);
        if (ctx.events.on) ctx.events.emit({ kind: 'pointer-adjusted', goid: adj.goid, where: 'defer link (on-stack record)', at: dp, from: d, to: d + adj.delta });
        continue;
      }
      const argp = s.load64(d + l.argp);
      if (argp === NoArgs) continue;
      if (!onOld(argp)) {
        // the word exactly (a poison pattern is no double)
        const exact = '0x' + BigInt.asUintN(64, s.load64Big(d + l.argp)).toString(16);
        ctx.print(`runtime: adjustdefers argp=${exact} stk=${hex(adj.oldLo)} ${hex(adj.oldHi)}\n`);
        throw new GoThrow('adjustdefers: unexpected argp');
      }
      s.store64(d + l.argp, argp + adj.delta);
      const fn = s.load64(d + l.fn);
      if (fn === 0) continue;
      if (onOld(fn)) {
        s.store64(d + l.fn, fn + adj.delta);
        continue;
      }
      const f = ctx.prog.findfunc(s.load64(fn));
      if (f === undefined) throw new GoThrow("can't adjust unknown defer");
      const words = Math.min(f.argSize, s.load64(d + l.siz)) / 8;
      adjustpointers(ctx, adj, d + l.header, f.argPtrs, words, f.name);
    }
  },
};
