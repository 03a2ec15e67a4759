// Records one or two policies of an example with the built packages: node scripts/record-example.mjs FILE.go
// POLICY[,POLICY] [window] [out.json]. Prints sizes and timing; used by the screenshots and timing scripts.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '@gosim/golang';
import { codegenOf, parsePolicy } from '@gosim/runtime';
import { makeRecording, recordRun } from '@gosim/viz';

/** Compiles `file` per policy and records each run (window safe points around `around`, when given). */
export function recordExample(file, policies, window = 4000, around) {
  const path = resolve(file);
  const src = readFileSync(path, 'utf8');
  const runs = policies.map((p) => {
    const policy = parsePolicy(p);
    const c = compile(src, path, { codegen: codegenOf(policy) });
    if (!c.module) throw new Error(`gosim: ${file} does not compile`);
    return recordRun(c.module, { run: { policy }, flags: [], window, ...(around ? { around } : {}) });
  });
  return makeRecording(path, src, `gosim viz --policy ${policies.join(',')} ${file}`, runs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, pols = 'old', window = '4000', out] = process.argv.slice(2);
  const t0 = performance.now();
  const rec = recordExample(file, pols.split(','), Number(window));
  const ms = performance.now() - t0;
  const json = JSON.stringify(rec);
  console.log(`${file} ${pols}: ${rec.runs.map((r) => `${r.policy} ${r.steps.length} steps (safe points ${r.window.first}-${r.window.last} of ${r.window.totalSteps})`).join('; ')}; ${(json.length / 1e6).toFixed(2)} MB JSON; recorded in ${ms.toFixed(0)} ms`);
  if (out) writeFileSync(out, json);
}
