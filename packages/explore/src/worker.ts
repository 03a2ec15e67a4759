// Worker thread body for exploreSource: compile, explore the given safe points, report.

import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '@gosim/golang';
import { codegenOf, parsePolicy } from '@gosim/runtime';
import { loadPluginFile } from './plugin.js';
import { exploreRange, type ExploreRunOptions, type Failure, type InjectKind } from './explore.js';
import type { Outcome } from './outcome.js';

export interface WorkerJob {
  src: string;
  filename: string;
  /** Plugin files, loaded before the policy spec is parsed (their pieces are registered by name). */
  plugins: string[];
  policySpec: string;
  run: Omit<ExploreRunOptions, 'policy'>;
  reference: Outcome;
  ks: number[];
  kinds: InjectKind[];
}

export type WorkerMessage = { type: 'progress'; runs: number } | { type: 'done'; failures: Failure[] };

if (parentPort && workerData) {
  const job = workerData as WorkerJob;
  for (const f of job.plugins) loadPluginFile(f);
  const policy = parsePolicy(job.policySpec);
  const c = compile(job.src, job.filename, { codegen: codegenOf(policy) }); // the policy's codegen, as the parent's
  // progress in batches (at most every 50 ms), so thousands of short runs do not flood the parent
  let pending = 0;
  let last = Date.now();
  const flush = () => {
    if (pending > 0) parentPort!.postMessage({ type: 'progress', runs: pending } satisfies WorkerMessage);
    pending = 0;
    last = Date.now();
  };
  const failures = c.module
    ? exploreRange(c.module, { ...job.run, policy }, job.reference, job.ks, job.kinds, () => {
        pending++;
        if (Date.now() - last >= 50) flush();
      })
    : [];
  flush();
  parentPort.postMessage({ type: 'done', failures } satisfies WorkerMessage);
}
