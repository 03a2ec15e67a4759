// `gosim run` flags → RunOptions: the value parsers commander calls, and the conversion.

import { InvalidArgumentError } from '@commander-js/extra-typings';
import { parsePolicy, policies, PolicySpecError, type Policy, type RunOptions } from '@gosim/runtime';

/** The parsed flags of `gosim run` (commander's option values). */
export interface RunFlags {
  policy?: Policy;
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
}

/** `--policy SPEC`: `old`, `new`, or `piece=old|new,...` (unlisted pieces are `new`). */
export function parsePolicyArg(spec: string): Policy {
  try {
    return parsePolicy(spec);
  } catch (e) {
    if (e instanceof PolicySpecError) throw new InvalidArgumentError(e.message);
    throw e;
  }
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

/** `--seed N`: a non-negative integer. */
export function parseSeed(s: string): number {
  return toInt(s, 'a non-negative integer');
}

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

/** `--stack-min BYTES`: a power of two ≥ 2048 (Go 1.4: 2048; the CL's Go: 8192). */
export function parseStackMin(s: string): number {
  const n = parseBytes(s);
  if (n < 2048 || (n & (n - 1)) !== 0 || n > 1 << 30) throw new InvalidArgumentError('want a power of two >= 2048');
  return n;
}

/** The runtime options the flags ask for (without writers and listeners, which the command adds). */
export function toRunOptions(f: RunFlags): RunOptions {
  const o: RunOptions = { policy: f.policy ?? policies.new };
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
