/**
 * Lowering: the checked, escape-analysed AST to gosim's program IR (`@gosim/program`).
 *
 * Values. Every expression evaluates into a frame operand (`Loc`) holding its value in "register form": the
 * memory layout of its type, except that 16- and 32-bit integers are held as normalized (sign- or zero-extended)
 * words. Variables live in named frame slots (in memory form), or, when escape analysis moved them to the heap, in
 * a `NEW` cell whose address is a pointer slot. Captured variables are reached through the closure context.
 *
 * Places. An addressable expression lowers to a `Place`: bytes of the frame, or memory at (pointer slot + offset).
 * Loads and stores pick MOV/MOV1/MOVN or LOAD/LOAD1/LOADN/STORE/STORE1/STOREN from the type's size.
 *
 * Calls. Arguments are evaluated into temporaries first and copied into the outgoing area right before the
 * CALL/CALLCLOSURE/DEFERPROC/GO (no safe point in between), at the offsets `layoutSlots(params ++ results)` gives.
 * Results are copied out of the outgoing area right after the call.
 */
import { Module, Op, PrintKind, layoutSlots } from '@gosim/program';
import type * as A from '../ast.js';
import type { CheckedProgram } from '../check/checker.js';
import type { Pos } from '../diagnostics.js';
import type { FuncNode, VarObj } from '../objects.js';
import type { Signature, StructType, Type } from '../types.js';
import { T, emptyInterface, intInfo, isInterface, isString, sizeof, underlying } from '../types.js';
import { FrameCode, Lbl, at, out, type Loc } from './frame.js';
import { isDirectKind, isMidInt, isSigned, programType, ptrWords, regSize } from './typeinfo.js';

export class LowerError extends Error {
  constructor(readonly pos: Pos | undefined, message: string) {
    super(message);
  }
}

/** A frame location, or memory at (pointer word + off); `chk`: the pointer is the user's and may be nil. */
type Place = { k: 'frame'; loc: Loc } | { k: 'mem'; base: Loc; off: number; chk?: boolean };

type Home = { frame: Loc } | { heap: Loc };

interface Capt {
  off: number;
  byRef: boolean;
}

interface Branch {
  brk: Lbl;
  cont?: Lbl;
}

/** Lowers a whole checked program into a module. */
export function lowerProgram(p: CheckedProgram, filename: string): Module {
  const l = new Lowerer(p, filename);
  l.run();
  return l.m;
}

class Lowerer {
  readonly m = new Module();
  readonly globals = new Map<VarObj, number>();
  private readonly queue: (() => void)[] = [];
  private wrapN = new Map<string, number>();
  private readonly defined = new Set<string>();

  constructor(readonly p: CheckedProgram, readonly filename: string) {}

  run(): void {
    for (const g of this.p.globals) this.globals.set(g, this.m.global(Math.max(sizeof(g.type), 1), ptrWords(g.type)));
    const inits = this.globalInits();
    if (inits.length > 0) this.genInit(inits);
    for (const f of this.p.funcs) {
      if (!f.body || f.name.name === '_') continue;
      const name = f.goName!;
      this.queue.push(() => new FnLower(this, f, name, inits.length > 0 && name === 'main.main').gen());
    }
    while (this.queue.length > 0) this.queue.shift()!();
  }

  private readonly lits = new Set<A.FuncLit>();
  enqueueLit(lit: A.FuncLit): void {
    if (this.lits.has(lit)) return;
    this.lits.add(lit);
    this.queue.push(() => new FnLower(this, lit, lit.goName!, false).gen());
  }

  /** A fresh name for a wrapper of a deferred / go'd builtin call. */
  wrapperName(outer: string, what: string): string {
    const n = (this.wrapN.get(outer + what) ?? 0) + 1;
    this.wrapN.set(outer + what, n);
    return `${outer}.${what}${n}`;
  }

  /** Defines a small runtime-shaped function once (runtime.GC used as a value, ...). */
  defineOnce(name: string, gen: () => void): void {
    if (this.defined.has(name)) return;
    this.defined.add(name);
    gen();
  }

  private globalInits(): A.VarSpec[] {
    const out: A.VarSpec[] = [];
    for (const d of this.p.file.decls) if (d.kind === 'VarSpec' && d.values.length > 0) out.push(d);
    return out;
  }

  private genInit(specs: A.VarSpec[]): void {
    this.queue.push(() => new FnLower(this, undefined, 'main.init', false, specs).gen());
  }
}

/** Lowers one function body (a FuncDecl, a FuncLit, or the synthetic main.init). */
class FnLower {
  readonly f: FrameCode;
  private readonly m: Module;
  private readonly homes = new Map<VarObj, Home>();
  private readonly capts = new Map<VarObj, Capt>();
  private ctx: Loc | undefined;
  private readonly hasDefer: boolean;
  private readonly epi: Lbl;
  private needEpi = false;
  private readonly escResults: { v: VarObj; slot: Loc; cell: Loc }[] = [];
  private readonly resultVars: VarObj[];
  private readonly branches = new Map<A.Node, Branch>();
  private readonly fallLabels = new Map<A.CaseClause, Lbl>();
  private pos: Pos | undefined;

  constructor(
    readonly L: Lowerer,
    readonly node: FuncNode | undefined,
    readonly name: string,
    private readonly callInit: boolean,
    private readonly initSpecs?: A.VarSpec[],
  ) {
    this.f = new FrameCode(name, L.filename);
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

  private gen1(): void {
    const f = this.f;
    const node = this.node;
    f.line = node?.pos.line ?? 0;
    if (node) {
      for (const v of node.params ?? []) this.homes.set(v, { frame: f.arg(sizeof(v.type), ptrWords(v.type), v.name) });
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
        if (v.varKind === 'param') this.store({ k: 'mem', base: cell, off: 0 }, v.type, this.load({ k: 'frame', loc: slot }, v.type));
        else this.escResults.push({ v, slot, cell });
        this.homes.set(v, { heap: cell });
      }
      if (this.callInit) {
        f.emit(Op.CALL, this.m.declare('main.init'));
      }
      this.block(node.body!.stmts);
      f.line = node.body!.rbrace.line;
      if (f.lastOp() !== Op.RET && f.lastOp() !== Op.JMP) this.ret();
      if (this.needEpi || this.hasDefer || this.escResults.length > 0) this.epilogue();
    } else {
      for (const s of this.initSpecs ?? []) {
        this.pos = s.pos;
        f.line = s.pos.line;
        const mk = f.mark();
        this.varSpec(s);
        f.release(mk);
      }
      f.emit(Op.RET);
    }
    f.finish(this.m);
  }

  private epilogue(): void {
    const f = this.f;
    f.bind(this.epi);
    if (this.hasDefer) f.emit(Op.DEFERRETURN);
    for (const r of this.escResults) {
      const v = this.load({ k: 'mem', base: r.cell, off: 0 }, r.v.type);
      this.storeFrame(r.slot, r.v.type, v);
    }
    f.emit(Op.RET);
  }

  /** Leave the function (results already stored). */
  private ret(): void {
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
  private isTemp(l: Loc): boolean {
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

  /** n bytes from frame operand s to d, with the narrowest move. */
  private moveFrame(d: Loc, s: Loc, n: number): void {
    if (n === 0 || sameLoc(d, s)) return;
    if (n === 1) this.f.emit(Op.MOV1, d, s);
    else if (n === 8) this.f.emit(Op.MOV, d, s);
    else this.f.emit(Op.MOVN, d, s, n);
  }

  zeroFrame(d: Loc, t: Type): void {
    const n = sizeof(t);
    if (n === 0) return;
    if (n === 8) this.f.emit(Op.IMM, d, 0);
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
  private normalize(d: Loc, t: Type): void {
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
    const off = this.dataBytes(s);
    this.f.emit(Op.DATA, d, off);
    this.imm(s.length, at(d, 8));
    return d;
  }

  private dataBytes(s: string): number {
    const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined && new TextEncoder().encode(text).length === bytes.length) return this.m.string(text);
    const off = this.m.global(bytes.length);
    bytes.forEach((b, i) => (this.m.data[off + i] = b));
    return off;
  }

  // ---------------------------------------------------------------- places
  private varPlace(v: VarObj): Place {
    const h = this.homes.get(v);
    if (h) return 'frame' in h ? { k: 'frame', loc: h.frame } : { k: 'mem', base: h.heap, off: 0 };
    const c = this.capts.get(v);
    if (c) {
      if (c.byRef) {
        const p = this.ptrTmp();
        this.f.emit(Op.LOAD, p, this.ctx!, c.off);
        return { k: 'mem', base: p, off: 0 };
      }
      return { k: 'mem', base: this.ctx!, off: c.off };
    }
    const g = this.L.globals.get(v);
    if (g !== undefined) {
      const p = this.ptrTmp();
      this.f.emit(Op.DATA, p, g);
      return { k: 'mem', base: p, off: 0 };
    }
    return this.fail(`internal compiler error: no storage for ${v.name}`);
  }

  /** The address of variable v (a pointer word). */
  private varAddr(v: VarObj): Loc {
    const h = this.homes.get(v);
    if (h) {
      if ('heap' in h) return h.heap;
      const p = this.ptrTmp();
      this.f.emit(Op.LEA, p, h.frame);
      return p;
    }
    return this.placeAddr(this.varPlace(v));
  }

  private placeAddr(p: Place): Loc {
    if (p.k === 'frame') {
      const d = this.ptrTmp();
      this.f.emit(Op.LEA, d, p.loc);
      return d;
    }
    if (p.off === 0) return p.base;
    const d = this.ptrTmp();
    this.f.emit(Op.ADDI, d, p.base, p.off);
    return d;
  }

  private placeAt(p: Place, off: number): Place {
    return p.k === 'frame' ? { k: 'frame', loc: at(p.loc, off) } : { k: 'mem', base: p.base, off: p.off + off, chk: p.chk };
  }

  /** Load a register-form value of type t from a place. Frame places are returned as is (no copy). */
  load(p: Place, t: Type): Loc {
    const f = this.f;
    const n = sizeof(t);
    if (p.k === 'frame') {
      if (!isMidInt(t)) return p.loc;
      const d = this.word();
      f.emit(Op.IMM, d, 0);
      f.emit(Op.MOVN, d, p.loc, n);
      this.normalize(d, t);
      return d;
    }
    this.nilCheck(p, n === 0);
    const d = this.tmp(t);
    if (n === 0) return d;
    if (n === 1) f.emit(Op.LOAD1, d, p.base, p.off);
    else if (n % 8 === 0 && n <= 32) for (let w = 0; w < n; w += 8) f.emit(Op.LOAD, at(d, w), p.base, p.off + w);
    else {
      if (isMidInt(t)) f.emit(Op.IMM, d, 0);
      f.emit(Op.LOADN, d, this.placeAddr(p), n);
      if (isMidInt(t)) this.normalize(d, t);
    }
    return d;
  }

  /** Store a register-form value of type t into a place. */
  store(p: Place, t: Type, v: Loc): void {
    const f = this.f;
    const n = sizeof(t);
    if (n === 0) return this.nilCheck(p, true);
    if (p.k === 'frame') return this.storeFrame(p.loc, t, v);
    this.nilCheck(p);
    if (n === 1) f.emit(Op.STORE1, p.base, p.off, v);
    else if (n % 8 === 0 && n <= 32) for (let w = 0; w < n; w += 8) f.emit(Op.STORE, p.base, p.off + w, at(v, w));
    else f.emit(Op.STOREN, this.placeAddr(p), v, n);
  }

  storeFrame(d: Loc, t: Type, v: Loc): void {
    this.moveFrame(d, v, sizeof(t));
  }

  /**
   * Go's explicit nil check before an access at a non-zero offset through a user pointer: the fault (and the
   * `[signal ... addr=0x0]` line) is at address 0, not at the field's offset; and before a zero-size access,
   * which touches no memory itself.
   */
  private nilCheck(p: Place, zeroSize = false): void {
    if (p.k !== 'mem' || !p.chk || (p.off === 0 && !zeroSize)) return;
    this.f.emit(Op.LOAD1, this.noOperand(), p.base, 0);
  }

  /** The place an addressable (or any) expression denotes; non-addressable values get a frame temporary. */
  place(e: A.Expr): Place {
    switch (e.kind) {
      case 'ParenExpr': return this.place(e.x);
      case 'Ident':
        if (e.obj?.kind === 'var') return this.varPlace(e.obj);
        break;
      case 'StarExpr': return { k: 'mem', base: this.val(e.x), off: 0, chk: true };
      case 'SelectorExpr':
        if (e.selKind === 'field' && e.field) {
          if (e.implicitDeref) return { k: 'mem', base: this.val(e.x), off: e.field.offset, chk: true };
          return this.placeAt(this.place(e.x), e.field.offset);
        }
        break;
      case 'IndexExpr': {
        const xt = underlying(e.x.type!);
        if (xt.kind === 'slice' || (xt.kind === 'array' || (xt.kind === 'pointer' && e.implicitDeref))) return this.indexPlace(e);
        break;
      }
      default: break;
    }
    return { k: 'frame', loc: this.val(e) };
  }

  private indexPlace(e: A.IndexExpr): Place {
    const f = this.f;
    const xt = underlying(e.x.type!);
    let base: Place;
    let len: number | Loc;
    let elem: Type;
    if (xt.kind === 'slice') {
      const s = this.val(e.x);
      elem = xt.elem;
      const sl = this.isTemp(s) ? s : this.own(s, e.x.type!);
      base = { k: 'mem', base: sl, off: 0 };
      len = at(sl, 8);
      const es = sizeof(elem);
      const i = this.index(e.index);
      f.emit(Op.BOUNDS, i, len, isSigned(e.index.type!) ? 0 : 1);
      const addr = this.ptrTmp();
      this.scaledAdd(addr, sl, i, es);
      return { k: 'mem', base: addr, off: 0 };
    }
    if (xt.kind === 'pointer') {
      const at0 = underlying(xt.elem);
      if (at0.kind !== 'array') return this.fail('internal compiler error: index of a non-array pointer');
      elem = at0.elem;
      len = at0.len;
      base = { k: 'mem', base: this.own(this.val(e.x), e.x.type!), off: 0, chk: true };
    } else if (xt.kind === 'array') {
      elem = xt.elem;
      len = xt.len;
      base = this.place(e.x);
    } else return this.fail('internal compiler error: bad index');
    const es = sizeof(elem);
    const ci = e.index.constValue;
    if (ci?.kind === 'int') {
      const k = Number(ci.value);
      if (k < 0 || k >= len) {
        const i = this.imm(k);
        f.emit(Op.BOUNDSI, i, len);
      }
      return this.placeAt(base, k * es);
    }
    const i = this.index(e.index);
    f.emit(Op.BOUNDSI, i, len, isSigned(e.index.type!) ? 0 : 1);
    if (base.k === 'mem' && base.chk) this.f.emit(Op.LOAD1, this.noOperand(), base.base, 0);
    const b = this.placeAddr(base);
    const addr = this.ptrTmp();
    this.scaledAdd(addr, b, i, es);
    return { k: 'mem', base: addr, off: 0 };
  }

  /** An index operand as a word (its own temporary when it has to outlive later evaluation). */
  private index(e: A.Expr): Loc {
    const v = this.val(e);
    return this.toWord(v, e.type!);
  }

  private scaledAdd(dst: Loc, base: Loc, i: Loc, es: number): void {
    if (es === 1) {
      this.f.emit(Op.ADD, dst, base, i);
      return;
    }
    const c = this.imm(es);
    const o = this.word();
    this.f.emit(Op.MUL, o, i, c);
    this.f.emit(Op.ADD, dst, base, o);
  }

  // ---------------------------------------------------------------- expressions
  /** Evaluate an expression to a register-form value. */
  val(e: A.Expr): Loc {
    const f = this.f;
    const t = e.type!;
    if (e.constValue && e.mode === 'constant') return this.constVal(e.constValue, t);
    if (e.mode === 'nil') return this.zeroValue(t);
    switch (e.kind) {
      case 'ParenExpr': return this.val(e.x);
      case 'Ident': {
        const o = e.obj;
        if (!o) return this.fail(`internal compiler error: unresolved ${e.name}`);
        if (o.kind === 'var') return this.load(this.varPlace(o), o.type);
        if (o.kind === 'func') return this.funcval(o.decl.goName!);
        if (o.kind === 'nil') return this.zeroValue(t);
        if (o.kind === 'const') return this.constVal(o.value, t);
        if (o.kind === 'builtin') return this.builtinValue(o.name);
        return this.fail(`internal compiler error: value of ${e.name}`);
      }
      case 'BasicLit': return this.fail('internal compiler error: non-constant literal');
      case 'FuncLit': return this.closure(e);
      case 'CompositeLit': {
        const d = this.tmp(t);
        this.compositeInto({ k: 'frame', loc: d }, e, true);
        return d;
      }
      case 'SelectorExpr':
        if (e.selKind === 'qualified') {
          const o = e.sel.obj;
          if (o?.kind === 'builtin') return this.builtinValue(o.name);
          return this.fail(`${e.sel.name} is not supported as a value by gosim`);
        }
        if (e.selKind === 'method') return this.fail('method values are not supported by gosim');
        return this.load(this.place(e), t);
      case 'StarExpr':
        return this.load(this.place(e), t);
      case 'IndexExpr': {
        const xt = underlying(e.x.type!);
        if (isString(xt)) {
          const s = this.val(e.x);
          const i = this.index(e.index);
          const d = this.byte();
          if (intInfo(e.index.type!).bits === 64 && !isSigned(e.index.type!)) f.emit(Op.BOUNDS, i, at(s, 8), 1); // shown unsigned
          f.emit(Op.STRINDEX, d, s, i);
          return d;
        }
        return this.load(this.place(e), t);
      }
      case 'CallExpr': {
        const r = this.call(e);
        if (r.length !== 1) return this.fail('internal compiler error: call used as a value has no single result');
        return r[0]!;
      }
      case 'UnaryExpr': return this.unary(e);
      case 'BinaryExpr': return this.binary(e);
      case 'ImplicitConv': return this.toIface(e.x, e.heap !== false);
      case 'TypeAssertExpr': return this.assertion(e)[0];
      case 'KeyValueExpr': return this.fail('internal compiler error: key-value outside a composite literal');
      default: return this.fail(`${e.kind} is not supported by gosim`);
    }
  }

  private constVal(c: NonNullable<A.Expr['constValue']>, t: Type): Loc {
    switch (c.kind) {
      case 'bool': {
        const d = this.byte();
        this.f.emit(Op.IMM1, d, c.value ? 1 : 0);
        return d;
      }
      case 'string': return this.stringConst(c.value);
      case 'int': {
        if (isInterface(t)) return this.fail('internal compiler error: untyped constant in interface context');
        if (regSize(t) === 1) {
          const d = this.byte();
          this.f.emit(Op.IMM1, d, Number(BigInt.asUintN(8, c.value)));
          return d;
        }
        return this.imm(c.value);
      }
    }
  }

  funcval(name: string): Loc {
    this.m.funcval(name);
    const d = this.ptrTmp();
    this.f.emit(Op.FUNCVAL, d, this.m.declare(name));
    return d;
  }

  /** runtime.Goexit / GC / Gosched used as a func value. */
  private builtinValue(name: string): Loc {
    if (name === 'runtime.Goexit') return this.funcval(name);
    // runtime.GC and runtime.Gosched as values: a one-instruction function (Gosched is a no-op here)
    const body = ({ 'runtime.GC': [Op.GC, '$GOROOT/src/runtime/mgc.go'], 'runtime.Gosched': [Op.NOP, '$GOROOT/src/runtime/proc.go'] } as const)[name];
    if (!body) return this.fail(`${name} is not supported as a value by gosim`);
    this.L.defineOnce(name, () => {
      const w = new FrameCode(name, body[1]);
      w.emit(body[0]);
      w.emit(Op.RET);
      w.finish(this.m);
    });
    return this.funcval(name);
  }

  /** Convert a non-interface value to interface{} (or keep an interface value). */
  private toIface(x: A.Expr, heap: boolean): Loc {
    const v = this.val(x);
    const xt = x.type!;
    if (isInterface(xt)) return v;
    return this.box(v, xt, heap);
  }

  box(v: Loc, xt: Type, heap: boolean): Loc {
    const f = this.f;
    const d = this.tmp(emptyInterface);
    const id = this.typeId(xt);
    if (isDirectKind(xt)) {
      f.emit(Op.IMM, d, id + 1);
      f.emit(Op.MOV, at(d, 8), v);
    } else if (heap) {
      // (a 16/32-bit integer's memory form is the low bytes of its register word: little endian)
      f.emit(Op.BOX, d, id, v);
    } else {
      // a non-escaping conversion: the value is copied into a stack slot of this site
      const slot = f.local('perm', Math.max(sizeof(xt), 1), ptrWords(xt), 'box');
      this.storeFrame(slot, xt, v);
      f.emit(Op.IMM, d, id + 1);
      f.emit(Op.LEA, at(d, 8), slot);
    }
    return d;
  }

  private unary(e: A.UnaryExpr): Loc {
    const f = this.f;
    const t = e.type!;
    switch (e.op) {
      case '+': return this.val(e.x);
      case '-': case '^': {
        const x = this.toWord(this.val(e.x), t);
        const w = this.word();
        f.emit(e.op === '-' ? Op.NEG : Op.COM, w, x);
        return this.fromWord(w, t);
      }
      case '!': {
        const x = this.val(e.x);
        const d = this.byte();
        f.emit(Op.NOT1, d, x);
        return d;
      }
      case '&': return this.addrOf(e);
      case '<-': {
        const ch = this.val(e.x);
        const et = t;
        const d = this.f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
        if (isMidInt(et)) f.emit(Op.IMM, d, 0);
        f.emit(Op.RECV, d, ch, -1);
        return isMidInt(et) ? this.load({ k: 'frame', loc: d }, et) : d;
      }
    }
  }

  private addrOf(e: A.UnaryExpr): Loc {
    let x = e.x;
    while (x.kind === 'ParenExpr') x = x.x;
    if (x.kind === 'CompositeLit') {
      const pt = underlying(e.type!);
      const et = pt.kind === 'pointer' ? pt.elem : x.type!;
      return this.allocInit(et, e.heap !== false, (p) => this.compositeInto(p, x as A.CompositeLit, false));
    }
    if (x.kind === 'Ident' && x.obj?.kind === 'var') return this.varAddr(x.obj);
    return this.placeAddr(this.place(x));
  }

  /**
   * A new zeroed object of type t on the heap (NEW) or in a stack slot of this site, initialized by `init`
   * (its values are evaluated before the allocation by the caller when they can reach a safe point).
   */
  private allocInit(t: Type, heap: boolean, init?: (p: Place) => void): Loc {
    const f = this.f;
    if (heap) {
      // evaluate the initializer first (into a frame temporary), then allocate and copy: no half-built object
      // is live across the initializer's calls
      let tmp: Loc | undefined;
      if (init) {
        tmp = this.f.tmp(Math.max(sizeof(t), 1), ptrWords(t));
        this.zeroFrame(tmp, t);
        init({ k: 'frame', loc: tmp });
      }
      const p = this.ptrTmp();
      f.emit(Op.NEW, p, this.typeId(t));
      if (tmp) this.store({ k: 'mem', base: p, off: 0 }, t, tmp);
      return p;
    }
    const slot = f.local('perm', Math.max(sizeof(t), 1), ptrWords(t), 'obj');
    this.zeroFrame(slot, t);
    if (init) init({ k: 'frame', loc: slot });
    const p = this.ptrTmp();
    f.emit(Op.LEA, p, slot);
    return p;
  }

  /** Fill a composite literal's elements into a (zeroed unless `zero`) place. */
  private compositeInto(p: Place, e: A.CompositeLit, zero: boolean): void {
    const t = underlying(e.type!);
    if (zero && p.k === 'frame') this.zeroFrame(p.loc, e.type!);
    if (t.kind === 'struct') {
      // evaluate every element first (they may call functions), then store
      const vals = e.elts.map((x) => {
        const v = x.kind === 'KeyValueExpr' ? x.value : x;
        return this.own(this.val(v), v.type!);
      });
      e.elts.forEach((_, i) => {
        const fl = e.fieldOf![i]!;
        this.store(this.placeAt(p, fl.offset), fl.type, vals[i]!);
      });
      return;
    }
    if (t.kind === 'array') {
      const es = sizeof(t.elem);
      const vals = e.elts.map((x) => {
        const v = x.kind === 'KeyValueExpr' ? x.value : x;
        return this.own(this.val(v), v.type!);
      });
      e.elts.forEach((_, i) => {
        const idx = e.indexOf?.[i] ?? i;
        this.store(this.placeAt(p, idx * es), t.elem, vals[i]!);
      });
      return;
    }
    this.fail('composite literals of this type are not supported by gosim');
  }

  // ---------------------------------------------------------------- closures
  private closure(lit: A.FuncLit): Loc {
    const f = this.f;
    this.L.enqueueLit(lit);
    const caps = lit.captures ?? [];
    const fid = this.m.declare(lit.goName!);
    if (caps.length === 0) return this.funcval(lit.goName!);
    let size = 8;
    const ptrs: number[] = [];
    const names: string[] = ['F uintptr'];
    caps.forEach((c, i) => {
      if (c.byRef) {
        ptrs.push(size / 8);
        names.push(`X${i} *${goName(c.v.type)}`);
        size += 8;
      } else {
        for (const w of ptrWords(c.v.type)) ptrs.push(size / 8 + w);
        names.push(`X${i} ${goName(c.v.type)}`);
        size += alignUp8(sizeof(c.v.type));
      }
    });
    // captured values first (no safe point in these), then the object
    const vals = caps.map((c) => (c.byRef ? this.varAddr(c.v) : this.load(this.varPlace(c.v), c.v.type)));
    const fv = this.ptrTmp();
    f.emit(Op.FUNCVAL, fv, fid);
    this.m.funcval(lit.goName!);
    const pc = this.word();
    f.emit(Op.LOAD, pc, fv, 0);
    let obj: Place;
    let res: Loc;
    if (lit.heap !== false) {
      const tid = this.m.type({ name: `struct { ${names.join('; ')} }`, kind: 'struct', size, ptrWords: ptrs, elem: -1 });
      // the captured values are in temporaries or variables: re-read variables after NEW is not needed since
      // NEW moves nothing but the stack, and frame operands are sp-relative
      res = this.ptrTmp();
      f.emit(Op.NEW, res, tid);
      obj = { k: 'mem', base: res, off: 0 };
    } else {
      const slot = f.local('perm', size, ptrs, 'closure');
      obj = { k: 'frame', loc: slot };
      res = this.ptrTmp();
      f.emit(Op.LEA, res, slot);
    }
    this.store(obj, T.uintptr, pc);
    let off = 8;
    caps.forEach((c, i) => {
      if (c.byRef) {
        this.store(this.placeAt(obj, off), T.uintptr, vals[i]!);
        off += 8;
      } else {
        this.store(this.placeAt(obj, off), c.v.type, vals[i]!);
        off += alignUp8(sizeof(c.v.type));
      }
    });
    return res;
  }

  // ---------------------------------------------------------------- binary operators
  private binary(e: A.BinaryExpr): Loc {
    const f = this.f;
    const op = e.op;
    if (op === '&&' || op === '||') {
      const d = this.byte();
      const done = f.label();
      const skip = f.label();
      this.cond(e, skip, false);
      f.emit(Op.IMM1, d, 1);
      f.jmp(done);
      f.bind(skip);
      f.emit(Op.IMM1, d, 0);
      f.bind(done);
      return d;
    }
    if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return this.compare(e);
    const t = e.type!;
    if (isString(t)) {
      const x = this.operand(e.x, e.y);
      const y = this.val(e.y);
      const d = this.tmp(T.string);
      f.emit(Op.CONCAT, d, x, y);
      return d;
    }
    // x ± constant: one ADDI instead of materialising the constant (same wraparound for every width)
    const k = e.y.constValue;
    if ((op === '+' || op === '-') && k?.kind === 'int') {
      const add = op === '+' ? k.value : -k.value;
      if (add >= -(1n << 31n) && add < 1n << 31n) {
        const w = this.word();
        f.emit(Op.ADDI, w, this.toWord(this.val(e.x), e.x.type!), Number(add));
        return this.fromWord(w, t);
      }
    }
    const x = this.toWord(this.operand(e.x, e.y), e.x.type!);
    const y = this.toWord(this.val(e.y), e.y.type!);
    const w = this.word();
    const unsigned = !isSigned(t);
    const opc = ({
      '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': unsigned ? Op.DIVU : Op.DIV, '%': unsigned ? Op.MODU : Op.MOD,
      '&': Op.AND, '|': Op.OR, '^': Op.XOR, '&^': Op.ANDNOT, '<<': Op.SHL, '>>': unsigned ? Op.SHRU : Op.SHR,
    } as Record<string, number>)[op];
    if (opc === undefined) return this.fail(`operator ${op} is not supported by gosim`);
    if ((op === '<<' || op === '>>') && isSigned(e.y.type!) && e.y.constValue === undefined) f.emit(Op.CHKSHIFT, y);
    f.emit(opc, w, x, y);
    return this.fromWord(w, t);
  }

  /** Evaluate the left operand; keep it in its own temporary when the right one may change it. */
  private operand(x: A.Expr, later: A.Expr): Loc {
    const v = this.val(x);
    return sideEffects(later) ? this.own(v, x.type!) : v;
  }

  private compare(e: A.BinaryExpr): Loc {
    const xnil = e.x.mode === 'nil';
    const ynil = e.y.mode === 'nil';
    const t = xnil ? e.y.type! : e.x.type!;
    const x = xnil ? this.zeroValue(t) : this.operand(e.x, e.y);
    const y = ynil ? this.zeroValue(t) : this.val(e.y);
    return this.compareVals(e.op, x, y, t);
  }

  private compareVals(op0: A.BinaryOp, x: Loc, y: Loc, t: Type): Loc {
    const f = this.f;
    let op = op0;
    const d = this.byte();
    const u = underlying(t);
    const swap = (): void => {
      const s = x;
      x = y;
      y = s;
      op = op === '>' ? '<' : op === '>=' ? '<=' : op;
    };
    if (op === '>' || op === '>=') swap();
    const neg = (): void => f.emit(Op.NOT1, d, d);
    if (isString(t)) {
      if (op === '==' || op === '!=') {
        f.emit(Op.STREQ, d, x, y);
        if (op === '!=') neg();
      } else if (op === '<') f.emit(Op.STRLT, d, x, y);
      else {
        f.emit(Op.STRLT, d, y, x); // x <= y  ==  !(y < x)
        neg();
      }
      return d;
    }
    if (u.kind === 'interface') {
      f.emit(Op.EFACEEQ, d, x, y);
      if (op === '!=') neg();
      return d;
    }
    if (u.kind === 'struct' || u.kind === 'array') {
      this.eqGeneric(d, x, y, t);
      if (op === '!=') neg();
      return d;
    }
    const n = regSize(t);
    if (n === 1 && (op === '==' || op === '!=')) {
      f.emit(Op.EQ1, d, x, y);
      if (op === '!=') neg();
      return d;
    }
    const xw = this.toWord(x, t);
    const yw = this.toWord(y, t);
    const unsigned = u.kind === 'basic' && !isSigned(t);
    switch (op) {
      case '==': f.emit(Op.EQ, d, xw, yw); break;
      case '!=': f.emit(Op.NE, d, xw, yw); break;
      case '<': f.emit(unsigned ? Op.LTU : Op.LT, d, xw, yw); break;
      case '<=': f.emit(unsigned ? Op.LEU : Op.LE, d, xw, yw); break;
    }
    return d;
  }

  /** d = (x == y) for values of any comparable type, field by field. */
  private eqGeneric(d: Loc, x: Loc, y: Loc, t: Type): void {
    const f = this.f;
    const u = underlying(t);
    const parts: { off: number; t: Type }[] = [];
    const collect = (tt: Type, off: number): void => {
      const uu = underlying(tt);
      if (uu.kind === 'struct') for (const fl of (uu as StructType).fields) { if (fl.name !== '_') collect(fl.type, off + fl.offset); }
      else if (uu.kind === 'array') for (let i = 0; i < uu.len; i++) collect(uu.elem, off + i * sizeof(uu.elem));
      else parts.push({ off, t: tt });
    };
    collect(u, 0);
    const fail = f.label();
    const done = f.label();
    const b = this.byte();
    for (const p of parts) {
      const xa = { k: 'frame', loc: at(x, p.off) } as Place;
      const ya = { k: 'frame', loc: at(y, p.off) } as Place;
      const xv = this.load(xa, p.t);
      const yv = this.load(ya, p.t);
      const pu = underlying(p.t);
      if (isString(p.t)) f.emit(Op.STREQ, b, xv, yv);
      else if (pu.kind === 'interface') f.emit(Op.EFACEEQ, b, xv, yv);
      else if (sizeof(p.t) === 1) f.emit(Op.EQ1, b, xv, yv);
      else if (isMidInt(p.t) || sizeof(p.t) === 8) f.emit(Op.EQ, b, xv, yv);
      else continue;
      f.emit(Op.JZ, b, fail);
    }
    f.emit(Op.IMM1, d, 1);
    f.jmp(done);
    f.bind(fail);
    f.emit(Op.IMM1, d, 0);
    f.bind(done);
  }

  /** Jump to `target` when e is `when` (short-circuit conditions). */
  cond(e: A.Expr, target: Lbl, when: boolean): void {
    const f = this.f;
    while (e.kind === 'ParenExpr') e = e.x;
    if (e.constValue?.kind === 'bool') {
      if (e.constValue.value === when) f.jmp(target);
      return;
    }
    if (e.kind === 'UnaryExpr' && e.op === '!') return this.cond(e.x, target, !when);
    if (e.kind === 'BinaryExpr' && (e.op === '&&' || e.op === '||')) {
      const isAnd = e.op === '&&';
      if (isAnd !== when) {
        // (a && b) false: a false or b false; (a || b) true: a true or b true
        this.cond(e.x, target, when);
        this.cond(e.y, target, when);
      } else {
        // (a && b) true: a true and b true; (a || b) false: both false
        const skip = f.label();
        this.cond(e.x, skip, !when);
        this.cond(e.y, target, when);
        f.bind(skip);
      }
      return;
    }
    const m = f.mark();
    const v = this.val(e);
    f.emit(when ? Op.JNZ : Op.JZ, v, target);
    f.release(m);
  }

  // ---------------------------------------------------------------- type assertions
  /** x.(T): [value] or [value, ok]. */
  private assertion(e: A.TypeAssertExpr, commaOk = false): [Loc, Loc?] {
    const f = this.f;
    const t = e.type!;
    const x = this.val(e.x);
    if (isInterface(t)) {
      const ok = this.byte();
      const u = underlying(t);
      if (u.kind === 'interface' && u.methods.length === 0) {
        const z = this.word();
        f.emit(Op.IMM, z, 0);
        f.emit(Op.NE, ok, x, z);
      } else f.emit(Op.ISERROR, ok, x);
      const d = this.tmp(t);
      const good = f.label();
      const done = f.label();
      f.emit(Op.JNZ, ok, good);
      if (!commaOk) {
        // not a runtime.Error: fail like an assertion to a concrete type would (message names the wrong type)
        const junk = this.f.tmp(16, [1]);
        f.emit(Op.ASSERT, junk, x, this.typeId(T.uintptr));
      }
      f.emit(Op.ZERO, d, 16);
      f.jmp(done);
      f.bind(good);
      f.emit(Op.MOVN, d, x, 16);
      f.bind(done);
      return [d, ok];
    }
    const n = sizeof(t);
    const a8 = alignUp8(Math.max(n, 1));
    const id = this.typeId(t);
    if (commaOk) {
      const d = this.f.tmp(a8 + 8, ptrWords(t));
      if (isMidInt(t)) f.emit(Op.IMM, d, 0);
      f.emit(Op.ASSERTOK, d, x, id);
      const v = isMidInt(t) ? this.load({ k: 'frame', loc: d }, t) : { s: d.s, o: 0 };
      return [v, at(d, a8)];
    }
    const d = this.f.tmp(Math.max(a8, regSize(t)), ptrWords(t));
    if (isMidInt(t)) f.emit(Op.IMM, d, 0);
    f.emit(Op.ASSERT, d, x, id);
    return [isMidInt(t) ? this.load({ k: 'frame', loc: d }, t) : d];
  }

  // ---------------------------------------------------------------- calls
  /** Lower a call; returns its results (each in its own temporary). */
  call(e: A.CallExpr): Loc[] {
    const f = this.f;
    const saved = f.line;
    f.line = e.lparen.line;
    try {
      if (e.callKind === 'conversion') return [this.conversion(e)];
      if (e.callKind === 'builtin') return this.builtin(e);
      // interface method: v.Error()
      let fun = e.fun;
      while (fun.kind === 'ParenExpr') fun = fun.x;
      if (fun.kind === 'SelectorExpr' && fun.selKind === 'method') {
        if (fun.sel.name !== 'Error') return this.fail(`method ${fun.sel.name} is not supported by gosim`);
        const x = this.val(fun.x);
        const d = this.tmp(T.string);
        f.emit(Op.ERRSTR, d, x);
        return [d];
      }
      const sig = e.sig ?? (underlying(fun.type!) as Signature);
      let target: { fid: number } | { fv: Loc };
      if (e.callee) target = { fid: this.m.declare(e.callee.decl.goName!) };
      else if (fun.kind === 'FuncLit' && (fun.captures ?? []).length === 0) {
        this.L.enqueueLit(fun);
        target = { fid: this.m.declare(fun.goName!) };
      } else {
        const fv = this.val(fun);
        target = { fv: e.args.some(sideEffects) ? this.own(fv, fun.type!) : fv };
      }
      const args = this.args(e, sig);
      const { resOffs } = this.copyArgs(sig, args);
      if ('fid' in target) f.emit(Op.CALL, target.fid);
      else f.emit(Op.CALLCLOSURE, target.fv);
      return sig.results.map((rt, i) => {
        const d = this.tmp(rt);
        if (isMidInt(rt)) this.copyReg(d, this.load({ k: 'frame', loc: out(resOffs[i]!) }, rt), rt);
        else this.storeFrame(d, rt, out(resOffs[i]!));
        return d;
      });
    } finally {
      f.line = saved;
    }
  }

  /** Evaluate call arguments into operands (spreading a multi-value call). */
  private args(e: A.CallExpr, sig: Signature): Loc[] {
    if (e.args.length === 1 && e.args[0]!.type?.kind === 'tuple') {
      return this.call(e.args[0] as A.CallExpr);
    }
    const vals: Loc[] = [];
    e.args.forEach((a, i) => {
      const v = this.val(a);
      const rest = e.args.slice(i + 1);
      vals.push(rest.some(sideEffects) ? this.own(v, sig.params[i] ?? a.type!) : v);
    });
    return vals;
  }

  /** Copy evaluated arguments into the outgoing area; zero pointer words of the results. */
  private copyArgs(sig: Signature, args: Loc[]): { resOffs: number[]; size: number } {
    const specs = [
      ...sig.params.map((t, i) => ({ name: `p${i}`, size: sizeof(t) })),
      ...sig.results.map((t, i) => ({ name: `r${i}`, size: sizeof(t) })),
    ];
    const lay = layoutSlots(specs);
    this.f.useOut(lay.size);
    sig.params.forEach((t, i) => {
      const v = args[i]!;
      const o = lay.offsets.get(`p${i}`)!;
      const n = sizeof(t);
      if (isMidInt(t)) this.f.emit(Op.MOV, out(o), v);
      else if (n > 0) this.storeFrame(out(o), t, v);
    });
    const resOffs = sig.results.map((_, i) => lay.offsets.get(`r${i}`)!);
    sig.results.forEach((t, i) => {
      if (ptrWords(t).length > 0) this.f.emit(Op.ZERO, out(resOffs[i]!), sizeof(t));
    });
    return { resOffs, size: lay.size };
  }

  private conversion(e: A.CallExpr): Loc {
    const t = e.typeArg ?? e.type!;
    const x = e.args[0]!;
    const xt = x.type!;
    if (isInterface(t)) {
      if (isInterface(xt) || x.mode === 'nil') return this.val(x);
      return this.box(this.val(x), xt, e.heap !== false);
    }
    const ut = underlying(t);
    const ux = underlying(xt);
    if (ut.kind === 'basic' && ux.kind === 'basic' && ut.name !== 'string' && ut.name !== 'bool' && ux.name !== 'string') {
      const w = this.toWord(this.val(x), xt);
      return this.fromWord(w, t);
    }
    return this.val(x);
  }

  private builtin(e: A.CallExpr): Loc[] {
    const f = this.f;
    const name = e.builtin!;
    switch (name) {
      case 'len': case 'cap': {
        const x = e.args[0]!;
        const xt = underlying(x.type!);
        const d = this.word();
        if (isString(xt)) f.emit(Op.STRLEN, d, this.val(x));
        else if (xt.kind === 'slice') f.emit(Op.MOV, d, at(this.val(x), name === 'len' ? 8 : 16));
        else if (xt.kind === 'chan') f.emit(name === 'len' ? Op.CHANLEN : Op.CHANCAP, d, this.val(x));
        else if (xt.kind === 'array') this.imm(xt.len, d);
        else if (xt.kind === 'pointer' && underlying(xt.elem).kind === 'array') {
          this.val(x);
          this.imm((underlying(xt.elem) as { len: number }).len, d);
        } else return this.fail(`${name} of this type is not supported by gosim`);
        return [d];
      }
      case 'close': {
        f.emit(Op.CLOSE, this.val(e.args[0]!));
        return [];
      }
      case 'make': {
        const t = e.typeArg!;
        const u = underlying(t);
        if (u.kind === 'chan') {
          const n = e.args[1] ? this.toWord(this.val(e.args[1]), e.args[1].type!) : this.imm(0);
          const d = this.ptrTmp();
          f.emit(Op.MAKECHAN, d, this.typeId(u.elem), n);
          return [d];
        }
        if (u.kind === 'slice') {
          const n = this.own(this.toWord(this.val(e.args[1]!), e.args[1]!.type!), T.int);
          const c = e.args[2] ? this.own(this.toWord(this.val(e.args[2]), e.args[2].type!), T.int) : n;
          const d = this.tmp(t);
          const es = sizeof(u.elem);
          const cv = (e.args[2] ?? e.args[1])!.constValue;
          if (e.heap === false && cv?.kind === 'int') {
            const count = Number(cv.value);
            const slot = f.local('perm', Math.max(count * es, 1), ptrWords({ kind: 'array', len: count, elem: u.elem }), 'array');
            if (count * es > 0) f.emit(Op.ZERO, slot, count * es);
            f.emit(Op.LEA, d, slot);
            f.emit(Op.MOV, at(d, 8), n);
            f.emit(Op.MOV, at(d, 16), c);
            return [d];
          }
          f.emit(Op.MAKESLICE, d, this.typeId(u.elem), c);
          if (e.args[2]) f.emit(Op.MOV, at(d, 8), n);
          return [d];
        }
        return this.fail('make of this type is not supported by gosim');
      }
      case 'new': return [this.allocInit(e.typeArg!, e.heap !== false)];
      case 'panic': {
        const v = this.own(this.val(e.args[0]!), emptyInterface);
        this.panicWith(v);
        return [];
      }
      case 'print': case 'println': {
        const items = this.evalList(e.args);
        this.emitPrint(items.map((l, i) => ({ loc: l, t: e.args[i]!.type! })), name === 'println');
        return [];
      }
      case 'recover': {
        const d = this.tmp(emptyInterface);
        f.emit(Op.RECOVER, d);
        return [d];
      }
      case 'runtime.Goexit':
        f.emit(Op.CALL, this.m.declare('runtime.Goexit'));
        return [];
      case 'runtime.GC':
        f.emit(Op.GC);
        return [];
      case 'runtime.Gosched':
        f.emit(Op.NOP);
        return [];
      case 'runtime.Callers': {
        const skip = this.own(this.val(e.args[0]!), T.int);
        const sl = this.val(e.args[1]!);
        const d = this.word();
        f.emit(Op.CALLERS, d, skip, sl);
        return [d];
      }
      default: return this.fail(`${name} is not supported by gosim`);
    }
  }

  private evalList(es: A.Expr[]): Loc[] {
    return es.map((a, i) => {
      const v = this.val(a);
      return es.slice(i + 1).some(sideEffects) ? this.own(v, a.type!) : v;
    });
  }

  panicWith(iface: Loc): void {
    this.f.useOut(16);
    this.f.emit(Op.MOVN, out(0), iface, 16);
    this.f.emit(Op.CALL, this.m.declare('runtime.gopanic'));
  }

  emitPrint(items: { loc: Loc; t: Type }[], ln: boolean): void {
    const f = this.f;
    items.forEach((it, i) => {
      if (ln && i > 0) f.emit(Op.PRINT, PrintKind.Space, this.noOperand());
      const u = underlying(it.t);
      let kind: number;
      let v = it.loc;
      if (u.kind === 'basic') {
        if (u.name === 'bool' || u.name === 'untyped bool') kind = PrintKind.Bool;
        else if (u.name === 'string' || u.name === 'untyped string') kind = PrintKind.String;
        else if (u.name === 'uint8') kind = PrintKind.Byte;
        else if (isSigned(u)) {
          kind = PrintKind.Int;
          v = this.toWord(v, u);
        } else kind = PrintKind.Uint;
      } else if (u.kind === 'interface') kind = PrintKind.Eface;
      else if (u.kind === 'slice') {
        f.emit(Op.PRINT, PrintKind.String, this.stringConst('['));
        f.emit(Op.PRINT, PrintKind.Int, at(v, 8));
        f.emit(Op.PRINT, PrintKind.String, this.stringConst('/'));
        f.emit(Op.PRINT, PrintKind.Int, at(v, 16));
        f.emit(Op.PRINT, PrintKind.String, this.stringConst(']'));
        kind = PrintKind.Pointer;
      } else kind = PrintKind.Pointer;
      f.emit(Op.PRINT, kind, v);
    });
    if (ln) f.emit(Op.PRINT, PrintKind.Newline, this.noOperand());
  }

  /**
   * PRINT Space/Newline ignore their slot operand, but the validator still requires a slot inside the frame
   * (slot 0 is the return PC in a frame without locals): point it at a scratch byte.
   */
  private scratch: Loc | undefined;
  private noOperand(): Loc {
    if (!this.scratch) this.scratch = this.f.local('tmp', 1, [], 'scratch');
    return this.scratch;
  }

  // ---------------------------------------------------------------- defer and go
  private deferOrGo(call: A.CallExpr, isGo: boolean): void {
    const f = this.f;
    let fv: Loc;
    let sig: Signature;
    let args: Loc[];
    if (call.callKind === 'builtin') {
      if (call.builtin === 'runtime.Goexit') {
        fv = this.funcval('runtime.Goexit');
        sig = { kind: 'func', params: [], results: [], variadic: false };
        args = [];
      } else {
        const w = this.builtinWrapper(call, isGo);
        fv = w.fv;
        sig = w.sig;
        args = w.args;
      }
    } else if (call.callKind === 'call') {
      let fun = call.fun;
      while (fun.kind === 'ParenExpr') fun = fun.x;
      if (fun.kind === 'SelectorExpr' && fun.selKind === 'method') return void this.fail(`${isGo ? 'go' : 'defer'} of a method call is not supported by gosim`);
      sig = call.sig ?? (underlying(fun.type!) as Signature);
      if (call.callee) fv = this.funcval(call.callee.decl.goName!);
      else {
        const v = this.val(fun);
        fv = this.own(v, fun.type!);
      }
      args = this.args(call, sig);
    } else return void this.fail('conversion in defer/go');
    const { size } = this.copyArgs(sig, args);
    if (isGo) f.emit(Op.GO, fv, size);
    else {
      f.emit(Op.DEFERPROC, fv, size);
      this.needEpi = true;
      f.emit(Op.JRET, this.epi);
    }
    // The arguments now live in the record (or the new goroutine's stack): their temporaries are dead, as
    // Go's liveness analysis would report, so clear their pointer words rather than keep referents alive.
    for (const l of [fv, ...args]) {
      if (l.s?.kind !== 'tmp') continue;
      for (const w of l.s.ptr) f.emit(Op.IMM, at({ s: l.s, o: 0 }, w * 8), 0);
    }
  }

  /** `defer println(...)`, `go close(c)`, ...: a wrapper function taking the evaluated arguments. */
  private builtinWrapper(call: A.CallExpr, isGo: boolean): { fv: Loc; sig: Signature; args: Loc[] } {
    const b = call.builtin!;
    let types: Type[];
    let args: Loc[];
    if (b === 'panic') {
      types = [emptyInterface];
      args = [this.val(call.args[0]!)];
    } else {
      types = call.args.map((a) => a.type!);
      args = this.evalList(call.args);
    }
    const outer = this.name;
    const wname = this.L.wrapperName(outer, isGo ? 'gowrap' : 'deferwrap');
    const sig: Signature = { kind: 'func', params: types, results: [], variadic: false };
    const w = new FnLower(this.L, undefined, wname, false);
    w.genBuiltinWrapper(b, types, call.pos);
    return { fv: this.funcval(wname), sig, args };
  }

  genBuiltinWrapper(b: string, types: Type[], pos: Pos): void {
    const f = this.f;
    f.line = pos.line;
    const ps = types.map((t, i) => f.arg(sizeof(t), ptrWords(t), `a${i}`));
    const mk = f.mark();
    switch (b) {
      case 'print': case 'println':
        this.emitPrint(ps.map((loc, i) => ({ loc: this.load({ k: 'frame', loc }, types[i]!), t: types[i]! })), b === 'println');
        break;
      case 'panic': this.panicWith(ps[0]!); break;
      case 'close': f.emit(Op.CLOSE, ps[0]!); break;
      case 'recover': f.emit(Op.RECOVER, this.tmp(emptyInterface)); break;
      case 'runtime.GC': f.emit(Op.GC); break;
      case 'runtime.Gosched': f.emit(Op.NOP); break;
      case 'runtime.Callers': f.emit(Op.CALLERS, this.word(), ps[0]!, ps[1]!); break;
      default: this.fail(`defer/go of ${b} is not supported by gosim`);
    }
    f.release(mk);
    f.emit(Op.RET);
    f.finish(this.m);
  }

  // ---------------------------------------------------------------- statements
  block(stmts: A.Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  stmt(s: A.Stmt): void {
    const f = this.f;
    this.pos = s.pos;
    f.line = s.pos.line;
    const mk = f.mark();
    try {
      this.stmt1(s);
    } finally {
      f.release(mk);
    }
  }

  private stmt1(s: A.Stmt): void {
    const f = this.f;
    switch (s.kind) {
      case 'EmptyStmt': return;
      case 'BlockStmt': return this.block(s.stmts);
      case 'ExprStmt': {
        const x = unparen(s.x);
        if (x.kind === 'UnaryExpr' && x.op === '<-') {
          // the validator rejects RECV's "no destination" -1 (shape SSs), so receive into a scratch temporary
          const et = x.type!;
          const ch = this.val(x.x);
          f.emit(Op.RECV, this.f.tmp(Math.max(sizeof(et), 1), ptrWords(et)), ch, -1);
          return;
        }
        if (x.kind === 'CallExpr') {
          this.call(x);
          return;
        }
        this.val(x);
        return;
      }
      case 'SendStmt': {
        const ch = this.operand(s.chan, s.value);
        const v = this.val(s.value);
        f.emit(Op.SEND, ch, v);
        return;
      }
      case 'IncDecStmt': {
        const t = s.x.type!;
        const p = this.place(s.x);
        const x = this.toWord(this.load(p, t), t);
        const w = this.word();
        f.emit(Op.ADDI, w, x, s.op === '++' ? 1 : -1);
        this.store(p, t, this.fromWord(w, t));
        return;
      }
      case 'AssignStmt': return this.assign(s);
      case 'DeclStmt':
        for (const sp of s.specs) if (sp.kind === 'VarSpec') this.varSpec(sp);
        return;
      case 'GoStmt': return this.deferOrGo(s.call, true);
      case 'DeferStmt': return this.deferOrGo(s.call, false);
      case 'ReturnStmt': return this.returnStmt(s);
      case 'BranchStmt': {
        if (s.tok === 'fallthrough') {
          return;
        }
        const b = s.target ? this.branches.get(s.target) : undefined;
        if (!b) return this.fail(`${s.tok} outside a loop or switch`);
        if (s.tok === 'break') f.jmp(b.brk);
        else if (s.tok === 'continue' && b.cont) f.jmp(b.cont);
        else this.fail(`${s.tok} is not supported by gosim`);
        return;
      }
      case 'IfStmt': {
        if (s.init) this.stmt(s.init);
        f.line = s.pos.line;
        const els = f.label();
        const end = f.label();
        this.cond(s.cond, els, false);
        this.block(s.then.stmts);
        if (s.else) {
          f.jmp(end);
          f.bind(els);
          this.stmt(s.else);
          f.bind(end);
        } else f.bind(els);
        return;
      }
      case 'ForStmt': {
        if (s.init) this.stmt(s.init);
        const top = f.label();
        const cont = f.label();
        const end = f.label();
        this.branches.set(s, { brk: end, cont });
        f.bind(top);
        f.line = s.pos.line;
        if (s.cond) this.cond(s.cond, end, false);
        this.block(s.body.stmts);
        f.bind(cont);
        if (s.post) this.stmt(s.post);
        f.line = s.pos.line;
        f.jmp(top);
        f.bind(end);
        return;
      }
      case 'SwitchStmt': return this.switchStmt(s);
      case 'TypeSwitchStmt': return this.typeSwitch(s);
      default: return this.fail(`${s.kind} is not supported by gosim`);
    }
  }

  private varSpec(sp: A.VarSpec): void {
    const vars = sp.names.map((n) => (n.obj?.kind === 'var' ? n.obj : undefined));
    if (sp.values.length === 0) {
      for (const v of vars) if (v) this.declare(v);
      return;
    }
    let vals: Loc[];
    if (sp.values.length === 1 && sp.names.length > 1) vals = this.multi(sp.values[0]!);
    else vals = this.evalList(sp.values);
    if (vars.length > 1) vals = vals.map((v, i) => this.own(v, vars[i]?.type ?? sp.values[i]!.type!));
    vars.forEach((v, i) => {
      if (v) this.declare(v, vals[i]);
    });
  }

  /** A variable comes into scope: a fresh heap cell if it escapes; its initial (or zero) value. */
  private declare(v: VarObj, init?: Loc): void {
    const h = this.homes.get(v);
    if (!h) {
      const g = this.L.globals.get(v);
      if (g !== undefined && init) this.store(this.varPlace(v), v.type, init);
      return;
    }
    if ('heap' in h) {
      this.f.emit(Op.NEW, h.heap, this.typeId(v.type));
      if (init) this.store({ k: 'mem', base: h.heap, off: 0 }, v.type, init);
      return;
    }
    if (init) this.storeFrame(h.frame, v.type, init);
    else this.zeroFrame(h.frame, v.type);
  }

  /** Values of a multi-value expression: f() with several results, v, ok := <-c / x.(T). */
  private multi(e: A.Expr): Loc[] {
    e = unparen(e);
    if (e.kind === 'CallExpr') return this.call(e);
    if (e.kind === 'UnaryExpr' && e.op === '<-') {
      const f = this.f;
      const ch = this.val(e.x);
      const et = e.type!;
      const d = this.f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
      if (isMidInt(et)) f.emit(Op.IMM, d, 0);
      const ok = this.byte();
      f.emit(Op.RECV, d, ch, ok);
      return [isMidInt(et) ? this.load({ k: 'frame', loc: d }, et) : d, ok];
    }
    if (e.kind === 'TypeAssertExpr') {
      const [v, ok] = this.assertion(e, true);
      return [v, ok!];
    }
    return this.fail('internal compiler error: not a multi-value expression');
  }

  private assign(s: A.AssignStmt): void {
    const f = this.f;
    if (s.tok !== '=' && s.tok !== ':=') {
      // op-assign
      const lhs = s.lhs[0]!;
      const t = lhs.type!;
      const p = this.place(lhs);
      const op = s.tok.slice(0, -1) as A.BinaryOp;
      const cur = this.own(this.load(p, t), t);
      const y = this.val(s.rhs[0]!);
      let r: Loc;
      if (isString(t)) {
        r = this.tmp(T.string);
        f.emit(Op.CONCAT, r, cur, y);
      } else {
        const xw = this.toWord(cur, t);
        const yw = this.toWord(y, s.rhs[0]!.type!);
        const w = this.word();
        const unsigned = !isSigned(t);
        const opc = ({
          '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': unsigned ? Op.DIVU : Op.DIV, '%': unsigned ? Op.MODU : Op.MOD,
          '&': Op.AND, '|': Op.OR, '^': Op.XOR, '&^': Op.ANDNOT, '<<': Op.SHL, '>>': unsigned ? Op.SHRU : Op.SHR,
        } as Record<string, number>)[op];
        if (opc === undefined) return this.fail(`operator ${s.tok} is not supported by gosim`);
        if ((op === '<<' || op === '>>') && isSigned(s.rhs[0]!.type!) && s.rhs[0]!.constValue === undefined) f.emit(Op.CHKSHIFT, yw);
        f.emit(opc, w, xw, yw);
        r = this.fromWord(w, t);
      }
      this.store(p, t, r);
      return;
    }
    const declares = s.declares ?? [];
    const isNew = (i: number): boolean => s.tok === ':=' && declares[i] === true;
    const target = (i: number): VarObj | undefined => {
      const x = unparen(s.lhs[i]!);
      return x.kind === 'Ident' && x.obj?.kind === 'var' ? x.obj : undefined;
    };
    const blank = (i: number): boolean => {
      const x = unparen(s.lhs[i]!);
      return x.kind === 'Ident' && x.name === '_';
    };
    if (s.lhs.length === 1 && s.rhs.length === 1) {
      if (blank(0)) {
        this.val(s.rhs[0]!);
        return;
      }
      if (isNew(0)) {
        this.declare(target(0)!, this.val(s.rhs[0]!));
        return;
      }
      const lhs = s.lhs[0]!;
      const p = this.placeFirst(lhs, s.rhs[0]!);
      const v = this.val(s.rhs[0]!);
      this.store(p, lhs.type!, v);
      return;
    }
    // tuple assignment: left places, then all right values, then the stores
    const places: (Place | undefined)[] = s.lhs.map((x, i) => (blank(i) || isNew(i) ? undefined : this.place(x)));
    let vals: Loc[];
    if (s.rhs.length === 1) vals = this.multi(s.rhs[0]!);
    else vals = s.rhs.map((r) => this.own(this.val(r), r.type!));
    vals = vals.map((v, i) => (this.isTemp(v) ? v : this.own(v, s.lhs[i]!.type ?? s.rhs[i]!.type!)));
    s.lhs.forEach((x, i) => {
      if (blank(i)) return;
      if (isNew(i)) this.declare(target(i)!, vals[i]);
      else this.store(places[i]!, x.type!, vals[i]!);
    });
  }

  /** The place of an assignment's left side, evaluated before its right side. */
  private placeFirst(lhs: A.Expr, _rhs: A.Expr): Place {
    return this.place(lhs);
  }

  private returnStmt(s: A.ReturnStmt): void {
    const rv = this.resultVars;
    if (s.results.length > 0) {
      let vals: Loc[];
      if (s.results.length === 1 && rv.length > 1) vals = this.multi(s.results[0]!);
      else vals = this.evalList(s.results);
      if (rv.length > 1) vals = vals.map((v, i) => this.own(v, rv[i]!.type));
      rv.forEach((v, i) => this.store(this.varPlace(v), v.type, vals[i]!));
    }
    this.ret();
  }

  private switchStmt(s: A.SwitchStmt): void {
    const f = this.f;
    if (s.init) this.stmt(s.init);
    f.line = s.pos.line;
    const end = f.label();
    this.branches.set(s, { brk: end });
    let tag: Loc | undefined;
    const tt = s.tag?.type;
    if (s.tag) tag = this.own(this.val(s.tag), tt!);
    const bodies = s.cases.map(() => f.label());
    let def = -1;
    s.cases.forEach((c, ci) => {
      if (c.isDefault) def = ci;
      for (const e of c.list) {
        f.line = e.pos.line;
        const mk = f.mark();
        if (tag) {
          const eq = this.compareWith(tag, tt!, e);
          f.emit(Op.JNZ, eq, bodies[ci]!);
        } else this.cond(e, bodies[ci]!, true);
        f.release(mk);
      }
    });
    f.jmp(def >= 0 ? bodies[def]! : end);
    s.cases.forEach((c, ci) => {
      f.bind(bodies[ci]!);
      this.block(c.body);
      const last = c.body[c.body.length - 1];
      if (last?.kind === 'BranchStmt' && last.tok === 'fallthrough' && ci + 1 < s.cases.length) f.jmp(bodies[ci + 1]!);
      else f.jmp(end);
    });
    f.bind(end);
  }

  /** tag == e, for a switch case. */
  private compareWith(tag: Loc, tt: Type, e: A.Expr): Loc {
    const y = e.mode === 'nil' ? this.zeroValue(tt) : this.val(e);
    return this.compareVals('==', tag, y, isInterface(tt) ? tt : e.mode === 'nil' ? tt : e.type!);
  }

  private typeSwitch(s: A.TypeSwitchStmt): void {
    const f = this.f;
    if (s.init) this.stmt(s.init);
    f.line = s.pos.line;
    const end = f.label();
    this.branches.set(s, { brk: end });
    const x = this.own(this.val(s.guard.x), s.guard.x.type!);
    const tw = this.word();
    f.emit(Op.ETYPE, tw, x);
    const bodies = s.cases.map(() => f.label());
    let def = -1;
    s.cases.forEach((c, ci) => {
      if (c.isDefault) def = ci;
      (c.caseTypes ?? []).forEach((ct) => {
        const mk = f.mark();
        const b = this.byte();
        if (!ct) {
          f.emit(Op.EQ, b, tw, this.imm(-1));
        } else if (isInterface(ct)) {
          const u = underlying(ct);
          if (u.kind === 'interface' && u.methods.length === 0) f.emit(Op.NE, b, tw, this.imm(-1));
          else f.emit(Op.ISERROR, b, x);
        } else f.emit(Op.EQ, b, tw, this.imm(this.typeId(ct)));
        f.emit(Op.JNZ, b, bodies[ci]!);
        f.release(mk);
      });
    });
    f.jmp(def >= 0 ? bodies[def]! : end);
    s.cases.forEach((c, ci) => {
      f.bind(bodies[ci]!);
      const mk = f.mark();
      const v = c.implicitVar;
      if (v && this.homes.has(v)) {
        const ct = c.caseTypes?.length === 1 ? c.caseTypes[0] : undefined;
        if (ct && !isInterface(ct)) {
          const d = this.f.tmp(Math.max(alignUp8(sizeof(ct)), regSize(ct), 8), ptrWords(ct));
          if (isMidInt(ct)) f.emit(Op.IMM, d, 0);
          f.emit(Op.ASSERT, d, x, this.typeId(ct));
          this.declare(v, isMidInt(ct) ? this.load({ k: 'frame', loc: d }, ct) : d);
        } else this.declare(v, x);
      }
      f.release(mk);
      this.block(c.body);
      f.jmp(end);
    });
    f.bind(end);
  }
}

function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

function sameLoc(a: Loc, b: Loc): boolean {
  return a.s === b.s && a.o === b.o;
}

function alignUp8(n: number): number {
  return (n + 7) & ~7;
}

function goName(t: Type): string {
  return programTypeName(t);
}

import { goTypeName as programTypeName } from './typeinfo.js';

/** May evaluating e run code that changes variables or moves the stack (calls, receives)? */
function sideEffects(e: A.Expr): boolean {
  let found = false;
  const visit = (x: A.Expr | undefined): void => {
    if (!x || found) return;
    switch (x.kind) {
      case 'CallExpr':
        if (x.callKind === 'conversion' || (x.callKind === 'builtin' && (x.builtin === 'len' || x.builtin === 'cap'))) x.args.forEach(visit);
        else found = true;
        return;
      case 'UnaryExpr': if (x.op === '<-') found = true; else visit(x.x); return;
      case 'BinaryExpr': visit(x.x); visit(x.y); return;
      case 'ParenExpr': case 'StarExpr': case 'ImplicitConv': visit(x.x); return;
      case 'SelectorExpr': visit(x.x); return;
      case 'IndexExpr': visit(x.x); visit(x.index); return;
      case 'TypeAssertExpr': visit(x.x); return;
      case 'CompositeLit': x.elts.forEach(visit); return;
      case 'KeyValueExpr': visit(x.value); return;
      default: return;
    }
  };
  visit(e);
  return found;
}

/** Does a function body contain a defer statement (not counting nested function literals)? */
function containsDefer(b: A.BlockStmt): boolean {
  let found = false;
  const visit = (s: A.Stmt | undefined): void => {
    if (!s || found) return;
    switch (s.kind) {
      case 'DeferStmt': found = true; return;
      case 'BlockStmt': s.stmts.forEach(visit); return;
      case 'IfStmt': visit(s.init); visit(s.then); visit(s.else); return;
      case 'ForStmt': visit(s.init); visit(s.post); visit(s.body); return;
      case 'SwitchStmt': visit(s.init); s.cases.forEach((c) => c.body.forEach(visit)); return;
      case 'TypeSwitchStmt': visit(s.init); s.cases.forEach((c) => c.body.forEach(visit)); return;
      default: return;
    }
  };
  visit(b);
  return found;
}
