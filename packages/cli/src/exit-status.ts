// gosim's exit statuses. A Go program's own statuses (0, 1, 2) pass through unchanged; gosim's own failures use
// sysexits(3)-style numbers so a script can tell them apart from anything the program did.

export const ExitStatus = {
  /** The program ran and exited normally. */
  ok: 0,
  /** Compile errors (`FILE:LINE:COL: message` lines, like `go build`). */
  compileError: 1,
  /** Bad usage: unknown command or flag, bad flag value, bad policy spec (EX_USAGE). */
  usage: 64,
  /** The Go source file is missing or unreadable (EX_NOINPUT). */
  noInput: 66,
  /** An internal gosim error: a JavaScript exception (EX_SOFTWARE). */
  internal: 70,
  /** A gosim limit ended the run: --max-steps, --max-heap (EX_TEMPFAIL). */
  limit: 75,
} as const;

export type ExitStatusName = keyof typeof ExitStatus;
