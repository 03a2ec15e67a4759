// The semaphore table of src/sema.ts on a machine's memory: waiters of two addresses that share a root,
// FIFO and LIFO queueing, a release waking only a waiter of its own address, counts kept when nobody waits.

import { Module, Op } from '@gosim/program';
import { GStatus, type G } from '@gosim/stack';
import { loadProgram, Machine, policies } from '../src/index.js';
import { rootFor, semacquire, semrelease, semWaiters, SemTabSize } from '../src/sema.js';

function setup(): { m: Machine; gs: G[]; a: number; b: number } {
  const mod = new Module();
  mod.func('main.main', { locals: [] }).emit(Op.RET).end();
  mod.funcval('main.main');
  const m = new Machine(loadProgram(mod, policies.new.deferpanic));
  const fv = m.funcvalAddr(m.prog.func('main.main')!.id);
  const gs = [0, 1, 2, 3].map(() => m.newproc(fv, 0, 0, null, 0));
  // two semaphore words SemTabSize * 8 bytes apart: the same root
  const block = m.heap.alloc(SemTabSize * 8 + 16, m.typeId('runtime.bytes'));
  const a = block;
  const b = block + SemTabSize * 8;
  return { m, gs, a, b };
}

test('waiters of two addresses on one root: FIFO, LIFO to the front; a release wakes its own address\'s first waiter', () => {
  const { m, gs, a, b } = setup();
  expect(rootFor(m, a)).toBe(rootFor(m, b));
  semacquire(m, gs[0]!, a, false, 'semacquire');
  semacquire(m, gs[1]!, b, false, 'semacquire');
  semacquire(m, gs[2]!, a, false, 'semacquire');
  semacquire(m, gs[3]!, a, true, 'semacquire'); // lifo: ahead of every waiter
  expect(semWaiters(m, a)).toEqual([gs[3]!.goid, gs[0]!.goid, gs[2]!.goid]);
  expect(semWaiters(m, b)).toEqual([gs[1]!.goid]);
  expect(gs.every((g) => g.status === GStatus.Waiting && g.waitreason === 'semacquire')).toBe(true);

  semrelease(m, gs[1]!, b, false);
  expect(gs[1]!.status).toBe(GStatus.Runnable);
  expect(semWaiters(m, a)).toHaveLength(3);
  semrelease(m, gs[1]!, a, false);
  expect(gs[3]!.status).toBe(GStatus.Runnable); // the LIFO waiter
  expect(semWaiters(m, a)).toEqual([gs[0]!.goid, gs[2]!.goid]);
  // the count went to the waiter: the word stays 0
  expect(m.space.load32(a)).toBe(0);
});

test('with nobody waiting a release adds a count, which the next acquire takes without parking', () => {
  const { m, gs, a } = setup();
  semrelease(m, gs[0]!, a, false);
  semrelease(m, gs[0]!, a, false);
  expect(m.space.load32(a)).toBe(2);
  expect(semacquire(m, gs[1]!, a, false, 'semacquire')).toBe(0); // ChanResult.Done
  expect(m.space.load32(a)).toBe(1);
  expect(gs[1]!.status).toBe(GStatus.Runnable);
});
