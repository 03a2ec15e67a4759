// deferpanic=go1.22: Go 1.22's panic processing, where gopanic and Goexit drive a `_panic` iterator.
//
// What changed in Go and why. Up to 1.21 gopanic's loop took the head record and ran it, with two special
// cases grafted on: open-coded defers (1.14) were found by a separate scan of the stack for frames with
// defer bits, and a record met again while started marked its panic aborted. Go 1.22 (with range-over-func
// coming, whose loop bodies defer into the frame that holds the range statement) replaced all of it with one
// frame walk kept in the _panic record: p.start links p, remembers where it was called (startPC, startSP) and
// walks from its caller to the first frame with defers; p.nextDefer hands out the next deferred call of that
// frame — linked record or open-coded slot, the same walk either way — and when the frame has none left
// steps the unwinder to the next one. A record is popped and freed before its call, so there is no
// `started` flag, no d._panic, no aborted mark: when a recovery resumes a frame, every panic started
// below that frame's sp is unwound by position, and a Goexit among them is resumed instead.
//
// In the model's terms. Records keep their arguments and deferred calls still go through reflectcall,
// whose callNN frame copies the arguments out after its prologue (where the stack may move or a GC run).
// Go 1.22's `fn := d.fn` takes a closure that already holds its arguments; here the arguments leave the
// record only in callNN's first instruction, so the record is popped and freed there (deferCallEntered),
// before any code of the deferred function runs: until then it stays listed, so copystack and the GC still
// see its argument block. p.nextDefer's recovered check runs when the call returns (panicReturned, the
// model's one intrinsic that may resume elsewhere; only the loop's back edge lies between the two).
// Open-coded defers (variant go1.14's; this piece's codegen does not ask for them) and deferreturn through the
// iterator have no counterpart here.

import { hexWord } from '@gosim/memory';
import type { FuncInfo } from '@gosim/program';
import type { G } from '@gosim/stack';
import { throwGo } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { freedefer, fnName } from './deferproc.js';
import { GoexitFrame, PanicFrame } from './frames.js';
import { Defer122, Panic122 } from './layout.js';
import type { DeferPanicPolicy } from './policy.js';
import { recovery, setupReflectcall } from './reflectcall.js';

const L = Defer122;
const P = Panic122;

/** The function a return PC is in (it points after its CALL: look up pc-1, as traceback does). */
function callerFunc(ctx: DeferPanicContext, pc: number): FuncInfo {
  const f = ctx.prog.findfunc(pc - 1);
  if (f === undefined) {
    ctx.print(`runtime: unexpected return pc ${hexWord(pc)}\n`);
    throwGo('unknown caller pc');
  }
  return f;
}

/**
 * p.nextFrame: unwinds from the caller of the current frame (p.lr, p.fp) to the first frame whose sp is the
 * head record's (the limit), and makes it current; false (p.lr = 0) when the walk reaches runtime.goexit.
 */
function nextFrame(ctx: DeferPanicContext, g: G, p: number): boolean {
  const s = ctx.space;
  let pc = s.load64(p + P.lr);
  if (pc === 0) return false;
  const limit = g._defer !== 0 ? s.load64(g._defer + L.argp) : 0;
  const goexit = ctx.prog.func('runtime.goexit')?.id;
  let sp = s.load64(p + P.fp);
  for (;;) {
    const f = sp < g.hi ? callerFunc(ctx, pc) : undefined;
    if (f === undefined || f.id === goexit) {
      s.store64(p + P.lr, 0);
      return false;
    }
    const fp = sp + f.frameSize + 8;
    if (sp === limit) {
      s.store64(p + P.sp, sp);
      s.store64(p + P.fp, fp);
      s.store64(p + P.lr, s.load64(fp - 8));
      return true;
    }
    pc = s.load64(fp - 8);
    sp = fp;
  }
}

/**
 * p.start(pc, sp) as called by gopanic or Goexit in the frame at sp: remember where (startPC: the pc its loop
 * resumes at; startSP), start the walk at the caller (lr, fp = the return PC and the frame's fp) and find the
 * first frame with defers. gopanic links p itself; Goexit's record is linked by the shared GoexitStart.
 */
function start(ctx: DeferPanicContext, g: G, p: number, sp: number, startPC: number): void {
  const s = ctx.space;
  const self = ctx.prog.findfunc(g.pc);
  if (self === undefined) throwGo('bad panic start');
  const fp = sp + self.frameSize + 8;
  s.store64(p + P.startSP, sp);
  s.store64(p + P.startPC, startPC);
  s.store64(p + P.lr, s.load64(fp - 8));
  s.store64(p + P.fp, fp);
  s.store64(p + P.sp, 0);
  nextFrame(ctx, g, p);
}

/**
 * p.nextDefer (after its recovered check): resets argp, then while the head record is not the current frame's,
 * steps to the next frame; sets up reflectcall of the head record and p.retpc = d.pc. False when none is left.
 */
function nextDefer(ctx: DeferPanicContext, g: G, p: number, sp: number, by: 'panic' | 'goexit', dSlot: number, rcSlot: number): boolean {
  const s = ctx.space;
  if (g._panic !== p) throwGo('bad panic stack');
  s.store64(p + P.argp, s.load64(p + P.startSP)); // getargp: gopanic's outgoing area (callNN's WRAPPER moves it)
  for (;;) {
    const d = g._defer;
    if (d !== 0 && s.load64(d + L.argp) === s.load64(p + P.sp)) {
      s.store64(p + P.retpc, s.load64(d + L.pc));
      s.store64(sp + dSlot, d);
      if (ctx.events.on) ctx.events.emit({ kind: 'defer-started', goid: g.goid, d, fn: fnName(ctx, s.load64(d + L.fn)), by, onList: true });
      setupReflectcall(ctx, sp, d, rcSlot);
      return true;
    }
    if (!nextFrame(ctx, g, p)) return false;
  }
}

/**
 * recovery(gp) for the recovered panic p = g._panic: resume the frame that deferred the recovering call (p.sp)
 * at p.retpc, after unwinding every panic started below that frame; a Goexit among them is resumed instead
 * (at its startPC, startSP), so the goroutine still exits after its remaining defers.
 */
function recover122(ctx: DeferPanicContext, g: G, p: number): void {
  const s = ctx.space;
  let pc = s.load64(p + P.retpc);
  let sp = s.load64(p + P.sp);
  let q = p;
  for (; q !== 0 && s.load64(q + P.startSP) < sp; q = s.load64(q + P.link)) {
    if (s.load8(q + P.goexit)) {
      pc = s.load64(q + P.startPC);
      sp = s.load64(q + P.startSP);
      break;
    }
  }
  g._panic = q;
  if (q === 0) g.sig = 0;
  if (sp < g.lo || sp > g.hi) {
    ctx.print(`recover: ${hexWord(sp)} not in [${hexWord(g.lo)}, ${hexWord(g.hi)}]\n`);
    throwGo('bad recovery');
  }
  recovery(ctx, g, p, sp, pc);
}

export const deferpanicGo122: DeferPanicPolicy = {
  piece: 'deferpanic',
  name: 'go1.22',
  layout: L,
  allocDefer: (ctx, bytes) => ctx.heap.alloc(bytes, ctx.deferHeaderType),
  // the record's startSP, sp and fp (its other pointer words are common to every piece)
  panicFramePtrWords: P.ptrWords.filter((w) => w >= 6).map((w) => PanicFrame.p / 8 + w),

  panicStart(ctx, g, sp) {
    const s = ctx.space;
    const e = sp + PanicFrame.size + 8;
    const p = sp + PanicFrame.p;
    s.memclr(p, P.size); // var p _panic; p.arg = e
    s.store64(p + P.argType, s.load64(e));
    s.store64(p + P.argData, s.load64(e + 8));
    s.store64(p + P.link, g._panic);
    g._panic = p;
    if (ctx.events.on) ctx.events.emit({ kind: 'panic-pushed', goid: g.goid, p, value: `type ${s.load64(e)}` });
    start(ctx, g, p, sp, g.pc); // g.pc: the loop head, right after this step
  },

  panicNext: (ctx, g, sp) => nextDefer(ctx, g, sp + PanicFrame.p, sp, 'panic', PanicFrame.d, PanicFrame.rc),

  panicReturned(ctx, g, sp) {
    const p = sp + PanicFrame.p;
    if (!ctx.space.load8(p + P.recovered)) return false;
    recover122(ctx, g, p);
    return true;
  },

  goexitNext(ctx, g, sp) {
    const s = ctx.space;
    const p = sp + GoexitFrame.p;
    // Goexit's p.start, on its first step (startSP is a pointer word, zeroed by the prologue): it resumes at the
    // instruction after the deferred call (GoexitFrame.pc, just written), which goes back to this step
    if (s.load64(p + P.startSP) === 0) start(ctx, g, p, sp, s.load64(sp + GoexitFrame.pc));
    return nextDefer(ctx, g, p, sp, 'goexit', GoexitFrame.d, GoexitFrame.rc);
  },

  // the record was freed when its call began; a resumed Goexit just steps again
  goexitReturned() {},

  deferCallEntered(ctx, g, d) {
    const s = ctx.space;
    if (g._defer !== d) throwGo('bad defer entry in reflectcall');
    // popDefer: d.fn = nil; gp._defer = d.link; freedefer(d)
    if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: fnName(ctx, s.load64(d + L.fn)), why: 'run' });
    g._defer = s.load64(d + L.link);
    freedefer(ctx, deferpanicGo122, d);
  },
};
