// Go 1.14's open-coded defers as the runtime sees them: a frame record (openDefer set) names a frame by its sp and
// varp and its function's funcdata (fd); runOpenDeferFrame's steps read the frame's deferBits and slots through it.
// One step at a time: the model runs each call from an intrinsic loop (gopanic, Goexit) or from DEFERRETURN.

import { throwGo, type G } from '@gosim/stack';
import type { OpenDeferInfo } from '@gosim/program';
import type { DeferPanicContext } from './context.js';

/** The funcdata of the record's frame (fd is the function's entry PC in the model). */
export function openDeferInfo(ctx: DeferPanicContext, d: number): OpenDeferInfo {
  const l = ctx.deferLayout;
  const f = ctx.prog.findfunc(ctx.space.load64(d + l.fd));
  if (f?.openDefer === undefined) throwGo('bad open-coded defer record');
  return f.openDefer;
}

/** True when the record stands for a frame's open-coded defers (a layout without the flag has none). */
export function isOpenRecord(ctx: DeferPanicContext, d: number): boolean {
  const l = ctx.deferLayout;
  return l.openDefer >= 0 && ctx.space.load8(d + l.openDefer) !== 0;
}

/** The frame's deferBits byte (at varp - offset). */
export function deferBitsAddr(ctx: DeferPanicContext, d: number, info: OpenDeferInfo): number {
  return ctx.space.load64(d + ctx.deferLayout.varp) - info.deferBits;
}

/** The highest active defer of the record's frame (runOpenDeferFrame runs from the last), or -1. */
export function nextOpenDefer(ctx: DeferPanicContext, d: number, info: OpenDeferInfo): number {
  const bits = ctx.space.load8(deferBitsAddr(ctx, d, info));
  for (let i = info.defers.length - 1; i >= 0; i--) if (bits & (1 << i)) return i;
  return -1;
}

/**
 * One iteration of runOpenDeferFrame for active defer i: clears bit i in the frame, copies the call's arguments
 * from the frame's slots (varp - offset) into [dst, dst + argSize) (results zeroed), and returns the closure.
 */
export function takeOpenDefer(ctx: DeferPanicContext, g: G, d: number, info: OpenDeferInfo, i: number, dst: number): number {
  const s = ctx.space;
  const varp = s.load64(d + ctx.deferLayout.varp);
  const od = info.defers[i]!;
  const closure = s.load64(varp - od.closure);
  s.memclr(dst, od.argSize);
  for (const a of od.args) s.memmove(dst + a.callOffset, varp - a.offset, a.size);
  const bitsAt = varp - info.deferBits;
  s.store8(bitsAt, s.load8(bitsAt) & ~(1 << i));
  if (ctx.events.on) ctx.events.emit({ kind: 'open-defer-taken', goid: g.goid, d, bit: i, sp: s.load64(d + ctx.deferLayout.argp), varp, stackLo: g.lo, stackHi: g.hi });
  return closure;
}
