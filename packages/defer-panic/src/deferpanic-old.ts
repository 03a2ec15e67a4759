// The old deferpanic policy (Go at the parent of CL 141490043): gopanic and Goexit take the head record
// OFF g._defer before running it. gopanic links an on-stack `dabort` record in its place (fn =
// abortpanic, arg = &p, argp = NoArgs, special) and remembers the running record in p.defer; records
// are one untyped heap block, so a GC can only scan them conservatively.

import type { G } from '@gosim/stack';
import { throwGo } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { freedefer, fnName } from './deferproc.js';
import { GoexitFrame, PanicFrame } from './frames.js';
import { DeferOld, NoArgs, Panic, deferArgs } from './layout.js';
import type { DeferPanicPolicy } from './policy.js';
import { abortPanic, goexitResumed, pushPanic, recoverPanic, setupReflectcall } from './reflectcall.js';

const L = DeferOld;

/** Takes the head record off the list; returns it (0 if none). */
function takeHead(ctx: DeferPanicContext, g: G, by: 'panic' | 'goexit'): number {
  const s = ctx.space;
  const d = g._defer;
  if (d === 0) return 0;
  g._defer = s.load64(d + L.link);
  if (ctx.events.on) {
    const fn = fnName(ctx, s.load64(d + L.fn));
    ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn, why: 'start' });
    ctx.events.emit({ kind: 'defer-started', goid: g.goid, d, fn, by, onList: false });
  }
  return d;
}

/**
 * Go 1.19's semantics with the old records: Goexit keeps its running record off the list, so a panic never
 * meets it. A panic about to run a record of a frame above a Goexit in progress (argp above that Goexit's
 * frame, where its goexit record lives) has passed the Goexit's deferred call: it aborts that Goexit, as
 * meeting the started record does under the new policy. Records are stack-ordered, so the walk stops at the
 * first one at or above argp (and never follows a poisoned link, which is above every stack).
 */
function abortPassedGoexits(ctx: DeferPanicContext, g: G, p: number, argp: number): void {
  const s = ctx.space;
  for (let q = s.load64(p + Panic.link); q > 0 && q < argp; q = s.load64(q + Panic.link)) {
    if (s.load8(q + Panic.goexit) && !s.load8(q + Panic.aborted)) abortPanic(ctx, g, q);
  }
}

export const deferpanicOld: DeferPanicPolicy = {
  piece: 'deferpanic',
  name: 'old',
  layout: L,
  allocDefer: (ctx, bytes) => ctx.heap.alloc(bytes, -1),
  // pc is kept in a pointer-typed local, and the dabort record's fn, link and argument (&p) are pointers
  panicFramePtrWords: [
    PanicFrame.pc / 8,
    (PanicFrame.dabort + L.fn) / 8,
    (PanicFrame.dabort + L.link) / 8,
    (PanicFrame.dabort + L.header) / 8,
  ],

  panicStart(ctx, g, sp) {
    const s = ctx.space;
    const e = sp + PanicFrame.size + 8;
    const p = sp + PanicFrame.p;
    pushPanic(ctx, g, p, s.load64(e), s.load64(e + 8));
    const dabort = sp + PanicFrame.dabort;
    s.memclr(dabort, L.header + 8); // var dabort _defer
    s.store64(dabort + L.siz, 8);
    s.store8(dabort + L.special, 1);
    s.store64(dabort + L.argp, NoArgs);
    s.store64(dabort + L.fn, ctx.funcvalAddr(ctx.runtimeFuncs.abortpanic));
    s.store64(deferArgs(L, dabort), p);
  },

  panicNext(ctx, g, sp) {
    const s = ctx.space;
    const d = takeHead(ctx, g, 'panic');
    if (d === 0) return false;
    const p = sp + PanicFrame.p;
    const dabort = sp + PanicFrame.dabort;
    s.store64(sp + PanicFrame.d, d);
    s.store64(sp + PanicFrame.argp, s.load64(d + L.argp));
    s.store64(sp + PanicFrame.pc, s.load64(d + L.pc));
    s.store64(dabort + L.link, g._defer);
    g._defer = dabort;
    s.store64(p + Panic.defer, d);
    abortPassedGoexits(ctx, g, p, s.load64(d + L.argp));
    setupReflectcall(ctx, sp, d, PanicFrame.rc);
    s.store64(p + Panic.argp, sp);
    return true;
  },

  panicReturned(ctx, g, sp) {
    const s = ctx.space;
    const p = sp + PanicFrame.p;
    const dabort = sp + PanicFrame.dabort;
    s.store64(p + Panic.argp, 0);
    if (g._defer !== dabort) throwGo('bad defer entry in panic');
    g._defer = s.load64(dabort + L.link);
    s.store64(p + Panic.defer, 0);
    freedefer(ctx, deferpanicOld, s.load64(sp + PanicFrame.d));
    if (!s.load8(p + Panic.recovered)) return false;
    recoverPanic(ctx, g, p, s.load64(sp + PanicFrame.argp), s.load64(sp + PanicFrame.pc));
    return true;
  },

  goexitNext(ctx, g, sp) {
    const d = takeHead(ctx, g, 'goexit');
    if (d === 0) return false;
    ctx.space.store64(sp + GoexitFrame.d, d);
    setupReflectcall(ctx, sp, d, GoexitFrame.rc);
    return true;
  },

  goexitReturned(ctx, g, sp) {
    goexitResumed(ctx, sp); // d is off the list either way: Goexit frees it
    freedefer(ctx, deferpanicOld, ctx.space.load64(sp + GoexitFrame.d));
  },
};
