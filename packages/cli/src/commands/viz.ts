// `gosim viz [flags] FILE.go`: record a run (or two policies side by side) and show it in the step-through page,
// served on 127.0.0.1 until interrupted, or written as a static site with --out.

import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { Module } from '@gosim/program';
import { injectKinds } from '@gosim/explore';
import { codegenOf, policies, policyName, type ForcedEvent, type Policy, type RunOptions } from '@gosim/runtime';
import {
  DefaultWindow, makeRecording, MaxRecordingBytes, RecordError, recordRun, serveRecording, SiteError, writeSite,
  type RecordedRun, type RecordOptions, type StepKind,
} from '@gosim/viz';
import { ExitStatus } from '../exit-status.js';
import { loadGoFile } from '../go-file.js';
import { fail, GosimError, type Io } from '../io.js';
import { bytesText, limitsHelp, parsePolicyArg, pluginOption, runFlagWords, shellWord, toRunOptions, withRunOptions, type RunFlags } from '../options.js';
import { compileGoFile, internalError, programEnv } from './run.js';

/** Where the recording window is centred: a safe point, or the nth event of a kind (nth from 1). */
export type Around = { step: number } | { event: StepKind; nth?: number };

/** One forced event (explore's injection): `kind` at safe point `at`. */
export interface Injection {
  kind: ForcedEvent;
  at: number;
}

export interface VizFlags extends RunFlags {
  compare?: Policy;
  window?: number;
  around?: Around;
  inject?: Injection;
  out?: string;
  port?: number;
}

// every step kind of the recording format, once (the `satisfies` makes the compiler check the list is complete)
const stepKindSet = {
  safepoint: true, 'stack-copied': true, 'pointer-adjusted': true, 'pointer-stale': true, 'defer-linked': true, 'defer-started': true,
  'defer-unlinked': true, 'defer-returned': true, 'deferred-call-args': true, 'open-defer-taken': true, 'panic-pushed': true,
  'panic-aborted': true, 'panic-recovered': true, 'gc-cycle': true, 'goroutine-created': true, 'goroutine-blocked': true,
  'goroutine-exited': true, 'safepoint-forced': true, 'panic-cursor-step': true,
} as const satisfies Record<StepKind, true>;
export const stepKinds = Object.keys(stepKindSet) as StepKind[];

const posInt = (s: string): number | undefined => (/^[0-9]+$/.test(s) && Number.isSafeInteger(Number(s)) && Number(s) >= 1 ? Number(s) : undefined);

/** `--around N` (a safe point, from 1) or `--around KIND[:NTH]` (the NTH event of that kind, default the first). */
export function parseAround(s: string): Around {
  const t = s.trim();
  if (/^[0-9]+$/.test(t)) {
    const step = posInt(t);
    if (step === undefined) throw new InvalidArgumentError('want a safe point >= 1, or an event kind[:nth]');
    return { step };
  }
  const m = /^([a-z-]+)(?::([0-9]+))?$/.exec(t);
  if (!m || !(m[1]! in stepKindSet)) throw new InvalidArgumentError(`want a safe point N or KIND[:NTH] with KIND one of ${stepKinds.join(', ')}`);
  if (m[2] === undefined) return { event: m[1] as StepKind };
  const nth = posInt(m[2]);
  if (nth === undefined) throw new InvalidArgumentError('want KIND:NTH with NTH >= 1');
  return { event: m[1] as StepKind, nth };
}

/** `--around` written back as parsed. */
export function aroundWord(a: Around): string {
  return 'step' in a ? String(a.step) : a.nth === undefined ? a.event : `${a.event}:${a.nth}`;
}

/** `--inject KIND@K`: force KIND (copy, shrink, grow, gc) at safe point K, as explore does. */
export function parseInjection(s: string): Injection {
  const m = /^\s*([a-z]+)@([0-9]+)\s*$/.exec(s);
  const at = m ? posInt(m[2]!) : undefined;
  if (!m || !(injectKinds as readonly string[]).includes(m[1]!) || at === undefined) throw new InvalidArgumentError(`want KIND@K, KIND one of ${injectKinds.join(', ')}, K a safe point >= 1`);
  return { kind: m[1] as ForcedEvent, at };
}

/** `--port N`: 0 (any free port) to 65535. */
export function parsePort(s: string): number {
  const t = s.trim();
  if (!/^[0-9]+$/.test(t) || Number(t) > 65535) throw new InvalidArgumentError('want a port number 0..65535 (0: any free port)');
  return Number(t);
}

/** The flags that shape the recorded run, as words (no --policy: the run names it; no --out/--port: they only say where it goes). */
function recordedFlagWords(f: VizFlags): string[] {
  const w = runFlagWords({ ...f, policy: undefined });
  if (f.inject) w.push('--inject', `${f.inject.kind}@${f.inject.at}`);
  return w;
}

/** The `gosim viz …` command line that records the same thing (the Recording's `command`). */
export function vizCommandLine(file: string, f: VizFlags): string {
  const w = ['gosim', 'viz', file, ...runFlagWords({ ...f, policy: f.policy ?? policies.new })];
  if (f.compare) w.push('--compare', policyName(f.compare));
  if (f.inject) w.push('--inject', `${f.inject.kind}@${f.inject.at}`);
  if (f.window !== undefined) w.push('--window', String(f.window));
  if (f.around) w.push('--around', aroundWord(f.around));
  return w.map(shellWord).join(' ');
}

/** Resolves on the first SIGINT or SIGTERM (the listeners are removed then). */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export function vizCommand(io: Io, done: (status: number) => void) {
  const cmd = new Command('viz')
    .description('record a run and step through it in a web page: stacks as memory, defer and panic chains, stack copies, GCs (served on 127.0.0.1, or --out DIR)')
    .argument('[file]', 'the Go source file (package main)');
  withRunOptions(cmd);
  return cmd
    .addOption(new Option('--finalizers', 'accept runtime.SetFinalizer (as gosim run --finalizers)'))
    .addOption(new Option('--compare <spec>', 'also record this policy on the same program, shown side by side (e.g. --policy old --compare new)').argParser(parsePolicyArg))
    .addOption(new Option('--inject <kind@k>', `force one event at safe point K, as gosim explore does (kinds: ${injectKinds.join(', ')})`).argParser(parseInjection))
    .addOption(new Option('--window <n>', `safe points recorded (default ${DefaultWindow})`).argParser((s) => {
      const n = posInt(s.trim());
      if (n === undefined) throw new InvalidArgumentError('want a positive integer');
      return n;
    }))
    .addOption(new Option('--around <step|kind[:nth]>', 'centre the window on safe point N or on the NTH event of a kind (e.g. stack-copied:2, gc-cycle, 120; default: from the start)').argParser(parseAround))
    .addOption(new Option('--out <dir>', 'write a self-contained static site (index.html, page.js, page.css, recording.js) to DIR instead of serving; prints its index.html'))
    .addOption(new Option('--port <n>', 'serve on this port of 127.0.0.1 (default 0: any free port)').argParser(parsePort))
    .addOption(pluginOption())
    .addHelpText('after', `${limitsHelp()}Recording limits: --window safe points around --around (default ${DefaultWindow}); at most ${bytesText(MaxRecordingBytes)} of
recording JSON per run (past it the recording stops and the page says where). The page is served on 127.0.0.1
only, until SIGINT or SIGTERM; a --out site opens as a file.
`)
    .action(async (file, flags) => {
      done(await vizFile(file, flags as VizFlags, io));
    });
}

/** One run recorded: `policy` on `mod`, with the command line's run flags, injection and window. */
function record(mod: Module, policy: Policy, f: VizFlags, io: Io): RecordedRun {
  const run: RunOptions = { ...toRunOptions({ ...f, policy }), ...programEnv(io, []) };
  const inj = f.inject;
  if (inj) run.safePointHook = (sp) => (sp.index === inj.at ? inj.kind : undefined);
  const opts: RecordOptions = { run, flags: recordedFlagWords(f) };
  if (f.window !== undefined) opts.window = f.window;
  if (f.around) opts.around = f.around;
  return recordRun(mod, opts);
}

/** A line per run on stderr: what was recorded and how the run ended. */
function summary(r: RecordedRun): string {
  const w = r.window;
  const end = r.limit ? `stopped: ${r.limit.replace(/^gosim:\s*/, '')}` : `exit ${r.exitCode}`;
  return `gosim viz: ${r.policy}: ${r.steps.length} steps recorded (safe points ${w.first}-${w.last} of ${w.totalSteps}), ${end}${r.truncated ? `; ${r.truncated}` : ''}\n`;
}

/**
 * Records and shows `file`; resolves with the exit status once the site is written or the server closed (`wait`
 * resolves when it should close: default the first SIGINT/SIGTERM). Usage and load failures are as gosim run's.
 */
export async function vizFile(file: string | undefined, flags: VizFlags, io: Io, wait: () => Promise<void> = untilSignal): Promise<number> {
  try {
    const go = loadGoFile(file, io.cwd);
    const first = flags.policy ?? policies.new;
    const mods = new Map<string, Module>();
    const runs: RecordedRun[] = [];
    for (const p of flags.compare ? [first, flags.compare] : [first]) {
      const codegen = JSON.stringify(codegenOf(p)); // a plain value: same JSON, same compiled code
      let mod = mods.get(codegen);
      if (!mod) {
        const c = compileGoFile(go, io.cwd, p, flags.finalizers, io.moduleCache);
        if (!c.module) {
          io.stderr.write(c.output);
          return ExitStatus.compileError;
        }
        mods.set(codegen, (mod = c.module));
      }
      runs.push(record(mod, p, flags, io));
    }
    const rec = makeRecording(go.path, go.src, vizCommandLine(go.arg, flags), runs);
    for (const r of runs) io.stderr.write(summary(r));
    if (flags.out !== undefined) {
      const files = writeSite(flags.out, rec);
      io.stdout.write(`gosim viz: ${files[0]}\n`);
      return ExitStatus.ok;
    }
    const srv = await serveRecording(rec, flags.port === undefined ? {} : { port: flags.port });
    io.stdout.write(`gosim viz: ${srv.url}\n`);
    try {
      await wait();
    } finally {
      await srv.close();
    }
    return ExitStatus.ok;
  } catch (e) {
    if (e instanceof GosimError) {
      fail(io, e.message, e.bare);
      return e.status;
    }
    if (e instanceof RecordError) {
      // the window cannot be placed (--around names an event the run does not have): the flag is wrong for this program
      fail(io, e.message);
      return ExitStatus.usage;
    }
    if (e instanceof SiteError) {
      fail(io, e.message);
      return e.notBuilt ? ExitStatus.internal : ExitStatus.loadFailed;
    }
    return internalError(io, e);
  }
}
