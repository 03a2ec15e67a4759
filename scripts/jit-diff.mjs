// Differential check of the execution tiers: every program runs under --tier interp and --tier compiled (every
// function compiled at its first call: compileAfter 0)
// and must give the same exit, stdout, stderr, step count and event stream (onEvent, hashed).
//   node scripts/jit-diff.mjs [--policy SPEC] [--copy-stack-every N] [--gc-every N] [--max-steps N] [--fuzz N] [FILE.go|DIR]...
// --fuzz N: N random programs from @gosim/fuzz (seeds 1..N) instead of the default folders.
// Default inputs: corpus/conformance, examples, corpus/bench. Exit 1 on any difference.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const golang = await import('@gosim/golang');
const runtime = await import('@gosim/runtime');

const args = process.argv.slice(2);
const stress = {};
const inputs = [];
let fuzz = 0;
let policy = runtime.policies.new;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--copy-stack-every') stress.copyStackEvery = Number(args[++i]);
  else if (a === '--gc-every') stress.gcEvery = Number(args[++i]);
  else if (a === '--max-steps') stress.maxSteps = Number(args[++i]);
  else if (a === '--fuzz') fuzz = Number(args[++i]);
  else if (a === '--policy') policy = runtime.parsePolicy(args[++i]);
  else if (a.startsWith('--')) { process.stderr.write(`jit-diff: unknown flag ${a}\n`); process.exit(2); }
  else inputs.push(resolve(a));
}
if (inputs.length === 0 && fuzz === 0) inputs.push(join(root, 'corpus/conformance'), join(root, 'examples'), join(root, 'corpus/bench'));
const files = inputs.flatMap((p) => statSync(p).isDirectory()
  ? readdirSync(p).filter((f) => f.endsWith('.go')).sort().map((f) => join(p, f)) : [p]);

function runTier(mod, tier) {
  const h = createHash('sha256');
  let n = 0;
  const onEvent = (e) => { n++; h.update(JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))); };
  const t0 = performance.now();
  const r = runtime.runModule(mod, { ...stress, policy, maxSteps: stress.maxSteps ?? 50_000_000, tier, compileAfter: 0, onEvent });
  return { exit: r.exitCode, stdout: r.stdout, stderr: r.stderr, steps: r.steps, events: `${n}:${h.digest('hex').slice(0, 16)}`, ms: performance.now() - t0 };
}

const programs = files.map((f) => ({ name: relative(root, f), src: () => readFileSync(f, 'utf8') }));
if (fuzz > 0) {
  const { generateProgram, programSeed } = await import('@gosim/fuzz');
  for (let i = 0; i < fuzz; i++) programs.push({ name: `fuzz#${i}`, src: () => generateProgram(programSeed(1, i)) });
}

let bad = 0;
let same = 0;
for (const { name, src } of programs) {
  const c = golang.compile(src(), './prog.go', { codegen: runtime.codegenOf(policy) });
  if (!c.module || c.diagnostics.length > 0) continue;
  let a, b;
  try { a = runTier(c.module, 'interp'); } catch (e) { a = { crash: String(e?.message ?? e) }; }
  try { b = runTier(c.module, 'compiled'); } catch (e) { b = { crash: String(e?.message ?? e) }; }
  const diff = ['crash', 'exit', 'stdout', 'stderr', 'steps', 'events'].filter((k) => a[k] !== b[k]);
  if (diff.length > 0) {
    bad++;
    process.stdout.write(`DIFF ${name}: ${diff.map((k) => `${k} interp=${JSON.stringify(a[k])?.slice(0, 120)} compiled=${JSON.stringify(b[k])?.slice(0, 120)}`).join('; ')}\n`);
  } else same++;
}
process.stdout.write(`jit-diff: ${same} identical, ${bad} different (${runtime.policyName(policy)} ${JSON.stringify(stress)})\n`);
process.exit(bad > 0 ? 1 : 0);
