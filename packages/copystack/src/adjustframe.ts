// adjustframe: the callback copystack gives traceback. Locals by the function's locals map, arguments by
// its argument map; dead frames (continpc == 0) are left alone. Deferred calls reported by
// tracebackdefers are frames with arguments only.

import type { Stkframe } from '@gosim/traceback';
import type { CopystackContext } from './context.js';
import { adjustpointers, type AdjustInfo } from './adjustinfo.js';

export function adjustframe(ctx: CopystackContext, adj: AdjustInfo, frame: Stkframe): boolean {
  const f = frame.fn;
  if (frame.continpc === 0 || f === undefined) return true;
  if (frame.localsSize > 0) adjustpointers(ctx, adj, frame.sp, f.localPtrs, frame.localsSize / 8, f.name);
  if (frame.arglen > 0) adjustpointers(ctx, adj, frame.argp, f.argPtrs, frame.arglen / 8, f.name);
  return true;
}
