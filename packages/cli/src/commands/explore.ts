// `gosim explore [flags] FILE.go`: run the program once, then once more per safe point k with one forced event
// at k (a stack move, shrink, grow or a GC), and report every run whose outcome differs from the new policy's.

import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import {
  CompileError, describeOutcome, loadPlugins, PluginError, explainFailure, ExploreMaxSteps, exploreSource, injectKinds, ReferenceLimit, sameOutcome,
  type ExploreRunOptions, type Failure, type InjectKind, type Outcome, type ParallelResult,
} from '@gosim/explore';
import { compile, formatDiagnostic } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { codegenOf, policies, policyName, runModule, type Policy, type RuntimeEvent } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import { limitsHelp, parsePositive, pluginOption, pluginStatus, referenceOption, runFlagWords, toRunOptions, withoutStress, withRunOptions, type RunFlags } from '../options.js';
import { progressBar } from '../progress.js';
import { loadScenario } from '../scenarios.js';
import { internalError } from './run.js';
import { mechanismMoment, policyWord, vizLine, type Moment } from '../viz-hint.js';

export interface ExploreFlags extends RunFlags {
  inject?: InjectKind[];
  workers?: number;
  stride?: number;
  json?: boolean;
  fileFlags?: boolean;
  reference?: Policy;
}

/** `--inject copy|shrink|grow|gc|all` (or a comma list). */
export function parseInject(s: string): InjectKind[] {
  const out: InjectKind[] = [];
  for (const w of s.split(',').map((x) => x.trim())) {
    if (w === 'all') out.push(...injectKinds);
    else if ((injectKinds as readonly string[]).includes(w)) out.push(w as InjectKind);
    else throw new InvalidArgumentError(`want ${injectKinds.join('|')}|all (or a comma list)`);
  }
  return [...new Set(out)];
}

export function exploreCommand(io: Io, done: (status: number) => void) {
  const cmd = new Command('explore')
    .description('force a stack move (or shrink, grow, GC) at every safe point in turn and report the runs whose outcome differs from the new policy\'s (exit 1 if any)')
    .argument('<file>', 'the Go source file (package main)');
  withRunOptions(cmd, { stress: false, maxSteps: ExploreMaxSteps });
  return cmd
    .addOption(new Option('--inject <kind>', 'what to force at each safe point: copy (move to a same-size stack), shrink, grow, gc, all, or a comma list (default: copy; gc or copy when the file\'s gosim-flags line has that stress mode)').argParser(parseInject))
    .addOption(new Option('--workers <n>', 'worker threads (1: explore in this thread)').default(availableParallelism(), 'os.availableParallelism()').argParser(parsePositive))
    .addOption(new Option('--stride <n>', 'explore only every N-th safe point (1, 1+N, 1+2N, …)').default(1).argParser(parsePositive))
    .option('--json', 'print one JSON object instead of text')
    .option('--no-file-flags', 'ignore the file\'s `// gosim-flags:` line')
    .addOption(referenceOption())
    .addOption(pluginOption())
    .addHelpText('after', `${limitsHelp(ExploreMaxSteps)}explore runs the program once under new (the reference) before anything else and stops (exit 75)
if that run hits a limit; then once per safe point explored, so its cost is about the safe points squared.
`)
    .action(async (file, flags) => {
      done(await exploreFile(file, flags as ExploreFlags, io));
    });
}

interface Group {
  symptom: string;
  failures: Failure[];
  /** The group's outcome is also the chosen policy's own outcome with nothing injected. */
  withoutInjection: boolean;
  mechanism: string[];
  /** The `gosim viz …` command that records the group's smallest failing run around its injected safe point. */
  viz: string;
}

/** How many failure groups get a mechanism trace (each is one more run with events). */
const explainedGroups = 8;
const mechanismLines = 4;

export async function exploreFile(file: string, flags: ExploreFlags, io: Io): Promise<number> {
  try {
    const sc = loadScenario(file, io.cwd);
    // the file's flags under the command line's; its stress modes become the default injection
    const fileFlags = flags.fileFlags === false ? {} : sc.flags;
    const stressKinds: InjectKind[] = [];
    if (fileFlags.copyStackEvery || fileFlags.copyStackAlways) stressKinds.push('copy');
    if (fileFlags.gcEvery || fileFlags.gcEverySafepoint) stressKinds.push('gc');
    const kinds: InjectKind[] = flags.inject ?? (stressKinds.length ? stressKinds : ['copy']);
    const merged: RunFlags = { ...withoutStress(fileFlags), ...definedOnly(withoutStress(flags)) };
    const { policy = policies.new, ...run } = toRunOptions(merged);
    const opts: ExploreRunOptions = run;
    // compiled for the policy's codegen (exploreSource compiles the reference's too when it differs)
    const c = compile(sc.src, file, { codegen: codegenOf(policy) });
    if (c.diagnostics.length > 0 || !c.module) {
      for (const d of c.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
      return ExitStatus.compileError;
    }
    const policySpec = policyName(policy);
    const reference = flags.reference ?? policies.new;
    const plugins = loadPlugins(flags.plugin ?? [], io.cwd);
    const workers = flags.workers ?? availableParallelism();
    const stride = flags.stride ?? 1;

    const bar = progressBar(io, 'explore');
    const t0 = Date.now();
    let r: ParallelResult;
    try {
      r = await exploreSource(sc.src, file, { ...opts, policy, reference, plugins, kinds, stride, workers, onProgress: (d, t) => bar.update(d, t) });
    } catch (e) {
      if (e instanceof ReferenceLimit) throw referenceLimitError(e);
      throw e;
    } finally {
      bar.stop();
    }
    const ms = Date.now() - t0;

    const groups = groupFailures(c.module, { ...opts, policy }, r);
    // the run flags explore used, as gosim viz takes them (the file's gosim-flags line is not read by viz)
    const vizWords = ['--policy', policyWord(policy), ...runFlagWords({ ...merged, policy: undefined })];
    // a failure that happens with nothing injected opens at its mechanism in the plain run (one more run, with events)
    const plain = groups.some((g) => g.withoutInjection) ? plainMoment(c.module, { ...opts, policy }) : undefined;
    for (const g of groups) {
      const f = g.failures[0]!;
      g.viz = g.withoutInjection ? vizLine(file, vizWords, plain) : vizLine(file, [...vizWords, '--inject', `${f.inject}@${f.k}`], f.k);
    }
    const failed = r.failures.length;
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({
          file, policy: policySpec, referencePolicy: policyName(reference), inject: kinds, stride, workers: r.workers, fileFlags: flags.fileFlags === false ? [] : sc.flagWords,
          safePoints: r.safePoints, runs: r.runs, failed, ms,
          reference: r.reference, baseline: r.baseline, baselineDiffers: !sameOutcome(r.baseline, r.reference),
          groups: groups.map((g) => ({
            symptom: g.symptom, count: g.failures.length, k: g.failures[0]!.k, inject: g.failures[0]!.inject,
            kMax: g.failures[g.failures.length - 1]!.k, withoutInjection: g.withoutInjection, mechanism: g.mechanism, viz: g.viz,
          })),
          failures: r.failures.map((f) => ({ k: f.k, inject: f.inject, symptom: f.symptom })),
        })}\n`,
      );
    } else {
      printText(io, { file, policySpec, referenceSpec: policyName(reference), kinds, stride, r, groups, ms, fileWords: flags.fileFlags === false ? [] : sc.flagWords });
    }
    // a baseline that did not finish is a failure even though nothing was injected
    return failed === 0 && r.baseline.limit === undefined ? ExitStatus.ok : 1;
  } catch (e) {
    if (e instanceof GosimError) {
      fail(io, e.message);
      return e.status;
    }
    if (e instanceof PluginError) {
      fail(io, e.message);
      return pluginStatus(e);
    }
    if (e instanceof CompileError) {
      io.stderr.write(`${e.message}\n`);
      return ExitStatus.compileError;
    }
    return internalError(io, e);
  }
}

/** The reference run did not finish: explore stops before any injected run (exit 75), saying how to go on. */
export function referenceLimitError(e: ReferenceLimit): GosimError {
  return new GosimError(`${e.message}; explore needs a program that ends (it reruns it once per safe point): raise --max-steps (default ${ExploreMaxSteps}) for a longer one`, ExitStatus.limit);
}

/** Where the plain run (nothing injected) shows its mechanism, as gosim viz --around names it. */
function plainMoment(m: Module, opts: ExploreRunOptions): Moment | undefined {
  const events: RuntimeEvent[] = [];
  runModule(m, { maxSteps: ExploreMaxSteps, ...opts, onEvent: (e) => events.push(e) });
  return mechanismMoment(events);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Failures grouped by symptom, groups ordered by their smallest k; the first few explained from the event stream. */
function groupFailures(m: Module, opts: ExploreRunOptions, r: ParallelResult): Group[] {
  const bySymptom = new Map<string, Failure[]>();
  for (const f of r.failures) {
    const l = bySymptom.get(f.symptom);
    if (l) l.push(f);
    else bySymptom.set(f.symptom, [f]);
  }
  const groups = [...bySymptom].map(([symptom, failures]) => ({
    symptom,
    failures,
    withoutInjection: sameOutcome(failures[0]!.outcome, r.baseline),
    mechanism: [] as string[],
    viz: '',
  }));
  groups.sort((a, b) => a.failures[0]!.k - b.failures[0]!.k);
  for (const g of groups.slice(0, explainedGroups)) g.mechanism = explainFailure(m, opts, g.failures[0]!);
  return groups;
}

/** 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const t = n % 100;
  const suffix = t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function kRange(fs: readonly Failure[]): string {
  const lo = fs[0]!.k;
  const hi = fs[fs.length - 1]!.k;
  return lo === hi ? `k = ${lo}` : `k = ${lo}..${hi}`;
}

function printText(
  io: Io,
  a: { file: string; policySpec: string; referenceSpec: string; kinds: readonly InjectKind[]; stride: number; r: ParallelResult; groups: Group[]; ms: number; fileWords: string[] },
): void {
  const { r } = a;
  const w = (s: string) => io.stdout.write(`${s}\n`);
  const explored = Math.max(0, r.runs - 2);
  w(`explore ${a.file}: policy ${a.policySpec}, inject ${a.kinds.join('+')} at ${a.stride === 1 ? 'each' : `every ${ordinal(a.stride)}`} of ${r.safePoints} safe points, ${r.workers} ${r.workers === 1 ? 'thread' : 'workers'}`);
  if (a.fileWords.length) w(`flags from the file: ${a.fileWords.join(' ')}`);
  w(`reference (${a.referenceSpec}, nothing injected): ${describeOutcome(r.reference)}`);
  const differs = !sameOutcome(r.baseline, r.reference);
  w(`baseline  (${a.policySpec}, nothing injected): ${describeOutcome(r.baseline)}${differs ? '   <- differs from the reference already' : ''}`);
  if (r.baseline.limit !== undefined) {
    w('nothing injected: the baseline did not finish, which already differs from the reference');
  } else if (a.groups.length === 0) {
    w(`no failures: every injected run reproduced the reference`);
  } else {
    w(`failures by symptom (${a.groups.length}):`);
    a.groups.forEach((g, i) => {
      const kinds = [...new Set(g.failures.map((f) => f.inject))].join('+');
      const first = g.failures[0]!;
      w(`  ${g.symptom}`);
      w(`    ${g.failures.length} run${g.failures.length === 1 ? '' : 's'} (${kinds}, ${kRange(g.failures)}); smallest: k = ${first.k}, ${first.inject}${g.withoutInjection ? '; the same outcome as with nothing injected' : ''}`);
      if (i < explainedGroups) {
        const mech = g.mechanism;
        if (mech.length === 0) w('    (no mechanism event recognized; rerun with `gosim run --trace`)');
        for (const l of mech.slice(0, mechanismLines)) w(`    | ${l}`);
        if (mech.length > mechanismLines) w(`    | … ${mech.length - mechanismLines} more`);
      }
      w(`    see: ${g.viz}`);
    });
    if (a.groups.length > explainedGroups) w(`  (mechanisms shown for the first ${explainedGroups} symptoms)`);
  }
  w(`time: ${(a.ms / 1000).toFixed(1)} s, ${a.ms > 0 ? Math.round((explored / a.ms) * 1000) : explored} explored runs/s`);
  w(`explore: ${r.runs} runs, ${r.failures.length} failed`);
}

export type { Outcome };
