// The escape graph of one batch of functions: locations (variables and allocation sites), flow edges weighted
// by dereference count, the walk that finds what outlives what and leaks where, and the -m results. The
// statement and expression walk that builds the graph is escape.ts's Batch, a subclass.
import type * as A from './ast.js';
import { escapeExprString } from './check/expr-string.js';
import { methodValueSite } from './check/method.js';
import type { Pos } from './diagnostics.js';
import type { FuncNode, VarObj } from './objects.js';
import type { Type } from './types.js';
import { hasPointers, sizeof, underlying } from './types.js';


/** Go's MaxImplicitStackVarSize (new(T), &T{}, make([]T, n), closures) and maxStackVarSize (declared vars). */
export const MAX_IMPLICIT_STACK = 64 * 1024;
export const MAX_STACK_VAR = 10 * 1024 * 1024;

export type AllocNode = A.CallExpr | A.UnaryExpr | A.FuncLit | A.ImplicitConv | A.BinaryExpr | A.CompositeLit | A.SelectorExpr; // CompositeLit: map literals; SelectorExpr: method values

export interface Loc {
  v?: VarObj;
  node?: AllocNode;
  fn: FuncNode | undefined;
  loopDepth: number;
  edges: { src: Loc; derefs: number }[];
  escapes: boolean;
  isParam: boolean;
  resultIndex: number; // >= 0 for results
  captured: boolean;
  reassigned: boolean;
  addrtaken: boolean;
  // parameter leak summary
  leakHeap: number;
  leakResults: number[];
  // walk state
  walkgen: number;
  derefs: number;
  queued: boolean;
}

export interface Hole { dst: Loc; derefs: number; addrtaken?: boolean }

/** Per-parameter summary used by callers in later batches. */
export interface ParamTag { heap: number; results: number[] }

export function containsClosure(f: FuncNode | undefined, c: FuncNode | undefined): boolean {
  if (!f || !c || f === c || c.kind !== 'FuncLit') return false;
  for (let x: FuncNode | undefined = c.outer; x; x = x.kind === 'FuncLit' ? x.outer : undefined) {
    if (x === f) return true;
  }
  return false;
}

export class EscapeGraph {
  protected readonly heapLoc: Loc;
  protected readonly blankLoc: Loc;
  protected readonly allLocs: Loc[] = [];
  protected readonly varLocs = new Map<VarObj, Loc>();
  protected readonly closures: { k: Hole; lit: A.FuncLit }[] = [];
  protected readonly batchFuncs = new Set<FuncNode>();
  protected readonly closureCalled = new Set<A.FuncLit>();
  protected curfn: FuncNode | undefined;
  protected loopDepth = 1;
  protected currentStmt: A.Stmt | undefined;

  constructor(protected readonly filename: string, protected readonly tags: WeakMap<VarObj, ParamTag>, protected readonly report: string[]) {
    this.heapLoc = this.mkLoc(undefined, undefined, false);
    this.heapLoc.escapes = true;
    this.blankLoc = this.mkLoc(undefined, undefined, false);
  }

  protected mkLoc(v: VarObj | undefined, node: AllocNode | undefined, track: boolean): Loc {
    const l: Loc = {
      fn: this?.curfn, loopDepth: this?.loopDepth ?? 1, edges: [], escapes: false, isParam: false, resultIndex: -1,
      captured: false, reassigned: false, addrtaken: false, leakHeap: -1, leakResults: [], walkgen: 0, derefs: 0,
      queued: false,
      ...(v ? { v } : {}), ...(node ? { node } : {}),
    };
    if (track) this.allLocs.push(l);
    return l;
  }
  protected varLoc(v: VarObj): Loc | undefined {
    return this.varLocs.get(v);
  }
  protected newVarLoc(v: VarObj, fn: FuncNode): Loc {
    const l = this.mkLoc(v, undefined, true);
    l.fn = fn;
    l.loopDepth = v.loopDepth || 1;
    l.isParam = v.varKind === 'param';
    this.varLocs.set(v, l);
    if (sizeof(v.type) > MAX_STACK_VAR) l.escapes = true;
    return l;
  }
  protected initFunc(fn: FuncNode): void {
    for (const v of fn.params ?? []) this.newVarLoc(v, fn);
    (fn.results ?? []).forEach((v, i) => { this.newVarLoc(v, fn).resultIndex = i; });
    for (const v of fn.locals ?? []) this.newVarLoc(v, fn);
  }

  // ---------- holes ----------
  protected hole(l: Loc): Hole { return { dst: l, derefs: 0 }; }
  protected get heapHole(): Hole { return { dst: this.heapLoc, derefs: 0 }; }
  protected get discardHole(): Hole { return { dst: this.blankLoc, derefs: 0 }; }
  protected shift(k: Hole, d: number): Hole { return { dst: k.dst, derefs: k.derefs + d, ...(k.addrtaken ? { addrtaken: true } : {}) }; }
  protected addr(k: Hole): Hole { return { dst: k.dst, derefs: k.derefs - 1, addrtaken: true }; }
  protected spill(k: Hole, node: AllocNode): Hole {
    const l = this.mkLoc(undefined, node, true);
    this.flow(this.addr(k), l);
    return this.hole(l);
  }
  protected teeHole(ks: Hole[]): Hole {
    if (ks.length === 0) return this.discardHole;
    if (ks.length === 1) return ks[0]!;
    const l = this.mkLoc(undefined, undefined, true);
    for (const k of ks) this.flow(k, l);
    return this.hole(l);
  }
  protected flow(k: Hole, src: Loc): void {
    if (k.addrtaken) src.addrtaken = true;
    const dst = k.dst;
    if (dst === this.blankLoc) return;
    if (dst === src && k.derefs >= 0) return;
    if (dst.escapes && k.derefs < 0) {
      src.escapes = true;
      return;
    }
    dst.edges.push({ src, derefs: k.derefs });
  }


  protected mustHeap(n: AllocNode): boolean {
    switch (n.kind) {
      case 'CallExpr':
        if (n.builtin === 'new') return sizeof(n.typeArg!) > MAX_IMPLICIT_STACK;
        if (n.builtin === 'make') {
          const len = n.args[1];
          const t = underlying(n.typeArg!);
          if (t.kind !== 'slice') return false;
          const cap = n.args[2] ?? len;
          if (!cap || cap.constValue?.kind !== 'int' || (len && len.constValue?.kind !== 'int')) return true;
          return Number(cap.constValue.value) * sizeof(t.elem) > MAX_IMPLICIT_STACK;
        }
        return false;
      case 'UnaryExpr': return sizeof(n.type!) > 0 && sizeof((n.type as { elem: Type }).elem) > MAX_IMPLICIT_STACK;
      default: return false;
    }
  }

  protected flowClosure(k: Hole, lit: A.FuncLit): void {
    for (const cap of lit.captures ?? []) {
      const loc = this.varLoc(cap.v);
      if (!loc) continue;
      cap.byRef = !(!loc.addrtaken && !loc.reassigned && sizeof(cap.v.type) <= 128);
      this.flow(cap.byRef ? this.addr(k) : k, loc);
    }
  }

  // ---------- the walk ----------
  protected walkAll(): void {
    const todo: Loc[] = [];
    const enqueue = (l: Loc): void => {
      if (!l.queued) { todo.push(l); l.queued = true; }
    };
    for (const l of this.allLocs) enqueue(l);
    enqueue(this.heapLoc);
    let walkgen = 0;
    while (todo.length > 0) {
      const root = todo.pop()!;
      root.queued = false;
      walkgen++;
      this.walkOne(root, walkgen, enqueue);
    }
  }
  protected walkOne(root: Loc, walkgen: number, enqueue: (l: Loc) => void): void {
    root.walkgen = walkgen;
    root.derefs = 0;
    const todo: Loc[] = [root];
    while (todo.length > 0) {
      const l = todo.pop()!;
      let derefs = l.derefs;
      const addressOf = derefs < 0;
      if (addressOf) derefs = 0;
      if (this.outlives(root, l)) {
        if (l.isParam) this.leakTo(l, root, derefs);
        if (addressOf && !l.escapes) {
          l.escapes = true;
          enqueue(l);
          continue;
        }
      }
      for (const e of l.edges) {
        if (e.src.escapes) continue;
        const d = derefs + e.derefs;
        if (e.src.walkgen !== walkgen || e.src.derefs > d) {
          e.src.walkgen = walkgen;
          e.src.derefs = d;
          todo.push(e.src);
        }
      }
    }
  }
  protected outlives(l: Loc, other: Loc): boolean {
    if (l.escapes) return true;
    if (l.resultIndex >= 0) {
      if (containsClosure(other.fn, l.fn) && l.fn?.kind === 'FuncLit' && this.closureCalled.has(l.fn)) return false;
      return true;
    }
    if (l.fn === other.fn && l.loopDepth < other.loopDepth) return true;
    if (containsClosure(l.fn, other.fn)) return true;
    return false;
  }
  protected leakTo(l: Loc, sink: Loc, derefs: number): void {
    if (!sink.escapes && sink.resultIndex >= 0 && sink.fn === l.fn) {
      const cur = l.leakResults[sink.resultIndex];
      if (cur === undefined || cur < 0 || derefs < cur) l.leakResults[sink.resultIndex] = derefs;
      return;
    }
    if (l.leakHeap < 0 || derefs < l.leakHeap) l.leakHeap = derefs;
  }

  // ---------- results ----------
  protected at(pos: Pos, msg: string): void {
    this.report.push(`${this.filename}:${pos.line}:${pos.col}: ${msg}`);
  }
  protected finish(fns: A.FuncDecl[]): void {
    const all: FuncNode[] = [];
    for (const f of fns) { all.push(f); all.push(...(f.funcLits ?? [])); }
    for (const fn of all) {
      for (const v of fn.params ?? []) {
        const loc = this.varLoc(v)!;
        const heap = loc.leakHeap;
        const results = loc.leakResults.map((x, i) => (x !== undefined && (heap < 0 || x < heap) ? x : -1)).map((x, i) => [x, i] as const).filter(([x]) => x >= 0);
        this.tags.set(v, { heap, results: loc.leakResults.map((x) => (x !== undefined && (heap < 0 || x < heap) ? x : -1)) });
        if (!hasPointers(v.type) || v.name === '_' || v.name.startsWith('~') || loc.escapes) continue;
        if (heap < 0 && results.length === 0) this.at(v.pos, `${v.name} does not escape`);
        if (heap === 0) this.at(v.pos, `leaking param: ${v.name}`);
        else if (heap > 0) this.at(v.pos, `leaking param content: ${v.name}`);
        for (const [x, i] of results) this.at(v.pos, `leaking param: ${v.name} to result ${fn.results?.[i]?.name ?? `~r${i}`} level=${x}`);
      }
    }
    for (const l of this.allLocs) {
      if (l.v) {
        l.v.escapes = l.escapes;
        if (l.escapes) this.at(l.v.pos, `moved to heap: ${l.v.name}`);
        continue;
      }
      const n = l.node;
      if (!n) continue;
      n.heap = l.escapes;
      const mv = n.kind === 'SelectorExpr' ? methodValueSite(n) : undefined; // check/method.ts
      const text = mv ? mv.text : n.kind === 'FuncLit' ? 'func literal' : n.kind === 'CallExpr' && n.callKind === 'call' ? '... argument' : escapeExprString(n.kind === 'ImplicitConv' ? n.x : n);
      const pos = mv ? mv.pos : n.kind === 'BinaryExpr' ? n.opPos : n.kind === 'CallExpr' ? n.lparen : n.kind === 'CompositeLit' ? n.lbrace : n.pos;
      this.at(pos, `${text} ${l.escapes ? 'escapes to heap' : 'does not escape'}`);
    }
  }
}
