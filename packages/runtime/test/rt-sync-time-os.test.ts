// The runtime functions of sync, time and os (rt-sync.ts, rt-time.ts, rt-os.ts), called from IR programs
// built by hand: semaphore parking and handoff, the deadlock report of a semaphore wait, the virtual clock
// under Sleep, the atomics, and os's write/exit.

import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../src/index.js';

const word = { size: 8 };
const ptr = { size: 8, ptr: true };

function intType(m: Module): number {
  return m.type({ name: 'int', kind: 'int', size: 8, ptrWords: [], elem: -1 });
}

function println(f: ReturnType<Module['func']>, slot: number): void {
  f.emit(Op.PRINT, PrintKind.Int, slot).emit(Op.PRINT, PrintKind.Newline, 0);
}

/** main: p := new(int); go rel(p); Semacquire(p) (parks: *p is 0); println(1, *p). rel: println(7); Semrelease(p). */
function semaHandoff(): Module {
  const m = new Module();
  const t = intType(m);
  const rel = m.func('main.rel', { args: [{ name: 'p', ...ptr }], locals: [{ name: 'v', ...word }], outgoing: 24 });
  rel.emit(Op.IMM, rel.slot('v'), 7);
  println(rel, rel.slot('v'));
  rel.emit(Op.MOV, rel.out(0), rel.slot('p')).emit(Op.IMM, rel.out(8), 0).emit(Op.IMM, rel.out(16), 0).call('sync.runtime_Semrelease');
  rel.emit(Op.RET).end();
  m.funcval('main.rel');
  const main = m.func('main.main', { locals: [{ name: 'p', ...ptr }, { name: 'fv', ...word }, { name: 'v', ...word }], outgoing: 24 });
  main.emit(Op.NEW, main.slot('p'), t);
  main.emit(Op.FUNCVAL, main.slot('fv'), m.declare('main.rel'));
  main.emit(Op.MOV, main.out(0), main.slot('p')).emit(Op.GO, main.slot('fv'), 8);
  main.emit(Op.MOV, main.out(0), main.slot('p')).call('sync.runtime_Semacquire');
  main.emit(Op.IMM, main.slot('v'), 1);
  println(main, main.slot('v'));
  main.emit(Op.LOAD, main.slot('v'), main.slot('p'), 0);
  println(main, main.slot('v'));
  main.emit(Op.RET).end();
  return m;
}

test('Semacquire parks on the semaphore; Semrelease hands the count to the waiter and readies it', () => {
  const r = runModule(semaHandoff());
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe('7\n1\n0\n');
});

test('a goroutine waiting on a semaphore nobody releases: Go 1.19\'s deadlock report, wait reason semacquire', () => {
  const m = new Module();
  const t = intType(m);
  const main = m.func('main.main', { locals: [{ name: 'p', ...ptr }], outgoing: 24 });
  main.emit(Op.NEW, main.slot('p'), t);
  main.emit(Op.MOV, main.out(0), main.slot('p')).emit(Op.IMM, main.out(8), 0).emit(Op.IMM, main.out(16), 1).call('sync.runtime_SemacquireMutex');
  main.emit(Op.RET).end();
  const r = runModule(m);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[semacquire\]:\nsync\.runtime_SemacquireMutex\(0x[0-9a-f]+, 0x0, 0x1\)\n\t\$GOROOT\/src\/runtime\/sema\.go:77 \+0x[0-9a-f]+\nmain\.main\(\)/);
});

/** main: t0 := runtimeNano(); [go sleeper()]; Sleep(ns); println(runtimeNano() - t0). */
function sleeper(ns: number, other: number): Module {
  const m = new Module();
  const sl = m.func('main.sleeper', { locals: [], outgoing: 8 });
  sl.emit(Op.IMM, sl.out(0), other).call('time.Sleep');
  sl.emit(Op.RET).end();
  m.funcval('main.sleeper');
  const main = m.func('main.main', { locals: [{ name: 't0', ...word }, { name: 'fv', ...word }, { name: 'v', ...word }], outgoing: 8 });
  main.call('time.runtimeNano').emit(Op.MOV, main.slot('t0'), main.out(0));
  if (other > 0) main.emit(Op.FUNCVAL, main.slot('fv'), m.declare('main.sleeper')).emit(Op.GO, main.slot('fv'), 0);
  main.emit(Op.IMM, main.out(0), ns).call('time.Sleep');
  main.call('time.runtimeNano').emit(Op.SUB, main.slot('v'), main.out(0), main.slot('t0'));
  println(main, main.slot('v'));
  main.emit(Op.RET).end();
  return m;
}

test('Sleep: the virtual clock jumps to the sleep\'s end when nothing can run (no deadlock, no real time)', () => {
  const start = Date.now();
  const r = runModule(sleeper(1_800_000_000, 0)); // 30 minutes (an IMM is an int32)
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe('1800000000\n');
  expect(Date.now() - start).toBeLessThan(5000);
});

test('two sleepers: the clock stops at each timer in turn; the earlier one wakes first', () => {
  const exited: number[] = [];
  const r = runModule(sleeper(2_000_000_000, 500_000_000), { onEvent: (e) => void (e.kind === 'goroutine-exited' && exited.push(e.goid)) });
  expect(r.stderr).toBe('2000000000\n');
  expect(exited).toEqual([2]); // the 0.5 s sleeper finished while main slept; main's end ends the run
});

test('Sleep(0) and negative sleeps return at once; the clock does not move', () => {
  const r = runModule(sleeper(-5, 0));
  expect(r.stderr).toBe('0\n');
});

test('atomics: AddInt64, CompareAndSwapInt64 (swapped / not), SwapInt64, LoadInt64 on a heap word', () => {
  const m = new Module();
  const t = intType(m);
  const main = m.func('main.main', { locals: [{ name: 'p', ...ptr }, { name: 'v', ...word }], outgoing: 32 });
  main.emit(Op.NEW, main.slot('p'), t);
  const arg = (fn: string, ...vals: number[]) => {
    main.emit(Op.MOV, main.out(0), main.slot('p'));
    vals.forEach((v, i) => main.emit(Op.IMM, main.out(8 + 8 * i), v));
    main.call(fn);
    main.emit(Op.MOV, main.slot('v'), main.out(8 + 8 * vals.length));
    main.emit(Op.PRINT, PrintKind.Int, main.slot('v')).emit(Op.PRINT, PrintKind.Newline, 0);
  };
  arg('sync/atomic.AddInt64', 5);
  arg('sync/atomic.AddInt64', -7);
  arg('sync/atomic.CompareAndSwapInt64', -2, 10);
  arg('sync/atomic.CompareAndSwapInt64', -2, 11);
  arg('sync/atomic.SwapInt64', 3);
  arg('sync/atomic.LoadInt64');
  main.emit(Op.RET).end();
  const r = runModule(m);
  expect(r.stderr).toBe('5\n-2\n1\n0\n10\n3\n');
});

test('os: write to fd 1 goes to the stdout sink, to fd 0 fails with -EBADF; exit ends the run with code & 0xff', () => {
  const m = new Module();
  const s = m.string('héllo\n');
  const main = m.func('main.main', { locals: [{ name: 'p', ...ptr }, { name: 'v', ...word }], outgoing: 40 });
  main.emit(Op.DATA, main.slot('p'), s);
  for (const fd of [1, 0]) {
    main.emit(Op.IMM, main.out(0), fd).emit(Op.MOV, main.out(8), main.slot('p')).emit(Op.IMM, main.out(16), 7).emit(Op.IMM, main.out(24), 7);
    main.call('os.runtime_write').emit(Op.MOV, main.slot('v'), main.out(32));
    println(main, main.slot('v'));
  }
  main.emit(Op.IMM, main.out(0), 300).call('os.runtime_exit');
  main.emit(Op.IMM, main.slot('v'), 99);
  println(main, main.slot('v'));
  main.emit(Op.RET).end();
  const r = runModule(m);
  expect(r.stdout).toBe('héllo\n');
  expect(r.stderr).toBe('7\n-9\n');
  expect(r.exitCode).toBe(44);
});
