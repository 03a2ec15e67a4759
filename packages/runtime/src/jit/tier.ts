// The compile tier's state for one machine: compiled functions by id, their resume points by instruction
// index, and the trampoline the interpreter enters them through. Functions compile on their first call.

import { readWord, writeWord } from '@gosim/memory';
import { TextBase } from '@gosim/program';
import type { G } from '@gosim/stack';
import { arith, compareSigned, compareUnsigned, shift } from '../arith.js';
import { ChanResult } from '../chan.js';
import { extOps } from '../ext-ops.js';
import { heapOp } from '../heapops.js';
import { deferprocStackOp } from '../defer-stack.js';
import { jmpdefer } from '../defer-ops.js';
import { deferproc, deferreturn, NoDefer } from '@gosim/defer-panic';
import type { Machine } from '../machine.js';
import { compile, leaders, type Compiled } from './compile.js';

/** An error thrown inside compiled code, with g's registers already saved at the faulting instruction. */
export class Unwind {
  constructor(readonly error: unknown) {}
}

/** enter()'s results: the interpreter continues at g.pc, rethrows takeError() at g.pc, or returns Stop.Parked. */
export const Enter = { Continue: 1, Throw: 3, Parked: 4 } as const;

export class Jit {
  /** Compiled function by id. */
  readonly fns: (Compiled | undefined)[] = [];
  /** By instruction index: the compiled function with a resume point there. */
  readonly entryAt: (Compiled | undefined)[] = [];
  /** Counters: functions compiled, and entries into compiled code from the interpreter. */
  compiled = 0;
  entered = 0;
  private error: unknown = undefined;
  private readonly H: Record<string, unknown>;

  constructor(private readonly m: Machine) {
    const p = m.prog;
    this.H = {
      J: this, fns: this.fns, Unwind, readWord, writeWord, arith, shift, compareSigned, compareUnsigned, extOps, heapOp, Blocked: ChanResult.Blocked,
      pol: m.deferpanic, deferproc, deferreturn, NoDefer, deferprocStackOp, jmpdefer,
      constLo: p.constLo, constHi: p.constHi, funcvalOffset: p.funcvalOffset, atEntry: p.funcAtEntry,
      frameSizes: p.funcFrameSize, nosplit: p.funcNosplit, entryIndex: p.funcEntryIndex,
      zero: m.zeroWords, zeroStart: m.zeroStart, MaxSafe: Number.MAX_SAFE_INTEGER,
    };
  }

  /** Function f's compiled code (compiling it now if needed). */
  get(f: number): Compiled {
    let fn = this.fns[f];
    if (fn === undefined) {
      fn = compile(this.m, f, this.H);
      this.fns[f] = fn;
      this.compiled++;
      const info = this.m.prog.funcs[f]!;
      for (const k of leaders(this.m.prog.code, info.entryIndex, info.endIndex)) this.entryAt[k] = fn;
    }
    return fn;
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
        const r = fn(m, g, ip, 0);
        if (r === 4) return Enter.Parked;
        if (r !== 2) return Enter.Continue;
        ip = (g.pc - TextBase) / 4;
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
