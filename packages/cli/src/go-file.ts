// The file argument of `gosim run`, checked as `go run` checks its named files, and the name the compiler's
// output shows it by.

import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ExitStatus } from './exit-status.js';
import { GosimError } from './io.js';
import { checkPackageClause } from './package-clause.js';
import { MaxSourceBytes, readSourceBytes, SourceError, why } from './source.js';

/** A loaded Go file: the argument naming it, its text and its absolute path (the name it is compiled under, as go does). */
export interface GoFile {
  arg: string;
  src: string;
  /** The file's bytes as read: what is compiled (invalid UTF-8 is the compiler's positioned error). */
  bytes: Uint8Array;
  path: string;
}

const loadFailed = (message: string, bare: boolean) => new GosimError(message, ExitStatus.loadFailed, bare);

/**
 * Loads the file named by `go run`'s first argument, failing (status 1) as go does, in go's order: no argument
 * (`no go files listed`), a name not ending in `.go` (go would look it up as a package; gosim runs files only),
 * a failed stat (`stat FILE: …`, FILE as given), a directory (`FILE is a directory, should be a Go file`), a
 * failed open or read (`open /ABS/FILE: …`), a bad package clause (checkPackageClause). The size cap stays
 * gosim's (status 2, as a build failure).
 */
export function loadGoFile(arg: string | undefined, cwd: string, cap = MaxSourceBytes): GoFile {
  if (arg === undefined) throw loadFailed('no go files listed', false);
  if (!arg.endsWith('.go')) throw loadFailed(`${arg}: not a .go file; gosim runs one Go file (package main), not packages`, false);
  const path = resolve(cwd, arg);
  try {
    if (statSync(path).isDirectory()) throw loadFailed(`${arg} is a directory, should be a Go file`, true);
  } catch (e) {
    if (e instanceof GosimError) throw e;
    throw loadFailed(`stat ${arg}: ${why(e)}`, true);
  }
  let bytes: Buffer;
  try {
    bytes = readSourceBytes(path, cwd, cap, arg);
  } catch (e) {
    if (e instanceof SourceError) throw loadFailed(`${e.op} ${path}: ${e.reason}`, false);
    throw e;
  }
  const src = bytes.toString('utf8');
  checkPackageClause(src, shortPath(path, cwd));
  return { arg, src, bytes, path };
}

/** Go's base.ShortPath: `path` relative to `cwd` when that is shorter, else `path` itself. */
export function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return rel.length < path.length ? rel : path;
}

/**
 * The go command's filter of a compile's output (work.Builder.showOutput): the directory of the compiled file,
 * where it starts a line or follows a space or a tab-indented line start, becomes its short form (`./x.go`,
 * `sub/x.go`, `../x.go` or the absolute path), and the output is headed `# command-line-arguments`.
 */
export function showOutput(out: string, compiledPath: string, cwd: string): string {
  const dir = dirname(compiledPath);
  let text = `\n${out}`;
  const rel = shortPath(dir, cwd);
  if (rel !== dir) for (const lead of [' ', '\n', '\n\t']) text = text.split(lead + dir).join(lead + rel);
  return `# command-line-arguments${text}`;
}
