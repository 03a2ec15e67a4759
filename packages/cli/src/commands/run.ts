// `gosim run [flags] FILE.go`: compile the file and run it like the built Go binary (or report it as JSON).

import { Command, Option } from '@commander-js/extra-typings';
import { compile } from '@gosim/golang';
import { ModelNumCPU, type Module } from '@gosim/program';
import { codegenOf, GoVersion, policies, policyName, runModule, type Policy, type RunOptions, type RunResult } from '@gosim/runtime';
import { compilerErrors } from '../compiler-errors.js';
import { ExitStatus } from '../exit-status.js';
import { loadGoFile, showOutput, type GoFile } from '../go-file.js';
import { loadCompiled, optionsKey, storeCompiled, type ModuleCache } from '../module-cache.js';
import { fail, GosimError, sinkOf, type Io } from '../io.js';
import { limitsHelp, pluginOption, toRunOptions, withRunOptions, type RunFlags } from '../options.js';
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
    .argument('[file]', 'the Go source file (package main)')
    .argument('[args...]', 'the program\'s arguments (os.Args[1:]; os.Args[0] is /tmp/gosim-exe)');
  withRunOptions(cmd, { diagnostics: true });
  return cmd
    .addOption(pluginOption())
    .addOption(new Option('--json', 'print one JSON object {file, policy, status, compiled, stdout, stderr, steps, limit, stackCopies, gcCycles} instead of the program\'s output').conflicts('trace'))
    .addHelpText('after', `${limitsHelp()}The machine is linux/amd64 with ${ModelNumCPU} CPUs (runtime.NumCPU; GOMAXPROCS starts there and reports what it is set to)
and one P: goroutines run one at a time. runtime.Version() is ${GoVersion}.\n`)
    .action((file, args, flags) => {
      // go run would compile further .go files into the package: gosim runs one file
      const more = args.find((x) => x.endsWith('.go'));
      if (more !== undefined) cmd.error(`gosim runs one Go file: ${more} is not a program argument`, { exitCode: 64 });
      done(runFile(file, flags as RunCommandFlags, io, args));
    });
}

/**
 * Compiles and runs one file; returns the exit status. What `go run` itself prints (a file it cannot load, the
 * compiler's errors and -m lines) is printed as go prints it; gosim's own failures as one `gosim:` line.
 */
export function runFile(file: string | undefined, flags: RunCommandFlags, io: Io, args: readonly string[] = []): number {
  try {
    const go = loadGoFile(file, io.cwd);
    if (flags.json) {
      const report = runReport(go, flags, io.cwd, io.moduleCache);
      io.stdout.write(`${JSON.stringify(report)}\n`);
      return report.status;
    }
    const runOpts = toRunOptions(flags);
    const compiled = compileGoFile(go, io.cwd, runOpts.policy ?? policies.new, flags.finalizers, io.moduleCache);
    if (!compiled.module) {
      io.stderr.write(compiled.output);
      return ExitStatus.compileError;
    }
    if (flags.m) io.stderr.write(compiled.escapes);

    const opts: RunOptions = {
      ...runOpts,
      ...programEnv(io, args),
      stdout: sinkOf(io.stdout),
      stderr: sinkOf(io.stderr),
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
      fail(io, e.message, e.bare);
      return e.status;
    }
    return internalError(io, e);
  }
}

/** os.Args and the environment of a run: the fixed program name, the given arguments, gosim's own environment. */
export function programEnv(io: Io, args: readonly string[]): Pick<RunOptions, 'args' | 'env'> {
  const env = Object.entries(io.env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
  return { args: ['/tmp/gosim-exe', ...args], env };
}

/** A compiled file: the module, or (no module) the compiler's error output as go run shows it. */
export interface Compiled {
  module?: Module;
  output: string;
  /** The -m lines as `go build -gcflags=-m` shows them (empty when there are none). */
  escapes: string;
}

/**
 * Compiles `go` under its absolute path (the name a Go binary's tracebacks show) for the codegen the policy asks,
 * and words the output as go run. With a cache, an unchanged file's module comes from it (module-cache.ts).
 */
export function compileGoFile(go: GoFile, cwd: string, policy: Policy, finalizers = false, cache?: ModuleCache): Compiled {
  const codegen = codegenOf(policy);
  const shown = (lines: readonly string[]) => (lines.length > 0 ? showOutput(lines.map((l) => `${l}\n`).join(''), go.path, cwd) : '');
  const options = optionsKey(codegen, finalizers);
  const hit = cache && loadCompiled(cache, go.path, options, go.bytes);
  if (hit) return { module: hit.module, output: '', escapes: shown(hit.escapes) };
  const c = compile(go.bytes, go.path, { codegen, finalizers });
  if (c.diagnostics.length > 0 || !c.module) {
    if (c.diagnostics.length === 0) throw new Error(`the compiler returned no module and no diagnostics for ${go.path}`);
    return { output: shown(compilerErrors(c.diagnostics)), escapes: '' };
  }
  if (cache) storeCompiled(cache, go.path, options, go.bytes, { module: c.module, escapes: c.escapes });
  return { module: c.module, output: '', escapes: shown(c.escapes) };
}

/** Compiles and runs `go` with the output collected, counting safe points, and stack copies and GC cycles from the event stream. */
export function runReport(go: GoFile, flags: RunFlags, cwd: string, cache?: ModuleCache): RunReport {
  const opts = toRunOptions(flags);
  const base = { file: go.arg, policy: policyName(opts.policy ?? policies.new) };
  const compiled = compileGoFile(go, cwd, opts.policy ?? policies.new, flags.finalizers, cache);
  if (!compiled.module)
    return { ...base, status: ExitStatus.compileError, compiled: false, stdout: '', stderr: compiled.output, steps: 0, limit: null, stackCopies: 0, gcCycles: 0 };
  let stackCopies = 0;
  let gcCycles = 0;
  const r: RunResult = runModule(compiled.module, {
    ...opts,
    onEvent: (e) => {
      if (e.kind === 'stack-copied') stackCopies++;
      else if (e.kind === 'gc-cycle') gcCycles++;
    },
  });
  return {
    ...base,
    status: r.limit ? ExitStatus.limit : r.exitCode,
    compiled: true,
    stdout: r.stdout,
    stderr: (flags.m ? compiled.escapes : '') + r.stderr,
    steps: r.steps,
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
