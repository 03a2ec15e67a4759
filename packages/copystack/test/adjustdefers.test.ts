// adjustdefers, old and new, on a goroutine main → f whose main deferred main.deferred(p *int, n int)
// with p = &main.x and n = uintptr(&main.x).

import { deferArgs, deferproc, NoArgs, type DeferLayout } from '@gosim/defer-panic';
import { GoThrow } from '@gosim/stack';
import { copystackNew, copystackOld, type AdjustInfo } from '../src/index.js';
import { buildStack, makeWorld, newPieces, oldPieces, type Pieces, type World } from './world.js';

function scene(pieces: Pieces) {
  const w = makeWorld(pieces);
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 4 }]);
  const mainSp = sps[0]!;
  const x = mainSp + w.slot('main.main', 'x');
  const buf = mainSp + w.slot('main.main', 'buf'); // scalar room in main's frame
  const delta = 0x100000;
  const adj: AdjustInfo = { goid: 1, oldLo: g.lo, oldHi: g.hi, delta };
  const l = pieces.deferpanic.layout;
  /** main defers fn(p = &x, n = uintptr(&x)). */
  const defer = (fn: number, siz = 16) => {
    w.space.store64(mainSp, x);
    w.space.store64(mainSp + 8, x);
    return deferproc(w.ctx, pieces.deferpanic, g, mainSp, fn, siz, w.fn('main.main').entry + 8);
  };
  const args = (d: number) => [w.space.load64(deferArgs(l, d)), w.space.load64(deferArgs(l, d) + 8)];
  return { w, g, mainSp, x, buf, delta, adj, l, defer, args };
}

/** An on-stack record like old gopanic's dabort, at addr. */
function stackRecord(w: World, l: DeferLayout, addr: number, link: number): number {
  w.space.store64(addr + l.siz, 8);
  w.space.store8(addr + l.special, 1);
  w.space.store64(addr + l.argp, NoArgs);
  w.space.store64(addr + l.fn, w.fv('runtime.abortpanic'));
  w.space.store64(addr + l.link, link);
  return addr;
}

describe.each([
  ['old', oldPieces],
  ['new', newPieces],
] as const)('adjustdefers (%s): a listed record that has not started (DeferPtrs)', (_n, pieces) => {
  test('argp is adjusted, and the argument block by fn\'s argument map: p (pointer) moves, n (uintptr) does not', () => {
    const { w, g, x, adj, delta, l, defer, args, mainSp } = scene(pieces);
    const d = defer(w.fv('main.deferred'));
    pieces.copystack.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.argp)).toBe(mainSp + delta);
    expect(args(d)).toEqual([x + delta, x]);
    expect(w.space.load64(d + l.fn)).toBe(w.fv('main.deferred'));
    expect(g._defer).toBe(d);
  });

  test('a nil fn: argp adjusted, nothing else read', () => {
    const { w, g, adj, delta, l, defer, args, x, mainSp } = scene(pieces);
    const d = defer(0);
    pieces.copystack.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.argp)).toBe(mainSp + delta);
    expect(args(d)).toEqual([x, x]);
  });
});

describe('old adjustdefers: walks g._defer as it is', () => {
  const l = oldPieces.deferpanic.layout;

  test('an on-stack record at the head: g._defer is rewritten and the walk goes on through its link, read from the old stack', () => {
    const { w, g, buf, adj, delta, defer, args, x } = scene(oldPieces);
    const d = defer(w.fv('main.deferred'));
    const dabort = stackRecord(w, l, buf, d);
    g._defer = dabort;
    copystackOld.adjustdefers(w.ctx, g, adj);
    expect(g._defer).toBe(dabort + delta);
    // the record after it was reached (through the link word in the old stack) and adjusted
    expect(args(d)).toEqual([x + delta, x]);
    // the on-stack record's own fields are frame contents: adjustdefers leaves them to adjustframe
    expect(w.space.load64(dabort + l.argp)).toBe(NoArgs);
    expect(w.space.load64(dabort + l.link)).toBe(d);
    expect(w.events).toContainEqual({ kind: 'pointer-adjusted', goid: 1, where: 'defer link (on-stack record)', at: 0, from: dabort, to: dabort + delta });
  });

  test('an on-stack record in the middle: its incoming link (in the heap record before it) is rewritten', () => {
    const { w, g, buf, adj, delta, defer, args, x } = scene(oldPieces);
    const d2 = defer(w.fv('main.deferred'));
    const dabort = stackRecord(w, l, buf, d2);
    const d0 = defer(w.fv('main.deferred'));
    w.space.store64(d0 + l.link, dabort);
    g._defer = d0;
    copystackOld.adjustdefers(w.ctx, g, adj);
    expect(g._defer).toBe(d0);
    expect(w.space.load64(d0 + l.link)).toBe(dabort + delta);
    expect(args(d0)).toEqual([x + delta, x]);
    expect(args(d2)).toEqual([x + delta, x]);
  });

  test('argp == NoArgs: the record is skipped, its arguments untouched', () => {
    const { w, g, adj, defer, args, x } = scene(oldPieces);
    const d = defer(w.fv('main.deferred'));
    w.space.store64(d + l.argp, NoArgs);
    copystackOld.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.argp)).toBe(NoArgs);
    expect(args(d)).toEqual([x, x]);
  });

  test('argp outside the old stack prints "runtime: adjustdefers argp=... stk=... ..." and throws "adjustdefers: unexpected argp"', () => {
    const { w, g, adj, defer } = scene(oldPieces);
    const d = defer(w.fv('main.deferred'));
    w.space.store64(d + l.argp, 0);
    expect(() => copystackOld.adjustdefers(w.ctx, g, adj)).toThrow(new GoThrow('adjustdefers: unexpected argp'));
    expect(w.printed).toEqual([`runtime: adjustdefers argp=0x0 stk=0x${g.lo.toString(16)} 0x${g.hi.toString(16)}\n`]);
  });

  test('fn on the stack (a stack-allocated closure): only fn is adjusted, not the arguments', () => {
    const { w, g, buf, adj, delta, defer, args, x } = scene(oldPieces);
    w.space.store64(buf + 64, w.fn('main.deferred').entry); // funcval {fn} in main's frame
    const d = defer(buf + 64);
    copystackOld.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.fn)).toBe(buf + 64 + delta);
    expect(args(d)).toEqual([x, x]);
  });

  test('a fn whose pc is no function throws "can\'t adjust unknown defer"', () => {
    const { w, g, adj, defer } = scene(oldPieces);
    const fv = w.heap.alloc(8, -1);
    w.space.store64(fv, 0x1234);
    defer(fv);
    expect(() => copystackOld.adjustdefers(w.ctx, g, adj)).toThrow(new GoThrow("can't adjust unknown defer"));
  });
});

describe('new adjustdefers: tracebackdefers + adjustframe, then fn, argp, _panic of each record', () => {
  const l = newPieces.deferpanic.layout;

  test('every record: argument block by fn\'s map, then fn, argp and _panic (started records included)', () => {
    const { w, g, adj, delta, defer, args, x, mainSp, buf } = scene(newPieces);
    const d1 = defer(w.fv('main.deferred'));
    const d2 = defer(w.fv('main.deferred'));
    w.space.store8(d2 + l.started, 1);
    w.space.store64(d2 + l.panic, buf + 8); // the Panic record in a gopanic frame
    copystackNew.adjustdefers(w.ctx, g, adj);
    for (const d of [d1, d2]) {
      expect(args(d)).toEqual([x + delta, x]);
      expect(w.space.load64(d + l.argp)).toBe(mainSp + delta);
    }
    expect(w.space.load64(d2 + l.panic)).toBe(buf + 8 + delta);
    expect(w.space.load64(d1 + l.panic)).toBe(0);
    expect(w.events.filter((e) => e.kind === 'pointer-adjusted').map((e) => (e as { where: string }).where)).toEqual([
      'main.deferred', 'main.deferred', 'defer.argp', 'defer._panic', 'defer.argp',
    ]);
  });

  test('fn on the stack: fn adjusted and the arguments too', () => {
    const { w, g, buf, adj, delta, defer, args, x } = scene(newPieces);
    w.space.store64(buf + 64, w.fn('main.deferred').entry);
    const d = defer(buf + 64);
    copystackNew.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.fn)).toBe(buf + 64 + delta);
    expect(args(d)).toEqual([x + delta, x]);
  });

  test('never throws on a record whose argp is outside the stack (argp is just a pointer to adjust or not)', () => {
    const { w, g, adj, defer, args, x, delta } = scene(newPieces);
    const d = defer(w.fv('main.deferred'));
    w.space.store64(d + l.argp, 0);
    copystackNew.adjustdefers(w.ctx, g, adj);
    expect(w.space.load64(d + l.argp)).toBe(0);
    expect(args(d)).toEqual([x + delta, x]);
  });
});
