// The scheduler: runs goroutines deterministically (runnext first, then the queue in order), detects
// deadlock as Go 1.19 reports it, and turns throws, faults and limits into the program's end.

import { isMemoryFault, OutOfMemoryError } from '@gosim/memory';
import { GoThrow, GStatus } from '@gosim/stack';
import { run } from './execute.js';
import { Stop } from './interp.js';
import type { Machine } from './machine.js';
import { LimitExceeded, ProgramExit } from './signals.js';
import { timersIfAny } from './time.js';

/** Runs runtime.main as goroutine 1 until the program ends; returns the exit status. */
export function schedule(m: Machine): { code: number; limit?: LimitExceeded } {
  try {
    const mainFn = m.prog.func('runtime.main')!;
    const g = m.newproc(m.funcvalAddr(mainFn.id), 0, 0, null, 0);
    m.mainG = g;
    m.runnext = g;
    for (;;) {
      const tm = timersIfAny(m);
      tm?.runDue();
      const next = m.findRunnable();
      if (next === null) {
        if (tm?.advance()) continue; // faketime: the clock jumps to the next timer
        throw deadlock(m);
      }
      const why = run(m, next);
      if (why === Stop.Preempted) m.runq.push(next);
    }
  } catch (e) {
    if (e instanceof ProgramExit) return { code: e.code };
    if (e instanceof LimitExceeded) return { code: -1, limit: e };
    if (e instanceof OutOfMemoryError && e.kind === 'heap-limit') return { code: -1, limit: new LimitExceeded('heap', `gosim: heap limit reached (${e.message})`) };
    if (e instanceof OutOfMemoryError) return { code: m.outOfMemory(e).code };
    if (e instanceof GoThrow) return { code: m.fatalThrow(e, m.cur).code };
    if (isMemoryFault(e)) {
      const pc = m.cur?.pc ?? 0;
      return { code: (m.systemstack > 0 ? m.runtimeFault(m.cur, e.addr, pc) : m.faultThrow(m.cur, e.addr, pc)).code };
    }
    throw e;
  }
}

/** Go's checkdead: nothing can run. With no goroutine left at all (main called Goexit), Go says so. */
function deadlock(m: Machine): GoThrow | ProgramExit {
  if (m.allgs.every((g) => m.isSystemGoroutine(g))) return new GoThrow('no goroutines (main called runtime.Goexit) - deadlock!', 'goroutine', 'user');
  for (const g of m.allgs) if (g.status === GStatus.Running) g.status = GStatus.Waiting;
  return new GoThrow('all goroutines are asleep - deadlock!', 'goroutine', 'user');
}

