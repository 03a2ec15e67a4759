#!/usr/bin/env node
// Conformance run: every corpus/conformance/NN_topic.go through the BUILT @gosim/golang and @gosim/runtime
// (run `pnpm build` first), compared with NN_topic.expected (what Go 1.19.8 did): exit status, stdout, normalized
// stderr and the `traceback:` header, with exactly the normalization of the corpus README.
//
//   node scripts/conformance.mjs [--plugin PATH]... [--policy SPEC] [--tier interp|compiled] [--compile-after N] [--copy-stack-every N] [--gc-every N] [--only NN[,NN...]]
//
// The corpus folder is `corpus/conformance` in the repo (a copy of the shared corpus), or
// $GOSIM_CONFORMANCE_DIR. Prints a diff per mismatch, the slowest programs, and last
// `conformance: P passed, F failed`. Exit status 0 when every program passed, 1 otherwise (also for bad flags or
// a missing build).

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// A closed pipe (`… | head`) ends the run quietly.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 1 : 70));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A folder as a short path: relative to the working directory when that is short, else absolute. */
function shown(dir) {
  const rel = relative(process.cwd(), dir) || '.';
  return rel.startsWith('../..') ? dir : rel;
}

function die(msg) {
  process.stderr.write(`conformance: ${msg}\n`);
  process.exit(1);
}

// ---- flags --------------------------------------------------------------------------------------------------

const usage = 'usage: node scripts/conformance.mjs [--plugin PATH]... [--policy SPEC] [--tier interp|compiled] [--compile-after N] [--copy-stack-every N] [--gc-every N] [--only NN[,NN...]]';

function parseArgs(argv) {
  const o = { policy: 'new', tier: undefined, compileAfter: undefined, plugins: [], copyStackEvery: undefined, gcEvery: undefined, only: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const value = () => {
      if (v !== undefined) return v;
      if (i + 1 >= argv.length) die(`flag ${a} needs a value\n${usage}`);
      return argv[++i];
    };
    const positive = () => {
      const s = value();
      if (!/^[0-9]+$/.test(s) || Number(s) < 1) die(`flag ${a}: want a positive integer, not "${s}"`);
      return Number(s);
    };
    switch (a) {
      case '--policy': o.policy = value(); break;
      case '--plugin': o.plugins.push(value()); break;
      case '--tier': o.tier = value(); if (o.tier !== 'interp' && o.tier !== 'compiled') die(`flag --tier: want interp or compiled, not "${o.tier}"`); break;
      case '--compile-after': { const s = value(); if (!/^[0-9]+$/.test(s)) die(`flag --compile-after: want a non-negative integer, not "${s}"`); o.compileAfter = Number(s); break; }
      case '--copy-stack-every': o.copyStackEvery = positive(); break;
      case '--gc-every': o.gcEvery = positive(); break;
      case '--only': o.only.push(...value().split(',').map((s) => s.trim()).filter(Boolean)); break;
      case '-h': case '--help': process.stdout.write(`${usage}\n`); process.exit(0); break;
      default: die(`unknown flag ${argv[i]}\n${usage}`);
    }
  }
  return o;
}

// ---- the .expected format ---------------------------------------------------------------------------------
// The normalization itself is the runtime's normalizeOutput (one rule for every comparison with real Go).

/** Splits text into lines; a final newline ends the last line rather than starting an empty one. */
function splitLines(s) {
  if (s === '') return [];
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** A result in the .expected format, as lines (what the diff compares). */
function render(r) {
  return [`exit: ${r.exit}`, `traceback: ${r.traceback}`, '--- stdout', ...splitLines(r.stdout), '--- stderr', ...splitLines(r.stderr)];
}

function same(a, b) {
  return a.exit === b.exit && a.traceback === b.traceback && a.stdout === b.stdout && a.stderr === b.stderr;
}

// ---- a small unified diff ----------------------------------------------------------------------------------

/** Edit script between two line arrays (LCS; falls back to a plain replace for very large inputs). */
function editScript(a, b) {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return [...a.map((l) => ['-', l]), ...b.map((l) => ['+', l])];
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) { out.push(['-', a[i]]); i++; }
    else { out.push(['+', b[j]]); j++; }
  }
  return out;
}

function unifiedDiff(a, b, fromName, toName, context = 3) {
  const ops = editScript(a, b);
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  const changed = ops.map((o, k) => (o[0] !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    let start = Math.max(0, changed[k] - context);
    let end = Math.min(ops.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= end) end = Math.min(ops.length, changed[++k] + context + 1);
    k++;
    // line numbers at the hunk start
    let ai = 1;
    let bi = 1;
    for (let x = 0; x < start; x++) { if (ops[x][0] !== '+') ai++; if (ops[x][0] !== '-') bi++; }
    const hunk = ops.slice(start, end);
    const an = hunk.filter((o) => o[0] !== '+').length;
    const bn = hunk.filter((o) => o[0] !== '-').length;
    out.push(`@@ -${ai},${an} +${bi},${bn} @@`);
    for (const [op, line] of hunk) out.push(`${op}${line}`);
  }
  return out.join('\n');
}

// ---- running ------------------------------------------------------------------------------------------------

async function load(name) {
  try {
    return await import(name);
  } catch (e) {
    die(`cannot load ${name} (${String(e?.message ?? e).split('\n')[0]}); run \`pnpm install && pnpm build\` at the repo root first`);
  }
}

async function mainRunner() {
  const opts = parseArgs(process.argv.slice(2));
  const golang = await load('@gosim/golang');
  const runtime = await load('@gosim/runtime');
  if (typeof golang.compile !== 'function') die('@gosim/golang has no compile() in its build; rebuild it (pnpm build)');

  // a variant module's pieces are registered before the spec is parsed (explore's loader: .js, .mjs, .ts, packages)
  if (opts.plugins.length > 0) {
    const explore = await load(join(repoRoot, 'packages', 'explore', 'dist', 'index.js'));
    try {
      explore.loadPlugins(opts.plugins, process.cwd());
    } catch (e) {
      die(e instanceof explore.PluginError ? e.message : `internal error loading plugins: ${e?.message ?? e}`);
    }
  }
  let policy;
  try {
    policy = runtime.parsePolicy(opts.policy);
  } catch (e) {
    die(`--policy ${opts.policy}: ${e.message}`);
  }

  const dir = resolve(process.env.GOSIM_CONFORMANCE_DIR ?? join(repoRoot, 'corpus', 'conformance'));
  let names;
  try {
    names = readdirSync(dir).filter((f) => /\.go$/.test(f)).sort();
  } catch (e) {
    die(`cannot read the corpus folder ${dir}: ${e.message} (set GOSIM_CONFORMANCE_DIR)`);
  }
  if (opts.only.length > 0) names = names.filter((f) => opts.only.some((p) => f.startsWith(p)));
  if (names.length === 0) die(`no programs to run in ${dir}${opts.only.length ? ` matching --only ${opts.only.join(',')}` : ''}`);

  const runOpts = { policy };
  if (opts.copyStackEvery !== undefined) runOpts.copyStackEvery = opts.copyStackEvery;
  if (opts.gcEvery !== undefined) runOpts.gcEvery = opts.gcEvery;
  if (opts.tier !== undefined) runOpts.tier = opts.tier;
  if (opts.compileAfter !== undefined) runOpts.compileAfter = opts.compileAfter;
  const setting = [`policy=${runtime.policyName(policy)}`,
    ...(opts.copyStackEvery !== undefined ? [`copy-stack-every=${opts.copyStackEvery}`] : []),
    ...(opts.gcEvery !== undefined ? [`gc-every=${opts.gcEvery}`] : []),
    ...(opts.tier !== undefined ? [`tier=${opts.tier}`] : []),
    ...(opts.compileAfter !== undefined ? [`compile-after=${opts.compileAfter}`] : [])].join(' ');
  process.stdout.write(`conformance: ${names.length} programs from ${shown(dir)} (${setting})\n`);

  let passed = 0;
  const failed = [];
  const times = [];
  const t0 = performance.now();
  for (const file of names) {
    const name = basename(file, '.go');
    const path = join(dir, file);
    let expectedText;
    try {
      expectedText = readFileSync(join(dir, `${name}.expected`), 'utf8');
    } catch {
      process.stdout.write(`FAIL ${name}: no ${name}.expected\n`);
      failed.push(name);
      continue;
    }
    let expected;
    try {
      expected = runtime.parseExpected(expectedText);
    } catch {
      die(`${name}.expected: not in the expected format (exit:, traceback:, --- stdout, --- stderr)`);
    }

    const start = performance.now();
    let got;
    let note = '';
    try {
      const src = readFileSync(path, 'utf8');
      // compiled for the policy's codegen (go1.13's deferpanic asks for stack-allocated defer records)
      const c = golang.compile(src, `./${file}`, { codegen: runtime.codegenOf(policy) });
      if (!c.module || c.diagnostics.length > 0) {
        const diag = c.diagnostics.map((d) => `${golang.formatDiagnostic(d)}\n`).join('');
        got = { exit: 1, stdout: '', stderrRaw: diag || 'compile returned no module\n' };
        note = 'compile errors';
      } else {
        const r = runtime.runModule(c.module, runOpts);
        got = { exit: r.exitCode, stdout: r.stdout, stderrRaw: r.stderr };
        if (r.limit) note = `gosim limit: ${r.limit.message}`;
      }
    } catch (e) {
      got = { exit: 70, stdout: '', stderrRaw: `gosim: internal error: ${e?.message ?? e}\n` };
      note = 'internal error';
      if (process.env.GOSIM_DEBUG === '1') process.stderr.write(`${e?.stack ?? e}\n`);
    }
    const ms = performance.now() - start;
    times.push([name, ms]);

    const actual = runtime.normalizeOutput(got.exit, got.stdout, got.stderrRaw);
    if (same(expected, actual)) {
      passed++;
      process.stdout.write(`ok   ${name} (${ms.toFixed(0)} ms)\n`);
    } else {
      failed.push(name);
      process.stdout.write(`FAIL ${name} (${ms.toFixed(0)} ms)${note ? ` — ${note}` : ''}\n`);
      process.stdout.write(`${unifiedDiff(render(expected), render(actual), `${name}.expected (go 1.19.8)`, `gosim ${setting}`)}\n\n`);
    }
  }
  const total = performance.now() - t0;
  times.sort((a, b) => b[1] - a[1]);
  process.stdout.write(`slowest: ${times.slice(0, 5).map(([n, ms]) => `${n} ${(ms / 1000).toFixed(2)}s`).join(', ')}; total ${(total / 1000).toFixed(1)}s\n`);
  if (failed.length > 0) process.stdout.write(`failed: ${failed.join(' ')}\n`);
  process.stdout.write(`conformance: ${passed} passed, ${failed.length} failed\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await mainRunner();
