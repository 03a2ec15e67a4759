// Test helpers: the built page (vite build when dist/page is missing or older than page/), a site in a tmp dir
// (the page files + recording.js, `<` `>` `&` U+2028 U+2029 escaped), and Chromium when /usr/bin/chromium exists.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Recording } from '../src/format';

export const Chromium = '/usr/bin/chromium';
export const PkgDir = resolve(__dirname, '..');
export const PageOut = join(PkgDir, 'dist/page');
export const PageFiles = ['index.html', 'page.js', 'page.css'];
export const Artifacts = join(__dirname, 'artifacts');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the page unless dist/page holds all three files, newer than every page source. */
export function ensurePage(): void {
  const built = PageFiles.every((f) => existsSync(join(PageOut, f)));
  const stale = !built || Math.min(...PageFiles.map((f) => statSync(join(PageOut, f)).mtimeMs)) < Math.max(newest(join(PkgDir, 'page')), statSync(join(PkgDir, 'vite.config.ts')).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(PkgDir, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: PkgDir, stdio: 'pipe' });
}

export function recordingJs(rec: Recording): string {
  const json = JSON.stringify(rec).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `window.GOSIM_RECORDING = ${json};\n`;
}

/** A site directory: the page files and recording.js (none when rec is null). */
export function writeTestSite(rec: Recording | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'gosim-viz-site-'));
  for (const f of PageFiles) copyFileSync(join(PageOut, f), join(dir, f));
  if (rec) writeFileSync(join(dir, 'recording.js'), recordingJs(rec));
  return dir;
}

export function artifact(name: string): string {
  mkdirSync(Artifacts, { recursive: true });
  return join(Artifacts, name);
}

export const haveChromium = existsSync(Chromium);
