// Run options: the policy, debug modes, stress modes, limits and hooks.

import type { ForcedEvent, Listener } from './events.js';
import type { Machine } from './machine.js';
import type { Policy } from './policy.js';

/** A safe point as the hook sees it: its index in the run (from 1), the goroutine and function. */
/**
 * A sink of the program's output on one descriptor. A negative number returned is the failed write's negated
 * errno (-32 EPIPE): os.File.Write returns it as its error, and a program's EPIPE on descriptor 1 or 2 ends it as
 * SIGPIPE would (status 141); the runtime's own prints (println, panic messages) drop it, as Go's do.
 */
export type Sink = (s: string) => number | void;

export interface SafePointInfo {
  readonly index: number;
  readonly goid: number;
  readonly fn: string;
}

export interface RunOptions {
  policy?: Policy;
  /** Execution tier: hot IR functions compiled to JS (default; jit/compile.ts), or the interpreter alone. */
  tier?: 'interp' | 'compiled';
  /**
   * The compile tier compiles a function once the interpreter has run this many of its calls and back edges,
   * counted over every run of the program (default CompileAfter; 0: at its first call). Code run once (package
   * initialization, say) costs less interpreted than compiled.
   */
  compileAfter?: number;
  /** Go's StackPoisonCopy: 0xfd / 0xfb into new stacks, 0xfc into freed ones. */
  stackPoisonCopy?: boolean;
  /** Unmap freed stacks (Go's StackFaultOnFree). */
  stackFaultOnFree?: boolean;
  /** Fill freed heap objects with 0xdeadbeef. */
  clobberFree?: boolean;
  /** Move the stack to a new one of the same size every N safe points (N = 1: at every one). */
  copyStackEvery?: number;
  /** Run a full GC every N safe points. */
  gcEvery?: number;
  /**
   * The stress modes above skip a goroutine whose stack is bigger than this (default 8 MiB; for the GC: all
   * stacks together): each forced move or GC costs time proportional to the stacks, so forcing them every N
   * safe points on a stack headed for the 1 GB limit would take hours. Growth copies still happen.
   */
  stressMaxStack?: number;
  /** Force one event at chosen safe points (the explorer's injection). */
  safePointHook?: (sp: SafePointInfo) => ForcedEvent | undefined;
  /**
   * With safePointHook: the first safe-point index after `after` that the hook must see (Infinity: no more).
   * Without it the hook sees every safe point, each taking the slow path (and the compile tier deopting there);
   * with it the others run in batches, as in a run without a hook.
   */
  safePointHookNext?: (after: number) => number;
  /** Scheduling seed: varies the preemption quantum deterministically. */
  seed?: number;
  /** Initial goroutine stack size (Go 1.4: 2048; the CL's Go: 8192). */
  stackMin?: number;
  /** Limits: safe points executed, heap bytes, stack bytes (Go's maxstacksize). */
  maxSteps?: number;
  maxHeap?: number;
  maxStack?: number;
  /**
   * Called once with the machine before its first instruction (a recorder reads memory from it at events and
   * safe points). The machine's memory is released when runModule returns: nothing may read it afterwards.
   */
  attach?: (m: Machine) => void;
  /** Event listener (the stream is not built when absent). */
  onEvent?: Listener;
  /** Where the program's output goes (default: collected into the result). */
  stderr?: Sink;
  stdout?: Sink;
  /** os.Args (default rt-os.ts's DefaultArgs) and the environment os.Getenv reads, KEY=value (default: none). */
  args?: readonly string[];
  env?: readonly string[];
}

export interface RunResult {
  /** The exit status a Go binary would give: 0, or 2 for panics and fatal errors. */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Safe points executed. */
  steps: number;
  /** Set when a gosim limit (not a Go behaviour) ended the run. */
  limit?: { what: 'steps' | 'heap' | 'memory'; message: string };
}

export const DefaultMaxSteps = 2_000_000_000;
