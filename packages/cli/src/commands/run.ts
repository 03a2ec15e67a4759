// `gosim run [flags] FILE.go`: compile the file and run it like the built Go binary (or report it as JSON).

import { Command, Option } from '@commander-js/extra-typings';
import { compile, formatDiagnostic } from '@gosim/golang';
import { policies, policyName, runModule, type RunOptions, type RunResult } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import { limitsHelp, toRunOptions, withRunOptions, type RunFlags } from '../options.js';
import { readSource } from '../source.js';
import { formatEvent } from '../trace.js';

export interface RunCommandFlags extends RunFlags {
  json?: boolean;
}

/** What `gosim run --json` prints: one object per run. */
export interface RunReport {
  file: string;
  policy: string;
  /** gosim's exit status: the program's own, 2 for compile errors, 75 for a limit. */
  status: number;
  /** False when the file did not compile (stderr holds the diagnostics). */
  compiled: boolean;
  stdout: string;
  stderr: string;
  /** Safe points executed. */
  steps: number;
  /** The gosim limit that ended the run (null: none). */
  limit: { what: string; message: string } | null;
  /** Stack copies (grow, shrink, forced moves) and GC cycles of the run. */
  stackCopies: number;
  gcCycles: number;
}

/** Builds the `run` subcommand; its action stores the exit status through `done`. */
export function runCommand(io: Io, done: (status: number) => void) {
  const cmd = new Command('run')
    .description('compile a Go file and run it on the simulated runtime (exit status = the program\'s)')
    .argument('<file>', 'the Go source file (package main)');
  withRunOptions(cmd, { diagnostics: true });
  return cmd
    .addOption(new Option('--json', 'print one JSON object {file, policy, status, compiled, stdout, stderr, steps, limit, stackCopies, gcCycles} instead of the program\'s output').conflicts('trace'))
    .addHelpText('after', limitsHelp())
    .action((file, flags) => {
      done(runFile(file, flags as RunCommandFlags, io));
    });
}

/** Compiles and runs one file; returns the exit status. Prints gosim's own failures as one line. */
export function runFile(file: string, flags: RunCommandFlags, io: Io): number {
  try {
    const src = readSource(file, io.cwd);
    if (flags.json) {
      const report = runReport(file, src, flags);
      io.stdout.write(`${JSON.stringify(report)}\n`);
      return report.status;
    }
    const compiled = compile(src, file);
    if (compiled.diagnostics.length > 0 || !compiled.module) {
      for (const d of compiled.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
      if (compiled.diagnostics.length === 0) throw new Error(`the compiler returned no module and no diagnostics for ${file}`);
      return ExitStatus.compileError;
    }
    if (flags.m) for (const line of compiled.escapes) io.stderr.write(`${line}\n`);

    const opts: RunOptions = {
      ...toRunOptions(flags),
      stdout: (s) => io.stdout.write(s),
      stderr: (s) => io.stderr.write(s),
    };
    if (flags.trace) opts.onEvent = (e) => io.stderr.write(`${formatEvent(e)}\n`);
    const r = runModule(compiled.module, opts);
    if (r.limit) {
      fail(io, r.limit.message);
      return ExitStatus.limit;
    }
    return r.exitCode;
  } catch (e) {
    if (e instanceof GosimError) {
      fail(io, e.message);
      return e.status;
    }
    return internalError(io, e);
  }
}

/** Compiles and runs `src` with the output collected, counting safe points, and stack copies and GC cycles from the event stream. */
export function runReport(file: string, src: string, flags: RunFlags): RunReport {
  const opts = toRunOptions(flags);
  const base = { file, policy: policyName(opts.policy ?? policies.new) };
  const compiled = compile(src, file);
  if (compiled.diagnostics.length > 0 || !compiled.module) {
    if (compiled.diagnostics.length === 0) throw new Error(`the compiler returned no module and no diagnostics for ${file}`);
    const stderr = compiled.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
    return { ...base, status: ExitStatus.compileError, compiled: false, stdout: '', stderr, steps: 0, limit: null, stackCopies: 0, gcCycles: 0 };
  }
  let stackCopies = 0;
  let gcCycles = 0;
  let steps = 0;
  const r: RunResult = runModule(compiled.module, {
    ...opts,
    // the hook sees every safe point (RunResult.steps is counted in batches); it forces nothing
    safePointHook: (sp) => ((steps = sp.index), undefined),
    onEvent: (e) => {
      if (e.kind === 'stack-copied') stackCopies++;
      else if (e.kind === 'gc-cycle') gcCycles++;
    },
  });
  const escapes = flags.m ? compiled.escapes.map((l) => `${l}\n`).join('') : '';
  return {
    ...base,
    status: r.limit ? ExitStatus.limit : r.exitCode,
    compiled: true,
    stdout: r.stdout,
    stderr: escapes + r.stderr,
    steps,
    limit: r.limit ? { what: r.limit.what, message: r.limit.message } : null,
    stackCopies,
    gcCycles,
  };
}

/** A JavaScript exception: one line, the stack only with GOSIM_DEBUG=1. */
export function internalError(io: Io, e: unknown): number {
  const msg = e instanceof Error ? e.message : String(e);
  fail(io, `internal error: ${msg}`);
  if (io.env.GOSIM_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return ExitStatus.internal;
}
