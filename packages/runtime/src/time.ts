// The virtual clock and the timers (Go 1.19's runtime/time.go, with the playground's faketime of
// runtime/time_fake.go): the clock starts at FakeTimeStart (2009-11-10 23:00:00 UTC, faketime's instant) and
// stands still while any goroutine can run; when none can and a timer is pending, the scheduler moves the clock
// to the earliest timer and runs every timer due (Go's checkdead under faketime), so a program that sleeps runs
// at once and the same way each time, and a program whose goroutines all sleep is not deadlocked.
//
// The heap holds Go's runtime timers (time.runtimeTimer in simulated memory: its `pp` word is nonzero while it
// is in the heap) and the sleeps of goroutines (Go's per-g timer whose f is goroutineReady: here the entry names
// the goroutine). Equal `when`s fire in the order they were added. A fired timer's call f(arg, seq) is queued for
// the timer goroutine (Go <= 1.13's timerproc, here time.timerproc: a system goroutine created parked by the
// first timer, which takes each call with time.timerWait and makes it); a periodic timer is put back at its next
// `when` first. The timers in the heap and the queued calls are GC roots (Go's P holds them).

import { GoThrow, GStatus, type G } from '@gosim/stack';
import { RuntimeTimer } from '@gosim/program';
import type { Machine } from './machine.js';

/** faketime's start: 1257894000000000000 ns since the Unix epoch. */
export const FakeTimeStart = 1257894000000000000n;
/** Go's maxWhen: 1<<63 - 1. */
export const MaxWhen = (1n << 63n) - 1n;

interface Entry {
  when: bigint;
  /** Order of insertion, for equal whens. */
  order: number;
  /** The runtimeTimer's address, or 0 for a sleep. */
  t: number;
  sleeper: G | null;
}

interface Call { f: number; argType: number; argData: number; seq: number }

const before = (a: Entry, b: Entry): boolean => a.when < b.when || (a.when === b.when && a.order < b.order);

export class Timers {
  now = FakeTimeStart;
  private readonly heap: Entry[] = [];
  private order = 0;
  readonly calls: Call[] = [];
  /** The funcval of time.timerproc (time.timerInit gives it) and its goroutine, once created. */
  procFv = 0;
  proc: G | null = null;
  procWaiting = false;

  constructor(private readonly m: Machine) {}

  get pending(): number {
    return this.heap.length;
  }

  isSystem(g: G): boolean {
    return g === this.proc;
  }

  /** GC roots: each timer in the heap and the queued calls' f and arg. */
  roots(): number[] {
    const r: number[] = [];
    for (const e of this.heap) if (e.t !== 0) r.push(e.t);
    for (const c of this.calls) r.push(c.f, c.argData);
    return r;
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private removeAt(i: number): void {
    const h = this.heap;
    const last = h.pop()!;
    if (i === h.length) return;
    h[i] = last;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && before(h[l]!, h[min]!)) min = l;
      if (r < h.length && before(h[r]!, h[min]!)) min = r;
      if (min === i) break;
      [h[i], h[min]] = [h[min]!, h[i]!];
      i = min;
    }
    for (let j = i; j > 0; ) {
      const p = (j - 1) >> 1;
      if (!before(h[j]!, h[p]!)) break;
      [h[j], h[p]] = [h[p]!, h[j]!];
      j = p;
    }
  }

  /** timeSleep: g sleeps until now + ns (the caller parks it). */
  sleep(g: G, ns: bigint): void {
    let when = this.now + ns;
    if (when > MaxWhen) when = MaxWhen;
    this.push({ when, order: this.order++, t: 0, sleeper: g });
  }

  /** addtimer: t goes into the heap at t.when (a negative when is maxWhen, as Go's). */
  add(t: number): void {
    const s = this.m.space;
    if (s.load64(t + RuntimeTimer.pp) !== 0) throw new GoThrow('timer.go: addtimer called with initialized timer');
    let when = s.load64Big(t + RuntimeTimer.when);
    if (when < 0n) when = MaxWhen;
    s.store64(t + RuntimeTimer.pp, 1);
    s.store32(t + RuntimeTimer.status, 1); // timerWaiting
    this.push({ when, order: this.order++, t, sleeper: null });
    if (this.proc === null) this.createProc();
  }

  /** deltimer: takes t out of the heap; whether it was there (it had not fired or was periodic). */
  del(t: number): boolean {
    const s = this.m.space;
    if (s.load64(t + RuntimeTimer.pp) === 0) return false;
    const i = this.heap.findIndex((e) => e.t === t);
    if (i >= 0) this.removeAt(i);
    s.store64(t + RuntimeTimer.pp, 0);
    s.store32(t + RuntimeTimer.status, 0); // timerNoStatus
    return true;
  }

  /** The earliest when, or undefined with the heap empty. */
  next(): bigint | undefined {
    return this.heap[0]?.when;
  }

  /** Runs every timer due at the current time (Go's checkTimers/runtimer). */
  runDue(): void {
    const s = this.m.space;
    for (let e = this.heap[0]; e && e.when <= this.now; e = this.heap[0]) {
      this.removeAt(0);
      if (e.sleeper) {
        this.m.goready(e.sleeper);
        continue;
      }
      const t = e.t;
      const period = s.load64Big(t + RuntimeTimer.period);
      if (period > 0n) {
        let when = e.when + period * (1n + (this.now - e.when) / period);
        if (when > MaxWhen) when = MaxWhen;
        s.store64Big(t + RuntimeTimer.when, when);
        this.push({ when, order: this.order++, t, sleeper: null });
      } else {
        s.store64(t + RuntimeTimer.pp, 0);
        s.store32(t + RuntimeTimer.status, 0);
      }
      this.calls.push({
        f: s.load64(t + RuntimeTimer.f),
        argType: s.load64(t + RuntimeTimer.arg),
        argData: s.load64(t + RuntimeTimer.arg + 8),
        seq: s.load64(t + RuntimeTimer.seq),
      });
      if (this.procWaiting && this.proc) {
        this.procWaiting = false;
        this.m.goready(this.proc);
      }
    }
  }

  /** Nothing can run: move the clock to the earliest timer and run what is due. False: no timer is pending. */
  advance(): boolean {
    const when = this.next();
    if (when === undefined) return false;
    if (when > this.now) this.now = when;
    this.runDue();
    return true;
  }

  /** The timer goroutine, created parked (it runs when a fired timer readies it). */
  private createProc(): void {
    if (this.procFv === 0) throw new GoThrow('timer goroutine: time.timerInit has not run');
    const g = this.m.newproc(this.procFv, 0, 0, null, 0);
    g.status = GStatus.Waiting;
    g.waitreason = 'timer goroutine (idle)';
    this.proc = g;
    this.procWaiting = true;
  }
}

const timers = new WeakMap<Machine, Timers>();

export function timersOf(m: Machine): Timers {
  let t = timers.get(m);
  if (!t) timers.set(m, (t = new Timers(m)));
  return t;
}

export function timersIfAny(m: Machine): Timers | undefined {
  return timers.get(m);
}
