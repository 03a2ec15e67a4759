// `gosim run` flags → RunOptions: the value parsers commander calls, and the conversion.

import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { Option as BaseOption } from 'commander';
import { MaxAddress } from '@gosim/memory';
import { CompileAfter, DefaultMaxSteps, getPiece, parsePolicy, PieceError, pieceNames, policies, policyName, PolicySpecError, type PieceName, type Policy, type RunOptions } from '@gosim/runtime';
import { MaxStackDefault, StackMinDefault } from '@gosim/stack';
import { MaxSourceBytes } from './source.js';

/** The parsed flags of `gosim run` (commander's option values). */
export interface RunFlags {
  policy?: Policy;
  /** --tier: the interpreter alone, or compiled functions (the runtime's RunOptions.tier). */
  tier?: 'interp' | 'compiled';
  /** --compile-after: the runtime's RunOptions.compileAfter. */
  compileAfter?: number;
  /** --plugin paths (already loaded by main()). */
  plugin?: string[];
  stackPoison?: boolean;
  stackFaultOnFree?: boolean;
  clobberFree?: boolean;
  copyStackEvery?: number;
  gcEvery?: number;
  copyStackAlways?: boolean;
  gcEverySafepoint?: boolean;
  seed?: number;
  stackMin?: number;
  maxSteps?: number;
  maxHeap?: number;
  maxStack?: number;
  /** -m: print escape decisions. */
  m?: boolean;
  trace?: boolean;
  /** --finalizers: accept runtime.SetFinalizer (see its help). */
  finalizers?: boolean;
}

/** `--policy SPEC`: `old`, `new`, or `piece=NAME,...` of registered names (unlisted pieces are `new`). */
export function parsePolicyArg(spec: string): Policy {
  try {
    return parsePolicy(spec);
  } catch (e) {
    if (e instanceof PolicySpecError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** `--plugin PATH` (repeatable): the paths in order. */
export function collectPlugin(path: string, prev: string[] = []): string[] {
  return [...prev, path];
}

/** A variant module to load first (main() loads every --plugin before any other flag is read). */
export function pluginOption(): Option<'--plugin <path>'> {
  return new Option('--plugin <path>', 'load policy pieces from an ES module (.js, .mjs, .ts) or a package name (resolved from the current folder); repeatable').argParser(collectPlugin);
}

/** A plugin that is missing is a missing input (66), one that does not load bad usage (64). */
export function pluginStatus(e: { missing: boolean }): number {
  return e.missing ? 66 : 64;
}

/** The `--plugin` values of a command line (up to `--`), before commander reads the rest. */
export function pluginArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--plugin' && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith('--plugin=')) out.push(a.slice('--plugin='.length));
  }
  return out;
}

/** `--reference SPEC`: the policy explore and matrix compare with (default new). */
export function referenceOption(): Option<'--reference <spec>'> {
  return new Option('--reference <spec>', 'the policy whose run (nothing injected) is the expected outcome: old | new | piece=NAME,... (default: new)').argParser(parsePolicyArg);
}

/** One `--piece kind=NAME`: an extra value on the matrix's axis for that kind. */
export interface ExtraPiece {
  kind: PieceName;
  name: string;
}

/** `--piece kind=NAME` (repeatable): a registered piece (after --plugin loading). */
export function parsePieceArg(s: string, prev: ExtraPiece[] = []): ExtraPiece[] {
  const m = /^\s*([a-z-]+)\s*=\s*(\S+)\s*$/.exec(s);
  if (!m || !(pieceNames as readonly string[]).includes(m[1]!)) throw new InvalidArgumentError(`want kind=NAME, kinds: ${pieceNames.join(', ')}`);
  const kind = m[1] as PieceName;
  try {
    getPiece(kind, m[2]!);
  } catch (e) {
    if (e instanceof PieceError) throw new InvalidArgumentError(e.message);
    throw e;
  }
  return [...prev, { kind, name: m[2]! }];
}

const intRe = /^[0-9]+$/;

function toInt(s: string, what: string): number {
  const t = s.trim();
  if (!intRe.test(t)) throw new InvalidArgumentError(`want ${what}`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`${t} is too large`);
  return n;
}

/** A stride N ≥ 1 (`--copy-stack-every`, `--gc-every`, `--max-steps`). */
export function parsePositive(s: string): number {
  const n = toInt(s, 'a positive integer');
  if (n < 1) throw new InvalidArgumentError('want a positive integer');
  return n;
}

/** A count N ≥ 0 (`--seed`, `--compile-after`). */
export function parseCount(s: string): number {
  return toInt(s, 'a non-negative integer');
}

/** `--seed N`: a non-negative integer. */
export const parseSeed = parseCount;

const units: Record<string, number> = { '': 1, k: 1024, kb: 1024, kib: 1024, m: 1 << 20, mb: 1 << 20, mib: 1 << 20, g: 1 << 30, gb: 1 << 30, gib: 1 << 30 };

/** A byte count: `65536`, `64k`, `16MiB`, `1g` (binary units). */
export function parseBytes(s: string): number {
  const m = /^\s*([0-9]+)\s*([a-zA-Z]*)\s*$/.exec(s);
  const unit = units[(m?.[2] ?? '').toLowerCase()];
  if (!m || unit === undefined) throw new InvalidArgumentError('want a byte count like 65536, 64k or 16m');
  const n = Number(m[1]) * unit;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('want a positive byte count');
  return n;
}

/** `--stack-min BYTES`: a power of two ≥ 2048 (Go 1.4: 2048; the CL's Go: 8192; default StackMinDefault). */
export function parseStackMin(s: string): number {
  const n = parseBytes(s);
  if (n < 2048 || (n & (n - 1)) !== 0 || n > 1 << 30) throw new InvalidArgumentError('want a power of two >= 2048');
  return n;
}

/** The runtime options the flags ask for (without writers and listeners, which the command adds). */
export function toRunOptions(f: RunFlags): RunOptions {
  const o: RunOptions = { policy: f.policy ?? policies.new };
  if (f.tier !== undefined) o.tier = f.tier;
  if (f.compileAfter !== undefined) o.compileAfter = f.compileAfter;
  if (f.stackPoison) o.stackPoisonCopy = true;
  if (f.stackFaultOnFree) o.stackFaultOnFree = true;
  if (f.clobberFree) o.clobberFree = true;
  const copyEvery = f.copyStackAlways ? 1 : f.copyStackEvery;
  if (copyEvery !== undefined) o.copyStackEvery = copyEvery;
  const gcEvery = f.gcEverySafepoint ? 1 : f.gcEvery;
  if (gcEvery !== undefined) o.gcEvery = gcEvery;
  if (f.seed !== undefined) o.seed = f.seed;
  if (f.stackMin !== undefined) o.stackMin = f.stackMin;
  if (f.maxSteps !== undefined) o.maxSteps = f.maxSteps;
  if (f.maxHeap !== undefined) o.maxHeap = f.maxHeap;
  if (f.maxStack !== undefined) o.maxStack = f.maxStack;
  return o;
}

/** Which families of run flags a command takes. */
export interface RunOptionSet {
  /** --copy-stack-every/--copy-stack-always/--gc-every/--gc-every-safepoint (not for explore: it injects itself). */
  stress?: boolean;
  /** -m and --trace (only `gosim run`). */
  diagnostics?: boolean;
  /** --policy (not for matrix and demo: they choose the policies). */
  policy?: boolean;
  /** The --max-steps default the command applies (default: the runtime's DefaultMaxSteps). */
  maxSteps?: number;
}

/** `16777216` as `16777216 (16 MiB)`: a byte count with its binary unit when it has one. */
export function bytesText(n: number): string {
  for (const [u, v] of [['GiB', 1 << 30], ['MiB', 1 << 20], ['KiB', 1 << 10]] as const)
    if (n >= v && n % v === 0) return `${n} (${n / v} ${u})`;
  return String(n);
}

/** The hard limits every command names in its --help (the values are the constants the code uses). */
export function limitsHelp(maxSteps = DefaultMaxSteps): string {
  return [
    '',
    'Limits (gosim\'s own; reaching one is exit 75 unless said otherwise):',
    `  steps   --max-steps, default ${maxSteps} safe points`,
    `  heap    --max-heap, default none below the simulated address space of ${bytesText(MaxAddress)}`,
    `  stack   --max-stack, default ${MaxStackDefault} bytes per goroutine (Go's maxstacksize; past it Go's "stack overflow", exit 2)`,
    `  source  at most ${bytesText(MaxSourceBytes)} bytes of Go source (larger: exit 2, like a build failure)`,
    '',
  ].join('\n');
}

/** The run flags as commander options, shared by run, explore and the `// gosim-flags:` line of a scenario. */
export function runOptions(set: RunOptionSet = {}): BaseOption[] {
  const { stress = true, diagnostics = false, policy = true, maxSteps = DefaultMaxSteps } = set;
  const o: BaseOption[] = [];
  if (policy) o.push(new Option('--policy <spec>', 'old | new | piece=NAME,... (pieces: deferpanic, traceback, gc, copystack; NAME: old, new or one a --plugin registers; unlisted are new)').argParser(parsePolicyArg));
  o.push(
    new Option('--tier <tier>', 'compiled (default): hot IR functions compiled to JavaScript, same frames and safe points | interp: the interpreter alone').choices(['interp', 'compiled']),
    new Option('--compile-after <n>', `the compiled tier compiles a function after the interpreter has run N of its calls and loop back edges (default ${CompileAfter}; 0: at its first call)`).argParser(parseCount),
    new Option('--stack-poison', "poison new stacks (0xfd/0xfb) and freed ones (0xfc), like Go's stackPoisonCopy"),
    new Option('--stack-fault-on-free', 'unmap freed stacks so a stale access faults (Go\'s stackFaultOnFree)'),
    new Option('--clobber-free', 'fill freed heap objects with 0xdeadbeef'),
  );
  if (stress)
    o.push(
      new Option('--copy-stack-every <n>', 'move the stack to a new one every N safe points').argParser(parsePositive),
      new Option('--copy-stack-always', 'the same with N = 1').conflicts('copyStackEvery'),
      new Option('--gc-every <n>', 'run a full GC every N safe points').argParser(parsePositive),
      new Option('--gc-every-safepoint', 'the same with N = 1').conflicts('gcEvery'),
    );
  o.push(
    new Option('--seed <n>', 'scheduling seed (varies the preemption quantum)').argParser(parseSeed),
    new Option('--stack-min <bytes>', `initial goroutine stack size, a power of two >= 2048 (default ${StackMinDefault}, Go 1.4's; the CL's Go used 8192)`).argParser(parseStackMin),
    new Option('--max-steps <n>', `stop after N safe points (exit 75; default ${maxSteps})`).argParser(parsePositive),
    new Option('--max-heap <bytes>', `stop when the heap exceeds this many bytes (exit 75; default: the address space, ${bytesText(MaxAddress)})`).argParser(parseBytes),
    new Option('--max-stack <bytes>', `goroutine stack limit, Go's maxstacksize (default ${MaxStackDefault})`).argParser(parseBytes),
  );
  if (diagnostics)
    o.push(
      new Option('-m', 'print escape analysis decisions to stderr (like go build -gcflags=-m), then run'),
      new Option('--trace', 'print one line per runtime event (stack copies, GCs, defer/panic steps) to stderr'),
      new Option('--finalizers', "accept runtime.SetFinalizer: finalizers run when the GC finds their object unreachable, but a frame keeps its pointer slots live until it returns (Go's liveness is per instruction), so one may run later than under Go"),
    );
  return o;
}

/** Adds the run flags to a command (typed as before: read them back as RunFlags). */
export function withRunOptions<C extends { addOption(o: never): unknown }>(cmd: C, set?: RunOptionSet): C {
  for (const o of runOptions(set)) (cmd as unknown as { addOption(o: BaseOption): unknown }).addOption(o);
  return cmd;
}

/** A flag was wrong in a `// gosim-flags:` line. */
export class FlagLineError extends Error {}

/** Parses run flags from words (a scenario's `// gosim-flags:` line); throws FlagLineError on a bad one. */
export function parseRunFlagWords(words: readonly string[]): RunFlags {
  const c = withRunOptions(new Command('gosim-flags'))
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  try {
    c.parse([...words], { from: 'user' });
  } catch (e) {
    throw new FlagLineError(e instanceof Error ? e.message.replace(/^error:\s*/, '') : String(e));
  }
  return c.opts() as RunFlags;
}

/** The stress modes of the flags (copy or GC every N safe points) removed: what explore and references run with. */
export function withoutStress(f: RunFlags): RunFlags {
  const { copyStackEvery: _a, copyStackAlways: _b, gcEvery: _c, gcEverySafepoint: _d, ...rest } = f;
  return rest;
}

/** A word as a POSIX shell reads it back: itself when plain, else single-quoted. */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * The run flags as command-line words that parse back to the same flags (`--policy` first, from policyName;
 * --plugin paths as given). The inverse of withRunOptions' parsing, for commands gosim prints for the user to run.
 */
export function runFlagWords(f: RunFlags): string[] {
  const w: string[] = [];
  for (const p of f.plugin ?? []) w.push('--plugin', p);
  if (f.policy !== undefined) w.push('--policy', policyName(f.policy));
  if (f.tier !== undefined) w.push('--tier', f.tier);
  if (f.compileAfter !== undefined) w.push('--compile-after', String(f.compileAfter));
  if (f.stackPoison) w.push('--stack-poison');
  if (f.stackFaultOnFree) w.push('--stack-fault-on-free');
  if (f.clobberFree) w.push('--clobber-free');
  if (f.copyStackAlways) w.push('--copy-stack-always');
  else if (f.copyStackEvery !== undefined) w.push('--copy-stack-every', String(f.copyStackEvery));
  if (f.gcEverySafepoint) w.push('--gc-every-safepoint');
  else if (f.gcEvery !== undefined) w.push('--gc-every', String(f.gcEvery));
  if (f.seed !== undefined) w.push('--seed', String(f.seed));
  if (f.stackMin !== undefined) w.push('--stack-min', String(f.stackMin));
  if (f.maxSteps !== undefined) w.push('--max-steps', String(f.maxSteps));
  if (f.maxHeap !== undefined) w.push('--max-heap', String(f.maxHeap));
  if (f.maxStack !== undefined) w.push('--max-stack', String(f.maxStack));
  if (f.finalizers) w.push('--finalizers');
  return w;
}
