#!/usr/bin/env node
// Recording size and time of each CL scenario (and panic_use_stack.go) under old and new, through the built dist
// (`pnpm build` first). Prints steps, snapshots, JSON bytes and milliseconds per recording.
//   node packages/viz/bench/record-sizes.mjs [--window N]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { compile } = await import(join(root, 'packages/golang/dist/index.js'));
const { parsePolicy, codegenOf } = await import(join(root, 'packages/runtime/dist/index.js'));
const { recordRun, makeRecording, DefaultWindow } = await import(join(root, 'packages/viz/dist/index.js'));
const wi = process.argv.indexOf('--window');
const window = wi > 0 ? Number(process.argv[wi + 1]) : DefaultWindow;
const names = ['defer_ptrs.go', 'defer_ptrs_goexit.go', 'defer_ptrs_panic.go', 'gc_defer_args.go', 'panic_use_stack.go'];
console.log(`window ${window} safe points`);
console.log(['example', 'policy', 'steps', 'snapshots', 'MiB', 'ms', 'total safe points'].join('\t'));
for (const name of names) {
  const file = join(root, 'examples', name);
  const src = readFileSync(file, 'utf8');
  for (const pol of ['old', 'new']) {
    const policy = parsePolicy(pol);
    const c = compile(src, file, { codegen: codegenOf(policy) });
    const t = performance.now();
    const run = recordRun(c.module, { run: { policy }, window });
    const bytes = JSON.stringify(makeRecording(file, src, `gosim viz examples/${name} --policy ${pol}`, [run])).length;
    const ms = performance.now() - t;
    const snaps = run.steps.filter((s) => s.snapshot).length;
    console.log([name, pol, run.steps.length, snaps, (bytes / 2 ** 20).toFixed(1), ms.toFixed(0), run.window.totalSteps + (run.truncated ? ' (truncated)' : '')].join('\t'));
  }
}
