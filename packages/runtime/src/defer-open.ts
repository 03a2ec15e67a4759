// The deferBits ops of Go 1.14's open-coded defers (program/src/isa/defer.ts, 211-213; the lowering in
// golang/src/lower/defer-open.ts): pure byte operations on the frame's deferBits slot, no safe points. The calls
// themselves are ordinary CALLCLOSUREs at the exit; gopanic, Goexit and deferreturn find the bits through the
// function's funcdata (defer-panic/src/open-frame.ts).

import { DeferOp } from '@gosim/program';
import { ChanResult } from './chan.js';
import type { ExtOps } from './ext-ops.js';

const Done = ChanResult.Done;

export const deferOpenOps: ExtOps = {
  [DeferOp.DEFERBITSET]: { safePoint: false, run(m, _g, sp, a, b) { const u8 = m.space.u8; u8[sp + a] = u8[sp + a]! | (1 << b); return Done; } },
  [DeferOp.DEFERBITTEST]: { safePoint: false, run(m, _g, sp, a, b, c) { const u8 = m.space.u8; u8[sp + a] = (u8[sp + b]! >> c) & 1; return Done; } },
  [DeferOp.DEFERBITCLEAR]: { safePoint: false, run(m, _g, sp, a, b) { const u8 = m.space.u8; u8[sp + a] = u8[sp + a]! & ~(1 << b); return Done; } },
};
