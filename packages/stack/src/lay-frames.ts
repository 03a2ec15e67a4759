// Hand-built stacks: lays frames on a goroutine's stack exactly as the calling convention would have,
// for tests and tools that start from a memory state rather than a running program.

import type { AddressSpace } from '@gosim/memory';
import type { FuncInfo } from '@gosim/program';
import type { G } from './g.js';

export interface FrameAt {
  readonly fn: FuncInfo;
  /** Instruction offset of the frame's pc within fn (callers: the instruction after their CALL). */
  readonly at: number;
}

export interface LaidFrame {
  readonly fn: FuncInfo;
  readonly pc: number;
  readonly sp: number;
  readonly fp: number;
  /** The return PC stored at fp - 8. */
  readonly lr: number;
}

/**
 * Lays `frames` (outermost first) from the top of g's stack: the outermost frame's arguments at the top, its
 * return PC (into `bottomPC`, e.g. runtime.goexit + 4) below them, each callee's arguments in its caller's
 * outgoing area, its return PC just below, then its locals. With atEntry the innermost frame is at its entry
 * (no locals yet). Sets g.pc, g.sp and g.atEntry; returns the frames outermost first.
 */
export function layFrames(space: AddressSpace, g: G, bottomPC: number, frames: readonly FrameAt[], atEntry = false): LaidFrame[] {
  const laid: LaidFrame[] = [];
  let fp = g.hi - (frames[0]?.fn.argSize ?? 0);
  let lr = bottomPC;
  frames.forEach(({ fn, at }, i) => {
    space.store64(fp - 8, lr);
    const entry = atEntry && i === frames.length - 1;
    const sp = entry ? fp - 8 : fp - 8 - fn.frameSize;
    const pc = entry ? fn.entry : fn.entry + 4 * at;
    laid.push({ fn, pc, sp, fp, lr });
    lr = pc;
    fp = sp;
  });
  const top = laid[laid.length - 1];
  if (top) {
    g.pc = top.pc;
    g.sp = top.sp;
  }
  g.atEntry = atEntry;
  return laid;
}
