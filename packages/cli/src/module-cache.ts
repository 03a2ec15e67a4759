// Compiled modules on disk: a run of an unchanged file skips the front end (parse, check, escape analysis and the
// lowering of the file and every standard package it imports: ~800 ms for a fmt hello). An entry is written only
// for a file that compiled, and holds everything compileGoFile would return: the Module (as its plain data) and the
// -m lines. It is used only when its compiler build, path, options and source bytes all equal the run's (the
// file name is a hash of the first three, so an edited file replaces its entry), so a hit returns exactly what
// compiling would; anything unreadable is a miss. Off unless the caller names the compiler build (the launcher does,
// for dist/run.cjs); GOSIM_NO_CACHE=1 turns it off there.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codegenKey, Module, type Codegen, type FuncBody, type ModuleData } from '@gosim/program';
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

/**
 * An entry as JSON (JSON.parse beats v8.deserialize here, and node:v8 would load Node's streams: ~3.5 ms of a
 * start): the module's bigint constants as decimal strings, its data and the source bytes as base64, a missing
 * body as null. A module with any other value JSON cannot carry exactly is not stored (`exact`).
 */
interface Entry {
  readonly compiler: string;
  readonly path: string;
  readonly options: string;
  readonly source: string;
  readonly module: Omit<ModuleData, 'consts' | 'data' | 'bodies'> & { consts: string[]; data: string; bodies: (FuncBody | null)[] };
  readonly escapes: readonly string[];
}

const base64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** JSON.stringify's replacer for an entry: refuses what would not come back as it was. */
function exact(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) throw new Error('not storable');
  if (typeof v === 'bigint' || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set) throw new Error('not storable');
  return v;
}

/** The compile options an entry is for. */
export const optionsKey = (codegen: Codegen, finalizers: boolean): string => `${codegenKey(codegen)} finalizers=${finalizers}`;

/** Entries kept: the most recently written; a write past it removes the oldest. */
const MaxEntries = 64;

const entryFile = (c: ModuleCache, path: string, options: string) => join(c.dir, `${fnv1a(`${c.compiler}\0${path}\0${options}`)}.bin`);

/** The cached compile of `source` at `path` with `options`, or undefined. */
export function loadCompiled(c: ModuleCache, path: string, options: string, source: Uint8Array): CachedCompile | undefined {
  try {
    const e = JSON.parse(readFileSync(entryFile(c, path, options), 'utf8')) as Entry;
    if (e.compiler !== c.compiler || e.path !== path || e.options !== options || e.source !== base64(source)) return undefined;
    const m = e.module;
    const data = new Uint8Array(Buffer.from(m.data, 'base64'));
    const module = Module.fromData({ ...m, consts: m.consts.map(BigInt), data, bodies: m.bodies.map((b) => b ?? undefined) });
    return { module, escapes: e.escapes };
  } catch {
    return undefined;
  }
}

/** Stores a successful compile; a cache folder that cannot be written only costs the next run its compile. */
export function storeCompiled(c: ModuleCache, path: string, options: string, source: Uint8Array, r: CachedCompile): void {
  const file = entryFile(c, path, options);
  try {
    const d = r.module.toData();
    const module = { ...d, consts: d.consts.map(String), data: base64(d.data), bodies: d.bodies.map((b) => b ?? null) };
    const entry: Entry = { compiler: c.compiler, path, options, source: base64(source), module, escapes: r.escapes };
    const json = JSON.stringify(entry, exact);
    mkdirSync(c.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, file); // atomic: a concurrent reader sees the old entry or the new one
    prune(c.dir, MaxEntries);
  } catch {
    // not cached
  }
}
