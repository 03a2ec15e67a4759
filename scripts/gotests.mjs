#!/usr/bin/env node
// `pnpm gotests`: the `// run` programs of Go's own test suite ($(go env GOROOT)/test) through the BUILT gosim,
// judged as Go's test/run.go judges them: the program must exit 0 and its combined stdout+stderr must equal the
// .out file next to it (no .out: empty output). Not part of CI (it needs Go's test folder).
//
//   node scripts/gotests.mjs [--filter RE] [--runtime-only] [--stdlib] [--dirs d1,d2] [--jobs N] [--timeout SEC]
//                            [--max-steps N] [--copy-stack-every N] [--gc-every N] [--policy SPEC] [--tier interp|compiled] [--out DIR] [--json] [--goroot DIR]
//
// Prints counts (match, rejected with the feature named, compile error, wrong output, crashed), the rejected
// features grouped and counted, a per-folder summary, and writes DIR/table.tsv (per file) and DIR/summary.md.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '@gosim/runtime';
import { Pool } from './gotests/pool.mjs';
import { findRunTests, runtimeOnly, stdlibOnly, testDirs } from './gotests/select.mjs';

process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 1 : 70));
const here = dirname(fileURLToPath(import.meta.url));
const usage = 'usage: pnpm gotests [--filter RE] [--runtime-only] [--stdlib] [--dirs d1,d2] [--jobs N] [--timeout SEC] [--max-steps N] [--copy-stack-every N] [--gc-every N] [--policy SPEC] [--tier interp|compiled] [--out DIR] [--json] [--goroot DIR]';

function die(msg) {
  process.stderr.write(`gotests: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { filter: undefined, runtimeOnly: false, dirs: testDirs, jobs: Math.max(1, Math.floor(availableParallelism() / 2)), timeout: 60, maxSteps: 200_000_000, copyStackEvery: undefined, gcEvery: undefined, policy: undefined, tier: undefined, out: 'gotests-out', json: false, goroot: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : die(`flag ${a} needs a value\n${usage}`));
    const positive = () => { const s = value(); if (!/^[0-9]+$/.test(s) || Number(s) < 1) die(`flag ${a}: want a positive integer, not "${s}"`); return Number(s); };
    switch (a) {
      case '--': break;
      case '--filter': o.filter = new RegExp(value()); break;
      case '--runtime-only': o.runtimeOnly = true; break;
      case '--stdlib': o.stdlib = true; break;
      case '--dirs': o.dirs = value().split(',').filter(Boolean); break;
      case '--jobs': o.jobs = positive(); break;
      case '--timeout': o.timeout = positive(); break;
      case '--max-steps': o.maxSteps = positive(); break;
      // the run's stress modes (gosim run --copy-stack-every / --gc-every): the same programs must still match
      case '--copy-stack-every': o.copyStackEvery = positive(); break;
      case '--gc-every': o.gcEvery = positive(); break;
      // a policy spec as gosim run --policy takes (e.g. deferpanic=go1.13,copystack=go1.13,gc=go1.13)
      case '--tier': o.tier = value(); if (o.tier !== 'interp' && o.tier !== 'compiled') die('flag --tier: interp or compiled'); break;
      case '--policy': o.policy = value(); try { parsePolicy(o.policy); } catch (e) { die(`flag --policy: ${e.message}`); } break;
      case '--out': o.out = value(); break;
      case '--json': o.json = true; break;
      case '--goroot': o.goroot = value(); break;
      case '-h': case '--help': process.stdout.write(`${usage}\n`); process.exit(0); break;
      default: die(`unknown flag ${a}\n${usage}`);
    }
  }
  return o;
}

function goroot(o) {
  if (o.goroot) return o.goroot;
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    return process.env.GOROOT;
  }
}

/** The first line where two texts differ, shortened. */
function firstDiff(want, got) {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: want ${JSON.stringify((a[i] ?? '<end>').slice(0, 80))}, got ${JSON.stringify((b[i] ?? '<end>').slice(0, 80))}`;
  }
  return 'same text';
}

function firstLine(s) {
  return (s ?? '').split('\n')[0].replace(/\t/g, ' ').slice(0, 200);
}

/** The verdict of run.go's rule on gosim's result. */
function judge(r, expected) {
  switch (r.kind) {
    case 'ran':
      if (r.exit === 0 && r.combined === expected) return { result: 'match', detail: '' };
      return { result: 'wrong', detail: r.exit !== 0 ? `exit ${r.exit}: ${firstLine(r.combined.split('\n').find((l) => /panic|fatal|error/.test(l)) ?? r.combined)}` : firstDiff(expected, r.combined) };
    case 'rejected': return { result: 'rejected', detail: r.feature };
    case 'compile-error': return { result: 'compile-error', detail: firstLine(r.message).replace(/^[^:]*:\d+:\d+: /, '') };
    case 'limit': return { result: 'crashed', detail: `gosim limit: ${firstLine(r.message)}` };
    default: return { result: 'crashed', detail: `${r.kind}: ${firstLine(r.message)}` };
  }
}

const order = ['match', 'rejected', 'compile-error', 'wrong', 'crashed'];

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const root = goroot(o);
  const testRoot = root ? join(root, 'test') : undefined;
  if (!testRoot || !existsSync(testRoot)) {
    process.stdout.write(`gotests: skipped: Go's test suite not found (${testRoot ?? 'go not on PATH and no GOROOT'}); install Go or pass --goroot\n`);
    return 0;
  }
  let tests = findRunTests(testRoot).filter((t) => o.dirs.includes(t.dir));
  if (o.runtimeOnly) tests = tests.filter((t) => runtimeOnly(t.src));
  if (o.stdlib) tests = tests.filter((t) => stdlibOnly(t.src));
  if (o.filter) tests = tests.filter((t) => o.filter.test(t.rel));
  if (tests.length === 0) die('no tests selected');
  if (!o.json) process.stdout.write(`gotests: ${tests.length} \`// run\` programs from ${testRoot}${o.runtimeOnly ? ' (runtime-only)' : ''}${o.stdlib ? ' (stdlib group)' : ''}, ${o.jobs} jobs, timeout ${o.timeout}s, step limit ${o.maxSteps}${o.copyStackEvery ? `, copy stack every ${o.copyStackEvery}` : ''}${o.gcEvery ? `, GC every ${o.gcEvery}` : ''}${o.policy ? `, policy ${o.policy}` : ''}${o.tier ? `, tier ${o.tier}` : ''}\n`);

  const pool = new Pool(new URL('./gotests/worker.mjs', import.meta.url), o.jobs, o.timeout * 1000);
  const rows = [];
  const t0 = Date.now();
  let done = 0;
  await Promise.all(tests.map(async (t) => {
    const outFile = t.path.replace(/\.go$/, '.out');
    const expected = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    const started = Date.now();
    const r = await pool.run({ src: t.src, filename: `./${basename(t.path)}`, maxSteps: o.maxSteps, copyStackEvery: o.copyStackEvery, gcEvery: o.gcEvery, policy: o.policy, tier: o.tier });
    if (r.kind === 'internal' && /Cannot find (package|module)/.test(r.message)) die(`${r.message}; run \`pnpm install && pnpm build\` first`);
    const v = judge(r, expected);
    rows.push({ file: t.rel, dir: t.dir, ...v, ms: Date.now() - started });
    done++;
    if (!o.json && process.stdout.isTTY) process.stdout.write(`\r${done}/${tests.length}`);
  }));
  pool.close();
  if (!o.json && process.stdout.isTTY) process.stdout.write('\r');
  rows.sort((a, b) => (a.file < b.file ? -1 : 1));

  const count = (res, rs = rows) => rs.filter((r) => r.result === res).length;
  const features = new Map();
  for (const r of rows) if (r.result === 'rejected') features.set(r.detail, (features.get(r.detail) ?? 0) + 1);
  const byFeature = [...features].sort((a, b) => b[1] - a[1]);
  const dirs = [...new Set(rows.map((r) => r.dir))];
  const perDir = dirs.map((d) => { const rs = rows.filter((r) => r.dir === d); return { dir: d, total: rs.length, ...Object.fromEntries(order.map((k) => [k, count(k, rs)])) }; });
  const totals = Object.fromEntries(order.map((k) => [k, count(k)]));

  const out = resolve(o.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '.gitignore'), '*\n');
  writeFileSync(join(out, 'table.tsv'), `file\tresult\tdetail\tms\n${rows.map((r) => `${r.file}\t${r.result}\t${r.detail}\t${r.ms}`).join('\n')}\n`);
  const md = [`# gotests (${tests.length} programs${o.runtimeOnly ? ', runtime-only' : ''}${o.stdlib ? ', stdlib group' : ''})`, '',
    `| folder | programs | ${order.join(' | ')} |`, `|---|---|${order.map(() => '---').join('|')}|`,
    ...perDir.map((d) => `| ${d.dir} | ${d.total} | ${order.map((k) => d[k]).join(' | ')} |`),
    `| all | ${rows.length} | ${order.map((k) => totals[k]).join(' | ')} |`, '',
    '## rejected, by feature', '', ...byFeature.map(([f, n]) => `- ${n} ${f}`), '',
    ...['compile-error', 'wrong', 'crashed'].flatMap((k) => [`## ${k}`, '', ...rows.filter((r) => r.result === k).map((r) => `- ${r.file}: ${r.detail}`), ''])];
  writeFileSync(join(out, 'summary.md'), `${md.join('\n')}\n`);

  if (o.json) {
    process.stdout.write(`${JSON.stringify({ programs: rows.length, ...totals, rejectedByFeature: Object.fromEntries(byFeature), perDir, rows }, null, 1)}\n`);
  } else {
    process.stdout.write('rejected, by feature:\n');
    for (const [f, n] of byFeature) process.stdout.write(`  ${String(n).padStart(4)} ${f}\n`);
    for (const k of ['compile-error', 'wrong', 'crashed']) {
      const rs = rows.filter((r) => r.result === k);
      if (rs.length) process.stdout.write(`${k}:\n${rs.map((r) => `  ${r.file}: ${r.detail}\n`).join('')}`);
    }
    process.stdout.write('per folder:\n');
    for (const d of perDir) process.stdout.write(`  ${d.dir.padEnd(20)} ${String(d.total).padStart(4)}: ${order.map((k) => `${d[k]} ${k}`).join(', ')}\n`);
    process.stdout.write(`table: ${join(out, 'table.tsv')}, ${join(out, 'summary.md')}; ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
    process.stdout.write(`gotests: ${rows.length} programs: ${totals.match} match, ${totals.rejected} rejected, ${totals['compile-error']} compile error, ${totals.wrong} wrong output, ${totals.crashed} crashed\n`);
  }
  return 0;
}

process.exitCode = await main();
