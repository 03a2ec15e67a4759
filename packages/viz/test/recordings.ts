// Real recordings for the browser tests: an example (or a source text) compiled per policy and recorded.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import { codegenOf, parsePolicy } from '@gosim/runtime';
import { makeRecording, recordRun, type Recording, type RecordedRun, type Step } from '../src/index';

export const Examples = join(__dirname, '../../../examples');

export function recordSource(src: string, file: string, policies: string[], window = 300): Recording {
  const runs = policies.map((p) => {
    const policy = parsePolicy(p);
    const c = compile(src, file, { codegen: codegenOf(policy) });
    if (!c.module) throw new Error(`compile failed: ${JSON.stringify(c.diagnostics)}`);
    return recordRun(c.module, { run: { policy }, window });
  });
  return makeRecording(file, src, `gosim viz --policy ${policies.join(',')} ${file}`, runs);
}

export function recordExample(name: string, policies: string[], window = 300): Recording {
  const file = join(Examples, name);
  return recordSource(readFileSync(file, 'utf8'), file, policies, window);
}

/** defer_ptrs_goexit: the first defer-started by Goexit, and the moved goroutine's first stack copy after it. */
export function goexitMoment(run: RecordedRun): { started: Step; copy: Step } {
  const started = run.steps.find((s) => s.kind === 'defer-started' && s.event.by === 'goexit' && s.event.fn === 'main.storeBig');
  if (!started) throw new Error(`no defer-started by goexit in the ${run.policy} recording`);
  const copy = run.steps.find((s) => s.i > started.i && s.kind === 'stack-copied' && s.goid === started.goid);
  if (!copy) throw new Error(`no stack copy after the Goexit start in the ${run.policy} recording`);
  return { started, copy };
}
