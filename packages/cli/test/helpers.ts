import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/index.js';

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs main() with captured output, in `cwd`. */
export async function gosim(argv: string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd,
  });
  return { status, stdout, stderr };
}

/** A temporary folder holding Go files; `dispose()` removes it. */
export function goFiles(files: Record<string, string>): { dir: string; path: (name: string) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gosim-cli-'));
  for (const [name, src] of Object.entries(files)) writeFileSync(join(dir, name), src);
  return { dir, path: (name) => join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines of a text, without the empty one after the last newline. */
export function lines(s: string): string[] {
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}
