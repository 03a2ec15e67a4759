// The CL's stack-copying bugs by mechanism, on goroutines built by hand whose runtime frames (gopanic,
// Goexit, callNN) are the real ones of each deferpanic policy, set up by the policy's own steps.

import { deferArgs, deferproc, Panic, PanicFrame, reflectcallEnter } from '@gosim/defer-panic';
import { isMemoryFault } from '@gosim/memory';
import { GoThrow } from '@gosim/stack';
import { gentraceback } from '@gosim/traceback';
import { copystack, newstack } from '../src/index.js';
import { buildStack, makeWorld, newPieces, oldPieces, type Pieces, type WorldOpts } from './world.js';

/**
 * PanicUseStack at the moment of the copy: main deferred d1 and panicked; gopanic#1 runs main.d1 via
 * call16; main.d1 deferred d2 and panicked; gopanic#2 runs main.d2 via call16. Two panics are live.
 */
function twoPanics(pieces: Pieces, opts: WorldOpts = {}) {
  const w = makeWorld(pieces, opts);
  const dp = pieces.deferpanic;
  const { g, sps } = buildStack(w, [
    { name: 'main.main', at: 3 },
    { name: 'runtime.gopanic', at: 4 },
    { name: 'runtime.call16', at: 2 },
    { name: 'main.d1', at: 3 },
    { name: 'runtime.gopanic', at: 4 },
    { name: 'runtime.call16', at: 2 },
    { name: 'main.d2', at: 1 },
  ]);
  const [mainSp, gp1, c1, d1Sp, gp2, c2] = sps as number[] as [number, number, number, number, number, number];
  const d1 = deferproc(w.ctx, dp, g, mainSp, w.fv('main.d1'), 0, w.fn('main.main').entry + 8);
  w.space.store64(mainSp, 1); // panic(1): e = (type 1, data 0)
  dp.panicStart(w.ctx, g, gp1);
  expect(dp.panicNext(w.ctx, g, gp1)).toBe(true);
  reflectcallEnter(w.ctx, g, c1, 16);
  const d2 = deferproc(w.ctx, dp, g, d1Sp, w.fv('main.d2'), 0, w.fn('main.d1').entry + 8);
  w.space.store64(d1Sp, 1);
  dp.panicStart(w.ctx, g, gp2);
  expect(dp.panicNext(w.ctx, g, gp2)).toBe(true);
  reflectcallEnter(w.ctx, g, c2, 16);
  return { w, g, mainSp, d1Sp, gp1, gp2, d1, d2, p1: gp1 + PanicFrame.p, p2: gp2 + PanicFrame.p };
}

describe('PanicUseStack: a copy while two panics are live', () => {
  test('old: step 2 rewrites p2.link and dabort2.link before the copy; adjustdefers follows dabort2.link into the new stack and dies', () => {
    const { w, g, gp1, gp2, p1, p2 } = twoPanics(oldPieces);
    const dabort1 = gp1 + PanicFrame.dabort;
    const dabort2 = gp2 + PanicFrame.dabort;
    expect(g._defer).toBe(dabort2);
    expect(w.space.load64(dabort2 + 40)).toBe(dabort1);
    expect(g._panic).toBe(p2);
    const [oldLo, oldHi] = [g.lo, g.hi];
    expect(() => copystack(w.ctx, g, 16384)).toThrow(new GoThrow('adjustdefers: unexpected argp'));
    expect(w.printed).toEqual([`runtime: adjustdefers argp=0x0 stk=0x${oldLo.toString(16)} 0x${oldHi.toString(16)}\n`]);
    // both links were rewritten in place in the old stack, to addresses in the (not yet copied) new stack
    const p2link = w.space.load64(p2 + Panic.link);
    const dlink = w.space.load64(dabort2 + 40);
    const delta = p2link - p1;
    expect(delta).not.toBe(0);
    expect(dlink).toBe(dabort1 + delta);
    expect(p2link < oldLo || p2link >= oldHi).toBe(true);
    // and the panic cursor, stepping past main.d1, followed p2.link there and ended the chain early
    const steps = w.events.filter((e) => e.kind === 'panic-cursor-step');
    expect(steps.map((e) => [e.from, e.link])).toEqual([[p2, p1 + delta], [p1 + delta, 0]]);
  });

  test('old with StackPoisonCopy: the panic cursor reads 0xfdfd… through the rewritten p2.link and faults first', () => {
    const { w, g } = twoPanics(oldPieces, { stackPoisonCopy: true });
    let err: unknown;
    try {
      copystack(w.ctx, g, 16384);
    } catch (e) {
      err = e;
    }
    expect(isMemoryFault(err)).toBe(true);
    expect(w.printed).toEqual([]);
  });

  test('new: the copy succeeds; records stay listed with _panic and argp moved; the new stack walks the same frames', () => {
    const { w, g, d1, d2, p1, p2, mainSp, d1Sp } = twoPanics(newPieces, { stackPoisonCopy: true });
    const l = newPieces.deferpanic.layout;
    const names = () => {
      const out: string[] = [];
      gentraceback(w.ctx, newPieces.traceback, g, (f) => (out.push(f.fn!.name), true));
      return out;
    };
    const before = names();
    const oldHi = g.hi;
    copystack(w.ctx, g, 16384);
    const delta = g.hi - oldHi;
    expect(names()).toEqual(before);
    expect(g._defer).toBe(d2);
    expect(w.space.load64(d2 + l.link)).toBe(d1);
    expect(w.space.load64(d2 + l.panic)).toBe(p2 + delta);
    expect(w.space.load64(d1 + l.panic)).toBe(p1 + delta);
    expect(w.space.load64(d2 + l.argp)).toBe(d1Sp + delta);
    expect(w.space.load64(d1 + l.argp)).toBe(mainSp + delta);
    expect(g._panic).toBe(p2 + delta);
    expect(w.space.load64(p2 + delta + Panic.link)).toBe(p1 + delta);
  });
});

/**
 * DeferPtrsGoexit / DeferPtrsPanic at the moment of the first bug: main deferred
 * setBig(&y, 42, bigBuf{}) (4112 bytes of arguments) and called Goexit (or panicked); call8192's
 * prologue finds too little room and grows the stack before copying the arguments out of the record.
 */
function bigDefer(pieces: Pieces, via: 'goexit' | 'panic', opts: WorldOpts = {}) {
  const w = makeWorld(pieces, opts);
  const dp = pieces.deferpanic;
  const runner = via === 'goexit' ? { name: 'runtime.Goexit', at: 3 } : { name: 'runtime.gopanic', at: 4 };
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, runner, { name: 'runtime.call8192', at: 0 }], { atEntry: true });
  const [mainSp, rsp] = sps as [number, number];
  const y = mainSp + w.slot('main.main', 'x');
  w.space.store64(mainSp + 4096, y);
  w.space.store64(mainSp + 4104, 42);
  const d = deferproc(w.ctx, dp, g, mainSp, w.fv('main.setBig'), 4112, w.fn('main.main').entry + 8);
  if (via === 'goexit') {
    expect(dp.goexitNext(w.ctx, g, rsp)).toBe(true);
  } else {
    w.space.store64(mainSp, 1);
    dp.panicStart(w.ctx, g, rsp);
    expect(dp.panicNext(w.ctx, g, rsp)).toBe(true);
  }
  const p = () => w.space.load64(deferArgs(dp.layout, d) + 4096);
  return { w, g, d, y, p };
}

describe.each(['goexit', 'panic'] as const)('DeferPtrs via %s: the stack grows in reflectcall\'s prologue', (via) => {
  test('old: the running record is on neither the frames nor the defer list; &y in it keeps the old stack address', () => {
    const { w, g, d, y, p } = bigDefer(oldPieces, via, { faultOnFree: true });
    const oldHi = g.hi;
    for (let r = g._defer; r !== 0; r = w.space.load64(r + oldPieces.deferpanic.layout.link)) expect(r).not.toBe(d);
    newstack(w.ctx, g);
    expect(g.hi - g.lo).toBe(16384);
    expect(p()).toBe(y); // stale: setBig would write 42 into the freed old stack
    expect(w.space.isMapped(y)).toBe(false); // (with fault-on-free: a fault instead)
    expect(g.hi).not.toBe(oldHi);
  });

  test('new: the running record is listed (started); tracebackdefers reports its arguments and adjustframe rewrites &y', () => {
    const { w, g, d, y, p } = bigDefer(newPieces, via, { faultOnFree: true });
    expect(g._defer).toBe(d);
    const oldHi = g.hi;
    newstack(w.ctx, g);
    const delta = g.hi - oldHi;
    expect(p()).toBe(y + delta);
    expect(w.space.isMapped(p())).toBe(true);
  });
});
