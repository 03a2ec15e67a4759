/**
 * Imported packages: each Go-source package a program imports (from the importer: @gosim/stdlib's by default)
 * is parsed and checked once per program, its own imports first, with its import path in its link names and
 * named types. Their results come in import order, dependencies first: the order Go initialises packages in.
 */
import type * as A from '../ast.js';
import type { Diagnostic, Pos } from '../diagnostics.js';
import type { GoObject, PackageObj } from '../objects.js';
import { parseFile } from '../parser.js';
import { walkNode } from '../escape.js';
import type { PackageContext } from './base.js';

export interface PackageSourceFile { readonly name: string; readonly text: string }
/** A package's sources: its .go files (one package clause). */
export interface PackageSource { readonly path: string; readonly files: readonly PackageSourceFile[] }
/** Finds an import path's sources; undefined when the package is not provided. */
export type Importer = (path: string) => PackageSource | undefined;

/** Packages the checker models itself (no sources). */
export const builtinPackages: ReadonlySet<string> = new Set(['runtime', 'unsafe']);

export interface LoadedPackage<R> { readonly path: string; readonly file: A.File; readonly result: R }

interface Cached<R> {
  /** The sources it was checked from (a changed source is checked again). */
  readonly texts: string;
  readonly obj: PackageObj;
  readonly loaded: LoadedPackage<R>;
  /** Its imports, by path (loaded before it). */
  readonly deps: readonly string[];
}

/**
 * Checked packages, per importer and options key: a package is checked once per process, and a program
 * importing it reuses its objects (nothing a program's checking, escape analysis or lowering does changes them).
 */
const cache = new WeakMap<Importer, Map<string, Cached<unknown>>>();

/**
 * Loads and checks the packages `file` imports (transitively), dependencies first. `check` checks one package
 * (returning what the caller keeps, and its members). Errors (an import cycle, errors in a package's source) come
 * back as diagnostics; a package that is not provided is left to the checker's positioned message.
 */
export function loadImports<R>(
  file: A.File, importer: Importer | undefined, optsKey: string, ids: { next: number },
  check: (file: A.File, ctx: PackageContext) => { diagnostics: Diagnostic[]; members?: ReadonlyMap<string, GoObject>; result?: R },
): { packages: LoadedPackage<R>[]; imports: ReadonlyMap<string, PackageObj>; diagnostics: Diagnostic[] } {
  let perImporter = importer ? cache.get(importer) : undefined;
  if (importer && !perImporter) cache.set(importer, (perImporter = new Map()));
  const done = new Map<string, PackageObj>();
  const loading = new Set<string>();
  const packages: LoadedPackage<R>[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (f: A.File, pos: Pos, message: string): void => void diagnostics.push({ kind: 'type', filename: f.filename, pos, message });

  const importsOf = (f: A.File): Map<string, PackageObj> => {
    const m = new Map<string, PackageObj>();
    for (const imp of f.imports) {
      if (builtinPackages.has(imp.path) || m.has(imp.path)) continue;
      const p = load(imp.path, f, imp.pos);
      if (p) m.set(imp.path, p);
    }
    return m;
  };

  /** A cached package and its dependencies (each once, dependencies first). */
  const reuse = (c: Cached<R>): PackageObj => {
    for (const d of c.deps) if (!done.has(d)) reuse(perImporter!.get(`${d}\0${optsKey}`) as Cached<R>);
    done.set(c.loaded.path, c.obj);
    packages.push(c.loaded);
    return c.obj;
  };

  const load = (path: string, from: A.File, pos: Pos): PackageObj | undefined => {
    const have = done.get(path);
    if (have) return have;
    if (loading.has(path)) return at(from, pos, 'import cycle not allowed'), undefined;
    const src = importer?.(path);
    if (!src || src.files.length === 0) return undefined; // the checker reports `package X is not supported by gosim`
    const texts = src.files.map((f) => `${f.name}\0${f.text}`).join('\0');
    const key = `${path}\0${optsKey}`;
    const hit = perImporter!.get(key) as Cached<R> | undefined;
    if (hit && hit.texts === texts) return reuse(hit);
    // a changed source: packages checked against the old one are stale too
    if (hit) perImporter!.clear();
    loading.add(path);
    try {
      const merged = mergeFiles(src, diagnostics);
      if (!merged) return undefined;
      const ctx: PackageContext = { path, imports: importsOf(merged), ids };
      const r = check(merged, ctx);
      if (r.diagnostics.length > 0 || !r.members) {
        diagnostics.push(...r.diagnostics);
        return undefined;
      }
      const obj: PackageObj = { kind: 'package', name: merged.pkgName.name, path, used: false, pos, members: r.members };
      const loaded = { path, file: merged, result: r.result as R };
      done.set(path, obj);
      packages.push(loaded);
      perImporter!.set(key, { texts, obj, loaded, deps: [...ctx.imports.keys()] });
      return obj;
    } finally {
      loading.delete(path);
    }
  };

  const imports = importsOf(file);
  return { packages, imports, diagnostics };
}

/** A package's files parsed and merged into one (declarations and imports in file order; each function keeps its file). */
function mergeFiles(src: PackageSource, diagnostics: Diagnostic[]): A.File | undefined {
  let merged: A.File | undefined;
  for (const f of src.files) {
    const p = parseFile(f.text, f.name);
    if (!p.file) return diagnostics.push(...p.diagnostics), undefined;
    for (const d of p.file.decls) {
      if (d.kind === 'FuncDecl') d.filename = f.name;
      else walkNode(d, (n) => void ('kind' in n && n.kind === 'FuncLit' && (n.filename = f.name)));
    }
    if (!merged) merged = { ...p.file, imports: [...p.file.imports], decls: [...p.file.decls] };
    else {
      if (p.file.pkgName.name !== merged.pkgName.name) {
        return diagnostics.push({ kind: 'type', filename: f.name, pos: p.file.pkgName.pos, message: `package ${p.file.pkgName.name}; expected package ${merged.pkgName.name}` }), undefined;
      }
      merged.imports.push(...p.file.imports);
      merged.decls.push(...p.file.decls);
    }
  }
  return merged;
}
