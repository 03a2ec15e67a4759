/** Source positions and diagnostics formatted the way `go build` prints them. */

/** A source position: 1-based line, 1-based column counted in bytes (as go does), 0-based byte offset. */
export interface Pos {
  line: number;
  col: number;
  offset: number;
}

export type DiagnosticKind = 'syntax' | 'type';

export interface Diagnostic {
  kind: DiagnosticKind;
  filename: string;
  pos: Pos;
  /** The message as go prints it after `FILE:LINE:COL: ` (syntax errors start with `syntax error: `). */
  message: string;
}

/** `FILE:LINE:COL: message`, exactly like go build. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.filename}:${d.pos.line}:${d.pos.col}: ${d.message}`;
}

/** Whether a diagnostic reports valid Go outside gosim's subset (its message says `… not supported by gosim`). */
export function isUnsupported(d: Diagnostic): boolean {
  return /\bnot supported by gosim\b/.test(d.message);
}

/** Whether `e` is the JavaScript engine's stack overflow (a program nested deeper than a recursive pass can follow). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The diagnostic for a stack overflow at (or near) `pos`. */
export function nestedTooDeep(filename: string, pos: Pos): Diagnostic {
  return { kind: 'syntax', filename, pos, message: 'program nested too deeply for gosim (its compiler ran out of stack)' };
}

/** Thrown internally to abandon a parse or check; the public API converts it into a diagnostic. */
export class GoError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = 'GoError';
    this.diagnostic = diagnostic;
  }
}

export function noPos(): Pos {
  return { line: 0, col: 0, offset: 0 };
}
