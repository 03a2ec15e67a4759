// A linked program: one code array, the function table (Go's functab) and the data segment image.

import type { FuncInfo } from './func.js';
import { indexOf, TextBase } from './isa.js';
import type { ProgramType } from './types.js';

export class Program {
  constructor(
    /** [op, a, b, c] per instruction. */
    readonly code: Int32Array,
    /** Source line per instruction. */
    readonly lines: Int32Array,
    /** Functions sorted by entry (they are laid out in id order). */
    readonly funcs: readonly FuncInfo[],
    readonly types: readonly ProgramType[],
    /** int64 constants, as exact low/high halves for the interpreter. */
    readonly constLo: Int32Array,
    readonly constHi: Int32Array,
    /** Initial image of the data segment (globals, string bytes, static funcvals). */
    readonly data: Uint8Array,
    /** Words of the data segment that hold pointers (globals' pointer map). */
    readonly dataPtrWords: readonly number[],
    /** Data offset of each function's static funcval, or -1. */
    readonly funcvalOffset: Int32Array,
    /** The function runtime.main calls (main.main). */
    readonly mainId: number,
    /** Data offsets of words holding a data offset: the loader adds the segment's address (static initialization). */
    readonly dataRelocs: Int32Array = new Int32Array(0),
  ) {
    const n = funcs.length;
    this.funcEntryIndex = new Int32Array(n);
    this.funcFrameSize = new Int32Array(n);
    this.funcArgSize = new Int32Array(n);
    this.funcNosplit = new Uint8Array(n);
    this.funcAtEntry = new Int32Array(lines.length).fill(-1);
    this.funcOfIndex = new Int32Array(lines.length).fill(-1);
    for (const f of funcs) {
      this.funcOfIndex.fill(f.id, f.entryIndex, f.endIndex);
      this.funcAtEntry[f.entryIndex] = f.id;
      this.funcEntryIndex[f.id] = f.entryIndex;
      this.funcFrameSize[f.id] = f.frameSize;
      this.funcArgSize[f.id] = f.argSize;
      this.funcNosplit[f.id] = f.nosplit ? 1 : 0;
      this.byName.set(f.name, f);
    }
    this.zeroStart = new Int32Array(n + 1);
    const words: number[] = [];
    funcs.forEach((f, i) => {
      this.zeroStart[i] = words.length;
      words.push(...f.zeroWords);
    });
    this.zeroStart[n] = words.length;
    this.zeroWords = Int32Array.from(words);
  }

  /** Per-function facts as typed arrays, indexed by function id, for the interpreter's call path. */
  readonly funcEntryIndex: Int32Array;
  readonly funcFrameSize: Int32Array;
  readonly funcArgSize: Int32Array;
  readonly funcNosplit: Uint8Array;
  /** Prologue zeroing: byte offsets of every function's local pointer words, zeroStart[f] .. zeroStart[f+1]. */
  readonly zeroWords: Int32Array;
  readonly zeroStart: Int32Array;
  /** By instruction index: the id of the function whose entry it is, else -1 (calls through funcvals). */
  readonly funcAtEntry: Int32Array;
  /** By instruction index: the id of the function it belongs to, else -1 (findfunc in one step: traceback's hot path). */
  readonly funcOfIndex: Int32Array;
  private readonly byName = new Map<string, FuncInfo>();

  /** The function containing pc (by its instruction index), or undefined outside every function. */
  findfunc(pc: number): FuncInfo | undefined {
    const i = Math.floor((pc - TextBase) / 4);
    if (!(i >= 0 && i < this.funcOfIndex.length)) return undefined;
    const id = this.funcOfIndex[i]!;
    if (id < 0) return undefined;
    const f = this.funcs[id]!;
    return pc >= f.entry && pc < f.end ? f : undefined;
  }

  func(name: string): FuncInfo | undefined {
    return this.byName.get(name);
  }

  /** Source line of the instruction at pc, or 0. */
  line(pc: number): number {
    return this.lines[Math.floor(indexOf(pc))] ?? 0;
  }
}
