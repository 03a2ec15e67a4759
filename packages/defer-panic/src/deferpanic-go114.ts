// go1.14: open-coded defers (Go 1.14, CL 202340 "cmd/compile, cmd/link, runtime: make defers low-cost through
// inline code and extra funcdata").
//
// What changed in Go and why. Go 1.13's stack records still cost a runtime call per defer statement and a
// deferreturn loop per exit (~35ns against ~6ns for a direct call). For a function whose defers are all outside
// loops (at most 8; returns × defers at most 15) Go 1.14's compiler keeps each defer's closure and arguments in
// frame slots and sets bit i of a deferBits byte of the frame; every exit calls the active ones inline, last
// first, clearing each bit before its call. No record exists until a panic or Goexit needs one: then
// addOneOpenDeferFrame scans the stack from the panicking frame for the first frame whose function has
// FUNCDATA_OpenCodedDeferInfo and links a heap record for it (openDefer = true, sp, varp, fd, framepc, and pc =
// the function's deferreturn, where a recovery resumes it) into g._defer in sp order, so open frames interleave
// with the chain's other records. gopanic and Goexit run such a record with runOpenDeferFrame (each active bit,
// from the last: clear it, copy the arguments from the slots into the record, reflectcall), then scan on from the
// record's frame for the next one. A recovery removes the other not-started open records (their frames run their
// calls inline as they unwind); an unfinished frame keeps its record and its deferreturn runs what is left.
// Functions that do not qualify use Go 1.13's stack records (outside loops) or heap records. Pair it with
// copystack=go1.14 (adjusts varp too), gc=go1.13 and traceback=go1.22 (continuation PCs from the function's
// deferreturn, as Go 1.13 on: until the scan links a record, no record names an open-coded frame).
//
// In the model's terms: runOpenDeferFrame's loop is split across gopanic's (or Goexit's) intrinsic loop, with
// the frame's `open` byte saying that d's frame is being worked through; fd holds the function's entry PC.

import type { G } from '@gosim/stack';
import { throwGo } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { deferpanicNew } from './deferpanic-new.js';
import { freedefer, fnName, newdefer } from './deferproc.js';
import { CallArgs, GoexitFrame, PanicFrame } from './frames.js';
import { DeferGo114, deferArgs, Panic } from './layout.js';
import { isOpenRecord, nextOpenDefer, openDeferInfo, takeOpenDefer } from './open-frame.js';
import type { DeferPanicPolicy } from './policy.js';
import { abortPanic, goexitResumed, recoverPanic, setupCall, setupReflectcall } from './reflectcall.js';

const L = DeferGo114;

/**
 * addOneOpenDeferFrame: walks the frames from the one at (pc, sp) — pc its return PC into it — or, given prev,
 * from prev's frame (skipped), to the first frame whose function has open-coded defers, and links a record for it
 * in sp order. Stops at a frame that already has a started record; skips one that has a not-started one.
 */
export function addOneOpenDeferFrame(ctx: DeferPanicContext, pol: DeferPanicPolicy, g: G, pc: number, sp: number, prev = 0): void {
  const s = ctx.space;
  if (prev !== 0) {
    pc = s.load64(prev + L.framepc);
    sp = s.load64(prev + L.argp);
  }
  const goexit = ctx.prog.func('runtime.goexit')?.id;
  for (; sp < g.hi; ) {
    const f = ctx.prog.findfunc(pc - 1);
    if (f === undefined || f.id === goexit) return;
    const fp = sp + f.frameSize + 8;
    const info = f.openDefer;
    if (info !== undefined && !(prev !== 0 && s.load64(prev + L.argp) === sp)) {
      let d = g._defer;
      let before = 0;
      let skip = false;
      for (; d !== 0; before = d, d = s.load64(d + L.link)) {
        const dsp = s.load64(d + L.argp);
        if (sp < dsp) break;
        if (sp === dsp) {
          if (!isOpenRecord(ctx, d)) throwGo('duplicated defer entry');
          if (s.load8(d + L.started)) return;
          skip = true;
          break;
        }
      }
      if (!skip) {
        if (f.deferreturn === 0) throwGo('missing deferreturn');
        const d1 = newdefer(ctx, pol, info.maxArgSize);
        s.store64(d1 + L.siz, info.maxArgSize);
        s.store8(d1 + L.started, 0);
        s.store8(d1 + L.openDefer, 1);
        s.store64(d1 + L.fn, 0);
        s.store64(d1 + L.panic, 0);
        s.store64(d1 + L.pc, f.entry + f.deferreturn);
        s.store64(d1 + L.varp, sp + f.frameSize);
        s.store64(d1 + L.fd, f.entry);
        s.store64(d1 + L.framepc, pc);
        s.store64(d1 + L.argp, sp);
        s.store64(d1 + L.link, d);
        if (before === 0) g._defer = d1;
        else s.store64(before + L.link, d1);
        if (ctx.events.on) ctx.events.emit({ kind: 'defer-linked', goid: g.goid, d: d1, fn: `open-coded ${f.name}`, argp: sp, siz: info.maxArgSize });
        return;
      }
    }
    pc = s.load64(fp - 8);
    sp = fp;
  }
}

/** The caller of the runtime frame at sp of frameSize bytes: its return PC and sp (Go's getcallerpc/getcallersp). */
function caller(ctx: DeferPanicContext, sp: number, frameSize: number): [number, number] {
  const fp = sp + frameSize + 8;
  return [ctx.space.load64(fp - 8), fp];
}

/** Unlinks the head record d (its call is over) and frees it. */
function unlinkHead(ctx: DeferPanicContext, g: G, d: number, what: string): void {
  const s = ctx.space;
  if (g._defer !== d) throwGo(`bad defer entry in ${what}`);
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: isOpenRecord(ctx, d) ? 'open-coded' : fnName(ctx, s.load64(d + L.fn)), why: 'run' });
  s.store64(d + L.panic, 0);
  s.store64(d + L.fn, 0);
  g._defer = s.load64(d + L.link);
  freedefer(ctx, deferpanicGo114, d);
}

/**
 * The loop head shared by gopanic and Goexit (p: their _panic record; frame: PanicFrame or GoexitFrame): the next
 * call to make, set up for reflectcall. With the frame's `open` byte set, d's frame still has active defers to
 * try; an open record with none left is handed to `frameDone`. Returns false when g._defer is empty.
 */
function nextCall(
  ctx: DeferPanicContext, g: G, sp: number, p: number, by: 'panic' | 'goexit',
  frame: typeof PanicFrame | typeof GoexitFrame, frameDone: (d: number) => void,
): boolean {
  const s = ctx.space;
  for (;;) {
    if (s.load8(sp + frame.open)) {
      const d = s.load64(sp + frame.d);
      const info = openDeferInfo(ctx, d);
      const i = nextOpenDefer(ctx, d, info);
      if (i < 0) {
        s.store8(sp + frame.open, 0);
        frameDone(d);
        continue;
      }
      const fn = takeOpenDefer(ctx, g, d, info, i, deferArgs(L, d));
      s.store64(d + L.fn, fn);
      if (ctx.events.on) ctx.events.emit({ kind: 'defer-started', goid: g.goid, d, fn: fnName(ctx, fn), by, onList: true });
      setupCall(ctx, sp, fn, deferArgs(L, d), info.defers[i]!.argSize, frame.rc);
      return true;
    }
    const d = g._defer;
    if (d === 0) return false;
    if (s.load8(d + L.started)) {
      const q = s.load64(d + L.panic);
      if (q !== 0) abortPanic(ctx, g, q);
      s.store64(d + L.panic, 0);
      if (!isOpenRecord(ctx, d)) {
        if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: fnName(ctx, s.load64(d + L.fn)), why: 'aborted' });
        s.store64(d + L.fn, 0);
        g._defer = s.load64(d + L.link);
        freedefer(ctx, deferpanicGo114, d);
        continue;
      }
    }
    s.store8(d + L.started, 1);
    s.store64(d + L.panic, p);
    s.store64(sp + frame.d, d);
    if (isOpenRecord(ctx, d)) {
      s.store8(sp + frame.open, 1);
      continue;
    }
    if (ctx.events.on) ctx.events.emit({ kind: 'defer-started', goid: g.goid, d, fn: fnName(ctx, s.load64(d + L.fn)), by, onList: true });
    setupReflectcall(ctx, sp, d, frame.rc);
    return true;
  }
}

/** After an open-coded call returned: its fn cleared and its argument copy zeroed (runOpenDeferFrame). */
function openCallReturned(ctx: DeferPanicContext, sp: number, d: number): void {
  const s = ctx.space;
  s.store64(d + L.fn, 0);
  s.memclr(deferArgs(L, d), s.load64(sp + CallArgs.siz));
}

/**
 * After a recovery: the not-started open records (from the head, or past d when d's frame is unfinished) go,
 * up to the first started record — their frames run their defers inline as they unwind.
 */
function removeOpenRecords(ctx: DeferPanicContext, g: G, d: number, done: boolean): void {
  const s = ctx.space;
  let prev = 0;
  let e = g._defer;
  if (!done) {
    prev = d;
    e = s.load64(d + L.link);
  }
  while (e !== 0) {
    if (s.load8(e + L.started)) break;
    const next = s.load64(e + L.link);
    if (isOpenRecord(ctx, e)) {
      if (prev === 0) g._defer = next;
      else s.store64(prev + L.link, next);
      if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d: e, fn: 'open-coded', why: 'aborted' });
      freedefer(ctx, deferpanicGo114, e);
    } else prev = e;
    e = next;
  }
}

/**
 * gopanic after the record d's call (or, done with an open frame, no call): unlink d when done, and on a recovery
 * clean up and resume d's frame at d.pc (an open frame: its deferreturn). Returns true when it recovered.
 */
function panicFinish(ctx: DeferPanicContext, g: G, sp: number, d: number, done: boolean): boolean {
  const s = ctx.space;
  const p = sp + PanicFrame.p;
  const recovered = s.load8(p + Panic.recovered) !== 0;
  if (isOpenRecord(ctx, d) && done && !recovered) addOneOpenDeferFrame(ctx, deferpanicGo114, g, 0, 0, d);
  s.store64(p + Panic.argp, 0);
  if (g._defer !== d) throwGo('bad defer entry in panic');
  s.store64(d + L.panic, 0);
  s.store64(sp + PanicFrame.argp, s.load64(d + L.argp));
  s.store64(sp + PanicFrame.pc, s.load64(d + L.pc));
  if (done) unlinkHead(ctx, g, d, 'panic');
  if (!recovered) return false;
  const q = s.load64(p + Panic.link);
  // a recovery that would bypass a running Goexit resumes its loop instead (recoverPanic), leaving the chain as is
  if (!(q !== 0 && s.load8(q + Panic.goexit) && s.load8(q + Panic.aborted))) removeOpenRecords(ctx, g, d, done);
  recoverPanic(ctx, g, p, s.load64(sp + PanicFrame.argp), s.load64(sp + PanicFrame.pc));
  return true;
}

/** Goexit done with an open frame d: scan on (from Goexit's caller again if a panic aborted it), then unlink d. */
function goexitFrameDone(ctx: DeferPanicContext, g: G, sp: number, d: number): void {
  const s = ctx.space;
  const p = sp + GoexitFrame.p;
  if (s.load8(p + Panic.aborted)) {
    const [pc, csp] = caller(ctx, sp, GoexitFrame.size);
    addOneOpenDeferFrame(ctx, deferpanicGo114, g, pc, csp);
    s.store8(p + Panic.aborted, 0); // d may be gone already: go on with the chain's head
    return;
  }
  addOneOpenDeferFrame(ctx, deferpanicGo114, g, 0, 0, d);
  unlinkHead(ctx, g, d, 'Goexit');
}

export const deferpanicGo114: DeferPanicPolicy = {
  ...deferpanicNew,
  name: 'go1.14',
  layout: L,
  codegen: { stackDefers: { recordHeader: L.header }, openDefers: true },

  panicStart(ctx, g, sp) {
    deferpanicNew.panicStart(ctx, g, sp);
    ctx.space.store8(sp + PanicFrame.open, 0);
    const [pc, csp] = caller(ctx, sp, PanicFrame.size);
    addOneOpenDeferFrame(ctx, deferpanicGo114, g, pc, csp);
  },

  panicNext(ctx, g, sp) {
    const p = sp + PanicFrame.p;
    // an open frame with nothing left to run: finish it as runOpenDeferFrame returning done (no recovery)
    const frameDone = (d: number) => void panicFinish(ctx, g, sp, d, true);
    if (!nextCall(ctx, g, sp, p, 'panic', PanicFrame, frameDone)) return false;
    ctx.space.store64(p + Panic.argp, sp); // getargp: callNN's WRAPPER prologue moves it to its sp
    return true;
  },

  panicReturned(ctx, g, sp) {
    const s = ctx.space;
    const p = sp + PanicFrame.p;
    const d = s.load64(sp + PanicFrame.d);
    if (!s.load8(sp + PanicFrame.open)) return panicFinish(ctx, g, sp, d, true);
    openCallReturned(ctx, sp, d);
    const aborted = s.load8(p + Panic.aborted) !== 0;
    const recovered = s.load64(d + L.panic) !== 0 && s.load8(p + Panic.recovered) !== 0;
    if (!aborted && !recovered) {
      s.store64(p + Panic.argp, 0);
      return false; // the loop tries the frame's next active defer
    }
    s.store8(sp + PanicFrame.open, 0);
    const info = openDeferInfo(ctx, d);
    return panicFinish(ctx, g, sp, d, aborted || nextOpenDefer(ctx, d, info) < 0);
  },

  goexitStart(ctx, g, sp) {
    ctx.space.store8(sp + GoexitFrame.open, 0);
    const [pc, csp] = caller(ctx, sp, GoexitFrame.size);
    addOneOpenDeferFrame(ctx, deferpanicGo114, g, pc, csp);
  },

  goexitNext(ctx, g, sp) {
    return nextCall(ctx, g, sp, sp + GoexitFrame.p, 'goexit', GoexitFrame, (d) => goexitFrameDone(ctx, g, sp, d));
  },

  goexitReturned(ctx, g, sp) {
    const s = ctx.space;
    const d = s.load64(sp + GoexitFrame.d);
    if (s.load8(sp + GoexitFrame.open)) {
      // runOpenDeferFrame: a panic that aborted this Goexit ends the frame's loop (done); else try the next bit
      if (s.load8(sp + GoexitFrame.p + Panic.aborted)) {
        s.store8(sp + GoexitFrame.open, 0);
        goexitFrameDone(ctx, g, sp, d);
      } else openCallReturned(ctx, sp, d);
      return;
    }
    // resumed by a recovery: the panic that passed d already unlinked and freed it
    if (goexitResumed(ctx, sp)) return;
    unlinkHead(ctx, g, d, 'Goexit');
  },
};
