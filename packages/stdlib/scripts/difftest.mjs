#!/usr/bin/env node
// Differential tests of the Go sources in go/ against real Go's standard library (needs Go; skips
// without it): builds a temporary module where go/<pkg> is gs/std/<pkg>, and runs each program of
// difftest/ (random and edge-case inputs through both implementations; each prints "bad 0" when
// every result agrees). sort's runtime functions get a reflect-based body there.
//   node scripts/difftest.mjs [name...]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const goDir = join(here, '..', 'go');
const shimDir = join(here, 'shim');
const testDir = join(here, 'difftest');

if (spawnSync('go', ['version']).error) {
  console.log('difftest: go is not installed; skipped');
  process.exit(0);
}
const root = mkdtempSync(join(tmpdir(), 'gosim-difftest-'));
writeFileSync(join(root, 'go.mod'), 'module gs\n\ngo 1.19\n');
const std = join(root, 'std');
cpSync(goDir, std, { recursive: true });
for (const shim of ['math', 'io']) if (!existsSync(join(std, shim))) cpSync(join(shimDir, shim), join(std, shim), { recursive: true });
const provided = [];
const walk = (d, rel) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p, rel ? `${rel}/${n}` : n);
    else if (n.endsWith('.go') && !provided.includes(rel)) provided.push(rel);
  }
};
walk(std, '');
const importRe = new RegExp(`"(${provided.map((p) => p.replace(/\//g, '\\/')).join('|')})"`, 'g');
const rewrite = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) rewrite(p);
    else if (n.endsWith('.go')) writeFileSync(p, readFileSync(p, 'utf8').replace(/^import[\s\S]*?(?=\n(?:func|type|var|const|\/\/)\b)/m, (imps) => imps.replace(importRe, '"gs/std/$1"')));
  }
};
rewrite(std);
cpSync(join(testDir, 'sort_runtime.go.txt'), join(std, 'sort', 'runtime.go'));
const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(testDir).filter((n) => n.endsWith('.go.txt') && n !== 'sort_runtime.go.txt').map((n) => n.replace('.go.txt', ''));
let failed = 0;
for (const name of names) {
  mkdirSync(join(root, 'd', name), { recursive: true });
  cpSync(join(testDir, `${name}.go.txt`), join(root, 'd', name, 'main.go'));
  const r = spawnSync('go', ['run', `./d/${name}`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ok = r.status === 0 && /^bad 0$/m.test(r.stdout);
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n${r.stdout.slice(-3000)}${r.stderr.slice(-3000)}`}`);
}
process.exit(failed ? 1 : 0);
