// Semaphores (Go 1.19's runtime/sema.go): a goroutine that cannot take a count from *addr parks on a sudog in
// the semaphore table, semTabSize roots chosen by the address (addr >> 3) % 251. Each root holds a list of its
// waiters (Go's treap of per-address lists: the order among waiters of one address, FIFO or LIFO, is what is
// observable, and a list in arrival order gives it) and nwait. The table lives in simulated memory outside the
// GC heap (Go's semtable is a global); each waiter's sudog is reachable from g.waiting, so the GC keeps it. A
// semaphore another goroutine releases is shared, so escape analysis has put it in the heap or a global, as in
// Go: it never moves while goroutines wait on it.
//
// A release with waiters hands the count to the first waiter of that address (Go's handoff form; without
// handoff Go's waiter re-checks the count when it runs, which differs only when a third goroutine takes the
// count in between); with handoff the releasing goroutine then yields to it (goyield).

import { GStatus, Sudog, type G } from '@gosim/stack';
import { ChanResult, dequeueSudoG, enqueue } from './chan.js';
import type { Machine } from './machine.js';

export const SemTabSize = 251;
/** semaRoot: lock (unused: one P), head and tail of the waiter list, nwait. */
export const SemaRoot = { lock: 0, head: 8, tail: 16, nwait: 24, size: 32 } as const;

const tables = new WeakMap<Machine, number>();

/** The root for addr (Go's semtable.rootFor), mapping the table on first use. */
export function rootFor(m: Machine, addr: number): number {
  let t = tables.get(m);
  if (t === undefined) {
    t = m.space.mapRegion(SemTabSize * SemaRoot.size);
    m.space.memclr(t, SemTabSize * SemaRoot.size);
    tables.set(m, t);
  }
  return t + (Math.floor(addr / 8) % SemTabSize) * SemaRoot.size;
}

/** Go's cansemacquire: takes one count if there is one. */
function cansemacquire(m: Machine, addr: number): boolean {
  const v = m.space.load32(addr);
  if (v === 0) return false;
  m.space.store32(addr, v - 1);
  return true;
}

/** Go's semacquire1: take a count from *addr or park g (`reason` is its wait reason). lifo: queue first. */
export function semacquire(m: Machine, g: G, addr: number, lifo: boolean, reason: string): number {
  if (cansemacquire(m, addr)) return ChanResult.Done;
  const s = m.space;
  const root = rootFor(m, addr);
  s.store32(root + SemaRoot.nwait, s.load32(root + SemaRoot.nwait) + 1);
  const sg = m.acquireSudog();
  s.store64(sg + Sudog.g, g.goid);
  s.store64(sg + Sudog.elem, addr);
  s.store64(sg + Sudog.c, root);
  const head = s.load64(root + SemaRoot.head);
  if (lifo && head !== 0) {
    s.store64(sg + Sudog.next, head);
    s.store64(head + Sudog.prev, sg);
    s.store64(root + SemaRoot.head, sg);
  } else enqueue(m, root, SemaRoot.head, sg); // a waitq: tail right after head
  g.waiting = sg;
  m.gopark(g, reason);
  return ChanResult.Blocked;
}

/**
 * Go's semrelease1: one count to *addr, or to its first waiter (readied). Returns Blocked when, with handoff, g
 * yielded to the waiter (it is on the run queue's tail).
 */
export function semrelease(m: Machine, g: G, addr: number, handoff: boolean): number {
  const s = m.space;
  const root = rootFor(m, addr);
  let sg = 0;
  if (s.load32(root + SemaRoot.nwait) !== 0) {
    for (let x = s.load64(root + SemaRoot.head); x !== 0; x = s.load64(x + Sudog.next)) {
      if (s.load64(x + Sudog.elem) === addr) {
        sg = x;
        break;
      }
    }
  }
  if (sg === 0) {
    s.store32(addr, (s.load32(addr) + 1) >>> 0);
    return ChanResult.Done;
  }
  dequeueSudoG(m, root, SemaRoot.head, sg);
  s.store32(root + SemaRoot.nwait, s.load32(root + SemaRoot.nwait) - 1);
  s.store8(sg + Sudog.success, 1);
  m.goready(m.gByID(s.load64(sg + Sudog.g)));
  if (!handoff) return ChanResult.Done;
  return goyield(m, g);
}

/** Go's goyield: g goes to the run queue's tail and the scheduler runs the next goroutine. */
export function goyield(m: Machine, g: G): number {
  g.status = GStatus.Runnable;
  m.runq.push(g);
  return ChanResult.Blocked;
}

/** Waiters of addr queued on its root (tests and tools). */
export function semWaiters(m: Machine, addr: number): number[] {
  const s = m.space;
  const out: number[] = [];
  const root = rootFor(m, addr);
  for (let x = s.load64(root + SemaRoot.head); x !== 0; x = s.load64(x + Sudog.next)) if (s.load64(x + Sudog.elem) === addr) out.push(s.load64(x + Sudog.g));
  return out;
}
