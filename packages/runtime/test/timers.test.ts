// The timer heap and virtual clock of src/time.ts on a machine's memory: fire order (when, then insertion),
// stop and reset, a periodic timer's re-arming past missed periods, sleeps, and the roots the GC gets.

import { Module, Op, RuntimeTimer } from '@gosim/program';
import { GStatus } from '@gosim/stack';
import { loadProgram, Machine, policies } from '../src/index.js';
import { FakeTimeStart, timersOf } from '../src/time.js';

function machine(): Machine {
  const mod = new Module();
  mod.func('main.main', { locals: [] }).emit(Op.RET).end();
  mod.funcval('main.main');
  const m = new Machine(loadProgram(mod, policies.new.deferpanic));
  timersOf(m).procFv = m.funcvalAddr(m.prog.func('main.main')!.id); // stands in for time.timerproc
  return m;
}

/** A runtimeTimer in the heap whose seq names it. */
function timer(m: Machine, when: bigint, seq: number, period = 0n): number {
  const t = m.heap.alloc(RuntimeTimer.size, m.typeId('runtime.bytes'));
  m.space.store64Big(t + RuntimeTimer.when, when);
  m.space.store64Big(t + RuntimeTimer.period, period);
  m.space.store64(t + RuntimeTimer.seq, seq);
  return t;
}

test('timers fire by when, equal whens in the order they were added; advance moves the clock to each in turn', () => {
  const m = machine();
  const tm = timersOf(m);
  const T = FakeTimeStart;
  for (const [dt, seq] of [[30n, 1], [10n, 2], [30n, 3], [20n, 4], [10n, 5]] as const) tm.add(timer(m, T + dt, seq));
  expect(tm.proc?.status).toBe(GStatus.Waiting); // the timer goroutine, made parked by the first timer
  expect(m.isSystemGoroutine(tm.proc!)).toBe(true);
  const fired: number[][] = [];
  while (tm.advance()) fired.push(tm.calls.splice(0).map((c) => c.seq));
  expect(fired).toEqual([[2, 5], [4], [1, 3]]);
  expect(tm.now).toBe(T + 30n);
});

test('stop takes a pending timer out (true), a fired or stopped one gives false; the heap\'s timers are GC roots', () => {
  const m = machine();
  const tm = timersOf(m);
  const a = timer(m, FakeTimeStart + 5n, 1);
  const b = timer(m, FakeTimeStart + 7n, 2);
  tm.add(a);
  tm.add(b);
  expect(tm.roots()).toEqual([a, b]);
  expect(tm.del(a)).toBe(true);
  expect(tm.del(a)).toBe(false);
  expect(tm.roots()).toEqual([b]);
  tm.advance();
  expect(tm.calls.map((c) => c.seq)).toEqual([2]);
  expect(tm.del(b)).toBe(false); // already fired
  expect(m.space.load64(b + RuntimeTimer.pp)).toBe(0);
});

test('a periodic timer stays in the heap at its next period past now; sleeps ready their goroutine', () => {
  const m = machine();
  const tm = timersOf(m);
  const t = timer(m, FakeTimeStart + 10n, 1, 10n);
  tm.add(t);
  const g = tm.proc!;
  tm.sleep(g, 35n); // the goroutine itself stands in for a sleeper
  g.status = GStatus.Waiting;
  tm.advance(); // t at 10
  tm.advance(); // t at 20
  tm.advance(); // t at 30
  tm.advance(); // the sleep at 35
  expect(tm.now).toBe(FakeTimeStart + 35n);
  expect(g.status).toBe(GStatus.Runnable);
  expect(m.space.load64Big(t + RuntimeTimer.when)).toBe(FakeTimeStart + 40n);
  expect(tm.calls).toHaveLength(3);
  tm.now += 95n; // a clock that jumped: the missed periods are skipped, one call
  tm.runDue();
  expect(tm.calls).toHaveLength(4);
  expect(m.space.load64Big(t + RuntimeTimer.when)).toBe(FakeTimeStart + 140n);
  expect(tm.pending).toBe(1);
});
