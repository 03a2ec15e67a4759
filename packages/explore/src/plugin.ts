// Variant modules ("plugins"): an ES module file (.js, .mjs, .ts, .mts) or a package resolved from a folder whose
// exports are policy pieces. Convention: every export (the default one included) that is a piece — an object
// with `piece` ('deferpanic' | 'traceback' | 'gc' | 'copystack') and a string `name` — or an array of pieces is
// registered under its name. The module is bundled by esbuild (TypeScript included, no set-up needed) with every
// `@gosim/...` import bound to this process's own packages, so a variant spreads the very stock pieces the
// runtime uses; it loads synchronously, so a worker thread can load it before it parses a policy spec.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import type { Message } from 'esbuild';
import * as copystack from '@gosim/copystack';
import * as deferpanic from '@gosim/defer-panic';
import * as gc from '@gosim/gc';
import * as memory from '@gosim/memory';
import * as program from '@gosim/program';
import * as runtime from '@gosim/runtime';
import * as stack from '@gosim/stack';
import * as traceback from '@gosim/traceback';
import { isPiece, PieceError, registerPiece, type AnyPiece, type Piece, type PieceName } from '@gosim/runtime';

/** The packages a variant may import, bound to this process's instances. */
const hostModules: Record<string, object> = {
  '@gosim/copystack': copystack, '@gosim/defer-panic': deferpanic, '@gosim/gc': gc, '@gosim/memory': memory,
  '@gosim/program': program, '@gosim/runtime': runtime, '@gosim/stack': stack, '@gosim/traceback': traceback,
};

/** A plugin could not be used. `missing`: the file or package does not exist or cannot be read (else it is bad). */
export class PluginError extends Error {
  constructor(message: string, readonly missing: boolean) {
    super(message);
  }
}

const fileLike = (spec: string) => spec.startsWith('.') || isAbsolute(spec) || /\.(m?[jt]s|cjs)$/.test(spec);

/** The absolute file of a plugin: a path relative to `cwd`, or a package name resolved from `cwd`. */
export function resolvePlugin(spec: string, cwd: string): string {
  if (fileLike(spec)) {
    const f = resolve(cwd, spec);
    if (!existsSync(f)) throw new PluginError(`plugin ${spec}: no such file`, true);
    if (!statSync(f).isFile()) throw new PluginError(`plugin ${spec}: not a file`, true);
    return f;
  }
  try {
    return createRequire(resolve(cwd, 'package.json')).resolve(spec);
  } catch {
    throw new PluginError(`plugin ${spec}: no such file, and no package of that name from ${cwd}`, true);
  }
}

const loaded = new Map<string, AnyPiece[]>();

/** Loads one plugin file (once per process) and registers its pieces; returns them. */
/** esbuild, loaded on the first plugin only: a run without `--plugin` does not pay for it at start-up. */
let esbuild: typeof import('esbuild') | undefined;
function bundler(): typeof import('esbuild') {
  if (!esbuild) {
    const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
  }
  return esbuild;
}

export function loadPluginFile(file: string): AnyPiece[] {
  const have = loaded.get(file);
  if (have) return have;
  try {
    readFileSync(file);
  } catch (e) {
    throw new PluginError(`plugin ${file}: cannot read: ${(e as Error).message}`, true);
  }
  let code: string;
  try {
    const built = bundler().buildSync({
      entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20',
      external: ['@gosim/*'], logLevel: 'silent',
    });
    code = built.outputFiles[0]?.text ?? '';
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    throw new PluginError(`plugin ${file}: ${errors?.length ? buildErrors(errors) : (e as Error).message}`, false);
  }
  const mod = { exports: {} as Record<string, unknown> };
  const fileRequire = createRequire(file);
  const req = (id: string): unknown => {
    if (id.startsWith('@gosim/')) {
      const m = hostModules[id];
      if (!m) throw new PluginError(`plugin ${file}: imports ${id}: a variant may import ${Object.keys(hostModules).join(', ')}`, false);
      return m;
    }
    return fileRequire(id);
  };
  try {
    (runInThisContext(`(function (module, exports, require) {${code}\n})`, { filename: file }) as (...a: unknown[]) => void)(mod, mod.exports, req);
  } catch (e) {
    if (e instanceof PluginError) throw e;
    const msg = typeof (e as { message?: unknown } | null)?.message === 'string' ? (e as { message: string }).message : String(e);
    throw new PluginError(`plugin ${file}: loading failed: ${msg}`, false);
  }
  const pieces = piecesOf(mod.exports);
  if (pieces.length === 0) throw new PluginError(`plugin ${file}: exports no pieces (want exports that are objects with piece: 'deferpanic'|'traceback'|'gc'|'copystack' and a name, or arrays of them)`, false);
  try {
    for (const p of pieces) registerPiece(p.piece as PieceName, p as Piece);
  } catch (e) {
    if (e instanceof PieceError) throw new PluginError(`plugin ${file}: ${e.message}`, false);
    throw e;
  }
  loaded.set(file, pieces);
  return pieces;
}

/** The pieces among a module's exports (each once, in export order). */
function piecesOf(exports: Record<string, unknown>): AnyPiece[] {
  const out = new Set<AnyPiece>();
  for (const v of Object.values(exports)) for (const x of Array.isArray(v) ? v : [v]) if (isPiece(x)) out.add(x);
  return [...out];
}

/** Resolves and loads plugins in order; returns their absolute files (what a worker thread is given). */
export function loadPlugins(specs: readonly string[], cwd = process.cwd()): string[] {
  const files = specs.map((s) => resolvePlugin(s, cwd));
  for (const f of files) loadPluginFile(f);
  return files;
}

/** esbuild's errors as one line: `file:line:col: text`. */
function buildErrors(errors: readonly Message[]): string {
  return errors.map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}` : m.text)).join('; ');
}
