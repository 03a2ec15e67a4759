// gosim's exit statuses. A Go program's own statuses (0, 1, 2) pass through unchanged and a build failure is 2 as
// with `go run`; gosim's own failures use sysexits(3)-style numbers so a script can tell them apart.

export const ExitStatus = {
  /** The program ran and exited normally. */
  ok: 0,
  /**
   * `gosim run` could not load its file argument (none given, not a .go file, missing, a directory,
   * unreadable): 1, as `go run` exits.
   */
  loadFailed: 1,
  /** Compile errors (`FILE:LINE:COL: message` lines) and a source file over the size cap: 2, as `go run` and `go build` exit. */
  compileError: 2,
  /** Bad usage: unknown command or flag, bad flag value, bad policy spec (EX_USAGE). */
  usage: 64,
  /** The Go source file is missing or unreadable (EX_NOINPUT). */
  noInput: 66,
  /** An internal gosim error: a JavaScript exception (EX_SOFTWARE). */
  internal: 70,
  /** A gosim limit ended the run: --max-steps, --max-heap; explore: the reference run hit one (EX_TEMPFAIL). */
  limit: 75,
} as const;

export type ExitStatusName = keyof typeof ExitStatus;
