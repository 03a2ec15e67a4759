// Reading the Go source file named on the command line: at most MaxSourceBytes, with one-line errors.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitStatus } from './exit-status.js';
import { GosimError } from './io.js';

/**
 * The largest source file gosim reads (16 MiB). @gosim/golang does not export a cap of its own yet; this one
 * is the CLI's, so reading `/dev/zero` or a huge file stops after the cap instead of growing without bound.
 */
export const MaxSourceBytes = 16 << 20;

/** A system call's failure as Go's os package words it (`no such file or directory`). */
export const why = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or directory'
    : code === 'EISDIR' ? 'is a directory'
    : code === 'EACCES' ? 'permission denied'
    : code === 'EPERM' ? 'operation not permitted'
    : code === 'ENOTDIR' ? 'not a directory'
    : code === 'ENXIO' ? 'no such device or address'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : code === 'ENAMETOOLONG' ? 'file name too long'
    : e instanceof Error ? e.message : String(e);
};

/** Opening or reading the source failed: `op` and `reason` let a caller word it its own way. */
export class SourceError extends GosimError {
  constructor(
    readonly op: 'open' | 'read',
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${op} ${path}: ${reason}`, ExitStatus.noInput);
  }
}

/**
 * Reads `file` (resolved against `cwd`) as UTF-8. Regular files, pipes and devices are read up to the cap;
 * missing, unreadable files and directories are status 66 (`gosim: open FILE: …`, a SourceError); more than
 * `cap` bytes is status 2, as a build failure (`gosim: NAME: source file larger than N bytes`, NAME `file`
 * unless given).
 */
export function readSource(file: string, cwd: string, cap = MaxSourceBytes, name = file): string {
  return readSourceBytes(file, cwd, cap, name).toString('utf8');
}

/** readSource's bytes as read, for the compiler, which reports invalid UTF-8 at its position. */
export function readSourceBytes(file: string, cwd: string, cap = MaxSourceBytes, name = file): Buffer {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), 'r');
  } catch (e) {
    throw new SourceError('open', file, why(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new SourceError('open', file, 'is a directory');
    if (st.isFile() && st.size > cap) throw tooLarge(name, cap);
    // one byte more than the cap tells "exactly the cap" from "larger"
    const buf = Buffer.alloc(Math.min(cap + 1, st.isFile() ? st.size + 1 : cap + 1));
    let n = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw new SourceError('read', file, why(e));
      }
      if (got === 0) break;
      n += got;
      if (n > cap) throw tooLarge(name, cap);
      if (n === buf.length) break; // a regular file that grew after fstat is read up to its size then
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (file: string, cap: number) => new GosimError(`${file}: source file larger than ${cap} bytes`, ExitStatus.compileError);
