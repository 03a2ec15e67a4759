// Where main() writes. The defaults are the process streams; tests pass collectors.

import type { Sink } from '@gosim/runtime';
import type { ModuleCache } from './module-cache.js';

/**
 * Anything with a `write(string)` (process.stdout, a collector, a stream). A negative number returned is the
 * failed write's negated errno (bin/fd-output.cjs), for the program's os.File.Write; anything else is success.
 */
export interface Writer {
  write(s: string): unknown;
}

/** The run's sink for a writer (runtime's Sink): its negated errno, if any. */
export const sinkOf =
  (w: Writer): Sink =>
  (s) => {
    const r = w.write(s);
    return typeof r === 'number' && r < 0 ? r : undefined;
  };

export interface Io {
  stdout: Writer;
  stderr: Writer;
  /** Environment (GOSIM_DEBUG=1 prints JavaScript stacks for internal errors). */
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory the FILE argument is resolved against. */
  cwd: string;
  /** Where compiled modules are kept between runs (module-cache.ts); none: every run compiles. */
  moduleCache?: ModuleCache;
}

export function defaultIo(partial: Partial<Io> = {}): Io {
  return {
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
    env: partial.env ?? process.env,
    cwd: partial.cwd ?? process.cwd(),
    ...(partial.moduleCache ? { moduleCache: partial.moduleCache } : {}),
  };
}

/**
 * A gosim failure: one line `gosim: <message>` on stderr and a status from ExitStatus. `bare`: the line is
 * printed as it is, without the prefix (a message `go run` prints that way, such as `stat x.go: …`).
 */
export class GosimError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly bare = false,
  ) {
    super(message);
  }
}

/** Prints `gosim: <message>` as one line (newlines inside the message are folded). */
export function fail(io: Io, message: string, bare = false): void {
  const one = message.replace(/^gosim:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
  io.stderr.write(bare ? `${one}\n` : `gosim: ${one}\n`);
}
