// The explorer spread over worker threads: each worker compiles the source itself and explores a slice
// of the safe points. The worker script is the built dist/worker.js next to dist/index.js; when it is not
// there (tests running on src/) or one worker is asked for, the same exploration runs in this thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compile, formatDiagnostic, type CompileModuleResult } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { codegenOf, parsePolicy, policies, policyIsNamed, policyName, type Policy } from '@gosim/runtime';
import { codegenKey } from '@gosim/program';
import {
  ExploreMaxSteps, exploreRange, injectKinds, planExploration,
  type ExploreOptions, type ExploreResult, type Failure, type InjectKind,
} from './explore.js';
import type { Outcome } from './outcome.js';
import { loadPlugins } from './plugin.js';
import type { WorkerJob, WorkerMessage } from './worker.js';

export interface ParallelOptions extends Omit<ExploreOptions, 'policy' | 'onProgress' | 'referenceModule'> {
  /** Policy spec as the CLI takes it: old, new, or piece=NAME,... of registered names (ignored when `policy` is given). */
  policySpec?: string;
  /** The policy itself; with worker threads every piece must be registered under its name (e.g. by a plugin). */
  policy?: Policy;
  /** Plugin modules (files or package names, resolved from process.cwd()) loaded here and in every worker first. */
  plugins?: readonly string[];
  /** Worker threads (default: os.availableParallelism()); 1 explores in this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** URL of the worker script (default: worker.js beside this module). */
  workerUrl?: URL;
}

export class CompileError extends Error {}

/** A policy given in-process has a piece that worker threads cannot rebuild by name. */
export class UnregisteredPieceError extends Error {}

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

/** Compiles src for the codegen policy p's deferpanic piece asks for (each tool compiles a program per policy). */
export function compileFor(src: string | Uint8Array, filename: string, p: Policy): CompileModuleResult {
  return compile(src, filename, { codegen: codegenOf(p) });
}

/** compileFor, or a CompileError with the diagnostics. */
export function compileModuleFor(src: string, filename: string, p: Policy): Module {
  const c = compileFor(src, filename, p);
  if (!c.module) throw new CompileError(c.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return c.module;
}

/** The reference's module: `m` when the two policies ask for the same codegen, else a compile for the reference's. */
export function referenceModuleFor(src: string, filename: string, m: Module, policy: Policy, reference: Policy): Module {
  return codegenKey(codegenOf(policy)) === codegenKey(codegenOf(reference)) ? m : compileModuleFor(src, filename, reference);
}

export async function exploreSource(src: string, filename: string, opts: ParallelOptions = {}): Promise<ParallelResult> {
  const { policySpec = 'new', policy: given, plugins = [], reference: refPolicy, workers, onProgress, workerUrl, kinds = ['copy'], stride = 1, skipIfBaselineDiffers = false, maxSteps = ExploreMaxSteps, ...rest } = opts;
  const run = { ...rest, maxSteps };
  const pluginFiles = loadPlugins(plugins);
  const policy = given ?? parsePolicy(policySpec);
  const module = compileModuleFor(src, filename, policy);
  const refModule = referenceModuleFor(src, filename, module, policy, refPolicy ?? policies.new);
  const { reference, base, ks } = planExploration(module, { ...run, policy }, stride, skipIfBaselineDiffers, refPolicy, refModule);
  const total = ks.length * kinds.length;
  const url = workerUrl ?? defaultWorkerUrl();
  const n = url ? Math.max(1, Math.min(workers ?? availableParallelism(), ks.length)) : 1;
  // a worker rebuilds the policy from its name: only registered pieces survive that, so any other is refused
  if (n > 1 && !policyIsNamed(policy))
    throw new UnregisteredPieceError(`policy ${policyName(policy)} has a piece that is not registered under its name: worker threads rebuild pieces by name, so register it (registerPiece, or load it from a plugin) or explore with workers: 1`);
  const spec = policyName(policy);
  let done = 0;
  let failures: Failure[];
  if (n === 1 || !url) {
    failures = exploreRange(module, { ...run, policy }, reference, ks, kinds, () => onProgress?.(++done, total));
  } else {
    const slices: number[][] = Array.from({ length: n }, () => []);
    ks.forEach((k, i) => slices[i % n]!.push(k));
    const results = await Promise.all(
      slices.map(
        (slice) =>
          new Promise<Failure[]>((resolve, reject) => {
            const job: WorkerJob = { src, filename, plugins: pluginFiles, policySpec: spec, run, reference, ks: slice, kinds: kinds as InjectKind[] };
            const w = new Worker(url, { workerData: job });
            let reported: Failure[] | undefined;
            w.on('message', (msg: WorkerMessage) => {
              if (msg.type === 'progress') onProgress?.((done += msg.runs), total);
              else reported = msg.failures;
            });
            w.on('error', reject);
            // settled once the thread is gone, with its address-space reservations (3 GiB each): a process that
            // forks right after must not still hold them (heuristic overcommit refuses the fork)
            w.on('exit', (code) => {
              if (reported) resolve(reported);
              else reject(new Error(`explore worker exited with ${code} before reporting`));
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
