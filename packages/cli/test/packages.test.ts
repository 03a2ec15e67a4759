// What each package publishes: its imports declared as dependencies, export conditions that point into the
// tarball once pnpm applies publishConfig, a license and the LICENSE file. (scripts/pack-check.mjs packs and
// installs them for real.)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const dirs = readdirSync(join(root, 'packages')).sort();

interface Pkg {
  name: string;
  license?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  publishConfig?: { exports?: Record<string, unknown> };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const pkgOf = (d: string): Pkg => JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')) as Pkg;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Package names a source imports (static, `export … from`, dynamic import, require), node: builtins left out. */
export function importedPackages(text: string): string[] {
  // template literals go first: they may hold Go source (`import "runtime"`), which is not an import of the package
  const src = text.replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const specs = [...src.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return [...new Set(specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)))].sort();
}

/** Every string leaf of an exports map. */
const targets = (e: unknown): string[] => (typeof e === 'string' ? [e] : e && typeof e === 'object' ? Object.values(e).flatMap(targets) : []);

test('importedPackages reads every import form', () => {
  const src = "import a from 'x';\nimport type { B } from '@s/b/deep';\nexport { c } from \"c\";\nimport 'side';\nconst d = await import('d');\nimport { e } from './local.js';\nimport f from 'node:fs';\n// from 'comment'\n/* require('block') */";
  expect(importedPackages(src)).toEqual(['@s/b', 'c', 'd', 'side', 'x']);
});

describe.each(dirs)('@gosim/%s', (d) => {
  const pkg = pkgOf(d);

  test('every package its src imports is a dependency', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), pkg.name]);
    const missing = sourceFiles(join(root, 'packages', d, 'src')).flatMap((f) => importedPackages(readFileSync(f, 'utf8')).filter((p) => !declared.has(p)).map((p) => `${p} (${f.slice(root.length + 1)})`));
    expect(missing).toEqual([]);
  });

  test('the published exports point only at files the tarball has (publishConfig drops @gosim/source)', () => {
    const published = pkg.publishConfig?.exports ?? pkg.exports ?? {};
    const files = ['package.json', ...(pkg.files ?? [])];
    const outside = targets(published).filter((t) => !files.some((f) => t.replace(/^\.\//, '') === f || t.replace(/^\.\//, '').startsWith(`${f}/`)));
    expect(outside).toEqual([]);
    // the workspace's own exports still reach src/ for the tests and the type checker
    expect(targets(pkg.exports)).toContain('./src/index.ts');
  });

  test('BSD-3-Clause, with the LICENSE file the tarball takes from the package folder', () => {
    expect(pkg.license).toBe('BSD-3-Clause');
    expect(readFileSync(join(root, 'packages', d, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
  });

  // tsup.base.ts's footer (not the CLI's: its chunks require one another): a CJS caller reads an export at every call
  const dist = join(root, 'packages', d, 'dist');
  const built = d !== 'cli' && existsSync(join(dist, 'index.cjs')) && existsSync(join(dist, 'index.js'));
  (built ? test : test.skip)('the CJS build exports plain values, the very ones of the ESM build under the same names', () => {
    const script = `import { createRequire } from 'node:module';
      const esm = await import(${JSON.stringify(join(dist, 'index.js'))});
      const cjs = createRequire(import.meta.url)(${JSON.stringify(join(dist, 'index.cjs'))});
      const own = Object.getOwnPropertyDescriptors(cjs);
      console.log(JSON.stringify({
        accessors: Object.keys(own).filter((k) => !('value' in own[k])),
        esModule: cjs.__esModule === true,
        names: Object.keys(cjs).sort().join() === Object.keys(esm).sort().join(),
        kinds: Object.keys(esm).filter((k) => typeof esm[k] !== typeof cjs[k] || (typeof esm[k] !== 'function' && typeof esm[k] !== 'object' && esm[k] !== cjs[k])),
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ accessors: [], esModule: true, names: true, kinds: [] });
  });
});

test('the root LICENSE is BSD-3-Clause of the gosim authors', () => {
  const text = readFileSync(join(root, 'LICENSE'), 'utf8');
  expect(text).toMatch(/^Copyright \(c\) \d{4} The gosim authors\. All rights reserved\.\n/);
  expect(text).toContain('3. Neither the name of the copyright holder nor the names of its');
});

test('no file of the repo refers to a document or path outside it', () => {
  const skip = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage']);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      skip.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
    );
  // built from parts so that this file does not match itself
  const outside = new RegExp(['\\.\\./', 'shared/'].join('') + '|' + ['/wo', 'rk/'].join(''));
  const hits = walk(root)
    .filter((f) => !/\.(tgz|png|jpg|ico|lock)$/.test(f))
    .filter((f) => outside.test(readFileSync(f, 'utf8')))
    .map((f) => f.slice(root.length + 1));
  expect(hits).toEqual([]);
});
