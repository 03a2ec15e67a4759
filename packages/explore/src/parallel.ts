// The explorer spread over worker threads: each worker compiles the source itself and explores a slice
// of the safe points. The worker script is the built dist/worker.js next to dist/index.js; when it is not
// there (tests running on src/) or one worker is asked for, the same exploration runs in this thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compile, formatDiagnostic } from '@gosim/golang';
import { parsePolicy } from '@gosim/runtime';
import {
  ExploreMaxSteps, exploreRange, injectKinds, planExploration,
  type ExploreOptions, type ExploreResult, type Failure, type InjectKind,
} from './explore.js';
import type { Outcome } from './outcome.js';
import type { WorkerJob, WorkerMessage } from './worker.js';

export interface ParallelOptions extends Omit<ExploreOptions, 'policy' | 'onProgress'> {
  /** Policy spec as the CLI takes it: old, new, or piece=old|new,... */
  policySpec?: string;
  /** Worker threads (default: os.availableParallelism()); 1 explores in this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** URL of the worker script (default: worker.js beside this module). */
  workerUrl?: URL;
}

export class CompileError extends Error {}

/** The built worker script beside this module, or undefined when running from source. */
export function defaultWorkerUrl(): URL | undefined {
  let url: URL;
  try {
    url = new URL('./worker.js', import.meta.url);
  } catch {
    return undefined;
  }
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface ParallelResult extends ExploreResult {
  /** Threads that explored (1: this thread). */
  workers: number;
}

export async function exploreSource(src: string, filename: string, opts: ParallelOptions = {}): Promise<ParallelResult> {
  const { policySpec = 'new', workers, onProgress, workerUrl, kinds = ['copy'], stride = 1, skipIfBaselineDiffers = false, maxSteps = ExploreMaxSteps, ...rest } = opts;
  const run = { ...rest, maxSteps };
  const c = compile(src, filename);
  if (!c.module) throw new CompileError(c.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const policy = parsePolicy(policySpec);
  const { reference, base, ks } = planExploration(c.module, { ...run, policy }, stride, skipIfBaselineDiffers);
  const total = ks.length * kinds.length;
  const url = workerUrl ?? defaultWorkerUrl();
  const n = url ? Math.max(1, Math.min(workers ?? availableParallelism(), ks.length)) : 1;
  let done = 0;
  let failures: Failure[];
  if (n === 1 || !url) {
    failures = exploreRange(c.module, { ...run, policy }, reference, ks, kinds, () => onProgress?.(++done, total));
  } else {
    const slices: number[][] = Array.from({ length: n }, () => []);
    ks.forEach((k, i) => slices[i % n]!.push(k));
    const results = await Promise.all(
      slices.map(
        (slice) =>
          new Promise<Failure[]>((resolve, reject) => {
            const job: WorkerJob = { src, filename, policySpec, run, reference, ks: slice, kinds: kinds as InjectKind[] };
            const w = new Worker(url, { workerData: job });
            let finished = false;
            w.on('message', (msg: WorkerMessage) => {
              if (msg.type === 'progress') onProgress?.((done += msg.runs), total);
              else {
                finished = true;
                resolve(msg.failures);
              }
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (!finished) reject(new Error(`explore worker exited with ${code} before reporting`));
            });
          }),
      ),
    );
    failures = results.flat();
  }
  failures.sort((a, b) => a.k - b.k || injectKinds.indexOf(a.inject) - injectKinds.indexOf(b.inject));
  return { reference, baseline: base.outcome, safePoints: base.safePoints, runs: total + 2, failures, workers: n };
}

export type { Outcome };
