// The explorer spread over worker threads: each worker compiles the source itself and explores a slice
// of the safe points. Needs the built package (dist/worker.js next to dist/index.js).

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compile } from '@gosim/golang';
import { parsePolicy, policies } from '@gosim/runtime';
import { baselineRun, injectKinds, type ExploreOptions, type ExploreResult, type Failure, type InjectKind } from './explore.js';
import type { Outcome } from './outcome.js';
import type { WorkerJob, WorkerMessage } from './worker.js';

export interface ParallelOptions extends Omit<ExploreOptions, 'policy' | 'onProgress'> {
  /** Policy spec as the CLI takes it: old, new, or piece=old|new,... */
  policySpec?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** URL of the worker script (default: worker.js beside this module). */
  workerUrl?: URL;
}

export class CompileError extends Error {}

export async function exploreSource(src: string, filename: string, opts: ParallelOptions = {}): Promise<ExploreResult> {
  const { policySpec = 'new', workers, onProgress, workerUrl, kinds = ['copy'], stride = 1, ...run } = opts;
  const c = compile(src, filename);
  if (!c.module) throw new CompileError(c.diagnostics.map((d) => String(d)).join('\n'));
  const policy = parsePolicy(policySpec);
  const reference = baselineRun(c.module, { ...run, policy: policies.new }).outcome;
  const base = baselineRun(c.module, { ...run, policy });
  const ks: number[] = [];
  for (let k = 1; k <= base.safePoints; k += stride) ks.push(k);
  const n = Math.max(1, Math.min(workers ?? availableParallelism(), ks.length));
  const total = ks.length * kinds.length;
  let done = 0;
  const url = workerUrl ?? new URL('./worker.js', import.meta.url);
  const slices: number[][] = Array.from({ length: n }, () => []);
  ks.forEach((k, i) => slices[i % n]!.push(k));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<Failure[]>((resolve, reject) => {
          const job: WorkerJob = { src, filename, policySpec, run, reference, ks: slice, kinds: kinds as InjectKind[] };
          const w = new Worker(url, { workerData: job });
          w.on('message', (msg: WorkerMessage) => {
            if (msg.type === 'progress') onProgress?.(done += msg.runs, total);
            else resolve(msg.failures);
          });
          w.on('error', reject);
          w.on('exit', (code) => code !== 0 && reject(new Error(`explore worker exited with ${code}`)));
        }),
    ),
  );
  const failures = results.flat().sort((a, b) => a.k - b.k || injectKinds.indexOf(a.inject) - injectKinds.indexOf(b.inject));
  return { reference, baseline: base.outcome, safePoints: base.safePoints, runs: total + 2, failures };
}

export type { Outcome };
