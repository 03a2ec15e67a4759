// `gosim run [flags] FILE.go`: compile the file and run it like the built Go binary.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from '@commander-js/extra-typings';
import { compile, formatDiagnostic } from '@gosim/golang';
import { runModule, type RunOptions } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import { toRunOptions, withRunOptions, type RunFlags } from '../options.js';
import { formatEvent } from '../trace.js';

/** Builds the `run` subcommand; its action stores the exit status through `done`. */
export function runCommand(io: Io, done: (status: number) => void) {
  const cmd = new Command('run')
    .description('compile a Go file and run it on the simulated runtime (exit status = the program\'s)')
    .argument('<file>', 'the Go source file (package main)');
  return withRunOptions(cmd, { diagnostics: true }).action((file, flags) => {
    done(runFile(file, flags as RunFlags, io));
  });
}

/** Compiles and runs one file; returns the exit status. Prints gosim's own failures as one line. */
export function runFile(file: string, flags: RunFlags, io: Io): number {
  try {
    const src = readSource(file, io.cwd);
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

/** Reads the source file, turning the usual failures into one-line `gosim:` errors (status 66). */
export function readSource(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file or directory'
      : code === 'EISDIR' ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOTDIR' ? 'not a directory'
      : e instanceof Error ? e.message : String(e);
    throw new GosimError(`open ${file}: ${why}`, ExitStatus.noInput);
  }
}

/** A JavaScript exception: one line, the stack only with GOSIM_DEBUG=1. */
export function internalError(io: Io, e: unknown): number {
  const msg = e instanceof Error ? e.message : String(e);
  fail(io, `internal error: ${msg}`);
  if (io.env.GOSIM_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return ExitStatus.internal;
}
