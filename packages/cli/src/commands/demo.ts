// `gosim demo`: the CL's story on one screen. Every outcome, mechanism line and matrix summary below is computed
// from runs of the examples (outcomes, the runtime's event stream, the 16 mixtures); only the opening paragraph
// is fixed text.

import { Command, Option } from '@commander-js/extra-typings';
import { describeOutcome, explainFacts, outcomeOf, plainMechanism, sameOutcome, type Outcome } from '@gosim/explore';
import { mixPolicy, parsePolicy, pieceNames, policies, policyName, runModule, type PieceName, type Policy, type RuntimeEvent } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import { limitsHelp, parsePieceArg, parsePolicyArg, pluginOption, toRunOptions, withoutStress, type ExtraPiece } from '../options.js';
import { defaultScenarioFiles, loadScenario, type Scenario } from '../scenarios.js';
import { computeMatrix, ScenarioModules, type Matrix, type Row } from './matrix.js';
import { internalError } from './run.js';
import { shortPath } from '../go-file.js';
import { mechanismMoment, policyWord, vizHint } from '../viz-hint.js';

export function demoCommand(io: Io, done: (status: number) => void) {
  return new Command('demo')
    .description('tell the story of CL 141490043 on one screen: each example under old and new, why old fails, which piece fixes what')
    .addOption(pluginOption())
    .addOption(new Option('--piece <kind=name>', 'also show each example under this piece (a name --plugin registers; the rest new); repeatable').argParser(parsePieceArg))
    .addOption(new Option('--policy <spec>', 'also show each example under this whole policy (piece=NAME,..., e.g. deferpanic=go1.13,copystack=go1.13,gc=go1.13); repeatable').argParser(collectPolicy))
    .addHelpText('after', limitsHelp())
    .action(async (flags) => {
      done(await demo(io, flags.piece ?? [], flags.policy ?? []));
    });
}

const intro = [
  'A goroutine\'s stack moves: when it runs out of room Go copies it to a bigger one and rewrites every',
  'pointer into the old stack that it can find, in frames and in the defer records listed on g._defer.',
  'Before CL 141490043 ("old"), a panic or runtime.Goexit took the deferred call it was about to run OFF that',
  'list first, and starting the call can itself grow the stack, so pointers in its arguments could be left',
  'pointing at the freed old stack. The CL ("new") keeps the running record listed and lets traceback, the',
  'GC and copystack see it. Each example below ran under both policies just now; the mechanism lines come',
  'from the runtime\'s event stream, the summary from running all 16 mixtures of the four pieces.',
];

const width = 100;

/** Wraps text to lines of at most `w` characters, each prefixed. */
function wrap(text: string, prefix: string, w = width): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > w) {
      out.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(prefix + line);
  return out;
}

/** Up to two mechanism sentences as one wrapped paragraph under `why:`. */
function why(lines: readonly string[]): string[] {
  const w = wrap(lines.slice(0, 2).join(' '), '             ');
  if (w.length) w[0] = `        why: ${w[0]!.trimStart()}`;
  return w;
}

interface Ran {
  outcome: Outcome;
  mechanism: string[];
  /** The run's event stream (where `gosim viz` shows the mechanism is found in it). */
  events: RuntimeEvent[];
}

function runWithEvents(m: ScenarioModules, sc: Scenario, policy: Policy): Ran {
  const events: RuntimeEvent[] = [];
  const { policy: _p, ...run } = toRunOptions(sc.flags);
  const r = runModule(m.for(policy), { ...run, policy, onEvent: (e) => events.push(e) });
  return { outcome: outcomeOf(r), mechanism: plainMechanism(explainFacts(events)), events };
}

/** A failing run's paragraph: its mechanism under `why:`, then the `gosim viz` command that opens its moment. */
function whyAndSee(io: Io, sc: Scenario, policy: Policy, r: Ran, fallback = true): string[] {
  const lines = r.mechanism.length || !fallback ? r.mechanism : ['(no known mechanism in the event stream; try gosim run --trace)'];
  return [...why(lines), vizHint('        ', shortPath(sc.file, io.cwd), ['--policy', policyWord(policy), ...sc.flagWords], mechanismMoment(r.events))];
}

/** `--policy SPEC` (repeatable): the policies in order. */
function collectPolicy(spec: string, prev: Policy[] = []): Policy[] {
  return [...prev, parsePolicyArg(spec)];
}

export async function demo(io: Io, extra: readonly ExtraPiece[] = [], whole: readonly Policy[] = []): Promise<number> {
  try {
    const t0 = Date.now();
    const scenarios = defaultScenarioFiles(io.cwd).map((f) => loadScenario(f, io.cwd));
    const modules = scenarios.map((sc) => new ScenarioModules(sc));
    const matrix = await computeMatrix(scenarios);
    const out: string[] = [];
    out.push('gosim demo: CL 141490043 (Go, 2014), "runtime: use traceback to traverse defer structures"', '');
    out.push(...intro, '');
    for (const [i, sc] of scenarios.entries()) {
      const m = modules[i]!;
      const { policy: _p, ...plain } = toRunOptions(withoutStress(sc.flags));
      const reference = outcomeOf(runModule(m.for(policies.new), { ...plain, policy: policies.new }));
      out.push(`${sc.name}${sc.flagWords.length ? `  (${sc.flagWords.join(' ')})` : ''}`);
      if (sc.about) {
        const about = wrap(sc.about, '  ');
        out.push(...(about.length > 2 ? [about[0]!, `${about[1]!.slice(0, width - 2)}…`] : about));
      }
      for (const name of ['old', 'new'] as const) {
        const r = runWithEvents(m, sc, policies[name]);
        const ok = sameOutcome(r.outcome, reference);
        out.push(`  ${name}  ${ok ? 'pass' : 'FAIL'}  ${describeOutcome(r.outcome)}`);
        if (!ok) out.push(...whyAndSee(io, sc, policies[name], r));
      }
      for (const { kind, name } of extra) {
        const p = mixPolicy({ [kind]: name });
        const r = runWithEvents(m, sc, p);
        const ok = sameOutcome(r.outcome, reference);
        out.push(`  ${kind}=${name} (rest new)  ${ok ? 'pass' : 'FAIL'}  ${describeOutcome(r.outcome)}`);
        if (!ok) out.push(...whyAndSee(io, sc, p, r));
      }
      for (const p of whole) {
        const r = runWithEvents(m, sc, p);
        const ok = sameOutcome(r.outcome, reference);
        out.push(`  ${policyName(p)}  ${ok ? 'pass' : 'FAIL'}  ${describeOutcome(r.outcome)}`);
        if (!ok) out.push(...whyAndSee(io, sc, p, r));
      }
      // a scenario that only a mixture breaks: show the first such mixture too
      const olds = (row: Row) => pieceNames.filter((k) => row.pieces[k] === 'old');
      const failing = matrix.rows.filter((row) => !row.cells[i]!.pass).sort((a, b) => olds(a).length - olds(b).length)[0];
      const oldPass = matrix.rows.find((row) => row.policy === 'old')?.cells[i]?.pass;
      if (failing && oldPass) {
        const fp = parsePolicy(failing.policy);
        const r = runWithEvents(m, sc, fp);
        out.push(`  ${olds(failing).map((k) => `${k}=old`).join(',')} (rest new)  FAIL  ${describeOutcome(r.outcome)}`);
        out.push(...whyAndSee(io, sc, fp, r, false));
      }
    }
    out.push('', `Which piece fixes what (${matrix.rows.length} mixtures of ${pieceNames.join(', ')}; gosim matrix shows the table):`);
    for (const [i, sc] of scenarios.entries()) out.push(`  ${sc.name.padEnd(22)} ${summarize(matrix, i)}`);
    for (const line of fixes(matrix)) out.push(...wrap(line, '  '));
    out.push(`(${((Date.now() - t0) / 1000).toFixed(1)} s; next: gosim explore --policy old examples/defer_ptrs_goexit.go)`);
    io.stdout.write(out.join('\n') + '\n');
    return ExitStatus.ok;
  } catch (e) {
    if (e instanceof GosimError) {
      fail(io, e.message);
      return e.status;
    }
    return internalError(io, e);
  }
}

type Lit = [PieceName, 'old' | 'new'];

const matches = (row: Row, term: readonly Lit[]): boolean => term.every(([k, v]) => row.pieces[k] === v);

/** All conjunctions of piece values (1..4 literals). */
function allTerms(): Lit[][] {
  const out: Lit[][] = [];
  const rec = (i: number, acc: Lit[]) => {
    if (i === pieceNames.length) {
      if (acc.length) out.push(acc);
      return;
    }
    rec(i + 1, acc);
    rec(i + 1, [...acc, [pieceNames[i]!, 'old']]);
    rec(i + 1, [...acc, [pieceNames[i]!, 'new']]);
  };
  rec(0, []);
  return out.sort((a, b) => a.length - b.length);
}

const termText = (t: readonly Lit[]): string => t.map(([k, v]) => `${k}=${v}`).join(' and ');

/** The failing mixtures of scenario i as the shortest formula over piece values that covers exactly them. */
export function summarize(m: Matrix, i: number): string {
  const fails = m.rows.map((r) => !r.cells[i]!.pass);
  const n = fails.filter(Boolean).length;
  if (n === 0) return `passes in all ${m.rows.length} mixtures`;
  const head = `fails in ${n}/${m.rows.length}`;
  if (n === m.rows.length) return `${head}: every mixture`;
  const terms = allTerms().filter((t) => m.rows.every((r, j) => !matches(r, t) || fails[j]));
  const exact = (ts: Lit[][]) => m.rows.every((r, j) => ts.some((t) => matches(r, t)) === fails[j]);
  for (const t of terms) if (exact([t])) return `${head}: exactly when ${termText(t)}`;
  for (const [a, t1] of terms.entries())
    for (const t2 of terms.slice(a + 1)) if (exact([t1, t2])) return `${head}: exactly when (${termText(t1)}) or (${termText(t2)})`;
  return `${head} mixtures`;
}

/** For each piece: the scenarios that pass in every mixture where that piece is new, and fail in some where it is old. */
export function fixes(m: Matrix): string[] {
  const out: string[] = [];
  for (const k of pieceNames) {
    const fixed = m.scenarios.filter(
      (_, i) => m.rows.every((r) => r.pieces[k] === 'old' || r.cells[i]!.pass) && m.rows.some((r) => r.pieces[k] === 'old' && !r.cells[i]!.pass),
    );
    if (fixed.length) out.push(`${k}=new alone fixes ${fixed.map((s) => s.name).join(', ')} (whatever the other pieces are).`);
  }
  const breaks = m.scenarios.filter((_, i) => m.rows.find((r) => r.policy === 'old')?.cells[i]?.pass && m.rows.some((r) => !r.cells[i]!.pass));
  for (const s of breaks) out.push(`${s.name} passes under old and new but not in every mixture: the pieces only work together.`);
  return out;
}
