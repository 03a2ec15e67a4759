// A static site of one recording: the built page (dist/page: index.html, page.js, page.css) plus recording.js,
// the recording as a classic script that sets window.GOSIM_RECORDING (works from file:// and from the server).

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Recording } from './format.js';

/** The global the page reads its Recording from. */
export const RecordingGlobal = 'GOSIM_RECORDING';

/** The page's own files as vite builds them (flat, no hashes). */
export const PageFiles = ['index.html', 'page.js', 'page.css'] as const;

/** The file a site's index.html loads before page.js. */
export const RecordingFile = 'recording.js';

/**
 * The page is missing or incomplete (`notBuilt`: an install without `vite build`), or the site cannot be written
 * or served (a path, a port): the message says which and what to do.
 */
export class SiteError extends Error {
  constructor(
    message: string,
    readonly notBuilt = false,
  ) {
    super(message);
  }
}

// Characters that could end the script element or the statement inside it (`</script>`, `<!--`, `-->`,
// U+2028/U+2029): outside JSON strings none occur, inside strings `\uXXXX` means the same character.
const unsafe = /[<>&\u2028\u2029]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `window.GOSIM_RECORDING = <JSON>;\n` with < > & U+2028 U+2029 written as \u escapes (JSON.parse gives rec back). */
export function recordingScript(rec: Recording): string {
  return `window.${RecordingGlobal} = ${JSON.stringify(rec).replace(unsafe, escapeChar)};\n`;
}

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    // the CJS build: esbuild leaves import.meta empty
    return typeof __dirname === 'string' ? __dirname : undefined;
  }
}

/**
 * The built page: <package>/dist/page. This module is dist/index.{js,cjs} when built (ESM or CJS) and src/site.ts
 * when run from source (tests): either way the package folder is its folder's parent.
 */
export function pageDir(here: string | undefined = moduleDir()): string {
  if (here === undefined) throw new SiteError('cannot tell where @gosim/viz is installed (no module location)', true);
  return basename(here) === 'dist' ? join(here, 'page') : resolve(here, '..', 'dist', 'page');
}

/** The page's files, checked present: a SiteError naming the first missing one and how to build it. */
export function pageFiles(dir: string = pageDir()): { name: (typeof PageFiles)[number]; path: string }[] {
  return PageFiles.map((name) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new SiteError(`the viz page is not built (${name} missing in @gosim/viz's dist/page): run the viz package's build (tsup && vite build)`, true);
    return { name, path };
  });
}

/**
 * Writes a site into `dir` (created if missing; files there are replaced): the page's files and recording.js.
 * Returns the paths written. `page`: where the built page is (default pageDir()).
 */
export function writeSite(dir: string, rec: Recording, page: string = pageDir()): string[] {
  const files = pageFiles(page);
  const out = resolve(dir);
  try {
    mkdirSync(out, { recursive: true });
    const written = files.map((f) => {
      const to = join(out, f.name);
      copyFileSync(f.path, to);
      return to;
    });
    const rj = join(out, RecordingFile);
    writeFileSync(rj, recordingScript(rec));
    return [...written, rj];
  } catch (e) {
    throw new SiteError(`cannot write the site in ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
