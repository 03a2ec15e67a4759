// The compile tier: a program's compiled functions by id and by resume point (shared by its runs), and one
// machine's trampoline the interpreter enters them through. A function compiles once the interpreter has run
// compileAfter of its calls and back edges (its heat, shared by the runs); compiled code compiles what it calls
// at the first call.

import { readWord, writeWord } from '@gosim/memory';
import { TextBase } from '@gosim/program';
import type { G } from '@gosim/stack';
import { arith, compareSigned, compareUnsigned, divmod64, mulhiu, shift, wide } from '../arith.js';
import { ChanResult } from '../chan.js';
import { extOps } from '../ext-ops.js';
import { heapOp } from '../heapops.js';
import { deferprocStackOp } from '../defer-stack.js';
import { jmpdefer } from '../defer-ops.js';
import { deferproc, deferreturn, NoDefer } from '@gosim/defer-panic';
import type { Machine } from '../machine.js';
import type { Program } from '@gosim/program';
import type { DeferPanicPolicy } from '@gosim/defer-panic';
import { compile, leaders, type Compiled } from './compile.js';
import { Exit } from './emit-ops.js';

/** An error thrown inside compiled code, with g's registers already saved at the faulting instruction. */
export class Unwind {
  constructor(readonly error: unknown) {}
}

/** RunOptions.compileAfter's default: heat a function gathers interpreted before it is compiled. */
export const CompileAfter = 100;

/** enter()'s results: the interpreter continues at g.pc, rethrows takeError() at g.pc, or returns Stop.Parked. */
export const Enter = { Continue: 1, Throw: 3, Parked: 4 } as const;

/**
 * One program's compiled code, shared by every machine that runs it (the Program is per user module and deferpanic
 * piece, run.ts): compiled functions by id and by resume point. The code reads everything a run owns (memory,
 * budget, heap, data base) through its m and g arguments, so a later run starts with code V8 has already optimized.
 */
export class ProgramCode {
  /** Compiled function by id. */
  readonly fns: (Compiled | undefined)[] = [];
  /** By instruction index: the compiled function with a resume point there. */
  readonly entryAt: (Compiled | undefined)[] = [];
  /** Functions compiled. */
  compiled = 0;
  /** By function id: calls and back edges the interpreter ran before the function was compiled. */
  readonly heat: Int32Array;
  private readonly H: Record<string, unknown>;

  constructor(private readonly prog: Program, pol: DeferPanicPolicy) {
    const p = prog;
    this.heat = new Int32Array(prog.funcs.length);
    this.H = {
      J: this, fns: this.fns, Unwind, readWord, writeWord, arith, divmod64, wide, mulhiu, shift, compareSigned, compareUnsigned, extOps, heapOp, Blocked: ChanResult.Blocked,
      pol, deferproc, deferreturn, NoDefer, deferprocStackOp, jmpdefer,
      constLo: p.constLo, constHi: p.constHi, funcvalOffset: p.funcvalOffset, atEntry: p.funcAtEntry,
      frameSizes: p.funcFrameSize, nosplit: p.funcNosplit, entryIndex: p.funcEntryIndex,
      zero: p.zeroWords, zeroStart: p.zeroStart, TextBase,
    };
  }

  /** Function f's compiled code (compiling it now if needed). */
  get(f: number): Compiled {
    let fn = this.fns[f];
    if (fn === undefined) {
      fn = compile(this.prog, f, this.H);
      this.fns[f] = fn;
      this.compiled++;
      const info = this.prog.funcs[f]!;
      for (const k of leaders(this.prog.code, info.entryIndex, info.endIndex)) this.entryAt[k] = fn;
    }
    return fn;
  }
}

const shared = new WeakMap<Program, Map<DeferPanicPolicy, ProgramCode>>();

/** The shared compiled code of a program under a deferpanic piece (run.ts's programFor gives each piece its Program). */
function codeFor(prog: Program, pol: DeferPanicPolicy): ProgramCode {
  let byPol = shared.get(prog);
  if (byPol === undefined) shared.set(prog, (byPol = new Map()));
  let c = byPol.get(pol);
  if (c === undefined) byPol.set(pol, (c = new ProgramCode(prog, pol)));
  return c;
}

/** The compile tier of one machine: the program's shared code, and this run's entries into it. */
export class Jit {
  readonly code: ProgramCode;
  readonly fns: (Compiled | undefined)[];
  readonly entryAt: (Compiled | undefined)[];
  /** Entries into compiled code from the interpreter, in this run. */
  entered = 0;
  private error: unknown = undefined;
  private readonly compileAfter: number;

  constructor(private readonly m: Machine) {
    this.code = codeFor(m.prog, m.deferpanic);
    this.fns = this.code.fns;
    this.entryAt = this.code.entryAt;
    this.compileAfter = m.opts.compileAfter ?? CompileAfter;
  }

  /** Functions compiled for this program (by this run or an earlier one). */
  get compiled(): number {
    return this.code.compiled;
  }

  /** Function f's compiled code (compiling it now if needed). */
  get(f: number): Compiled {
    return this.code.get(f);
  }

  /** The interpreter calls f, not compiled yet: its compiled code if f is now hot, else undefined (f's heat grows). */
  call(f: number): Compiled | undefined {
    const heat = this.code.heat;
    if (heat[f]! >= this.compileAfter) return this.code.get(f);
    heat[f] = heat[f]! + 1;
    return undefined;
  }

  /** The interpreter takes a back edge to ip in a function not compiled yet: as call(), its entry there. */
  backEdge(ip: number): Compiled | undefined {
    return this.call(this.m.prog.funcOfIndex[ip]!) === undefined ? undefined : this.entryAt[ip];
  }

  /**
   * Runs compiled code from instruction ip (g's registers saved there) until it deopts; follows returns and
   * deep calls through the trampoline. Registers are in g when it returns.
   */
  enter(g: G, fn: Compiled, ip: number): number {
    this.entered++;
    const m = this.m;
    try {
      for (;;) {
        const r = fn(m, g, ip, 0, g.sp, m.budget);
        if (r === Exit.Parked) return Enter.Parked;
        if (r !== Exit.Trampoline) return Enter.Continue; // a deopt (a RET at depth 0 takes the trampoline)
        ip = (g.pc - TextBase) >>> 2; // an int, as every caller passes
        const next = this.entryAt[ip];
        if (next === undefined) return Enter.Continue;
        fn = next;
      }
    } catch (e) {
      if (!(e instanceof Unwind)) throw e;
      this.error = e.error;
      return Enter.Throw;
    }
  }

  /** The error enter() caught; the interpreter throws it at g.pc so its catch handles it as its own. */
  takeError(): unknown {
    const e = this.error;
    this.error = undefined;
    return e;
  }
}
