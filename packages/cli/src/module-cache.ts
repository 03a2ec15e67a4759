// Compiled modules on disk: a run of an unchanged file skips the front end (parse, check, escape analysis and the
// lowering of the file and every standard package it imports: ~800 ms for a fmt hello). An entry is written only
// for a file that compiled, and holds everything compileGoFile would return: the Module (as its plain data) and the
// -m lines. It is used only when its compiler build, path, options and source bytes all equal the run's (the
// file name is a hash of the first three, so an edited file replaces its entry), so a hit returns exactly what
// compiling would; anything unreadable is a miss. Off unless the caller names the compiler build (the launcher does,
// for dist/run.cjs); GOSIM_NO_CACHE=1 turns it off there.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { codegenKey, Module, type Codegen, type ModuleData } from '@gosim/program';
import { fnv1a, prune } from '../bin/cache-files.cjs';

export interface ModuleCache {
  /** The folder of the entries (made on the first write). */
  readonly dir: string;
  /** The compiler build's identity: any change to the compiler or the standard packages must change it. */
  readonly compiler: string;
}

/** What a compile produced: the module and the raw -m lines. */
export interface CachedCompile {
  readonly module: Module;
  readonly escapes: readonly string[];
}

interface Entry {
  readonly compiler: string;
  readonly path: string;
  readonly options: string;
  readonly source: Uint8Array;
  readonly module: ModuleData;
  readonly escapes: readonly string[];
}

// node:v8 costs 1-3 ms to load: only a run with a cache loads it (under ESM through createRequire)
let v8: typeof import('node:v8') | undefined;
const serdes = () => (v8 ??= (typeof __filename === 'string' ? require('node:v8') : createRequire(import.meta.url)('node:v8')) as typeof import('node:v8'));

/** The compile options an entry is for. */
export const optionsKey = (codegen: Codegen, finalizers: boolean): string => `${codegenKey(codegen)} finalizers=${finalizers}`;

/** Entries kept: the most recently written; a write past it removes the oldest. */
const MaxEntries = 64;

const entryFile = (c: ModuleCache, path: string, options: string) => join(c.dir, `${fnv1a(`${c.compiler}\0${path}\0${options}`)}.bin`);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** The cached compile of `source` at `path` with `options`, or undefined. */
export function loadCompiled(c: ModuleCache, path: string, options: string, source: Uint8Array): CachedCompile | undefined {
  try {
    const e = serdes().deserialize(readFileSync(entryFile(c, path, options))) as Entry;
    if (e.compiler !== c.compiler || e.path !== path || e.options !== options || !sameBytes(e.source, source)) return undefined;
    return { module: Module.fromData(e.module), escapes: e.escapes };
  } catch {
    return undefined;
  }
}

/** Stores a successful compile; a cache folder that cannot be written only costs the next run its compile. */
export function storeCompiled(c: ModuleCache, path: string, options: string, source: Uint8Array, r: CachedCompile): void {
  const file = entryFile(c, path, options);
  try {
    const entry: Entry = { compiler: c.compiler, path, options, source, module: r.module.toData(), escapes: r.escapes };
    mkdirSync(c.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serdes().serialize(entry));
    renameSync(tmp, file); // atomic: a concurrent reader sees the old entry or the new one
    prune(c.dir, MaxEntries);
  } catch {
    // not cached
  }
}
