// The runtime functions that run deferred calls, written as IR whose steps are intrinsics that act on
// the function's own frame: gopanic, Goexit, abortpanic and reflectcall's callNN frames.

import { EfaceSize, Module, Op, PCQuantum } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import { CallArgs, GoexitFrame, goexitFramePtrWords, MaxCallOrder, MinCallOrder, PanicFrame, panicFrameCommonPtrWords } from './frames.js';
import type { DeferPanicPolicy } from './policy.js';
import { abortPanic, pushGoexit, reflectcallEnter } from './reflectcall.js';
import { fnName } from './deferproc.js';

/** Intrinsic ids (the INTRINSIC instruction's first operand). */
export const Intr = {
  PanicStart: 0,
  PanicNext: 1,
  PanicReturned: 2,
  PanicFatal: 3,
  GoexitNext: 4,
  GoexitReturned: 5,
  GoexitDone: 6,
  ReflectEnter: 7,
  AbortPanic: 8,
  GoexitStart: 9,
} as const;

/** An intrinsic's result: go on with the next instruction, or reload g (it moved, parked or ended). */
export const Continue = 0;
export const Reschedule = 1;

export type Intrinsic = (ctx: DeferPanicContext, pol: DeferPanicPolicy, g: G, sp: number, b: number) => number;

const more = (ctx: DeferPanicContext, sp: number, slot: number, v: boolean): number => {
  ctx.space.store8(sp + slot, v ? 1 : 0);
  return Continue;
};

/** Event: the deferred call run from the record in slot dSlot returned to gopanic or Goexit. */
function returned(ctx: DeferPanicContext, g: G, dSlot: number): void {
  if (!ctx.events.on) return;
  const d = ctx.space.load64(dSlot);
  ctx.events.emit({ kind: 'defer-returned', goid: g.goid, d, fn: fnName(ctx, ctx.space.load64(d + ctx.deferLayout.fn)) });
}

/** Indexed by Intr. */
export const intrinsics: readonly Intrinsic[] = [
  (ctx, pol, g, sp) => (pol.panicStart(ctx, g, sp), Continue),
  (ctx, pol, g, sp) => more(ctx, sp, PanicFrame.more, pol.panicNext(ctx, g, sp)),
  (ctx, pol, g, sp) => (returned(ctx, g, sp + PanicFrame.d), pol.panicReturned(ctx, g, sp) ? Reschedule : Continue),
  (ctx, _pol, g) => ctx.fatalpanic(g),
  (ctx, pol, g, sp, b) => {
    // b: instructions from this one to the one after the deferred call (g.pc is the next instruction)
    ctx.space.store64(sp + GoexitFrame.pc, g.pc + (b - 1) * PCQuantum);
    return more(ctx, sp, GoexitFrame.more, pol.goexitNext(ctx, g, sp));
  },
  (ctx, pol, g, sp) => (returned(ctx, g, sp + GoexitFrame.d), pol.goexitReturned(ctx, g, sp), Continue),
  (ctx, _pol, g) => (ctx.goexit1(g), Reschedule),
  (ctx, pol, g, sp, frameSize) => {
    reflectcallEnter(ctx, g, sp, frameSize);
    if (pol.deferCallEntered) pol.deferCallEntered(ctx, g, ctx.space.load64(sp + frameSize + 8 + CallArgs.arg) - ctx.deferLayout.header);
    return Continue;
  },
  (ctx, _pol, g, sp) => (abortPanic(ctx, g, ctx.space.load64(sp + 8)), Continue), // abortpanic(p): frame 0, p at sp+8
  (ctx, pol, g, sp) => (pushGoexit(ctx, g, sp), pol.goexitStart?.(ctx, g, sp), Continue),
];

/** Adds runtime.gopanic, runtime.Goexit, runtime.abortpanic and runtime.call16 ... call2^30 to m. */
export function addDeferRuntime(m: Module, pol: DeferPanicPolicy): void {
  const file = '$GOROOT/src/runtime/panic.go';
  const ptrs = [...panicFrameCommonPtrWords, ...pol.panicFramePtrWords];
  const gp = m.func('runtime.gopanic', {
    args: [{ name: 'e', size: EfaceSize, ptr: [1] }],
    locals: [{ name: 'frame', size: PanicFrame.size, ptr: ptrs }],
    file,
  });
  const none = gp.label();
  const loop = gp.label();
  gp.emit(Op.INTRINSIC, Intr.PanicStart);
  gp.bind(loop).emit(Op.INTRINSIC, Intr.PanicNext);
  gp.jump(Op.JZ, none, PanicFrame.more);
  // the lines of go1.19.8's panic.go where gopanic and Goexit call an (open-coded) deferred function
  gp.line = 884;
  gp.emit(Op.CALLCLOSURE, PanicFrame.rc);
  gp.line = 0;
  gp.emit(Op.INTRINSIC, Intr.PanicReturned);
  gp.jump(Op.JMP, loop);
  gp.bind(none).emit(Op.INTRINSIC, Intr.PanicFatal);
  gp.emit(Op.RET);
  gp.end();

  const ge = m.func('runtime.Goexit', {
    locals: [{ name: 'frame', size: GoexitFrame.size, ptr: [...goexitFramePtrWords] }],
    file,
  });
  const done = ge.label();
  const gloop = ge.label();
  ge.emit(Op.INTRINSIC, Intr.GoexitStart);
  // GoexitNext, JZ, CALLCLOSURE: the resume point is 3 instructions on
  ge.bind(gloop).emit(Op.INTRINSIC, Intr.GoexitNext, 3);
  ge.jump(Op.JZ, done, GoexitFrame.more);
  ge.line = 522;
  ge.emit(Op.CALLCLOSURE, GoexitFrame.rc);
  ge.line = 0;
  ge.emit(Op.INTRINSIC, Intr.GoexitReturned);
  ge.jump(Op.JMP, gloop);
  ge.bind(done).emit(Op.INTRINSIC, Intr.GoexitDone);
  ge.emit(Op.RET);
  ge.end();

  m.func('runtime.abortpanic', { args: [{ name: 'p', size: 8, ptr: true }], nosplit: true, file })
    .emit(Op.INTRINSIC, Intr.AbortPanic)
    .emit(Op.RET)
    .end();
  m.funcval('runtime.abortpanic');

  for (let o = MinCallOrder; o <= MaxCallOrder; o++) {
    const n = 2 ** o;
    const name = `runtime.call${n}`;
    const c = m.func(name, {
      args: [
        { name: 'fn', size: 8, ptr: true },
        { name: 'arg', size: 8, ptr: true },
        { name: 'siz', size: 8 },
      ],
      outgoing: n,
      file: '$GOROOT/src/runtime/asm_amd64.s',
    });
    c.emit(Op.INTRINSIC, Intr.ReflectEnter, n);
    c.emit(Op.CALLCLOSURE, c.slot('fn'));
    c.emit(Op.RET);
    c.end();
    m.funcval(name);
  }
}

/** The function ids the defer machinery needs, looked up in a linked program. */
export function runtimeFuncIds(prog: { func(name: string): { id: number } | undefined }) {
  const id = (n: string): number => {
    const f = prog.func(n);
    if (!f) throw new Error(`runtime function ${n} missing`);
    return f.id;
  };
  const calls: number[] = [];
  for (let o = MinCallOrder; o <= MaxCallOrder; o++) calls[o] = id(`runtime.call${2 ** o}`);
  return { abortpanic: id('runtime.abortpanic'), calls, gopanic: id('runtime.gopanic'), Goexit: id('runtime.Goexit') };
}
