// Scenarios for matrix and demo: the Go files of the repo's examples/ (found from the working directory up, or
// shipped in this package's dist/examples by the build), each with the run flags of its `// gosim-flags:` line.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitStatus } from './exit-status.js';
import { GosimError } from './io.js';
import { FlagLineError, parseRunFlagWords, type RunFlags } from './options.js';
import { readSource } from './source.js';

export interface Scenario {
  /** The file name without folders (`defer_ptrs_goexit.go`). */
  name: string;
  /** The path as given or found. */
  file: string;
  src: string;
  /** Words of the `// gosim-flags:` line ([] without one). */
  flagWords: string[];
  flags: RunFlags;
  /** The first sentence of the file's leading comment ('' without one). */
  about: string;
}

const flagLine = /^\s*\/\/\s*gosim-flags:(.*)$/m;

/** The `// gosim-flags:` words of a source (a line before `package`). */
export function flagWordsOf(src: string): string[] {
  const head = src.slice(0, Math.max(0, src.search(/^\s*package\s/m)));
  const m = flagLine.exec(head);
  return m ? m[1]!.trim().split(/\s+/).filter((w) => w !== '') : [];
}

/** The first sentence of the first comment block after `package`, folded to one line ('' without one). */
export function aboutOf(src: string): string {
  const lines = src.split('\n');
  let i = lines.findIndex((l) => /^package\s/.test(l)) + 1;
  if (i === 0) return '';
  for (; i < lines.length && !/^\/\//.test(lines[i]!); i++) if (/^(type|func|var|const)\s/.test(lines[i]!)) return '';
  const words: string[] = [];
  for (; i < lines.length && /^\/\//.test(lines[i]!); i++) words.push(lines[i]!.replace(/^\/\/\s?/, ''));
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  const m = /^(.*?\.)(\s|$)/.exec(text);
  return (m ? m[1]! : text).trim();
}

/** Reads a scenario file (66 when missing, 64 when its gosim-flags line is bad). */
export function loadScenario(file: string, cwd: string): Scenario {
  const src = readSource(file, cwd);
  const flagWords = flagWordsOf(src);
  let flags: RunFlags;
  try {
    flags = parseRunFlagWords(flagWords);
  } catch (e) {
    if (e instanceof FlagLineError) throw new GosimError(`${file}: bad gosim-flags line: ${e.message}`, ExitStatus.usage);
    throw e;
  }
  return { name: basename(file), file, src, flagWords, flags, about: aboutOf(src) };
}

function isExamplesDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.go'));
  } catch {
    return false;
  }
}

/** Walks up from `start` to a folder holding the repo's examples/ (beside pnpm-workspace.yaml, or any examples/ with Go files). */
function findUp(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const ex = join(dir, 'examples');
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && isExamplesDir(ex)) return ex;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return typeof __dirname === 'string' ? __dirname : undefined;
  }
}

/**
 * The scenarios' folder: the repo's examples/ from the working directory up; else the copy the build ships beside
 * this module (dist/examples of an installed package); else the repo's examples/ from this module up (running on
 * src/ in the repo); else ./examples. `here` is this module's folder (a parameter for tests).
 */
export function findExamplesDir(cwd: string, here: string | undefined = moduleDir()): string {
  const bundled = here !== undefined && isExamplesDir(join(here, 'examples')) ? join(here, 'examples') : undefined;
  const found = findUp(cwd) ?? bundled ?? (here ? findUp(here) : undefined) ?? (isExamplesDir(join(cwd, 'examples')) ? join(cwd, 'examples') : undefined);
  if (!found) throw new GosimError(`cannot find the example scenarios (looked up from ${cwd}${here ? ` and in ${join(here, 'examples')}` : ''}); name the Go files instead`, ExitStatus.noInput);
  return found;
}

/** The default scenarios: every examples/*.go, sorted by name. */
export function defaultScenarioFiles(cwd: string, here: string | undefined = moduleDir()): string[] {
  const dir = findExamplesDir(cwd, here);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort()
    .map((f) => join(dir, f));
}
