// A Go `throw`: an unrecoverable runtime error that ends the program with "fatal error: <msg>".
// Anything below the runtime raises it as a JS exception; the scheduler catches it and prints.

export class GoThrow extends Error {
  constructor(
    readonly msg: string,
    /** How the traceback after the message is headed: "runtime stack:" or the goroutine's own header. */
    readonly header: 'runtime' | 'goroutine' = 'runtime',
    /**
     * Go 1.19's throw kinds: a runtime throw shows every frame, runtime ones too, with fp/sp/pc; a user one
     * (Go's fatal: deadlock) shows the frames a panic would.
     */
    readonly kind: 'runtime' | 'user' = 'runtime',
  ) {
    super(`fatal error: ${msg}`);
  }
}

export function isGoThrow(e: unknown): e is GoThrow {
  return e instanceof GoThrow;
}

/** Go's throw(msg). */
export function throwGo(msg: string, header: 'runtime' | 'goroutine' = 'runtime'): never {
  throw new GoThrow(msg, header);
}
