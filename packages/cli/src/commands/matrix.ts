// `gosim matrix [FILES…]`: the 16 mixtures of policy pieces × the scenarios, each cell "pass" or the first symptom.
// A cell is always the outcome of running the algorithms (one run with the scenario's own flags, or --explore:
// every safe point), compared with the new policy's run of the same scenario without stress modes.

import { availableParallelism } from 'node:os';
import { Command, Option } from '@commander-js/extra-typings';
import {
  ExploreMaxSteps, exploreSource, loadPlugins, outcomeOf, PluginError, ReferenceLimit, sameOutcome, shortSymptom, singleRunCell, symptom, type InjectKind, type Outcome,
} from '@gosim/explore';
import { compile, formatDiagnostic } from '@gosim/golang';
import { codegenKey, type Module } from '@gosim/program';
import { allMixtures, codegenOf, pieceNames, policies, policyName, runModule, type PieceName, type Policy } from '@gosim/runtime';
import { ExitStatus } from '../exit-status.js';
import { fail, GosimError, type Io } from '../io.js';
import { limitsHelp, parsePieceArg, parsePolicyArg, parsePositive, pluginOption, pluginStatus, referenceOption, toRunOptions, withoutStress, type ExtraPiece } from '../options.js';
import { progressBar, type Progress } from '../progress.js';
import { defaultScenarioFiles, loadScenario, type Scenario } from '../scenarios.js';
import { internalError } from './run.js';
import { parseInject, referenceLimitError } from './explore.js';

export interface MatrixFlags {
  explore?: boolean;
  stride?: number;
  inject?: InjectKind[];
  workers?: number;
  json?: boolean;
  markdown?: boolean;
  /** Plugin files or package names (computeMatrix resolves them from the process's folder; matrixFiles from io.cwd). */
  plugin?: string[];
  /** Extra values per axis (registered names). */
  piece?: ExtraPiece[];
  /** Rows for these whole policies, in order (then the mixtures only if `piece` is given). */
  policy?: Policy[];
  /** What every cell is compared with (default: new). */
  reference?: Policy;
}

export interface Cell {
  scenario: string;
  pass: boolean;
  /** The first symptom (full line) when the cell fails. */
  symptom?: string;
  /** Where an explored failure was first seen (undefined: the scenario fails with nothing injected). */
  at?: { k: number; inject: InjectKind };
  /** Explored runs behind this cell (explore mode). */
  runs?: number;
}

export interface Row {
  policy: string;
  pieces: Record<PieceName, string>;
  cells: Cell[];
}

export interface Matrix {
  mode: 'run' | 'explore';
  /** The policy the cells are compared with. */
  reference: string;
  scenarios: { name: string; file: string; flags: string[]; reference: Outcome }[];
  rows: Row[];
  ms: number;
}

export function matrixCommand(io: Io, done: (status: number) => void) {
  return new Command('matrix')
    .description('the 16 mixtures of policy pieces (more with --piece) × the scenarios (default: the repo\'s examples/*.go): each cell "pass" or the first symptom')
    .argument('[files...]', 'Go files (default: examples/*.go of this repository)')
    .option('--explore', 'explore every safe point of each cell instead of one run with the scenario\'s flags (slow)')
    .addOption(new Option('--stride <n>', 'with --explore: only every N-th safe point').argParser(parsePositive))
    .addOption(new Option('--inject <kind>', 'with --explore: copy|shrink|grow|gc|all (default: copy, or what the file\'s stress flags force)').argParser(parseInject))
    .addOption(new Option('--workers <n>', 'with --explore: worker threads').default(availableParallelism(), 'os.availableParallelism()').argParser(parsePositive))
    .addOption(new Option('--json', 'print one JSON object').conflicts('markdown'))
    .option('--markdown', 'print a GitHub table')
    .addOption(new Option('--piece <kind=name>', 'one more value on a piece\'s axis (a name --plugin registers; repeatable): copystack=NAME gives 2×2×2×3 rows').argParser(parsePieceArg))
    .addOption(new Option('--policy <spec>', 'a row for this whole policy (piece=NAME,...; repeatable): the rows are these policies, in order (with --piece the mixtures follow), e.g. one per Go release of the history').argParser(collectPolicy))
    .addOption(referenceOption())
    .addOption(pluginOption())
    .addHelpText('after', `${limitsHelp()}(each scenario's gosim-flags line may set its own; with --explore the step limit defaults to ${ExploreMaxSteps})\n`)
    .action(async (files, flags) => {
      done(await matrixFiles(files, flags as MatrixFlags, io));
    });
}

export async function matrixFiles(files: string[], flags: MatrixFlags, io: Io): Promise<number> {
  try {
    const plugin = loadPlugins(flags.plugin ?? [], io.cwd);
    const list = files.length ? files : defaultScenarioFiles(io.cwd);
    const scenarios = list.map((f) => loadScenario(f, io.cwd));
    const bar = progressBar(io, 'matrix');
    const m = await computeMatrix(scenarios, { ...flags, plugin }, bar);
    bar.stop();
    if (flags.json) io.stdout.write(`${JSON.stringify(m)}\n`);
    else if (flags.markdown) io.stdout.write(markdownTable(m));
    else io.stdout.write(terminalTable(m, (io.stdout as { columns?: number }).columns ?? Infinity));
    return ExitStatus.ok;
  } catch (e) {
    if (e instanceof GosimError) {
      fail(io, e.message);
      return e.status;
    }
    if (e instanceof PluginError) {
      fail(io, e.message);
      return pluginStatus(e);
    }
    return internalError(io, e);
  }
}

/** Compiles a scenario for the policy's codegen (default new's) or throws a GosimError with its diagnostics (status 1). */
export function compileScenario(sc: Scenario, policy: Policy = policies.new): Module {
  const c = compile(sc.src, sc.file, { codegen: codegenOf(policy) });
  if (c.diagnostics.length > 0 || !c.module) throw new GosimError(c.diagnostics.map((d) => formatDiagnostic(d)).join('; ') || `cannot compile ${sc.file}`, ExitStatus.compileError);
  return c.module;
}

/** A scenario's modules, one per codegen the policies asked for (compiled on first use). */
export class ScenarioModules {
  private readonly byKey = new Map<string, Module>();
  constructor(readonly sc: Scenario) {}
  for(policy: Policy): Module {
    const key = codegenKey(codegenOf(policy));
    let m = this.byKey.get(key);
    if (m === undefined) this.byKey.set(key, (m = compileScenario(this.sc, policy)));
    return m;
  }
}

const piecesOf = (p: Policy): Record<PieceName, string> =>
  Object.fromEntries(pieceNames.map((k) => [k, p[k].name as string])) as Record<PieceName, string>;

/** `--policy SPEC` (repeatable): the policies in order. */
function collectPolicy(spec: string, prev: Policy[] = []): Policy[] {
  return [...prev, parsePolicyArg(spec)];
}

/** The rows: the --policy policies, then the mixtures of the axes (only with --piece when policies are given). */
function rowPolicies(flags: MatrixFlags): Policy[] {
  const whole = flags.policy ?? [];
  if (whole.length === 0) return allMixtures(axes(flags.piece ?? []));
  return [...whole, ...((flags.piece ?? []).length > 0 ? allMixtures(axes(flags.piece!)) : [])];
}

/** The names on each axis: old, new, then the --piece values of that kind. */
function axes(extra: readonly ExtraPiece[]): Record<PieceName, string[]> {
  const out = Object.fromEntries(pieceNames.map((k) => [k, ['old', 'new']])) as Record<PieceName, string[]>;
  for (const { kind, name } of extra) if (!out[kind].includes(name)) out[kind].push(name);
  return out;
}

/** Runs every mixture on every scenario (one run each, or explored), after loading the flags' plugins. */
export async function computeMatrix(scenarios: readonly Scenario[], flags: MatrixFlags = {}, bar?: Progress): Promise<Matrix> {
  const t0 = Date.now();
  const plugins = loadPlugins(flags.plugin ?? []);
  const mixtures = rowPolicies(flags);
  const refPolicy = flags.reference ?? policies.new;
  const modules = scenarios.map((sc) => new ScenarioModules(sc));
  const total = mixtures.length * scenarios.length;
  let done = 0;
  const refs: Outcome[] = scenarios.map((sc, i) => {
    const { policy: _p, ...run } = toRunOptions(withoutStress(sc.flags));
    const o = outcomeOf(runModule(modules[i]!.for(refPolicy), { ...run, policy: refPolicy }));
    if (o.limit !== undefined) throw new GosimError(`${sc.file}: the reference run (policy ${policyName(refPolicy)}, nothing injected) did not finish: ${o.limit.replace(/^gosim:\s*/, '')}`, ExitStatus.limit);
    return o;
  });
  const rows: Row[] = [];
  for (const policy of mixtures) {
    const cells: Cell[] = [];
    for (const [i, sc] of scenarios.entries()) {
      if (!flags.explore) {
        const { policy: _p, ...run } = toRunOptions(sc.flags);
        const c = singleRunCell(modules[i]!.for(policy), sc.name, policy, run, refs[i]!);
        cells.push(c.pass ? { scenario: sc.name, pass: true } : { scenario: sc.name, pass: false, symptom: c.symptom! });
      } else {
        cells.push(await exploreCell(sc, policy, refPolicy, plugins, flags));
      }
      bar?.update(++done, total);
    }
    rows.push({ policy: policyName(policy), pieces: piecesOf(policy), cells });
  }
  return {
    mode: flags.explore ? 'explore' : 'run',
    reference: policyName(refPolicy),
    scenarios: scenarios.map((sc, i) => ({ name: sc.name, file: sc.file, flags: sc.flagWords, reference: refs[i]! })),
    rows,
    ms: Date.now() - t0,
  };
}

async function exploreCell(sc: Scenario, policy: Policy, reference: Policy, plugins: string[], flags: MatrixFlags): Promise<Cell> {
  const stress: InjectKind[] = [];
  if (sc.flags.copyStackEvery || sc.flags.copyStackAlways) stress.push('copy');
  if (sc.flags.gcEvery || sc.flags.gcEverySafepoint) stress.push('gc');
  const kinds = flags.inject ?? (stress.length ? stress : ['copy']);
  const { policy: _p, ...run } = toRunOptions(withoutStress(sc.flags));
  let r: Awaited<ReturnType<typeof exploreSource>>;
  try {
    r = await exploreSource(sc.src, sc.file, {
      ...run, policy, reference, plugins, kinds, stride: flags.stride ?? 1, workers: flags.workers ?? availableParallelism(), skipIfBaselineDiffers: true,
    });
  } catch (e) {
    if (e instanceof ReferenceLimit) throw referenceLimitError(e);
    throw e;
  }
  const explored = r.runs - 2;
  if (!sameOutcome(r.baseline, r.reference)) return { scenario: sc.name, pass: false, symptom: symptom(r.baseline, r.reference), runs: explored };
  const f = r.failures[0];
  if (!f) return { scenario: sc.name, pass: true, runs: explored };
  return { scenario: sc.name, pass: false, symptom: f.symptom, at: { k: f.k, inject: f.inject }, runs: explored };
}

/** A cell's short text: `pass`, or the symptom (with `@k kind` when only an injection shows it). */
export function cellText(c: Cell, width = 30): string {
  if (c.pass) return 'pass';
  const at = c.at ? ` @${c.at.k} ${c.at.inject}` : '';
  return shortSymptom(c.symptom ?? 'differs', width - at.length) + at;
}

const stem = (name: string): string => name.replace(/\.go$/, '');

/**
 * The terminal table. Cells are "pass" or the short symptom; when that is wider than `columns` (a terminal's
 * width), failing cells become letters explained in a legend below the table.
 */
export function terminalTable(m: Matrix, columns = Infinity, width = 30): string {
  const head = [...pieceNames.map(String), ...m.scenarios.map((s) => stem(s.name))];
  const render = (cell: (c: Cell) => string) => {
    const body = m.rows.map((r) => [...pieceNames.map((k) => r.pieces[k]), ...r.cells.map(cell)]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  };
  let out = render((c) => cellText(c, width));
  if (Math.max(...out.map((l) => l.length)) > columns) {
    const letters = new Map<string, string>();
    out = render((c) => {
      if (c.pass) return 'pass';
      const t = cellText(c, 80);
      if (!letters.has(t)) letters.set(t, String.fromCharCode(97 + (letters.size % 26)));
      return `FAIL ${letters.get(t)}`;
    });
    for (const [t, l] of letters) out.push(`  ${l}: ${t}`);
  }
  const flagged = m.scenarios.filter((s) => s.flags.length);
  for (const s of flagged) out.push(`${stem(s.name)}: run with ${s.flags.join(' ')}`);
  out.push(`${m.rows.length} mixtures × ${m.scenarios.length} scenarios, ${m.mode === 'explore' ? 'each explored' : 'one run each'}; ${countFailed(m)} cells fail`);
  return out.join('\n') + '\n';
}

const countFailed = (m: Matrix): number => m.rows.reduce((n, r) => n + r.cells.filter((c) => !c.pass).length, 0);

export function markdownTable(m: Matrix, width = 40): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const head = [...pieceNames.map(String), ...m.scenarios.map((s) => `\`${s.name}\``)];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of m.rows) {
    const pieces = pieceNames.map((k) => (r.pieces[k] === 'new' ? 'new' : `**${r.pieces[k]}**`));
    const cells = r.cells.map((c) => (c.pass ? 'pass' : `\`${esc(cellText(c, width))}\``));
    out.push(`| ${[...pieces, ...cells].join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}
