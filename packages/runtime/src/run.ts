// Running a program: load it with the runtime for a policy, schedule it, collect what it printed.

import type { Module } from '@gosim/program';
import { loadProgram } from './load.js';
import { Machine } from './machine.js';
import type { RunOptions, RunResult } from './options.js';
import { policies } from './policy.js';
import { schedule } from './sched.js';

export function runModule(user: Module, opts: RunOptions = {}): RunResult {
  const policy = opts.policy ?? policies.new;
  const prog = loadProgram(user, policy.deferpanic);
  const m = new Machine(prog, { ...opts, policy });
  const r = schedule(m);
  const out = m.output();
  return {
    exitCode: r.code,
    stdout: out.stdout,
    stderr: out.stderr,
    steps: m.steps,
    ...(r.limit ? { limit: { what: r.limit.what, message: r.limit.message } } : {}),
  };
}
