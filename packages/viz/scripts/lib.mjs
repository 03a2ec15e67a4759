// Shared by the screenshots and timing scripts (built packages: run `pnpm run build` first): record an
// example, write a site (the built page + recording.js) to a directory, launch Debian's Chromium.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@gosim/golang';
import { codegenOf, parsePolicy } from '@gosim/runtime';
import { makeRecording, recordRun } from '@gosim/viz';

export const PkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RepoDir = resolve(PkgDir, '../..');
export const Chromium = '/usr/bin/chromium';
const PageFiles = ['index.html', 'page.js', 'page.css'];

/** Compiles `file` under each policy and records it; `run` adds RunOptions (stress, clobber…), `flags` their words. */
export function recordExample(file, policies, { window = 4000, around, run = {}, flags = [] } = {}) {
  const abs = resolve(RepoDir, file);
  const path = relative(RepoDir, abs).startsWith('..') ? abs : relative(RepoDir, abs); // repo-relative when inside the repo
  const src = readFileSync(abs, 'utf8');
  const runs = policies.map((p) => {
    const policy = parsePolicy(p);
    const c = compile(src, path, { codegen: codegenOf(policy) });
    if (!c.module) throw new Error(`gosim: ${file} does not compile`);
    return recordRun(c.module, { run: { ...run, policy }, flags, window, ...(around ? { around } : {}) });
  });
  const words = [...policies.map((p) => `--policy ${p}`), ...flags].join(' ');
  return makeRecording(path, src, `gosim viz ${words} ${file}`, runs);
}

/** `window.GOSIM_RECORDING = …;` with < > & U+2028 U+2029 as \u escapes (never closes a script, never an HTML tag). */
export function recordingScript(rec) {
  const json = JSON.stringify(rec).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `window.GOSIM_RECORDING = ${json};\n`;
}

/** A site in `dir` (a fresh tmp dir by default); returns the directory. */
export function writeSite(rec, dir = mkdtempSync(join(tmpdir(), 'gosim-viz-'))) {
  const built = join(PkgDir, 'dist/page');
  if (!PageFiles.every((f) => existsSync(join(built, f)))) throw new Error('gosim: the page is not built (run `npx vite build` in packages/viz)');
  mkdirSync(dir, { recursive: true });
  for (const f of PageFiles) copyFileSync(join(built, f), join(dir, f));
  writeFileSync(join(dir, 'recording.js'), recordingScript(rec));
  return dir;
}

export async function launch() {
  if (!existsSync(Chromium)) {
    console.log(`skipped: ${Chromium} is missing (apt-get install -y chromium)`);
    process.exit(0);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: Chromium, args: ['--no-sandbox'] });
}
