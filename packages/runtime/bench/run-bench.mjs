#!/usr/bin/env node
// Per-operation cost of one corpus/bench program: compiles it once, runs it R times through the
// built dist, and prints the median wall time divided by the operation count given on the command line.
//   node packages/runtime/bench/run-bench.mjs NAME|FILE.go OPS [RUNS]     (e.g. bench_defer_loop 1000000 5)
// POLICY=SPEC and TIER=interp|compiled in the environment choose the policy (default new) and the tier.
// Profile with: node --cpu-prof packages/runtime/bench/run-bench.mjs NAME OPS
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const [name, opsArg, runsArg] = process.argv.slice(2);
if (!name || !opsArg) {
  console.error('usage: run-bench.mjs NAME OPS [RUNS]');
  process.exit(64);
}
const { compile, formatDiagnostic } = await import(join(root, 'packages/golang/dist/index.js'));
const { runModule, parsePolicy, codegenOf } = await import(join(root, 'packages/runtime/dist/index.js'));
const policy = parsePolicy(process.env.POLICY ?? 'new');
const file = name.endsWith('.go') ? name : join(root, 'corpus/bench', `${name}.go`);
const c = compile(readFileSync(file, 'utf8'), `${name}.go`, { codegen: codegenOf(policy) });
if (!c.module) {
  console.error(c.diagnostics.map(formatDiagnostic).join('\n'));
  process.exit(65);
}
const times = [];
let out = '';
for (let i = 0; i < Number(runsArg ?? 3); i++) {
  const t = performance.now();
  const r = runModule(c.module, { policy, tier: process.env.TIER || undefined });
  times.push(performance.now() - t);
  out = r.stderr.trim().split('\n').pop();
}
const order = times.map((t) => t.toFixed(0)).join(' ');
times.sort((a, b) => a - b);
const med = times[times.length >> 1];
console.log(`${name}: ${med.toFixed(0)} ms median of ${times.length}, ${((med * 1e6) / Number(opsArg)).toFixed(0)} ns/op (${out}); in order: ${order}`);
