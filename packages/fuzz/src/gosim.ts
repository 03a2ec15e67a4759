// Running one Go source through gosim in process (compile, then run under some options), classified the way the
// tools count results: ran (with Go's normalized outcome), rejected (outside the subset), compile error,
// internal error (a JS exception or an internal compiler error), or stopped by a gosim limit.
import { compile, formatDiagnostic } from '@gosim/golang';
import { codegenOf, normalizeOutput, policies, runModule, type NormalizedOutput, type RunOptions } from '@gosim/runtime';

export type GosimKind = 'ran' | 'rejected' | 'compile-error' | 'internal' | 'limit';

export interface GosimResult {
  kind: GosimKind;
  /** Normalized as the conformance corpus is (set when kind is 'ran' or 'limit'). */
  outcome?: NormalizedOutput;
  /** stdout and stderr together in order of writing, raw (for comparison with Go test .out files). */
  combined?: string;
  /** The first diagnostic, the limit's message or the exception. */
  message?: string;
  steps?: number;
}

/** Default step limit of the tools: far above any generated program, low enough that a loop ends in seconds. */
export const toolMaxSteps = 50_000_000;

/** The rejection's feature: the text of the first "… is not supported by gosim" message, without position. */
export function rejectedFeature(message: string): string | undefined {
  // the feature is the text before `not supported` back to the position's `: ` (a colon inside it, as in
  // `//go:notinheap`, is not followed by a space)
  const m = /(?:^|: )((?:[^:\n]|:(?! ))*?not supported by gosim[^\n]*)/.exec(message);
  return m?.[1];
}

export function runGosim(src: string, filename: string, opts: RunOptions = {}): GosimResult {
  let combined = '';
  try {
    // compiled for the codegen the policy's deferpanic piece asks (go1.13's stack records), as every tool does
    const c = compile(src, filename, { codegen: codegenOf(opts.policy ?? policies.new) });
    if (!c.module || c.diagnostics.length > 0) {
      const message = c.diagnostics.map(formatDiagnostic).join('\n') || 'compile returned no module';
      if (/internal compiler error/.test(message)) return { kind: 'internal', message };
      if (rejectedFeature(message) !== undefined) return { kind: 'rejected', message };
      return { kind: 'compile-error', message };
    }
    let stdout = '';
    let stderr = '';
    const r = runModule(c.module, {
      maxSteps: toolMaxSteps,
      ...opts,
      stdout: (s) => { stdout += s; combined += s; },
      stderr: (s) => { stderr += s; combined += s; },
    });
    const outcome = normalizeOutput(r.exitCode, stdout, stderr);
    if (r.limit) return { kind: 'limit', outcome, combined, message: r.limit.message, steps: r.steps };
    return { kind: 'ran', outcome, combined, steps: r.steps };
  } catch (e) {
    return { kind: 'internal', message: `internal error: ${e instanceof Error ? e.message : String(e)}`, combined };
  }
}
