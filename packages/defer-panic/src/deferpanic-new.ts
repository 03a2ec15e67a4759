// The new deferpanic policy (Go at CL 141490043, plus its Goexit follow-up): a running defer stays on
// g._defer marked started, so traceback (tracebackdefers) keeps seeing its argument block; records are
// a typed header whose argument words are invisible to the heap scan. Records are read through ctx.deferLayout
// (this piece's DeferNew, or the layout of a piece derived from it, such as go1.13's).

import type { G } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { freedefer, fnName } from './deferproc.js';
import { GoexitFrame, PanicFrame } from './frames.js';
import { DeferNew, Panic } from './layout.js';
import type { DeferPanicPolicy } from './policy.js';
import { abortPanic, goexitResumed, pushPanic, recoverPanic, setupReflectcall } from './reflectcall.js';
import { throwGo } from '@gosim/stack';


/** A started record found again at the head: its panic (if any) is aborted; unlink and free it. */
function dropStarted(ctx: DeferPanicContext, g: G, d: number): void {
  const s = ctx.space;
  const p = s.load64(d + ctx.deferLayout.panic);
  if (p !== 0) abortPanic(ctx, g, p);
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: fnName(ctx, s.load64(d + ctx.deferLayout.fn)), why: 'aborted' });
  s.store64(d + ctx.deferLayout.panic, 0);
  s.store64(d + ctx.deferLayout.fn, 0);
  g._defer = s.load64(d + ctx.deferLayout.link);
  freedefer(ctx, deferpanicNew, d);
}

/** Marks the head record started (keeping it linked) and sets up its reflectcall; false if none left. */
function startNext(ctx: DeferPanicContext, g: G, sp: number, p: number, by: 'panic' | 'goexit', dSlot: number, rcSlot: number): boolean {
  const s = ctx.space;
  for (;;) {
    const d = g._defer;
    if (d === 0) return false;
    if (s.load8(d + ctx.deferLayout.started)) {
      dropStarted(ctx, g, d);
      continue;
    }
    s.store8(d + ctx.deferLayout.started, 1);
    s.store64(d + ctx.deferLayout.panic, p);
    s.store64(sp + dSlot, d);
    if (ctx.events.on) ctx.events.emit({ kind: 'defer-started', goid: g.goid, d, fn: fnName(ctx, s.load64(d + ctx.deferLayout.fn)), by, onList: true });
    setupReflectcall(ctx, sp, d, rcSlot);
    return true;
  }
}

/**
 * After the call: the record must still be the head; unlink and free it. Its argp and pc go to the frame words at
 * argpSlot and pcSlot (0: dropped), no result array per call.
 */
function finishCall(ctx: DeferPanicContext, g: G, d: number, what: string, argpSlot: number, pcSlot: number): void {
  const s = ctx.space;
  if (g._defer !== d) throwGo(`bad defer entry in ${what}`);
  s.store64(d + ctx.deferLayout.panic, 0);
  const argp = s.load64(d + ctx.deferLayout.argp);
  const pc = s.load64(d + ctx.deferLayout.pc);
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: fnName(ctx, s.load64(d + ctx.deferLayout.fn)), why: 'run' });
  s.store64(d + ctx.deferLayout.fn, 0);
  g._defer = s.load64(d + ctx.deferLayout.link);
  freedefer(ctx, deferpanicNew, d);
  if (argpSlot !== 0) s.store64(argpSlot, argp);
  if (pcSlot !== 0) s.store64(pcSlot, pc);
}

export const deferpanicNew: DeferPanicPolicy = {
  piece: 'deferpanic',
  name: 'new',
  layout: DeferNew,
  allocDefer: (ctx, bytes) => ctx.heap.alloc(bytes, ctx.deferHeaderType),
  panicFramePtrWords: [],

  panicStart(ctx, g, sp) {
    const s = ctx.space;
    const e = sp + PanicFrame.size + 8;
    pushPanic(ctx, g, sp + PanicFrame.p, s.load64(e), s.load64(e + 8));
  },

  panicNext(ctx, g, sp) {
    const p = sp + PanicFrame.p;
    if (!startNext(ctx, g, sp, p, 'panic', PanicFrame.d, PanicFrame.rc)) return false;
    ctx.space.store64(p + Panic.argp, sp); // getargp(0): callNN's WRAPPER prologue moves it to its sp
    return true;
  },

  panicReturned(ctx, g, sp) {
    const s = ctx.space;
    const p = sp + PanicFrame.p;
    s.store64(p + Panic.argp, 0);
    finishCall(ctx, g, s.load64(sp + PanicFrame.d), 'panic', sp + PanicFrame.argp, sp + PanicFrame.pc);
    if (!s.load8(p + Panic.recovered)) return false;
    recoverPanic(ctx, g, p, s.load64(sp + PanicFrame.argp), s.load64(sp + PanicFrame.pc));
    return true;
  },

  goexitNext(ctx, g, sp) {
    return startNext(ctx, g, sp, sp + GoexitFrame.p, 'goexit', GoexitFrame.d, GoexitFrame.rc);
  },

  goexitReturned(ctx, g, sp) {
    // resumed by a recovery: the panic that passed d already unlinked and freed it
    if (goexitResumed(ctx, sp)) return;
    finishCall(ctx, g, ctx.space.load64(sp + GoexitFrame.d), 'Goexit', 0, 0);
  },
};
