/**
 * One function being lowered: the context every lowering function takes (`fn`). It holds the function's frame
 * code, where each variable lives (frame slot, heap cell, closure context), its branch targets and epilogue, and
 * the small value helpers (temporaries, constants, integer widening) that every concern uses.
 */
import { Module, Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { Pos } from '../diagnostics.js';
import type { FuncNode, VarObj } from '../objects.js';
import { T, intInfo, sizeof, underlying, type Type } from '../types.js';
import { argShape } from './argshape.js';
import { FrameCode, Lbl, at, type Loc } from './frame.js';
import type { Lowerer } from './lower.js';
import { load, store, storeFrame } from './place.js';
import { block, varSpec } from './stmt.js';
import { isMidInt, isSigned, programType, ptrWords, regSize } from './typeinfo.js';
import { alignUp8, containsDefer, dataBytes, sameLoc } from './util.js';
import { openDeferExit, openDefersFor, type OpenDefers } from './defer-open.js';

export class LowerError extends Error {
  constructor(readonly pos: Pos | undefined, message: string) {
    super(message);
  }
}

/** A variable's home: a frame slot, or a heap cell whose address is in a pointer slot. */
export type Home = { frame: Loc } | { heap: Loc };

/** A captured variable: its offset in the closure object, by reference (a pointer) or by value. */
export interface Capt {
  off: number;
  byRef: boolean;
}

/** The targets of break and continue for a loop or switch. */
export interface Branch {
  brk: Lbl;
  cont?: Lbl;
}

/** Lowers one function body (a FuncDecl, a FuncLit, or the synthetic main.init). */
export class FnLower {
  readonly f: FrameCode;
  readonly m: Module;
  readonly homes = new Map<VarObj, Home>();
  readonly capts = new Map<VarObj, Capt>();
  ctx: Loc | undefined;
  readonly hasDefer: boolean;
  readonly epi: Lbl;
  needEpi = false;
  /** Go 1.14's open-coded defers of this function, when the codegen asks and it qualifies (defer-open.ts). */
  open: OpenDefers | undefined;
  readonly escResults: { v: VarObj; slot: Loc; cell: Loc }[] = [];
  readonly resultVars: VarObj[];
  readonly branches = new Map<A.Node, Branch>();
  readonly fallLabels = new Map<A.CaseClause, Lbl>();
  pos: Pos | undefined;
  /** Values of the calls and receives already run for the current statement (order.ts). */
  readonly hoisted = new Map<A.Expr, Loc[]>();

  constructor(
    readonly L: Lowerer,
    readonly node: FuncNode | undefined,
    readonly name: string,
    private readonly initSpecs?: A.VarSpec[],
    file?: string,
  ) {
    this.f = new FrameCode(name, file ?? L.filename);
    this.m = L.m;
    this.epi = this.f.label();
    this.hasDefer = node ? containsDefer(node.body!) : false;
    this.resultVars = node?.results ?? [];
  }

  fail(msg: string): never {
    throw new LowerError(this.pos, msg);
  }

  // ---------------------------------------------------------------- function structure
  gen(): void {
    try {
      this.gen1();
    } catch (e) {
      if (e instanceof LowerError) throw e;
      throw new LowerError(this.pos ?? this.node?.pos, `internal compiler error: ${this.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  gen1(): void {
    const f = this.f;
    const node = this.node;
    f.line = node?.pos.line ?? 0;
    if (node) {
      for (const v of node.params ?? []) this.homes.set(v, { frame: f.arg(sizeof(v.type), ptrWords(v.type), v.name, argShape(v.type)) });
      for (const v of node.results ?? []) this.homes.set(v, { frame: f.result(sizeof(v.type), ptrWords(v.type), v.name) });
      if (node.kind === 'FuncLit') {
        let off = 8;
        for (const c of node.captures ?? []) {
          this.capts.set(c.v, { off, byRef: c.byRef });
          off += c.byRef ? 8 : alignUp8(sizeof(c.v.type));
        }
        if ((node.captures ?? []).length > 0) {
          this.ctx = f.local('ctx', 8, [0], 'ctxt');
          f.emit(Op.CTXT, this.ctx);
        }
      }
      for (const v of node.locals ?? []) {
        if (v.escapes) this.homes.set(v, { heap: f.local('heapref', 8, [0], v.name) });
        else this.homes.set(v, { frame: f.local('var', sizeof(v.type), ptrWords(v.type), v.name) });
      }
      // results start zeroed (a recovered panic returns them as the deferred calls left them)
      for (const v of node.results ?? []) this.zeroFrame((this.homes.get(v) as { frame: Loc }).frame, v.type);
      // escaping parameters and results move to heap cells
      for (const v of [...(node.params ?? []), ...(node.results ?? [])]) {
        if (!v.escapes) continue;
        const slot = (this.homes.get(v) as { frame: Loc }).frame;
        const cell = f.local('heapref', 8, [0], v.name);
        f.emit(Op.NEW, cell, this.typeId(v.type));
        if (v.varKind === 'param') store(this, { k: 'mem', base: cell, off: 0 }, v.type, load(this, { k: 'frame', loc: slot }, v.type));
        else this.escResults.push({ v, slot, cell });
        this.homes.set(v, { heap: cell });
      }
      this.open = openDefersFor(this);
      block(this, node.body!.stmts);
      f.line = node.body!.rbrace.line;
      if (f.lastOp() !== Op.RET && f.lastOp() !== Op.JMP) this.ret();
      if (this.needEpi || this.hasDefer || this.escResults.length > 0) this.epilogue();
    } else {
      for (const s of this.initSpecs ?? []) {
        this.pos = s.pos;
        f.line = s.pos.line;
        const mk = f.mark();
        varSpec(this, s);
        this.hoisted.clear();
        f.release(mk);
      }
      f.emit(Op.RET);
    }
    f.finish(this.m);
  }

  epilogue(): void {
    if (this.open) return openDeferExit(this, this.open);
    const f = this.f;
    f.bind(this.epi);
    if (this.hasDefer) f.emit(Op.DEFERRETURN);
    for (const r of this.escResults) {
      const v = load(this, { k: 'mem', base: r.cell, off: 0 }, r.v.type);
      storeFrame(this, r.slot, r.v.type, v);
    }
    f.emit(Op.RET);
  }

  /** Leave the function (results already stored). */
  ret(): void {
    if (this.hasDefer || this.escResults.length > 0) {
      this.needEpi = true;
      this.f.jmp(this.epi);
    } else this.f.emit(Op.RET);
  }

  // ---------------------------------------------------------------- helpers: types, temps, constants
  typeId(t: Type): number {
    return programType(this.m, t);
  }

  tmp(t: Type): Loc {
    return this.f.tmp(regSize(t), ptrWords(t));
  }

  word(): Loc {
    return this.f.tmp(8, []);
  }

  ptrTmp(): Loc {
    return this.f.tmp(8, [0]);
  }

  byte(): Loc {
    return this.f.tmp(1, []);
  }

  imm(v: number | bigint, dst = this.word()): Loc {
    const b = BigInt.asIntN(64, BigInt(v));
    if (b >= -(2n ** 31n) && b < 2n ** 31n) this.f.emit(Op.IMM, dst, Number(b));
    else this.f.emit(Op.CONST, dst, this.m.constant(b));
    return dst;
  }

  /** Is the operand a temporary owned by the current expression (not a variable's home or a shared area)? */
  isTemp(l: Loc): boolean {
    return l.s !== null && l.s.kind === 'tmp';
  }

  /** A copy of v in a fresh temporary unless it already is one. */
  own(v: Loc, t: Type): Loc {
    if (this.isTemp(v)) return v;
    const d = this.tmp(t);
    this.copyReg(d, v, t);
    return d;
  }

  /** Copy a register-form value between frame operands. */
  copyReg(d: Loc, s: Loc, t: Type): void {
    this.moveFrame(d, s, regSize(t));
  }

  /** n bytes from frame operand s to d, with the narrowest move (MOV needs both 8-aligned: slots are). */
  moveFrame(d: Loc, s: Loc, n: number): void {
    if (n === 0 || sameLoc(d, s)) return;
    if (n === 1) this.f.emit(Op.MOV1, d, s);
    else if (n === 8 && d.o % 8 === 0 && s.o % 8 === 0) this.f.emit(Op.MOV, d, s);
    else this.f.emit(Op.MOVN, d, s, n);
  }

  zeroFrame(d: Loc, t: Type): void {
    const n = sizeof(t);
    if (n === 0) return;
    if (n === 8 && d.o % 8 === 0) this.f.emit(Op.IMM, d, 0);
    else if (n === 1) this.f.emit(Op.IMM1, d, 0);
    else this.f.emit(Op.ZERO, d, n);
  }

  zeroValue(t: Type): Loc {
    const d = this.tmp(t);
    const n = regSize(t);
    if (n === 8) this.f.emit(Op.IMM, d, 0);
    else if (n === 1) this.f.emit(Op.IMM1, d, 0);
    else if (n > 0) this.f.emit(Op.ZERO, d, n);
    return d;
  }

  /** Normalize a word holding a 16/32-bit integer (sign- or zero-extend from its width). */
  normalize(d: Loc, t: Type): void {
    const { bits, signed } = intInfo(t);
    if (bits === 0 || bits >= 64) return;
    if (signed) {
      const c = this.imm(64 - bits);
      this.f.emit(Op.SHL, d, d, c);
      this.f.emit(Op.SHR, d, d, c);
    } else {
      const c = this.imm((1n << BigInt(bits)) - 1n);
      this.f.emit(Op.AND, d, d, c);
    }
  }

  /** A word holding the integer value v of type t (1-byte values extended). */
  toWord(v: Loc, t: Type): Loc {
    if (regSize(t) === 8) return v;
    const d = this.word();
    this.f.emit(Op.EXT1, d, v);
    if (underlying(t).kind === 'basic' && isSigned(t) && intInfo(t).bits === 8) {
      const c = this.imm(56);
      this.f.emit(Op.SHL, d, d, c);
      this.f.emit(Op.SHR, d, d, c);
    }
    return d;
  }

  /** A register-form value of integer type t from a word (truncated / normalized). */
  fromWord(w: Loc, t: Type): Loc {
    const n = regSize(t);
    if (n === 1) {
      const d = this.byte();
      this.f.emit(Op.TRUNC1, d, w);
      return d;
    }
    if (isMidInt(t)) {
      const d = this.word();
      this.f.emit(Op.MOV, d, w);
      this.normalize(d, t);
      return d;
    }
    return w;
  }

  /** The data-segment bytes of a byte string (one JS char per byte), and a {ptr, len} value. */
  stringConst(s: string, dst?: Loc): Loc {
    const d = dst ?? this.tmp(T.string);
    if (s.length === 0) {
      this.f.emit(Op.IMM, d, 0);
      this.f.emit(Op.IMM, at(d, 8), 0);
      return d;
    }
    const off = dataBytes(this.m, s);
    this.f.emit(Op.DATA, d, off);
    this.imm(s.length, at(d, 8));
    return d;
  }

  /**
   * PRINT Space/Newline ignore their slot operand, but the validator still requires a slot inside the frame
   * (slot 0 is the return PC in a frame without locals): point it at a scratch byte.
   */
  scratch: Loc | undefined;
  noOperand(): Loc {
    if (!this.scratch) this.scratch = this.f.local('tmp', 1, [], 'scratch');
    return this.scratch;
  }
}
