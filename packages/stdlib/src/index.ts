/**
 * @gosim/stdlib: the standard packages gosim provides, as Go source (go/<importpath>/*.go, embedded in
 * sources.ts). The front end compiles them with the program (their frames, defers and allocations run on the
 * simulated runtime like the program's own); their bodyless functions are runtime functions
 * (program/src/isa/rtfuncs.ts).
 */
import { sources } from './sources.js';

export interface SourceFile {
  /** `$GOROOT/src/<importpath>/<file>`: the name tracebacks print for the package's functions. */
  readonly name: string;
  readonly text: string;
}

export interface PackageSource {
  readonly path: string;
  readonly files: readonly SourceFile[];
}

/** The import paths provided (package runtime and unsafe are the front end's own and are not listed). */
export const providedPackages: readonly string[] = Object.keys(sources).sort();

/** The Go source of a provided package, or undefined. */
export function packageSource(path: string): PackageSource | undefined {
  if (!Object.hasOwn(sources, path)) return undefined;
  const files = Object.entries(sources[path]!).map(([f, text]) => ({ name: `$GOROOT/src/${path}/${f}`, text }));
  return { path, files };
}
