// gopanic and Goexit step by step, in their own frames on a hand-built stack: the deferring frame
// (main.main) at mainSp, gopanic's frame below it at sp, callNN below that.

import { GoThrow, type G } from '@gosim/stack';
import {
  CallArgs, Continue, deferArgs, DeferNew, DeferOld, deferpanicNew, deferpanicOld, deferproc, GoexitFrame, gorecover,
  Intr, intrinsics, NoArgs, Panic, PanicFrame, recoverPanic, reflectcallEnter,
  type DeferPanicPolicy,
} from '../src/index.js';
import { loadWords, makeWorld, storeWords, type World } from './world.js';

/** A goroutine whose main.main deferred main.deferred(&x, 7) and is now in gopanic(e) at sp. */
function panicking(pol: DeferPanicPolicy, opts: { records?: number } = {}) {
  const w = makeWorld(pol);
  const g = w.newG();
  const mainSp = g.sp;
  const x = mainSp + 4112; // main's local x, above its outgoing area
  const retpc = w.fn('main.main').entry + 8;
  const ds: number[] = [];
  for (let i = 0; i < (opts.records ?? 1); i++) {
    storeWords(w.space, mainSp, [x, 7 + i]);
    ds.push(deferproc(w.ctx, pol, g, mainSp, w.fv('main.deferred'), 16, retpc));
  }
  const sp = mainSp - 8 - 16 - 8 - PanicFrame.size; // room for gopanic's e, the return PC, its frame
  storeWords(w.space, sp + PanicFrame.size + 8, [3, 0x4242]); // e = (type 3, data 0x4242)
  w.events.length = 0;
  return { w, g, mainSp, x, retpc, sp, p: sp + PanicFrame.p, ds };
}

/** callNN's frame for the deferred call set up at gopanic's sp; its argp is gopanic's sp. */
function enterCall(w: World, g: G, sp: number, n = 16): number {
  const c = w.fn(`runtime.call${n}`);
  const csp = sp - 8 - c.frameSize;
  reflectcallEnter(w.ctx, g, csp, c.frameSize);
  return csp;
}

describe.each([
  ['old', deferpanicOld],
  ['new', deferpanicNew],
] as const)('gopanic common to both policies (%s)', (_n, pol) => {
  test('panicStart pushes the on-stack Panic record with e, linked to the previous panic', () => {
    const { w, g, sp, p } = panicking(pol);
    g._panic = 0x7777;
    expect(intrinsics[Intr.PanicStart]!(w.ctx, pol, g, sp, 0)).toBe(Continue);
    expect(g._panic).toBe(p);
    expect(w.space.load64(p + Panic.argType)).toBe(3);
    expect(w.space.load64(p + Panic.argData)).toBe(0x4242);
    expect(w.space.load64(p + Panic.link)).toBe(0x7777);
    expect(w.events[0]).toMatchObject({ kind: 'panic-pushed', p });
  });

  test('panicNext sets up reflectcall(fn, deferArgs(d), siz) in the outgoing area and p.argp = gopanic sp', () => {
    const { w, g, sp, p, ds } = panicking(pol);
    const d = ds[0]!;
    pol.panicStart(w.ctx, g, sp);
    intrinsics[Intr.PanicNext]!(w.ctx, pol, g, sp, 0);
    expect(w.space.load8(sp + PanicFrame.more)).toBe(1);
    expect(w.space.load64(sp + PanicFrame.d)).toBe(d);
    expect(w.space.load64(sp + CallArgs.fn)).toBe(w.fv('main.deferred'));
    expect(w.space.load64(sp + CallArgs.arg)).toBe(deferArgs(pol.layout, d));
    expect(w.space.load64(sp + CallArgs.siz)).toBe(16);
    expect(w.space.load64(sp + PanicFrame.rc)).toBe(w.fv('runtime.call16'));
    expect(w.space.load64(p + Panic.argp)).toBe(sp);
  });

  test('a recovering deferred call: recover() succeeds in it, the deferring frame resumes at the deferproc return with ret = 1', () => {
    const { w, g, sp, p, mainSp, x, retpc } = panicking(pol);
    pol.panicStart(w.ctx, g, sp);
    pol.panicNext(w.ctx, g, sp);
    const csp = enterCall(w, g, sp);
    expect(w.space.load64(p + Panic.argp)).toBe(csp); // callNN's WRAPPER moved it to the deferred call's argp
    expect(loadWords(w.space, csp, 2)).toEqual([x, 7]); // arguments copied out of the record
    expect(gorecover(w.space, g, csp)).toBe(p);
    expect(pol.panicReturned(w.ctx, g, sp)).toBe(true);
    expect([g.sp, g.pc, g.ret]).toEqual([mainSp, retpc, 1]);
    expect(g._panic).toBe(0);
    expect(g._defer).toBe(0);
    expect(w.events.at(-1)).toMatchObject({ kind: 'panic-recovered', p, sp: mainSp, pc: retpc });
  });

  test('a deferred call that does not recover: panicReturned frees the record and the loop goes on; none left → more = 0', () => {
    const { w, g, sp, ds } = panicking(pol, { records: 2 });
    pol.panicStart(w.ctx, g, sp);
    expect(pol.panicNext(w.ctx, g, sp)).toBe(true);
    expect(w.space.load64(sp + PanicFrame.d)).toBe(ds[1]);
    expect(pol.panicReturned(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(ds[0]);
    expect(w.ctx.deferPool.take(16)).toBe(ds[1]);
    expect(pol.panicNext(w.ctx, g, sp)).toBe(true);
    expect(pol.panicReturned(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(0);
    intrinsics[Intr.PanicNext]!(w.ctx, pol, g, sp, 0);
    expect(w.space.load8(sp + PanicFrame.more)).toBe(0);
  });
});

describe('gorecover', () => {
  test('succeeds only when argp matches p.argp, and not twice', () => {
    const { w, g, sp, p } = panicking(deferpanicNew);
    expect(gorecover(w.space, g, sp)).toBe(0); // no panic
    deferpanicNew.panicStart(w.ctx, g, sp);
    deferpanicNew.panicNext(w.ctx, g, sp);
    const csp = enterCall(w, g, sp);
    expect(gorecover(w.space, g, csp - 64)).toBe(0); // a function the deferred call called
    expect(gorecover(w.space, g, sp)).toBe(0); //       gopanic's own argp (before the WRAPPER move)
    expect(w.space.load8(p + Panic.recovered)).toBe(0);
    expect(gorecover(w.space, g, csp)).toBe(p);
    expect(w.space.load8(p + Panic.recovered)).toBe(1);
    expect(gorecover(w.space, g, csp)).toBe(0);
  });

  test('a Goexit marker record cannot be recovered', () => {
    const { w, g, sp, p } = panicking(deferpanicNew);
    deferpanicNew.panicStart(w.ctx, g, sp);
    w.space.store64(p + Panic.argp, sp);
    w.space.store8(p + Panic.goexit, 1);
    expect(gorecover(w.space, g, sp)).toBe(0);
  });

  test('reflectcallEnter moves p.argp only when it is callNN fp (the panic that called it)', () => {
    const { w, g, sp, p } = panicking(deferpanicNew);
    deferpanicNew.panicStart(w.ctx, g, sp);
    deferpanicNew.panicNext(w.ctx, g, sp);
    w.space.store64(p + Panic.argp, sp + 8); // some other argp
    const csp = enterCall(w, g, sp);
    expect(w.space.load64(p + Panic.argp)).toBe(sp + 8);
    expect(loadWords(w.space, csp, 2)).toEqual(loadWords(w.space, w.space.load64(sp + CallArgs.arg), 2));
  });
});

test('callNN entry reports the pointer words it copied out of the record (per fn\'s argument map); PanicReturned reports the return', () => {
  const { w, g, sp, x, ds } = panicking(deferpanicNew);
  deferpanicNew.panicStart(w.ctx, g, sp);
  deferpanicNew.panicNext(w.ctx, g, sp);
  const c = w.fn('runtime.call16');
  intrinsics[Intr.ReflectEnter]!(w.ctx, deferpanicNew, g, sp - 8 - c.frameSize, c.frameSize);
  expect(w.events.at(-1)).toEqual({ kind: 'deferred-call-args', goid: g.goid, fn: 'main.deferred', record: ds[0], pointers: [x], stackLo: g.lo, stackHi: g.hi });
  intrinsics[Intr.PanicReturned]!(w.ctx, deferpanicNew, g, sp, 0);
  expect(w.events.slice(-2).map((e) => e.kind)).toEqual(['defer-returned', 'defer-unlinked']);
});

describe('new gopanic: a running record stays linked', () => {
  const L = DeferNew;

  test('panicNext keeps the record linked and marks it started with _panic = &p', () => {
    const { w, g, sp, p, ds } = panicking(deferpanicNew);
    const d = ds[0]!;
    deferpanicNew.panicStart(w.ctx, g, sp);
    deferpanicNew.panicNext(w.ctx, g, sp);
    expect(g._defer).toBe(d);
    expect(w.space.load8(d + L.started)).toBe(1);
    expect(w.space.load64(d + L.panic)).toBe(p);
    expect(w.events.at(-1)).toEqual({ kind: 'defer-started', goid: g.goid, d, fn: 'main.deferred', by: 'panic', onList: true });
  });

  test('panicReturned checks the record is still the head, unlinks and frees it, and keeps argp/pc in the frame', () => {
    const { w, g, sp, ds, mainSp, retpc } = panicking(deferpanicNew);
    deferpanicNew.panicStart(w.ctx, g, sp);
    deferpanicNew.panicNext(w.ctx, g, sp);
    expect(deferpanicNew.panicReturned(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(0);
    expect(w.space.load64(sp + PanicFrame.argp)).toBe(mainSp);
    expect(w.space.load64(sp + PanicFrame.pc)).toBe(retpc);
    expect(w.space.load64(ds[0]! + L.fn)).toBe(0);
  });

  test('panicReturned throws "bad defer entry in panic" when the head is not the running record', () => {
    const { w, g, sp } = panicking(deferpanicNew);
    deferpanicNew.panicStart(w.ctx, g, sp);
    deferpanicNew.panicNext(w.ctx, g, sp);
    g._defer = 0;
    expect(() => deferpanicNew.panicReturned(w.ctx, g, sp)).toThrow(new GoThrow('bad defer entry in panic'));
  });

  test('a started record found again is dropped (unlinked, freed) and the panic that ran it marked aborted', () => {
    const { w, g, sp, ds } = panicking(deferpanicNew, { records: 2 });
    const [d0, d1] = ds as [number, number];
    // a first panic, higher on the stack, started d1 and its deferred call panicked again (this gopanic)
    const p1 = g.hi - 64;
    w.space.store8(d1 + L.started, 1);
    w.space.store64(d1 + L.panic, p1);
    g._panic = p1;
    deferpanicNew.panicStart(w.ctx, g, sp);
    expect(deferpanicNew.panicNext(w.ctx, g, sp)).toBe(true);
    expect(w.space.load8(p1 + Panic.aborted)).toBe(1);
    expect(g._defer).toBe(d0);
    expect(w.space.load64(sp + PanicFrame.d)).toBe(d0);
    expect(w.ctx.deferPool.take(16)).toBe(d1);
    expect(w.events.slice(1).map((e) => e.kind)).toEqual(['panic-aborted', 'defer-unlinked', 'defer-started']);
    expect(w.events[2]).toMatchObject({ kind: 'defer-unlinked', d: d1, why: 'aborted' });
  });

  test('a started record with no panic (started by Goexit) is dropped without aborting anything', () => {
    const { w, g, sp, ds } = panicking(deferpanicNew);
    w.space.store8(ds[0]! + L.started, 1);
    deferpanicNew.panicStart(w.ctx, g, sp);
    expect(deferpanicNew.panicNext(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(0);
    expect(w.events.map((e) => e.kind)).toEqual(['panic-pushed', 'defer-unlinked']);
  });

  test('gopanic pointer map: d, argp and the Panic record pointers; pc and the dabort words are not pointers', () => {
    const w = makeWorld(deferpanicNew);
    const ptrs = ptrWordsOf(w.fn('runtime.gopanic').localPtrs);
    expect(ptrs).toEqual([5, 6, 8, 10, 11, 13]); // d, argp, p.argp, p.arg.data, p.link, p.defer
  });
});

describe('old gopanic: the running record is taken off the list, an on-stack dabort takes its place', () => {
  const L = DeferOld;

  test('panicStart builds dabort: argp NoArgs, special, fn = abortpanic, argument = &p', () => {
    const { w, g, sp, p } = panicking(deferpanicOld);
    deferpanicOld.panicStart(w.ctx, g, sp);
    const dabort = sp + PanicFrame.dabort;
    expect(w.space.load64(dabort + L.argp)).toBe(NoArgs);
    expect(w.space.load8(dabort + L.special)).toBe(1);
    expect(w.space.load64(dabort + L.siz)).toBe(8);
    expect(w.space.load64(dabort + L.fn)).toBe(w.fv('runtime.abortpanic'));
    expect(w.space.load64(deferArgs(L, dabort))).toBe(p);
  });

  test('panicNext unlinks the record, links dabort in its place, sets p.defer and copies argp/pc into pointer-typed locals', () => {
    const { w, g, sp, p, ds, mainSp, retpc } = panicking(deferpanicOld, { records: 2 });
    const [d0, d1] = ds as [number, number];
    deferpanicOld.panicStart(w.ctx, g, sp);
    deferpanicOld.panicNext(w.ctx, g, sp);
    const dabort = sp + PanicFrame.dabort;
    expect(g._defer).toBe(dabort);
    expect(w.space.load64(dabort + L.link)).toBe(d0);
    expect(w.space.load64(p + Panic.defer)).toBe(d1);
    expect(w.space.load64(sp + PanicFrame.d)).toBe(d1);
    expect(w.space.load64(sp + PanicFrame.argp)).toBe(mainSp);
    expect(w.space.load64(sp + PanicFrame.pc)).toBe(retpc);
    expect(w.events).toContainEqual({ kind: 'defer-started', goid: g.goid, d: d1, fn: 'main.deferred', by: 'panic', onList: false });
    // the pointer map makes pc, dabort.fn, dabort.link and dabort's argument (&p) pointers
    const ptrs = ptrWordsOf(w.fn('runtime.gopanic').localPtrs);
    for (const off of [PanicFrame.pc, PanicFrame.dabort + L.fn, PanicFrame.dabort + L.link, PanicFrame.dabort + L.header])
      expect(ptrs).toContain(off / 8);
  });

  test('panicReturned pops dabort, clears p.defer and frees the record', () => {
    const { w, g, sp, p, ds } = panicking(deferpanicOld);
    deferpanicOld.panicStart(w.ctx, g, sp);
    deferpanicOld.panicNext(w.ctx, g, sp);
    expect(deferpanicOld.panicReturned(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(0);
    expect(w.space.load64(p + Panic.defer)).toBe(0);
    expect(w.ctx.deferPool.take(16)).toBe(ds[0]);
    expect(deferpanicOld.panicNext(w.ctx, g, sp)).toBe(false);
    expect(g._defer).toBe(0); // dabort is linked only while a deferred call runs
  });

  test('panicReturned throws "bad defer entry in panic" when the head is not dabort', () => {
    const { w, g, sp } = panicking(deferpanicOld);
    deferpanicOld.panicStart(w.ctx, g, sp);
    deferpanicOld.panicNext(w.ctx, g, sp);
    g._defer = w.space.load64(sp + PanicFrame.dabort + L.link);
    expect(() => deferpanicOld.panicReturned(w.ctx, g, sp)).toThrow(new GoThrow('bad defer entry in panic'));
  });

  test('a nested panic runs the outer dabort: abortpanic marks the outer panic aborted, and dabort is not freed', () => {
    const { w, g, sp, p } = panicking(deferpanicOld);
    deferpanicOld.panicStart(w.ctx, g, sp);
    deferpanicOld.panicNext(w.ctx, g, sp);
    const dabort1 = sp + PanicFrame.dabort;
    // the deferred call panics: a second gopanic frame deeper on the stack
    const sp2 = sp - 512;
    storeWords(w.space, sp2 + PanicFrame.size + 8, [3, 1]);
    deferpanicOld.panicStart(w.ctx, g, sp2);
    expect(deferpanicOld.panicNext(w.ctx, g, sp2)).toBe(true);
    expect(w.space.load64(sp2 + PanicFrame.d)).toBe(dabort1);
    expect(g._defer).toBe(sp2 + PanicFrame.dabort);
    expect(w.space.load64(sp2 + PanicFrame.dabort + L.link)).toBe(0); // dabort1.link: the rest of the list
    expect(w.space.load64(sp2 + CallArgs.fn)).toBe(w.fv('runtime.abortpanic'));
    // callNN copies &p into abortpanic's argument; abortpanic (frame size 0) marks p aborted
    const csp = enterCall(w, g, sp2);
    expect(w.space.load64(csp)).toBe(p);
    intrinsics[Intr.AbortPanic]!(w.ctx, deferpanicOld, g, csp - 8, 0);
    expect(w.space.load8(p + Panic.aborted)).toBe(1);
    expect(deferpanicOld.panicReturned(w.ctx, g, sp2)).toBe(false);
    expect(w.space.load8(dabort1 + L.special)).toBe(1); // not freed: still a valid on-stack record
    expect(w.space.load64(dabort1 + L.fn)).toBe(w.fv('runtime.abortpanic'));
    expect(w.ctx.deferPool.take(8)).toBe(0);
  });
});

describe('Goexit', () => {
  function exiting(pol: DeferPanicPolicy, records = 1) {
    const r = panicking(pol, { records });
    return { ...r, gsp: r.sp + PanicFrame.size - GoexitFrame.size };
  }

  test("new: goexitNext keeps the record linked and started with Goexit's own panic record, saving the resume pc; goexitReturned unlinks and frees it", () => {
    const { w, g, gsp, ds } = exiting(deferpanicNew);
    const d = ds[0]!;
    g.pc = 0xc0000104;
    intrinsics[Intr.GoexitNext]!(w.ctx, deferpanicNew, g, gsp, 3);
    expect(w.space.load64(gsp + GoexitFrame.pc)).toBe(0xc0000104 + 2 * 4);
    expect(w.space.load8(gsp + GoexitFrame.more)).toBe(1);
    expect(g._defer).toBe(d);
    expect(w.space.load8(d + DeferNew.started)).toBe(1);
    expect(w.space.load64(d + DeferNew.panic)).toBe(gsp + GoexitFrame.p);
    expect(w.space.load64(gsp + GoexitFrame.d)).toBe(d);
    expect(w.space.load64(gsp + GoexitFrame.rc)).toBe(w.fv('runtime.call16'));
    expect(w.events.at(-1)).toMatchObject({ kind: 'defer-started', by: 'goexit', onList: true });
    deferpanicNew.goexitReturned(w.ctx, g, gsp);
    expect(g._defer).toBe(0);
    expect(w.ctx.deferPool.take(16)).toBe(d);
  });

  test('new: a record started by an earlier Goexit is not run again (the follow-up)', () => {
    const { w, g, gsp, ds } = exiting(deferpanicNew, 2);
    w.space.store8(ds[1]! + DeferNew.started, 1);
    expect(deferpanicNew.goexitNext(w.ctx, g, gsp)).toBe(true);
    expect(w.space.load64(gsp + GoexitFrame.d)).toBe(ds[0]);
    expect(g._defer).toBe(ds[0]);
  });

  test('new: goexitReturned throws "bad defer entry in Goexit" when the head moved', () => {
    const { w, g, gsp } = exiting(deferpanicNew);
    deferpanicNew.goexitNext(w.ctx, g, gsp);
    g._defer = 0;
    expect(() => deferpanicNew.goexitReturned(w.ctx, g, gsp)).toThrow(new GoThrow('bad defer entry in Goexit'));
  });

  test('old: goexitNext takes the record off the list before the call; goexitReturned frees it', () => {
    const { w, g, gsp, ds } = exiting(deferpanicOld, 2);
    expect(deferpanicOld.goexitNext(w.ctx, g, gsp)).toBe(true);
    expect(g._defer).toBe(ds[0]);
    expect(w.space.load64(gsp + GoexitFrame.d)).toBe(ds[1]);
    expect(w.space.load64(gsp + CallArgs.arg)).toBe(deferArgs(DeferOld, ds[1]!));
    expect(w.events.map((e) => [e.kind, (e as { why?: string }).why])).toEqual([['defer-unlinked', 'start'], ['defer-started', undefined]]);
    deferpanicOld.goexitReturned(w.ctx, g, gsp);
    expect(w.ctx.deferPool.take(16)).toBe(ds[1]);
    expect(deferpanicOld.goexitNext(w.ctx, g, gsp)).toBe(true);
    expect(deferpanicOld.goexitNext(w.ctx, g, gsp)).toBe(false);
  });
});

test('recoverPanic pops the recovered panic and the aborted ones it interrupted, and resumes the deferring frame', () => {
  const w = makeWorld(deferpanicNew);
  const g = w.newG();
  const [p, a1, a2, q] = [g.sp, g.sp + 64, g.sp + 128, g.sp + 192];
  storeWords(w.space, p + Panic.link, [a1]);
  storeWords(w.space, a1 + Panic.link, [a2]);
  storeWords(w.space, a2 + Panic.link, [q]);
  w.space.store8(a1 + Panic.aborted, 1);
  w.space.store8(a2 + Panic.aborted, 1);
  g.sig = 11;
  recoverPanic(w.ctx, g, p, 0x1000, 0x2000);
  expect(g._panic).toBe(q);
  expect(g.sig).toBe(11);
  expect([g.sp, g.pc, g.ret]).toEqual([0x1000, 0x2000, 1]);
  w.space.store8(q + Panic.aborted, 1);
  recoverPanic(w.ctx, g, p, 0x1000, 0x2000);
  expect(g._panic).toBe(0);
  expect(g.sig).toBe(0);
});

test('a recovery that would bypass an aborted Goexit resumes the Goexit loop at its saved pc instead', () => {
  const w = makeWorld(deferpanicNew);
  const g = w.newG();
  const goexitSp = g.sp + 256;
  const gp = goexitSp + GoexitFrame.p;
  const p = g.sp;
  storeWords(w.space, p + Panic.link, [gp]);
  w.space.store8(gp + Panic.goexit, 1);
  w.space.store8(gp + Panic.aborted, 1);
  storeWords(w.space, goexitSp + GoexitFrame.pc, [0x3000]);
  recoverPanic(w.ctx, g, p, 0x1000, 0x2000);
  expect(g._panic).toBe(gp);
  expect([g.sp, g.pc]).toEqual([goexitSp, 0x3000]);
});

function ptrWordsOf(bits: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if ((bits[i >> 3]! >> (i & 7)) & 1) out.push(i);
  return out;
}
