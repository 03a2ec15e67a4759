#!/usr/bin/env node
// Until gosim resolves imports of standard packages, runs a test program that imports
// packages of packages/stdlib/go by flattening them into one `package main` file: every
// top-level name N of package p becomes p_N, and `p.N` in code becomes p_N.
// Usage: node harness.mjs TEST.go [--out FILE] [--go]
//   --go: also run TEST.go itself with real Go (its real standard library, when Go is
//   installed) and compare the outputs.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const goRoot = resolve(here, '..', 'go');
const shimRoot = resolve(here, 'shim');
const repo = resolve(here, '..', '..', '..');

/** Splits Go source into code and non-code (strings, runes, comments) pieces. */
function pieces(src) {
  const out = [];
  let i = 0, code = '';
  const flush = () => { if (code) out.push({ code: true, text: code }); code = ''; };
  while (i < src.length) {
    const c = src[i];
    let j = -1;
    if (c === '/' && src[i + 1] === '/') { j = src.indexOf('\n', i); if (j < 0) j = src.length; }
    else if (c === '/' && src[i + 1] === '*') j = src.indexOf('*/', i + 2) + 2;
    else if (c === '`') j = src.indexOf('`', i + 1) + 1;
    else if (c === '"' || c === "'") {
      j = i + 1;
      while (src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      j++;
    }
    if (j < 0) { code += c; i++; continue; }
    flush();
    out.push({ code: false, text: src.slice(i, j) });
    i = j;
  }
  flush();
  return out;
}

function pkgDir(path) {
  for (const root of [goRoot, shimRoot]) {
    const d = join(root, path);
    try { if (readdirSync(d).some((f) => f.endsWith('.go'))) return d; } catch { /* next */ }
  }
  return undefined;
}

function parseImports(src) {
  const imps = [];
  const block = /^import\s*\(([\s\S]*?)\)/m.exec(src);
  if (block) for (const m of block[1].matchAll(/"([^"]+)"/g)) imps.push(m[1]);
  for (const m of src.matchAll(/^import\s+"([^"]+)"/gm)) imps.push(m[1]);
  return imps;
}

function stripHeader(src) {
  return src.replace(/^package\s+\w+.*$/m, '').replace(/^import\s*\([\s\S]*?\)/m, '').replace(/^import\s+"[^"]+".*$/gm, '');
}

/** Top-level names declared in src (func, type, var, const, grouped or not). */
function topNames(src) {
  const names = new Set();
  const code = pieces(src).map((p) => (p.code ? p.text : p.text.replace(/[^\n]/g, ' '))).join('');
  for (const m of code.matchAll(/^func\s+(\w+)/gm)) names.add(m[1]);
  for (const m of code.matchAll(/^(?:type|var|const)\s+(\w+)/gm)) names.add(m[1]);
  for (const m of code.matchAll(/^(?:type|var|const)\s*\(([\s\S]*?)^\)/gm)) {
    for (const l of m[1].matchAll(/^\t(\w+(?:\s*,\s*\w+)*)/gm)) for (const n of l[1].split(/\s*,\s*/)) names.add(n);
  }
  names.delete('init'); names.delete('_');
  return names;
}

const mangle = (path) => path.replace(/\//g, '_').replace(/^.*_/, '') ;

function flatten(testFile) {
  const order = [];
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const dir = pkgDir(path);
    if (!dir) return; // not ours (e.g. runtime): kept as an import
    const files = readdirSync(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).sort();
    const srcs = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const s of srcs) for (const imp of parseImports(s)) visit(imp);
    order.push({ path, srcs });
  };
  const test = readFileSync(testFile, 'utf8');
  const keep = [];
  for (const imp of parseImports(test)) { if (pkgDir(imp)) visit(imp); else keep.push(imp); }
  for (const p of order) for (const s of p.srcs) for (const imp of parseImports(s)) if (!pkgDir(imp) && !keep.includes(imp)) keep.push(imp);
  const qualRe = new RegExp(`\\b(${order.map((p) => mangle(p.path)).join('|') || '$^'})\\.(\\w+)`, 'g');
  const rewrite = (src, prefix, names, types = new Set()) => pieces(stripHeader(src)).map((p) => {
    if (!p.code) return p.text;
    let t = p.text.replace(qualRe, '$1_$2');
    // Method names (in a method declaration or an inline interface type such as
    // `interface{ Unwrap() error }`) are not renamed.
    const isMethodName = (whole, at) => {
      const line = whole.slice(whole.lastIndexOf('\n', at - 1) + 1, at);
      return /^func\s*\([^)]*\)\s*$/.test(line) || /interface\s*\{\s*$/.test(line);
    };
    if (prefix) t = t.replace(/(^|[^.\w])([A-Za-z_]\w*)\b/g, (all, pre, n, off, whole) =>
      (names.has(n) && !isMethodName(whole, off + pre.length) ? `${pre}${prefix}_${n}` : all));
    // An embedded field named after one of the package's types is selected by that (renamed) name.
    if (prefix) t = t.replace(/\.([A-Z]\w*)\b/g, (all, n) => (types.has(n) ? `.${prefix}_${n}` : all));
    // A runtime function (bodyless declaration) cannot be flattened: it panics when called.
    if (prefix) t = t.replace(/^(func\s+\w+\s*\([^)]*\)[^{\n]*?)\s*$/gm, (all, decl) => `${decl} { panic("harness: runtime function") }`);
    return t;
  }).join('');
  let out = 'package main\n\n';
  if (keep.length) out += `import (\n${keep.map((k) => `\t"${k}"\n`).join('')})\n`;
  for (const p of order) {
    const names = new Set();
    for (const s of p.srcs) for (const n of topNames(s)) names.add(n);
    const types = new Set();
    for (const s of p.srcs) for (const m of s.matchAll(/^type\s+([A-Z]\w*)/gm)) types.add(m[1]);
    for (const s of p.srcs) out += `\n// ---- ${p.path}\n` + rewrite(s, mangle(p.path), names, types);
  }
  out += '\n// ---- test\n' + rewrite(test, '', new Set());
  return out;
}

const args = process.argv.slice(2);
const testFile = args.find((a) => !a.startsWith('--'));
if (!testFile) { console.error('usage: harness.mjs TEST.go [--out FILE] [--go]'); process.exit(2); }
const flat = flatten(testFile);
const oi = args.indexOf('--out');
const outFile = oi >= 0 ? args[oi + 1] : join(mkdtempSync(join(tmpdir(), 'gosim-harness-')), 'main.go');
writeFileSync(outFile, flat);
const run = (cmd, argv) => spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
const g = run('node', [join(repo, 'packages/cli/bin/gosim.cjs'), 'run', outFile]);
if (!args.includes('--go')) {
  process.stdout.write(g.stdout); process.stderr.write(g.stderr); process.exit(g.status ?? 1);
}
const r = run('go', ['run', testFile]);
if (r.error) { console.log('go not installed'); process.exit(0); }
const same = g.stdout === r.stdout && g.stderr.replace(/^exit status \d+\n$/m, '') === r.stderr.replace(/^exit status \d+\n$/m, '');
if (same) { console.log(`ok ${testFile} (${(g.stdout + g.stderr).split('\n').length - 1} lines)`); process.exit(0); }
const gl = g.stdout.split('\n'), rl = r.stdout.split('\n');
for (let i = 0; i < Math.max(gl.length, rl.length); i++) {
  if (gl[i] !== rl[i]) { console.log(`DIFF ${testFile} line ${i + 1}\n gosim: ${gl[i]}\n go:    ${rl[i]}`); break; }
}
if (g.stderr !== r.stderr) console.log(`stderr gosim:\n${g.stderr.slice(0, 2000)}\nstderr go:\n${r.stderr.slice(0, 2000)}`);
console.log(`flattened file: ${outFile}`);
process.exit(1);
