// `gosim run [flags] FILE.go`: compile the file and run it like the built Go binary.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from '@commander-js/extra-typings';
import { compile, formatDiagnostic } from '@gosim/golang';
import { runModule, type RunOptions } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import {
  parseBytes, parsePolicyArg, parsePositive, parseSeed, parseStackMin, toRunOptions, type RunFlags,
} from '../options.js';
import { formatEvent } from '../trace.js';

/** Builds the `run` subcommand; its action stores the exit status through `done`. */
export function runCommand(io: Io, done: (status: number) => void) {
  return new Command('run')
    .description('compile a Go file and run it on the simulated runtime (exit status = the program\'s)')
    .argument('<file>', 'the Go source file (package main)')
    .addOption(new Option('--policy <spec>', 'old | new | piece=old|new,... (pieces: deferpanic, traceback, gc, copystack; unlisted are new)').argParser(parsePolicyArg))
    .option('--stack-poison', 'poison new stacks (0xfd/0xfb) and freed ones (0xfc), like Go\'s stackPoisonCopy')
    .option('--stack-fault-on-free', 'unmap freed stacks so a stale access faults (Go\'s stackFaultOnFree)')
    .option('--clobber-free', 'fill freed heap objects with 0xdeadbeef')
    .addOption(new Option('--copy-stack-every <n>', 'move the stack to a new one every N safe points').argParser(parsePositive))
    .addOption(new Option('--copy-stack-always', 'the same with N = 1').conflicts('copyStackEvery'))
    .addOption(new Option('--gc-every <n>', 'run a full GC every N safe points').argParser(parsePositive))
    .addOption(new Option('--gc-every-safepoint', 'the same with N = 1').conflicts('gcEvery'))
    .addOption(new Option('--seed <n>', 'scheduling seed (varies the preemption quantum)').argParser(parseSeed))
    .addOption(new Option('--stack-min <bytes>', 'initial goroutine stack size, a power of two >= 2048 (default 8192)').argParser(parseStackMin))
    .addOption(new Option('--max-steps <n>', 'stop after N safe points (exit 75)').argParser(parsePositive))
    .addOption(new Option('--max-heap <bytes>', 'stop when the heap exceeds this many bytes (exit 75)').argParser(parseBytes))
    .addOption(new Option('--max-stack <bytes>', 'goroutine stack limit, Go\'s maxstacksize (default 1000000000)').argParser(parseBytes))
    .option('-m', 'print escape analysis decisions to stderr (like go build -gcflags=-m), then run')
    .option('--trace', 'print one line per runtime event (stack copies, GCs, defer/panic steps) to stderr')
    .action((file, flags) => {
      done(runFile(file, flags, io));
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
function readSource(file: string, cwd: string): string {
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
