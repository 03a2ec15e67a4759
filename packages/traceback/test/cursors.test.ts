// The policies' cursors: which pending defer gives a frame whose callee faulted (sigpanic) its
// continuation pc, and what memory each cursor reads while the walk's callback runs.
//
// The stack (innermost first): main.z, main.a, runtime.sigpanic, main.y, main.main. main.y faulted
// (its callee is sigpanic), so its continpc is the pc of its pending defer, or 0 (dead).

import { DeferNew, DeferOld, NoArgs, Panic, type DeferLayout } from '@gosim/defer-panic';
import { isMemoryFault } from '@gosim/memory';
import { gentraceback, tracebackNew, tracebackOld, type TracebackPolicy } from '../src/index.js';
import { buildStack, makeWorld, type World } from './world.js';

function setup(l: DeferLayout) {
  const w = makeWorld(l);
  const { g, frames } = buildStack(w, [
    { name: 'main.main', at: 3 },
    { name: 'main.y', at: 4 },
    { name: 'runtime.sigpanic', at: 1 },
    { name: 'main.a', at: 2 },
    { name: 'main.z', at: 5 },
  ]);
  const sp = Object.fromEntries(frames.map((f) => [f.name, f.sp])) as Record<string, number>;
  const yResume = w.fn('main.y').entry + 24; // the return pc of y's deferproc call
  const aResume = w.fn('main.a').entry + 12;
  return { w, g, frames, sp, yResume, aResume };
}

function rec(w: World, l: DeferLayout, argp: number, pc: number, link = 0): number {
  const d = w.heap.alloc(l.header + 8, -1);
  w.space.store64(d + l.argp, argp);
  w.space.store64(d + l.pc, pc);
  w.space.store64(d + l.fn, w.fv('main.deferred'));
  w.space.store64(d + l.link, link);
  return d;
}

/** continpc by frame name. */
function continpcs(w: World, pol: TracebackPolicy, g: Parameters<typeof gentraceback>[2], cb?: (name: string) => void) {
  const out: Record<string, number> = {};
  gentraceback(w.ctx, pol, g, (f) => {
    out[f.fn!.name] = f.continpc;
    cb?.(f.fn!.name);
    return true;
  });
  return out;
}

describe.each([
  ['old', tracebackOld, DeferOld],
  ['new', tracebackNew, DeferNew],
] as const)('continpc after a sigpanic frame (%s policy)', (_n, pol, l) => {
  test('frames not called by sigpanic continue at their pc', () => {
    const { w, g, frames } = setup(l);
    const c = continpcs(w, pol, g);
    for (const f of frames) if (f.name !== 'main.y') expect(c[f.name]).toBe(f.pc);
  });

  test('waspanic: the pending defer whose argp is the frame sp gives continpc = d.pc', () => {
    const { w, g, sp, yResume } = setup(l);
    g._defer = rec(w, l, sp['main.y']!, yResume);
    expect(continpcs(w, pol, g)['main.y']).toBe(yResume);
  });

  test('waspanic with no pending defer, or one of another frame: the frame is dead (continpc 0)', () => {
    const { w, g, sp, yResume } = setup(l);
    expect(continpcs(w, pol, g)['main.y']).toBe(0);
    g._defer = rec(w, l, sp['main.main']!, yResume);
    expect(continpcs(w, pol, g)['main.y']).toBe(0);
  });

  test('the defer cursor steps past records of inner frames and past NoArgs records', () => {
    const { w, g, sp, yResume, aResume } = setup(l);
    const dy = rec(w, l, sp['main.y']!, yResume);
    const dNo = rec(w, l, NoArgs, 0x42, dy);
    const da = rec(w, l, sp['main.a']!, aResume, dNo);
    g._defer = da;
    expect(continpcs(w, pol, g)['main.y']).toBe(yResume);
    // without stepping past a's record, y would be dead
    w.space.store64(dNo + l.argp, sp['main.z']!);
    expect(continpcs(w, pol, g)['main.y']).toBe(0);
  });
});

describe('the old panic cursor', () => {
  const l = DeferOld;

  /** Two live panics p2 → p1 (in main's locals): p2 runs a's deferred call d2, p1 runs y's d1 (both off the list). */
  function twoPanics() {
    const s = setup(l);
    const { w, sp, yResume, aResume } = s;
    const p1 = s.frames.at(-1)!.sp + 64;
    const p2 = p1 + Panic.size;
    const d1 = rec(w, l, sp['main.y']!, yResume);
    const d2 = rec(w, l, sp['main.a']!, aResume);
    w.space.store64(p1 + Panic.defer, d1);
    w.space.store64(p2 + Panic.defer, d2);
    w.space.store64(p2 + Panic.link, p1);
    s.g._panic = p2;
    s.g._defer = 0;
    return { ...s, p1, p2, d1, d2 };
  }

  test('finds the running defer through p.defer: a record off the list still gives y its continpc', () => {
    const { w, g, yResume } = twoPanics();
    expect(continpcs(w, tracebackOld, g)['main.y']).toBe(yResume);
    // the new cursor never reads Panic records: with the same memory, y is dead
    expect(continpcs(w, tracebackNew, g)['main.y']).toBe(0);
  });

  test('steps by reading p.link from memory and reports each step (panic-cursor-step)', () => {
    const { w, g, p1, p2 } = twoPanics();
    continpcs(w, tracebackOld, g);
    expect(w.events).toEqual([
      { kind: 'panic-cursor-step', goid: g.goid, from: p2, link: p1, stackLo: g.lo, stackHi: g.hi },
      { kind: 'panic-cursor-step', goid: g.goid, from: p1, link: 0, stackLo: g.lo, stackHi: g.hi },
    ]);
  });

  test('reads p.link while walking: a callback that rewrites it in place (as adjustframe does) changes where the cursor goes next', () => {
    const { w, g, p1, p2 } = twoPanics();
    // a zeroed region standing for the new stack, not yet copied
    const fresh = w.stacks.stackalloc(8192);
    const moved = fresh + 4096;
    const c = continpcs(w, tracebackOld, g, (name) => {
      // z's callback runs before the cursor steps past a (where it reads p2.link)
      if (name === 'main.z') w.space.store64(p2 + Panic.link, moved);
    });
    expect(c['main.y']).toBe(0); // the chain ended early: y lost its continuation
    expect(w.events.map((e) => [e.from, e.link])).toEqual([
      [p2, moved],
      [moved, 0],
    ]);
    expect(w.events[0]).toMatchObject({ stackLo: g.lo, stackHi: g.hi });
    expect(moved < g.lo || moved >= g.hi).toBe(true); // the link left the stack being walked
    expect(p1).not.toBe(moved);
  });

  test('following a rewritten link into a poisoned (0xfd) new stack faults', () => {
    const { w, g, p2 } = twoPanics();
    const fresh = w.stacks.stackalloc(8192);
    w.space.fill(fresh, 8192, 0xfd);
    let err: unknown;
    try {
      continpcs(w, tracebackOld, g, (name) => {
        if (name === 'main.z') w.space.store64(p2 + Panic.link, fresh + 4096);
      });
    } catch (e) {
      err = e;
    }
    expect(isMemoryFault(err)).toBe(true);
  });
});

test('the new cursor is unaffected by rewriting Panic records during the walk: it never reads them', () => {
  const l = DeferNew;
  const { w, g, sp, yResume, aResume, frames } = setup(l);
  // new: running records stay listed (started), so the defer cursor alone finds y's
  const d1 = rec(w, l, sp['main.y']!, yResume);
  const d2 = rec(w, l, sp['main.a']!, aResume, d1);
  g._defer = d2;
  const p1 = frames.at(-1)!.sp + 64;
  const p2 = p1 + Panic.size;
  w.space.store64(p2 + Panic.link, p1);
  g._panic = p2;
  const fresh = w.stacks.stackalloc(8192);
  w.space.fill(fresh, 8192, 0xfd);
  const c = continpcs(w, tracebackNew, g, (name) => {
    if (name === 'main.z') {
      w.space.store64(p2 + Panic.link, fresh + 4096);
      w.space.fill(p1, Panic.size, 0xfd);
    }
  });
  expect(c['main.y']).toBe(yResume);
  expect(w.events).toEqual([]);
});
