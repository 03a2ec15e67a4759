// The go1.22 iterator step by step on a hand-built stack: main.main (two records) at mainSp, main.mid (none)
// below it, gopanic below that; main.main's fp is the top of the stack (the walk ends there).

import type { G } from '@gosim/stack';
import { GoThrow } from '@gosim/stack';
import {
  CallArgs, Defer122, deferArgs, deferpanicGo122 as pol, deferproc, GoexitFrame, gorecover, Intr, intrinsics,
  Panic122 as P, PanicFrame,
} from '../src/index.js';
import { storeWords, makeWorld, type World } from './world.js';

function laid(records = 2) {
  const w = makeWorld(pol);
  const g = w.newG(16384);
  const main = w.fn('main.main');
  const mid = w.fn('main.mid');
  const gp = w.fn('runtime.gopanic');
  const mainSp = g.hi - 8 - main.frameSize; // main's fp = g.hi
  const retMain = main.entry + 8; //           where main resumes (deferproc's return PC, and mid's return PC)
  const ds: number[] = [];
  for (let i = 0; i < records; i++) {
    storeWords(w.space, mainSp, [mainSp + 16, 7 + i]);
    ds.push(deferproc(w.ctx, pol, g, mainSp, w.fv('main.deferred'), 16, retMain));
  }
  w.space.store64(mainSp - 8, retMain);
  const midSp = mainSp - 8 - mid.frameSize;
  const sp = midSp - 8 - gp.frameSize;
  w.space.store64(midSp - 8, mid.entry + 8);
  storeWords(w.space, midSp, [3, 0x4242]); // e
  g.pc = gp.entry + 4; // the step after PanicStart
  g.sp = sp;
  w.events.length = 0;
  return { w, g, mainSp, midSp, sp, p: sp + PanicFrame.p, ds, retMain, midFp: mainSp };
}

/** callNN's frame for the call set up at gopanic's sp, entered through the ReflectEnter intrinsic. */
function enter(w: World, g: G, sp: number): number {
  const c = w.fn('runtime.call16');
  const csp = sp - 8 - c.frameSize;
  intrinsics[Intr.ReflectEnter]!(w.ctx, pol, g, csp, c.frameSize);
  return csp;
}

describe('deferpanic=go1.22 iterator', () => {
  test('p.start links p and walks past main.mid (no records) to main.main, the head record\'s frame', () => {
    const { w, g, sp, p, mainSp, retMain } = laid();
    g._panic = 0x7770;
    pol.panicStart(w.ctx, g, sp);
    const s = w.space;
    expect(g._panic).toBe(p);
    expect(s.load64(p + P.link)).toBe(0x7770);
    expect([s.load64(p + P.argType), s.load64(p + P.argData)]).toEqual([3, 0x4242]);
    expect(s.load64(p + P.startSP)).toBe(sp);
    expect(s.load64(p + P.startPC)).toBe(g.pc);
    expect(s.load64(p + P.sp)).toBe(mainSp);
    expect(s.load64(p + P.fp)).toBe(g.hi);
    expect(s.load64(p + P.lr)).toBe(s.load64(g.hi - 8));
    expect(retMain).toBeGreaterThan(0);
  });

  test('nextDefer sets up the head record, which stays listed until callNN copied its arguments out', () => {
    const { w, g, sp, p, ds, retMain, mainSp } = laid();
    pol.panicStart(w.ctx, g, sp);
    expect(pol.panicNext(w.ctx, g, sp)).toBe(true);
    const s = w.space;
    expect(s.load64(sp + CallArgs.arg)).toBe(deferArgs(Defer122, ds[1]!));
    expect(s.load64(p + P.retpc)).toBe(retMain);
    expect(s.load64(p + P.argp)).toBe(sp);
    expect(g._defer).toBe(ds[1]);
    const csp = enter(w, g, sp);
    expect([s.load64(csp), s.load64(csp + 8)]).toEqual([mainSp + 16, 8]); // copied out of the record
    expect(g._defer).toBe(ds[0]); //                               ... then the record was popped
    expect(w.ctx.deferPool.take(16)).toBe(ds[1]); //                and freed (cleared)
    expect(w.space.load64(ds[1]! + Defer122.fn)).toBe(0);
    expect(w.events.map((e) => e.kind)).toEqual(['panic-pushed', 'defer-started', 'deferred-call-args', 'defer-unlinked']);
  });

  test('a recovering call: the deferring frame resumes at retpc with ret = 1, the panic unlinked', () => {
    const { w, g, sp, p, mainSp, retMain } = laid();
    pol.panicStart(w.ctx, g, sp);
    pol.panicNext(w.ctx, g, sp);
    const csp = enter(w, g, sp);
    expect(gorecover(w.space, g, csp)).toBe(p);
    expect(pol.panicReturned(w.ctx, g, sp)).toBe(true);
    expect([g.sp, g.pc, g.ret, g._panic]).toEqual([mainSp, retMain, 1, 0]);
  });

  test('no records left: the walk goes on to the top of the stack and nextDefer says none (lr = 0)', () => {
    const { w, g, sp, p } = laid();
    pol.panicStart(w.ctx, g, sp);
    for (let i = 0; i < 2; i++) {
      expect(pol.panicNext(w.ctx, g, sp)).toBe(true);
      enter(w, g, sp);
      expect(pol.panicReturned(w.ctx, g, sp)).toBe(false);
    }
    intrinsics[Intr.PanicNext]!(w.ctx, pol, g, sp, 0);
    expect(w.space.load8(sp + PanicFrame.more)).toBe(0);
    expect(w.space.load64(p + P.lr)).toBe(0);
  });

  test('a frame moved by a stack copy: after sp/fp are adjusted the walk reads the moved frames', () => {
    const { w, g, sp, p, ds, mainSp, midSp, retMain } = laid(1);
    pol.panicStart(w.ctx, g, sp);
    // move the used part down by one page and adjust what copystack would: the record's argp, p's pointer words
    const delta = -4096;
    w.space.memmove(g.sp + delta, g.sp, g.hi - g.sp);
    const s = w.space;
    const q = p + delta;
    for (const f of [P.startSP, P.sp, P.fp]) s.store64(q + f, s.load64(q + f) + delta);
    s.store64(ds[0]! + Defer122.argp, mainSp + delta);
    s.store64(q + P.link, 0);
    g._panic = q;
    g.hi += delta;
    // as if the iterator were at main.mid (its caller is main.main at mainSp): the next step must unwind
    s.store64(q + P.sp, midSp + delta);
    s.store64(q + P.fp, mainSp + delta);
    s.store64(q + P.lr, retMain);
    expect(pol.panicNext(w.ctx, g, sp + delta)).toBe(true);
    expect(s.load64(q + P.sp)).toBe(mainSp + delta);
    expect(s.load64(q + P.fp)).toBe(g.hi);
    expect(s.load64(sp + delta + CallArgs.arg)).toBe(deferArgs(Defer122, ds[0]!));
  });

  test('recovery unlinks the panics started below the resumed frame and resumes a Goexit among them instead', () => {
    const { w, g, sp, p, mainSp, retMain } = laid();
    const s = w.space;
    // a Goexit record in a frame between gopanic and main.main (its startSP below mainSp), started before p
    const gx = mainSp - 2048;
    const q = gx + GoexitFrame.p;
    s.memclr(q, P.size);
    s.store8(q + P.goexit, 1);
    s.store64(q + P.startSP, gx);
    s.store64(q + P.startPC, 0x1234);
    g._panic = q;
    pol.panicStart(w.ctx, g, sp);
    pol.panicNext(w.ctx, g, sp);
    gorecover(s, g, enter(w, g, sp));
    expect(pol.panicReturned(w.ctx, g, sp)).toBe(true);
    expect([g.sp, g.pc, g._panic]).toEqual([gx, 0x1234, q]);
    // without the Goexit, both records go and main.main resumes
    const r = laid();
    r.g._panic = 0;
    pol.panicStart(r.w.ctx, r.g, r.sp);
    pol.panicNext(r.w.ctx, r.g, r.sp);
    gorecover(r.w.space, r.g, enter(r.w, r.g, r.sp));
    pol.panicReturned(r.w.ctx, r.g, r.sp);
    expect([r.g.sp, r.g.pc, r.g._panic]).toEqual([r.mainSp, retMain, 0]);
  });

  test('nextDefer throws when p is not the head panic, and reflectcall of a record no longer at the head throws', () => {
    const { w, g, sp, ds } = laid();
    pol.panicStart(w.ctx, g, sp);
    g._panic = 0;
    expect(() => pol.panicNext(w.ctx, g, sp)).toThrow(new GoThrow('bad panic stack'));
    expect(() => pol.deferCallEntered!(w.ctx, g, ds[0]!)).toThrow(new GoThrow('bad defer entry in reflectcall'));
  });
});
