// Which files of Go's test suite are `// run` programs for linux/amd64, as Go 1.19's test/run.go decides:
// the recipe is the text up to the first blank line (a first line holding "+build" dropped), without its
// leading `//`, split into words; `run` with no further words (or only `-t N`, a timeout) is taken; build
// constraints (`//go:build` and `// +build` lines before `package`) are evaluated for linux/amd64 with gc and cgo.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders run.go walks. */
export const testDirs = ['.', 'ken', 'chan', 'interface', 'syntax', 'dwarf', 'fixedbugs', 'codegen', 'runtime', 'abi', 'typeparam', 'typeparam/mdempsky'];

const tags = new Set(['linux', 'amd64', 'gc', 'cgo', 'unix', 'test_run']);
for (let i = 1; i <= 19; i++) tags.add(`go1.${i}`);

/** Evaluates a `//go:build` expression (||, &&, !, parentheses, tags). */
export function evalBuildExpr(expr) {
  const toks = expr.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+/g) ?? [];
  let i = 0;
  const or = () => { let v = and(); while (toks[i] === '||') { i++; v = and() || v; } return v; };
  const and = () => { let v = not(); while (toks[i] === '&&') { i++; v = not() && v; } return v; };
  const not = () => {
    if (toks[i] === '!') { i++; return !not(); }
    if (toks[i] === '(') { i++; const v = or(); i++; return v; }
    return tags.has(toks[i++] ?? '');
  };
  return or();
}

/** True when the header's build constraints hold on linux/amd64. */
export function buildOK(header) {
  const plus = [];
  for (const line of header.split('\n')) {
    if (line.startsWith('package ')) break;
    const g = /^\/\/go:build\s+(.*)$/.exec(line);
    if (g) return evalBuildExpr(g[1]);
    const p = /^\/\/ \+build\s+(.*)$/.exec(line);
    if (p) plus.push(p[1]);
  }
  // `// +build a,b c` = (a && b) || c; several lines are and-ed
  return plus.every((l) => l.trim().split(/\s+/).some((term) => term.split(',').every((t) => (t.startsWith('!') ? !tags.has(t.slice(1)) : tags.has(t)))));
}

/** Why a source is not a plain `// run` test, or undefined when it is one. */
export function notRun(src) {
  if (src.startsWith('\n')) return 'starts with newline';
  const cut = src.indexOf('\n\n');
  if (cut < 0) return 'no recipe';
  let action = src.slice(0, cut);
  const nl = action.indexOf('\n');
  if (nl >= 0 && action.slice(0, nl).includes('+build')) action = action.slice(nl + 1);
  action = action.replace(/^\/\//, '');
  const words = action.trim().split(/\s+/);
  if (words[0] !== 'run') return `recipe ${words[0]}`;
  const rest = words.slice(1);
  if (rest[0] === '-t' && rest.length === 2) rest.splice(0, 2);
  if (rest.length > 0) return `run with arguments: ${rest.join(' ')}`;
  const pkg = src.indexOf('\npackage');
  if (!buildOK(pkg >= 0 ? src.slice(0, pkg) : action)) return 'build constraints exclude linux/amd64';
  return undefined;
}

/** The import paths of a source file (single and grouped imports). */
export function imports(src) {
  const out = [];
  const re = /^import\s*(?:\(([\s\S]*?)\)|([^\n]*))/gm;
  for (let m; (m = re.exec(src)); ) {
    const block = m[1] ?? m[2] ?? '';
    for (const q of block.matchAll(/"([^"]*)"/g)) out.push(q[1]);
  }
  return out;
}

/** Programs that import nothing or only "runtime". */
export function runtimeOnly(src) {
  return imports(src).every((p) => p === 'runtime');
}

/** The packages of issue 11's measure: a program importing only these (and not only runtime) is in --stdlib. */
export const stdlibGroup = new Set(['fmt', 'os', 'strings', 'errors', 'runtime', 'sync', 'time', 'sort', 'strconv', 'unsafe', 'reflect']);

export function stdlibOnly(src) {
  const ps = imports(src);
  return ps.some((p) => p !== 'runtime') && ps.every((p) => stdlibGroup.has(p));
}

/** Every `// run` program under goroot/test, as { rel, path, src, dir }. */
export function findRunTests(testRoot) {
  const found = [];
  for (const d of testDirs) {
    let names;
    try {
      names = readdirSync(join(testRoot, d)).filter((f) => f.endsWith('.go')).sort();
    } catch {
      continue;
    }
    for (const f of names) {
      const path = join(testRoot, d, f);
      const src = readFileSync(path, 'utf8');
      if (notRun(src) === undefined) found.push({ rel: d === '.' ? f : `${d}/${f}`, path, src, dir: d });
    }
  }
  return found;
}
