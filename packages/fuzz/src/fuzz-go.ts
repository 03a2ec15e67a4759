// `pnpm fuzz:go`: generate programs, run each by real Go twice (dropping those whose two runs differ) and by gosim
// plain and under stress modes, and keep every divergence on disk with the program.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatExpected, type NormalizedOutput, type RunOptions } from '@gosim/runtime';
import { firstDifference, sameOutcome } from './compare.js';
import { goBuild, goRun, goVersion } from './gorun.js';
import { rejectedFeature, runGosim } from './gosim.js';
import { features, isFeature, type Feature } from './builder.js';
import { generateProgram } from './program.js';
import { programSeed } from './rng.js';

export interface Mode {
  readonly name: string;
  readonly opts: RunOptions;
}

/** gosim plain, then the stress modes that move every stack and collect garbage at nearly every safe point. */
export const modes: readonly Mode[] = [
  { name: 'plain', opts: {} },
  { name: 'copystack1', opts: { copyStackEvery: 1, stackPoisonCopy: true } },
  { name: 'gc3', opts: { gcEvery: 3, clobberFree: true } },
  { name: 'sched7', opts: { seed: 7, copyStackEvery: 17, gcEvery: 29 } },
];

export interface FuzzOptions {
  count: number;
  seed: number;
  out: string;
  jobs: number;
  modes: readonly Mode[];
  without: ReadonlySet<Feature>;
  /** The go command (default `go` from PATH). */
  go: string;
  /** Only these program indexes of the run (`--only 8,58`): rechecks divergences a longer run reported. */
  only?: readonly number[];
}

const usage = `usage: pnpm fuzz:go [--count N] [--seed S] [--out DIR] [--jobs N] [--plain-only] [--without F1,F2] [--only I1,I2] [--go PATH]
features --without can leave out:
${Object.entries(features).map(([f, d]) => `  ${f}: ${d}`).join('\n')}`;

export function parseFuzzArgs(argv: readonly string[]): FuzzOptions | string {
  const o: FuzzOptions = { count: 100, seed: 1, out: 'fuzz-out', jobs: 4, modes, without: new Set(), go: 'go' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const num = (): number | undefined => {
      const s = argv[++i];
      return s !== undefined && /^[0-9]+$/.test(s) ? Number(s) : undefined;
    };
    if (a === '--') continue;
    if (a === '--plain-only') { o.modes = modes.slice(0, 1); continue; }
    if (a === '--go') { const s = argv[++i]; if (!s) return usage; o.go = s; continue; }
    if (a === '--out') { const s = argv[++i]; if (!s) return usage; o.out = s; continue; }
    if (a === '-h' || a === '--help') return usage;
    if (a === '--only') {
      const list = (argv[++i] ?? '').split(',');
      if (!list.every((x) => /^[0-9]+$/.test(x))) return `fuzz: --only: program indexes, comma separated\n${usage}`;
      o.only = list.map(Number);
      continue;
    }
    if (a === '--without') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = list.find((f) => !isFeature(f));
      if (bad !== undefined || list.length === 0) return `fuzz: --without: unknown feature "${bad ?? ''}"\n${usage}`;
      o.without = new Set(list.filter(isFeature));
      continue;
    }
    const v = a === '--count' || a === '--seed' || a === '--jobs' ? num() : undefined;
    if (v === undefined) return `fuzz: bad argument ${a}\n${usage}`;
    if (a === '--count') o.count = v;
    else if (a === '--seed') o.seed = v;
    else o.jobs = Math.max(1, v);
  }
  return o;
}

type Verdict =
  | { kind: 'match' }
  | { kind: 'divergence'; detail: string; signature: string; dir: string }
  | { kind: 'nondeterministic'; detail: string }
  | { kind: 'rejected'; detail: string }
  | { kind: 'go-rejected'; detail: string };

interface Ctx {
  opts: FuzzOptions;
  haveGo: boolean;
  work: string;
  log: (s: string) => void;
}

/** Keeps a program and what each side did in out/<name>/. */
function keep(ctx: Ctx, name: string, src: string, files: Record<string, string>): string {
  const dir = join(ctx.opts.out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.go'), src);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

async function one(ctx: Ctx, index: number): Promise<Verdict> {
  const seed = programSeed(ctx.opts.seed, index);
  const name = `p${index}-seed${seed}`;
  const src = generateProgram(seed, ctx.opts.without);
  const plain = runGosim(src, './main.go');
  if (plain.kind === 'rejected') {
    keep(ctx, name, src, { 'gosim.txt': `${plain.message}\n` });
    return { kind: 'rejected', detail: rejectedFeature(plain.message ?? '') ?? plain.message ?? '' };
  }
  let reference: NormalizedOutput | undefined;
  if (ctx.haveGo) {
    const dir = mkdtempSync(join(ctx.work, 'p'));
    try {
      const built = await goBuild(src, dir, ctx.opts.go);
      if (!built.ok) {
        keep(ctx, name, src, { 'go-build.txt': `${built.message}\n` });
        return { kind: 'go-rejected', detail: built.message.split('\n').slice(0, 2).join(' ') };
      }
      const [r1, r2] = [await goRun(built.binary, 1), await goRun(built.binary, 4)];
      if (r1.timedOut || r2.timedOut || !sameOutcome(r1.outcome, r2.outcome)) {
        const why = r1.timedOut || r2.timedOut ? 'a go run timed out' : firstDifference(r1.outcome, r2.outcome);
        keep(ctx, name, src, { 'go-run1.txt': formatExpected(r1.outcome), 'go-run2.txt': formatExpected(r2.outcome) });
        return { kind: 'nondeterministic', detail: `${name}: ${why}` };
      }
      reference = r1.outcome;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const results: Record<string, string> = {};
  const differing: string[] = [];
  const failedModes: string[] = [];
  for (const m of ctx.opts.modes) {
    const r = m.name === 'plain' ? plain : runGosim(src, './main.go', m.opts);
    const shown = r.outcome ? formatExpected(r.outcome) + (r.kind === 'limit' ? `(gosim limit: ${r.message})\n` : '') : `${r.kind}: ${r.message}\n`;
    results[`gosim-${m.name}.txt`] = shown;
    if (reference === undefined) {
      // without Go, plain gosim is the reference the stress modes must agree with
      if (r.outcome && r.kind === 'ran') reference = r.outcome;
      else differing.push(`${m.name}: ${r.kind} ${r.message ?? ''}`.trim());
      continue;
    }
    const before = differing.length;
    if (r.kind !== 'ran' || !r.outcome) differing.push(`${m.name}: ${r.kind}: ${(r.message ?? '').split('\n')[0]}`);
    else if (!sameOutcome(reference, r.outcome)) differing.push(`${m.name}: ${firstDifference(reference, r.outcome)}`);
    if (differing.length > before) failedModes.push(m.name);
  }
  if (differing.length === 0) return { kind: 'match' };
  if (ctx.haveGo && reference) results['go.expected'] = formatExpected(reference);
  const dir = keep(ctx, name, src, results);
  return { kind: 'divergence', detail: `${dir}: ${differing.join('; ')}`, signature: signature(failedModes, differing[0] ?? ''), dir };
}

/**
 * What a divergence looks like with the program's particulars blanked (positions, names with counters, numbers),
 * prefixed by the modes it shows in: divergences of one cause group together.
 */
export function signature(failedModes: readonly string[], first: string): string {
  const text = first.replace(/^[^:]*: /, '').replace(/\b(u?int(8|16|32|64)?|uintptr|byte)\b/g, 'T').replace(/\.\/main\.go:\d+:\d+: /g, '').replace(/^line \d+: /, '')
    .replace(/\b[a-z]+\d+\b/g, 'X').replace(/-?\b\d+\b/g, 'N').replace(/0x[0-9a-f]+/g, '0xN');
  return `[${failedModes.join('+')}] ${text}`;
}

/** Runs the whole fuzz session; returns the exit status (0: no divergence and no rejection). */
export async function fuzzMain(argv: readonly string[], log: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const parsed = parseFuzzArgs(argv);
  if (typeof parsed === 'string') {
    log(`${parsed}\n`);
    return parsed.startsWith('usage') ? 0 : 2;
  }
  const opts = { ...parsed, out: resolve(parsed.out) };
  const version = goVersion(opts.go);
  if (version === undefined) log(`fuzz: ${opts.go === 'go' ? 'go is not on PATH' : `${opts.go} does not run`}: skipping the comparison with real Go (stress modes are compared with plain gosim)\n`);
  else log(`fuzz: ${opts.only ? `programs ${opts.only.join(',')}` : `${opts.count} programs`} from seed ${opts.seed}, reference ${version}, gosim modes ${opts.modes.map((m) => m.name).join(', ')}${opts.without.size ? `, without ${[...opts.without].join(',')}` : ''}\n`);
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, '.gitignore'), '*\n');
  const ctx: Ctx = { opts, haveGo: version !== undefined, work: mkdtempSync(join(tmpdir(), 'gosim-fuzz-')), log };
  const indexes = opts.only ?? Array.from({ length: opts.count }, (_, i) => i);
  const verdicts: Verdict[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < indexes.length) {
      const i = indexes[next++]!;
      const v = await one(ctx, i);
      verdicts.push(v);
      if (v.kind === 'divergence') log(`DIVERGENCE ${v.detail}\n`);
      else if (v.kind === 'rejected') log(`REJECTED by gosim (generator bug) p${i}: ${v.detail}\n`);
      else if (v.kind === 'nondeterministic') log(`NONDETERMINISTIC under go (dropped) ${v.detail}\n`);
      else if (v.kind === 'go-rejected') log(`REJECTED by go build (generator bug) p${i}: ${v.detail}\n`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, indexes.length) }, worker));
  } finally {
    rmSync(ctx.work, { recursive: true, force: true });
  }
  const count = (k: Verdict['kind']): number => verdicts.filter((v) => v.kind === k).length;
  const d = count('divergence');
  const x = count('rejected');
  const g = count('go-rejected');
  const groups = new Map<string, { n: number; example: string }>();
  for (const v of verdicts) {
    if (v.kind !== 'divergence') continue;
    const g = groups.get(v.signature) ?? { n: 0, example: v.dir };
    g.n++;
    groups.set(v.signature, g);
  }
  if (groups.size > 0) log(`divergences by kind:\n${[...groups].sort((a, b) => b[1].n - a[1].n).map(([sig, g]) => `  ${String(g.n).padStart(4)} ${sig}\n       e.g. ${g.example}\n`).join('')}`);
  log(`fuzz: ${indexes.length} programs, ${d} divergences, ${count('nondeterministic')} skipped (nondeterministic), ${x} rejected by gosim${g ? `, ${g} rejected by go build` : ''}${d + x + g ? ` (kept in ${opts.out})` : ''}\n`);
  return d + x + g === 0 ? 0 : 1;
}
