// Package sync's runtime functions (program/src/isa/rt-sync.ts): the semaphores of sema.ts with Go 1.19's
// wait reasons (every semaphore wait is `semacquire` in 1.19; 1.20 named the Mutex and RWMutex ones), the
// notify lists under sync.Cond (runtime/sema.go's notifyList: tickets, waiters parked `sync.Cond.Wait`),
// sync.fatal / sync.throw, and sync/atomic. One P runs one goroutine and a runtime function is not preempted,
// so each atomic is a plain read-modify-write of simulated memory; a nil address panics as Go's fault does.

import { GoThrow, Sudog, type G } from '@gosim/stack';
import { NotifyList } from '@gosim/program';
import { ChanResult, dequeueSudoG, enqueue } from './chan.js';
import type { Machine } from './machine.js';
import type { RtArgs, RtImpls } from './rtfuncs.js';
import { semacquire, semrelease } from './sema.js';

const ptr = (m: Machine, a: RtArgs, slot: string): number => m.space.load64(a.at(slot));

/** A nil (or near-nil) address: the nil-pointer panic Go's sigpanic raises for the atomic's fault. */
function checkAddr(m: Machine, g: G, addr: number): number {
  if (addr < 4096) {
    m.setSig(g, addr, g.pc);
    m.runtimeErrorPanic('runtime.Error', 'invalid memory address or nil pointer dereference', 'runtime.sigpanic');
  }
  return addr;
}

// ---- notify lists (sync.Cond) -------------------------------------------------------------------------
// A waiter's sudog: elem = the list, c = its ticket (a scalar; the GC ignores it), linked through next/prev.

const less = (a: number, b: number): boolean => ((a - b) | 0) < 0;

function notifyListWait(m: Machine, g: G, l: number, t: number): number {
  const s = m.space;
  if (less(t, s.load32(l + NotifyList.notify))) return ChanResult.Done;
  const sg = m.acquireSudog();
  s.store64(sg + Sudog.g, g.goid);
  s.store64(sg + Sudog.elem, l);
  s.store64(sg + Sudog.c, t);
  enqueue(m, l, NotifyList.head, sg); // a waitq: tail right after head
  g.waiting = sg;
  m.gopark(g, 'sync.Cond.Wait');
  return ChanResult.Blocked;
}

function unlinkWaiter(m: Machine, l: number, sg: number): void {
  dequeueSudoG(m, l, NotifyList.head, sg);
  m.goready(m.gByID(m.space.load64(sg + Sudog.g)));
}

function notifyOne(m: Machine, l: number): void {
  const s = m.space;
  const t = s.load32(l + NotifyList.notify);
  if (t === s.load32(l + NotifyList.wait)) return;
  s.store32(l + NotifyList.notify, (t + 1) >>> 0);
  for (let sg = s.load64(l + NotifyList.head); sg !== 0; sg = s.load64(sg + Sudog.next)) {
    if (s.load64(sg + Sudog.c) === t) return unlinkWaiter(m, l, sg);
  }
}

function notifyAll(m: Machine, l: number): void {
  const s = m.space;
  s.store32(l + NotifyList.notify, s.load32(l + NotifyList.wait));
  for (let sg = s.load64(l + NotifyList.head); sg !== 0; sg = s.load64(l + NotifyList.head)) unlinkWaiter(m, l, sg);
}

// ---- sync/atomic ---------------------------------------------------------------------------------------

interface Width {
  load(m: Machine, addr: number): bigint;
  store(m: Machine, addr: number, v: bigint): void;
  /** The value as its Go type reads it (a result slot is that many bytes). */
  wrap(v: bigint): bigint;
}

const signed = (bits: number): Width => ({
  load: (m, addr) => (bits === 32 ? BigInt(m.space.load32(addr) | 0) : m.space.load64Big(addr)),
  store: (m, addr, v) => (bits === 32 ? m.space.store32(addr, Number(BigInt.asIntN(32, v))) : m.space.store64Big(addr, BigInt.asIntN(64, v))),
  wrap: (v) => BigInt.asIntN(bits, v),
});

function atomicImpls(): RtImpls {
  const out: Record<string, (m: Machine, g: G, a: RtArgs) => number> = {};
  const kinds: [string, Width, number][] = [['Int32', signed(32), 32], ['Uint32', signed(32), 32], ['Int64', signed(64), 64], ['Uint64', signed(64), 64], ['Uintptr', signed(64), 64]];
  for (const [k, wd, bits] of kinds) {
    const val = (m: Machine, a: RtArgs, slot: string): bigint => (bits === 32 ? BigInt(m.space.load32(a.at(slot)) | 0) : m.space.load64Big(a.at(slot)));
    const put = (m: Machine, a: RtArgs, slot: string, v: bigint): void => wd.store(m, a.at(slot), v);
    out[`sync/atomic.Add${k}`] = (m, g, a) => {
      const p = checkAddr(m, g, ptr(m, a, 'addr'));
      const v = wd.wrap(wd.load(m, p) + val(m, a, 'delta'));
      wd.store(m, p, v);
      put(m, a, 'new', v);
      return ChanResult.Done;
    };
    out[`sync/atomic.Load${k}`] = (m, g, a) => (put(m, a, 'val', wd.load(m, checkAddr(m, g, ptr(m, a, 'addr')))), ChanResult.Done);
    out[`sync/atomic.Store${k}`] = (m, g, a) => (wd.store(m, checkAddr(m, g, ptr(m, a, 'addr')), val(m, a, 'val')), ChanResult.Done);
    out[`sync/atomic.Swap${k}`] = (m, g, a) => {
      const p = checkAddr(m, g, ptr(m, a, 'addr'));
      put(m, a, 'old', wd.load(m, p));
      wd.store(m, p, val(m, a, 'new'));
      return ChanResult.Done;
    };
    out[`sync/atomic.CompareAndSwap${k}`] = (m, g, a) => {
      const p = checkAddr(m, g, ptr(m, a, 'addr'));
      if (wd.load(m, p) !== val(m, a, 'old')) return ChanResult.Done;
      wd.store(m, p, val(m, a, 'new'));
      m.space.store8(a.at('swapped'), 1);
      return ChanResult.Done;
    };
  }
  return out;
}

export const syncImpls: RtImpls = {
  'sync.runtime_Semacquire': (m, g, a) => semacquire(m, g, checkAddr(m, g, ptr(m, a, 's')), false, 'semacquire'),
  'sync.runtime_SemacquireMutex': (m, g, a) => semacquire(m, g, checkAddr(m, g, ptr(m, a, 's')), m.space.load8(a.at('lifo')) !== 0, 'semacquire'),
  'sync.runtime_Semrelease': (m, g, a) => semrelease(m, g, checkAddr(m, g, ptr(m, a, 's')), m.space.load8(a.at('handoff')) !== 0),
  'sync.runtime_notifyListAdd': (m, g, a) => {
    const l = checkAddr(m, g, ptr(m, a, 'l'));
    const t = m.space.load32(l + NotifyList.wait);
    m.space.store32(l + NotifyList.wait, (t + 1) >>> 0);
    m.space.store32(a.at('t'), t);
    return ChanResult.Done;
  },
  'sync.runtime_notifyListWait': (m, g, a) => notifyListWait(m, g, checkAddr(m, g, ptr(m, a, 'l')), m.space.load32(a.at('t'))),
  'sync.runtime_notifyListNotifyAll': (m, g, a) => (notifyAll(m, checkAddr(m, g, ptr(m, a, 'l'))), ChanResult.Done),
  'sync.runtime_notifyListNotifyOne': (m, g, a) => (notifyOne(m, checkAddr(m, g, ptr(m, a, 'l'))), ChanResult.Done),
  // Go's fatal (a user error: the frames a panic shows) and throw (a runtime one: every frame)
  'sync.fatal': (m, _g, a) => {
    throw new GoThrow(m.stringAt(a.at('s')), 'goroutine', 'user');
  },
  'sync.throw': (m, _g, a) => {
    throw new GoThrow(m.stringAt(a.at('s')), 'goroutine', 'runtime');
  },
  ...atomicImpls(),
};
