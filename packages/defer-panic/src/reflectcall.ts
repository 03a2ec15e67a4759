// reflectcall: a deferred call started by gopanic or Goexit runs inside a callNN frame sized for its
// argument block. callNN is NOT exempt from the stack check: its prologue may copy the stack before
// its first instruction copies the arguments out of the record (the window of the CL's first two bugs).

import { bitSet } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { CallArgs, callOrder, GoexitFrame } from './frames.js';
import { deferArgs, Panic } from './layout.js';

/**
 * Writes reflectcall(fn, deferArgs(d), siz) into the outgoing area at `out` (= the caller's sp) and
 * the callNN funcval to call into `rcSlot`.
 */
export function setupReflectcall(ctx: DeferPanicContext, sp: number, d: number, rcSlot: number): void {
  const s = ctx.space;
  const l = ctx.deferLayout;
  setupCall(ctx, sp, s.load64(d + l.fn), deferArgs(l, d), s.load64(d + l.siz), rcSlot);
}

/** reflectcall(fn, arg, siz) into the outgoing area at sp, and the callNN funcval for siz bytes into rcSlot. */
export function setupCall(ctx: DeferPanicContext, sp: number, fn: number, arg: number, siz: number, rcSlot: number): void {
  const s = ctx.space;
  s.store64(sp + CallArgs.fn, fn);
  s.store64(sp + CallArgs.arg, arg);
  s.store64(sp + CallArgs.siz, siz);
  const fid = ctx.runtimeFuncs.calls[callOrder(siz)];
  if (fid === undefined) throw new RangeError(`no reflectcall frame for ${siz} bytes of arguments`);
  s.store64(sp + rcSlot, ctx.funcvalAddr(fid));
}

/**
 * The first instruction of callNN, after its prologue: the WRAPPER adjustment of the running panic's
 * argp (gopanic records its own outgoing area; the deferred function's argp is callNN's sp), then the
 * copy of the arguments out of the record into callNN's outgoing area.
 */
export function reflectcallEnter(ctx: DeferPanicContext, g: G, sp: number, frameSize: number): void {
  const s = ctx.space;
  const fp = sp + frameSize + 8;
  const p = g._panic;
  if (p !== 0 && s.load64(p + Panic.argp) === fp) s.store64(p + Panic.argp, sp);
  const arg = s.load64(fp + CallArgs.arg);
  const siz = s.load64(fp + CallArgs.siz);
  if (siz > 0) s.memmove(sp, arg, siz);
  if (ctx.events.on) {
    const f = ctx.funcOf(s.load64(fp + CallArgs.fn));
    const pointers: number[] = [];
    for (let w = 0; w < Math.min(f.argSize, siz) / 8; w++) if (bitSet(f.argPtrs, w)) pointers.push(s.load64(sp + 8 * w));
    ctx.events.emit({ kind: 'deferred-call-args', goid: g.goid, fn: f.name, record: arg - ctx.deferLayout.header, pointers, stackLo: g.lo, stackHi: g.hi });
  }
}

/** Go's recovery: resume the deferring frame as if its deferproc returned 1. */
export function recovery(ctx: DeferPanicContext, g: G, p: number, argp: number, pc: number): void {
  if (ctx.events.on) ctx.events.emit({ kind: 'panic-recovered', goid: g.goid, p, sp: argp, pc });
  g.sp = argp;
  g.pc = pc;
  g.ret = 1;
  g.atEntry = false;
}

/**
 * Go's recovery after the deferred call of panic p recovered: pop p. When the panic it interrupted is a Goexit
 * whose running deferred call p has passed (marked aborted), a normal recovery would bypass that Goexit: resume
 * Goexit's loop instead (Go 1.14+). Otherwise pop the aborted panics too and resume the deferring frame.
 */
export function recoverPanic(ctx: DeferPanicContext, g: G, p: number, argp: number, pc: number): void {
  const s = ctx.space;
  g._panic = s.load64(p + Panic.link);
  const q = g._panic;
  if (q !== 0 && s.load8(q + Panic.goexit) && s.load8(q + Panic.aborted)) {
    const sp = q - GoexitFrame.p;
    recovery(ctx, g, p, sp, s.load64(sp + GoexitFrame.pc));
    return;
  }
  while (g._panic !== 0 && s.load8(g._panic + Panic.aborted)) g._panic = s.load64(g._panic + Panic.link);
  if (g._panic === 0) g.sig = 0;
  recovery(ctx, g, p, argp, pc);
}

/** Goexit's entry (Go 1.19): var p _panic; p.goexit = true; p.link = g._panic; g._panic = &p. */
export function pushGoexit(ctx: DeferPanicContext, g: G, sp: number): void {
  const p = sp + GoexitFrame.p;
  pushPanic(ctx, g, p, 0, 0);
  ctx.space.store8(p + Panic.goexit, 1);
}

/** After Goexit's deferred call: true (and the mark cleared) when a recovery resumed the loop (p aborted). */
export function goexitResumed(ctx: DeferPanicContext, sp: number): boolean {
  const s = ctx.space;
  const p = sp + GoexitFrame.p;
  if (!s.load8(p + Panic.aborted)) return false;
  s.store8(p + Panic.aborted, 0);
  return true;
}

/** gopanic entry shared by both policies: var p _panic (zeroed); p.arg = e; p.link = g._panic; g._panic = &p. */
export function pushPanic(ctx: DeferPanicContext, g: G, p: number, eType: number, eData: number): void {
  const s = ctx.space;
  s.memclr(p, Panic.size);
  s.store64(p + Panic.argType, eType);
  s.store64(p + Panic.argData, eData);
  s.store64(p + Panic.link, g._panic);
  g._panic = p;
  if (ctx.events.on) ctx.events.emit({ kind: 'panic-pushed', goid: g.goid, p, value: `type ${eType}` });
}

/** Marks a panic aborted (its deferred call was interrupted by a newer panic or Goexit). */
export function abortPanic(ctx: DeferPanicContext, g: G, p: number): void {
  ctx.space.store8(p + Panic.aborted, 1);
  if (ctx.events.on) ctx.events.emit({ kind: 'panic-aborted', goid: g.goid, p });
}
