// Running a program: load it with the runtime for a policy, schedule it, collect what it printed.

import type { DeferPanicPolicy } from '@gosim/defer-panic';
import type { Module, Program } from '@gosim/program';
import { loadProgram } from './load.js';
import { Machine } from './machine.js';
import type { RunOptions, RunResult } from './options.js';
import { policies } from './policy.js';
import { schedule } from './sched.js';

/** Linked programs by module and deferpanic piece (the only piece that shapes the code): reruns reuse them. */
const linked = new WeakMap<Module, Map<DeferPanicPolicy, Program>>();

function programFor(user: Module, pol: DeferPanicPolicy): Program {
  let byPolicy = linked.get(user);
  if (!byPolicy) linked.set(user, (byPolicy = new Map()));
  let prog = byPolicy.get(pol);
  if (!prog) byPolicy.set(pol, (prog = loadProgram(user, pol)));
  return prog;
}

export function runModule(user: Module, opts: RunOptions = {}): RunResult {
  const policy = opts.policy ?? policies.new;
  const prog = programFor(user, policy.deferpanic);
  const m = new Machine(prog, { ...opts, policy });
  try {
    opts.attach?.(m);
    const r = schedule(m);
    const out = m.output();
    return {
      exitCode: r.code,
      stdout: out.stdout,
      stderr: out.stderr,
      steps: m.stepsDone(),
      ...(r.limit ? { limit: { what: r.limit.what, message: r.limit.message } } : {}),
    };
  } finally {
    m.space.release(); // the run is over: its memory goes to the next run (memory/src/backing.ts)
  }
}
