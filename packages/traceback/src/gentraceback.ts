// gentraceback: walks a goroutine's frames from (pc, sp) using only memory (the return PC word of each
// frame) and the function table, calling back on each frame, innermost first, until runtime.goexit.

import { hexWord as hex } from '@gosim/memory';
import { GoThrow } from '@gosim/stack';
import type { TracebackContext, WalkStart } from './context.js';
import { Stkframe, type FrameCallback } from './frame.js';
import type { Cursors, TracebackPolicy } from './policy.js';


/** The 64-bit word at addr in hex, exact to the last digit. */
const exactWord = (ctx: TracebackContext, addr: number): string => '0x' + BigInt.asUintN(64, ctx.space.load64Big(addr)).toString(16);

/** Walks the frames of g; returns the number of frames reported. Reuses `frame` if given. */
export function gentraceback(
  ctx: TracebackContext,
  policy: TracebackPolicy,
  g: WalkStart,
  callback: FrameCallback,
  max = Infinity,
  frame: Stkframe = new Stkframe(),
): number {
  const s = ctx.space;
  const prog = ctx.prog;
  const c: Cursors = { d: 0, panic: 0, goid: g.goid, lo: g.lo, hi: g.hi };
  policy.start(ctx, g, c);
  let pc = g.pc;
  let sp = g.sp;
  let atEntry = g.atEntry;
  let top = true;
  let waspanic = false;
  let n = 0;
  while (n < max) {
    // A return PC points after its CALL: look the function up at pc-1 (Go's tracepc).
    const f = prog.findfunc(top ? pc : pc - 1);
    if (f === undefined) {
      // exactly as the word reads (a poisoned return PC is no double): for a caller, the word below its sp
      ctx.print(`runtime: unexpected return pc ${top ? hex(pc) : exactWord(ctx, sp - 8)}\n`);
      throw new GoThrow('unknown caller pc');
    }
    if (f.id === ctx.goexitId) break;
    frame.reset();
    frame.fn = f;
    frame.pc = pc;
    frame.sp = sp;
    frame.localsSize = atEntry ? 0 : f.frameSize;
    frame.fp = sp + frame.localsSize + 8;
    frame.lr = s.load64(frame.fp - 8);
    frame.argp = frame.fp;
    frame.arglen = f.argSize;
    policy.step(ctx, c, frame, waspanic);
    n++;
    if (!callback(frame)) return n;
    waspanic = f.id === ctx.sigpanicId;
    pc = frame.lr;
    sp = frame.fp;
    atEntry = false;
    top = false;
  }
  return n;
}

/**
 * tracebackdefers (new): reports every record on g._defer as a frame called but not yet started:
 * pc = fn's entry, argp = its argument block, described by fn's argument map, no locals.
 * A nil fn gives a dead frame with no arguments.
 */
export function tracebackdefers(ctx: TracebackContext, d0: number, callback: FrameCallback, frame: Stkframe = new Stkframe()): void {
  const s = ctx.space;
  const l = ctx.deferLayout;
  for (let d = d0; d !== 0; d = s.load64(d + l.link)) {
    frame.reset();
    const fv = s.load64(d + l.fn);
    if (fv !== 0) {
      const pc = s.load64(fv);
      const f = ctx.prog.findfunc(pc);
      if (f === undefined) {
        ctx.print(`runtime: unknown pc in defer ${exactWord(ctx, fv)}\n`);
        throw new GoThrow('unknown pc');
      }
      frame.fn = f;
      frame.pc = pc;
      frame.argp = d + l.header;
      frame.arglen = Math.min(f.argSize, s.load64(d + l.siz));
    }
    frame.continpc = frame.pc;
    if (!callback(frame)) return;
  }
}
