// A run counts its safe points in batches unless a hook needs each one; the batches must not change the run.
// Checked on the CL's scenarios (several goroutines, stack copies, GCs) under old and new: a run with no hook, one
// whose hook sees every safe point, and the explorer's injection (batched around its index) against the same
// injection seen at every safe point.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { policies, runModule, type Policy, type RunOptions } from '@gosim/runtime';
import { baselineRun } from '../src/explore.js';

const examples = join(__dirname, '../../../examples');
const load = (f: string): Module => {
  const c = compile(readFileSync(join(examples, f), 'utf8'), f);
  if (!c.module) throw new Error(`${f} does not compile`);
  return c.module;
};

/** Exit, steps, both streams and a hash of every event, and (with a hook) the last index the hook saw. */
function trace(m: Module, policy: Policy, opts: RunOptions = {}): string {
  const h = createHash('sha1');
  const r = runModule(m, { policy, onEvent: (e) => h.update(JSON.stringify(e)), ...opts });
  return `${r.exitCode} ${r.steps} ${JSON.stringify(r.stdout + r.stderr)} ${h.digest('hex')}`;
}

const files = ['defer_ptrs_goexit.go', 'defer_ptrs_panic.go', 'gc_defer_args.go'];
for (const policy of [policies.new, policies.old]) {
  describe(`policy ${policy.deferpanic.name}`, () => {
    test.each(files)('%s: batched, hooked at every safe point, and hooked through safePointHookNext agree', (f) => {
      const m = load(f);
      let seen = 0;
      const batched = trace(m, policy);
      const every = trace(m, policy, { safePointHook: (sp) => ((seen = sp.index), undefined) });
      expect(every).toBe(batched);
      expect(baselineRun(m, { policy }).safePoints).toBe(seen); // RunResult.steps is exact in batches
      // a forced copy at one index, reached in batches or one safe point at a time
      const k = Math.floor(seen / 3);
      const hooked: number[] = [];
      const wanted = trace(m, policy, {
        safePointHook: (sp) => (hooked.push(sp.index), sp.index === k ? 'copy' : undefined),
        safePointHookNext: (after) => (after < k ? k : Infinity),
      });
      expect(hooked).toEqual([k]);
      expect(wanted).toBe(trace(m, policy, { safePointHook: (sp) => (sp.index === k ? 'copy' : undefined) }));
      expect(wanted).not.toBe(batched); // the forced copy happened: a stack-copied event more
    });
  });
}
