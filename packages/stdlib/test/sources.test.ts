// src/sources.ts is generated from go/**: it must be current, and what it embeds must be what packageSource gives.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageSource, providedPackages } from '../src/index';

const root = join(__dirname, '..');

test('src/sources.ts is up to date with go/', () => {
  expect(() => execFileSync(process.execPath, [join(root, 'scripts', 'embed.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
});

test('every package directory under go/ is provided, with its files named under $GOROOT/src', () => {
  const dirs: string[] = [];
  const walk = (d: string, rel: string): void => {
    const names = readdirSync(d);
    if (names.some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) dirs.push(rel);
    for (const n of names) if (statSync(join(d, n)).isDirectory()) walk(join(d, n), rel ? `${rel}/${n}` : n);
  };
  walk(join(root, 'go'), '');
  expect([...providedPackages]).toEqual(dirs.sort());
  for (const p of providedPackages) {
    const src = packageSource(p)!;
    expect(src.files.length).toBeGreaterThan(0);
    for (const f of src.files) expect(f.name.startsWith(`$GOROOT/src/${p}/`)).toBe(true);
  }
  expect(packageSource('no/such')).toBeUndefined();
});
