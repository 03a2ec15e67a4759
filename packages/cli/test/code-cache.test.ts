// The launcher's V8 code cache (bin/code-cache.cjs): data written once, reused, never stale, off with GOSIM_NO_CACHE.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const codeCache = join(__dirname, '../bin/code-cache.cjs');

/** Loads `mod` under the hook in a fresh node; returns the module's export and how many cache files were written. */
function load(mod: string, cacheHome: string, env: Record<string, string> = {}) {
  const script = `const flush = require(${JSON.stringify(codeCache)}).install(); const v = require(${JSON.stringify(mod)}); console.log(JSON.stringify({ v: v.value(), written: flush() }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { v: number; written: number };
}

const files = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
};

describe('code cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gosim-code-cache-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('first run writes the data, the second reuses it, an edit of the same size is seen', () => {
    const mod = join(dir, 'm.cjs');
    const cacheHome = join(dir, 'cache');
    writeFileSync(mod, 'exports.value = () => 6 * 7;\n');
    expect(load(mod, cacheHome)).toEqual({ v: 42, written: 1 });
    expect(files(cacheHome)).toHaveLength(1);
    expect(load(mod, cacheHome)).toEqual({ v: 42, written: 0 });
    // same length, other code (V8 itself only checks the length): the key changes with the mtime
    writeFileSync(mod, 'exports.value = () => 6 + 7;\n');
    utimesSync(mod, new Date(), new Date(Date.now() + 5000));
    expect(load(mod, cacheHome)).toEqual({ v: 13, written: 1 });
  });

  test('GOSIM_NO_CACHE=1 writes nothing and gives the same result', () => {
    const mod = join(dir, 'm.cjs');
    const cacheHome = join(dir, 'cache');
    writeFileSync(mod, 'exports.value = () => [1, 2, 3].reduce((a, b) => a + b);\n');
    expect(load(mod, cacheHome, { GOSIM_NO_CACHE: '1' })).toEqual({ v: 6, written: 0 });
    expect(files(cacheHome)).toHaveLength(0);
    expect(load(mod, cacheHome)).toEqual({ v: 6, written: 1 });
  });
});
