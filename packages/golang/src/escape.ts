/**
 * Escape analysis, modelled on Go 1.19's (cmd/compile/internal/escape): a graph of locations (variables and
 * allocation sites) with flow edges weighted by dereference count, analysed per batch of mutually recursive
 * functions bottom-up, callees' parameters summarised as leak tags. Decides which variables move to the heap,
 * which allocation sites are heap allocated, and whether closures capture by value or by reference.
 */
import type * as A from './ast.js';
import type { CheckedProgram } from './check/checker.js';
import type { VarObj } from './objects.js';
import { staticFunc, unparen } from './parser.js';
import type { Type } from './types.js';
import { hasPointers, isDirectIface, isInterface, isUnsafePointer, underlying } from './types.js';
import { unsafeValue } from './escape-unsafe.js';
import { EscapeGraph, type Hole, type ParamTag } from './escape-graph.js';


/** Parameters' leak tags, kept with the variables (an imported package's serve every program importing it). */
const paramTags = new WeakMap<VarObj, ParamTag>();

export interface EscapeResult {
  /** `-m` style lines, in go's order within each batch. */
  report: string[];
}

/**
 * Run escape analysis over a checked program: sets `VarObj.escapes`, `Capture.byRef`, and `heap` on `new`,
 * `&T{}`, `make([]T, n)`, function literals, interface conversions and string concatenations.
 */
export function analyzeEscapes(program: CheckedProgram): EscapeResult {
  const report: string[] = [];
  // package by package, dependencies first, as Go compiles them: a call into an imported package reads its
  // callee's leak tags (Go's export data); only package main's decisions are reported, as `go build -gcflags=-m`
  for (const pkg of [...program.packages, program]) {
    if (pkg !== program && pkg.escapesAnalyzed) continue; // an imported package shared with an earlier program
    // function literals of package-level initializers (main.glob..funcN) are analysed as top-level functions
    const globLits = pkg.funcLits.filter((l) => !l.outer) as unknown as A.FuncDecl[];
    const out = pkg === program ? report : [];
    const bodies = pkg.funcs.filter((f) => f.body); // a bodyless one is a runtime function
    for (const batch of bottomUp([...bodies, ...globLits])) new Batch(pkg.filename, paramTags, out).run(batch);
    pkg.escapesAnalyzed = true;
  }
  program.escapesAnalyzed = true;
  return { report };
}

/** `FILE:LINE:COL: ...` lines like `go build -gcflags=-m` (escape decisions only, no inlining lines). */
export function escapeReport(program: CheckedProgram): string[] {
  return analyzeEscapes(program).report;
}

/** Tarjan's SCCs over the static call/reference graph, callees first (Go's VisitFuncsBottomUp). */
function bottomUp(funcs: A.FuncDecl[]): A.FuncDecl[][] {
  const refs = new Map<A.FuncDecl, A.FuncDecl[]>();
  const mine = new Set(funcs);
  for (const f of funcs) {
    const out: A.FuncDecl[] = [];
    // a reference into another package is to a function analysed before (its tags are known)
    const add = (d: A.FuncDecl): void => void (mine.has(d) && !out.includes(d) && out.push(d));
    walkNode(f.body, (n) => {
      if ('kind' in n && n.kind === 'Ident' && n.obj?.kind === 'func') add(n.obj.decl);
      if ('kind' in n && n.kind === 'SelectorExpr' && n.method?.named) add(n.method.named.obj.decl);
    });
    refs.set(f, out);
  }
  const index = new Map<A.FuncDecl, number>();
  const low = new Map<A.FuncDecl, number>();
  const stack: A.FuncDecl[] = [];
  const onStack = new Set<A.FuncDecl>();
  const result: A.FuncDecl[][] = [];
  let counter = 0;
  const visit = (f: A.FuncDecl): void => {
    index.set(f, counter);
    low.set(f, counter);
    counter++;
    stack.push(f);
    onStack.add(f);
    for (const g of refs.get(f) ?? []) {
      if (!index.has(g)) {
        visit(g);
        low.set(f, Math.min(low.get(f)!, low.get(g)!));
      } else if (onStack.has(g)) {
        low.set(f, Math.min(low.get(f)!, index.get(g)!));
      }
    }
    if (low.get(f) === index.get(f)) {
      const scc: A.FuncDecl[] = [];
      for (;;) {
        const g = stack.pop()!;
        onStack.delete(g);
        scc.push(g);
        if (g === f) break;
      }
      scc.sort((a, b) => a.pos.offset - b.pos.offset);
      result.push(scc);
    }
  };
  for (const f of funcs) if (!index.has(f)) visit(f);
  return result;
}

/** Node fields walkNode does not descend into: checker annotations (types, objects, resolved targets). */
const notChildren = new Set(['type', 'obj', 'outer', 'sig', 'captures', 'target', 'gotoTarget', 'funcLits', 'implicitVar', 'fieldOf',
  'callee', 'typeArg', 'constValue', 'field', 'caseTypes']);
/** A function's params/results/locals are its variables (objects); a return statement's results are expressions. */
const funcVars = new Set(['params', 'results', 'locals']);

/** Generic pre-order walk over statements and expressions (into function literals too). */
export function walkNode(root: A.Node | undefined, f: (n: A.Node) => void): void {
  if (!root) return;
  const stack: A.Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    f(n);
    const isFunc = 'kind' in n && (n.kind === 'FuncDecl' || n.kind === 'FuncLit');
    const first = stack.length;
    for (const k in n) {
      if (notChildren.has(k) || (isFunc && funcVars.has(k))) continue;
      const v = (n as unknown as Record<string, unknown>)[k];
      if (typeof v !== 'object' || v === null) continue;
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && 'pos' in x) stack.push(x as A.Node);
      } else if ('pos' in v && (v as { kind?: unknown }).kind !== undefined) {
        stack.push(v as A.Node);
      }
    }
    // the children were pushed in order: reversed, the first is popped first
    for (let a = first, b = stack.length - 1; a < b; a++, b--) [stack[a], stack[b]] = [stack[b]!, stack[a]!];
  }
}


/** Builds a batch's escape graph from its statements and expressions, then solves it (EscapeGraph). */
class Batch extends EscapeGraph {
  // ---------- driver ----------
  run(fns: A.FuncDecl[]): void {
    for (const f of fns) {
      this.batchFuncs.add(f);
      for (const l of f.funcLits ?? []) this.batchFuncs.add(l);
    }
    for (const f of fns) {
      this.curfn = f;
      this.loopDepth = 1;
      this.initFunc(f);
    }
    for (const f of fns) {
      this.curfn = f;
      this.loopDepth = 1;
      this.block(f.body!.stmts);
    }
    for (const { k, lit } of this.closures) this.flowClosure(k, lit);
    for (const l of this.allLocs) {
      if (l.node && this.mustHeap(l.node)) this.flow(this.addr(this.heapHole), l);
    }
    this.walkAll();
    this.finish(fns);
  }


  // ---------- statements ----------
  private block(stmts: A.Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }
  private stmt(s: A.Stmt): void {
    const saved = this.currentStmt;
    this.currentStmt = s;
    try {
      this.stmtInner(s);
    } finally {
      this.currentStmt = saved;
    }
  }
  private stmtInner(s: A.Stmt): void {
    switch (s.kind) {
      case 'EmptyStmt': case 'BranchStmt': return;
      case 'BlockStmt': {
        // a block whose only statement is a block adds no flow: walk such chains in a loop, not by recursion
        let b = s;
        while (b.stmts.length === 1 && b.stmts[0]!.kind === 'BlockStmt') b = b.stmts[0]!;
        this.block(b.stmts);
        return;
      }
      case 'ExprStmt': {
        const x = unparen(s.x);
        if (x.kind === 'CallExpr') this.call([], x);
        else this.expr(this.discardHole, s.x);
        return;
      }
      case 'SendStmt':
        this.expr(this.discardHole, s.chan);
        this.expr(this.heapHole, s.value);
        return;
      case 'IncDecStmt': {
        const k = this.addrOf(s.x);
        this.reassigned([k], s);
        return;
      }
      case 'AssignStmt': this.assign(s); return;
      case 'GoStmt': case 'DeferStmt': this.goDefer(s); return;
      case 'ReturnStmt': {
        const fn = this.curfn!;
        const ks = (fn.results ?? []).map((v) => this.hole(this.varLoc(v)!));
        if (s.results.length === 1 && ks.length > 1) {
          const x = unparen(s.results[0]!);
          if (x.kind === 'CallExpr') this.call(ks, x);
        } else {
          s.results.forEach((r, i) => this.expr(ks[i] ?? this.discardHole, r));
        }
        this.reassigned(ks, s);
        return;
      }
      case 'IfStmt':
        if (s.init) this.stmt(s.init);
        this.expr(this.discardHole, s.cond);
        this.block(s.then.stmts);
        if (s.else) this.stmt(s.else);
        return;
      case 'ForStmt':
        if (s.init) this.stmt(s.init);
        this.loopDepth++;
        if (s.cond) this.expr(this.discardHole, s.cond);
        if (s.post) this.stmt(s.post);
        this.block(s.body.stmts);
        this.loopDepth--;
        return;
      case 'RangeStmt': {
        // Go's ORANGE: X is evaluated once, outside the loop; an array's elements are copied into the value variable,
        // others' (slices, strings, maps, *array) are read through X
        const tmp = this.mkLoc(undefined, undefined, true);
        this.expr(this.hole(tmp), s.x);
        this.loopDepth++;
        const ks = [s.key, s.value].map((x) => (x ? this.addrOf(x) : this.discardHole));
        this.flow(underlying(s.x.type!).kind === 'array' ? ks[1]! : this.shift(ks[1]!, 1), tmp);
        this.reassigned(ks, s);
        this.block(s.body.stmts);
        this.loopDepth--;
        return;
      }
      case 'SwitchStmt':
        if (s.init) this.stmt(s.init);
        if (s.tag) this.expr(this.discardHole, s.tag);
        for (const c of s.cases) {
          for (const e of c.list) this.expr(this.discardHole, e);
          this.block(c.body);
        }
        return;
      case 'TypeSwitchStmt': {
        if (s.init) this.stmt(s.init);
        const ks: Hole[] = [];
        for (const c of s.cases) {
          const v = c.implicitVar;
          if (!v) continue;
          const loc = this.varLoc(v)!;
          loc.loopDepth = this.loopDepth;
          if (hasPointers(v.type)) ks.push(this.dotType(this.hole(loc), v.type));
        }
        this.expr(this.teeHole(ks), s.guard.x);
        for (const c of s.cases) this.block(c.body);
        return;
      }
      case 'SelectStmt': for (const c of s.cases) { if (c.comm) this.stmt(c.comm); this.block(c.body); } return;
      // Go: code after a label some goto jumps back to is one loop level deeper, to the end of the function
      case 'LabeledStmt': if (s.looping) this.loopDepth++; this.stmt(s.stmt); return;
      case 'DeclStmt':
        for (const spec of s.specs) {
          if (spec.kind !== 'VarSpec') continue;
          const locs = spec.names.map((id) => (id.obj?.kind === 'var' ? this.varLoc(id.obj) : undefined));
          for (const l of locs) if (l) l.loopDepth = this.loopDepth;
          const ks = locs.map((l) => (l ? this.hole(l) : this.discardHole));
          this.assignValues(ks, spec.values);
        }
        return;
      default: return;
    }
  }

  private assignValues(ks: Hole[], values: A.Expr[]): void {
    if (values.length === ks.length) {
      values.forEach((v, i) => this.expr(ks[i]!, v));
      return;
    }
    if (values.length === 1) {
      const x = unparen(values[0]!);
      if (x.kind === 'CallExpr') this.call(ks, x);
      else if (x.kind === 'TypeAssertExpr') this.expr(this.dotType(ks[0]!, x.type!), x.x);
      else this.expr(this.discardHole, x);
    }
  }

  private assign(s: A.AssignStmt): void {
    if (s.tok !== '=' && s.tok !== ':=') {
      const k = this.addrOf(s.lhs[0]!);
      this.expr(unparen(s.lhs[0]!).kind === 'IndexExpr' && (unparen(s.lhs[0]!) as A.IndexExpr).mapIndex ? this.heapHole : this.discardHole, s.rhs[0]!);
      this.reassigned([k], s);
      return;
    }
    const ks = s.lhs.map((l, i) => {
      if (s.tok === ':=' && s.declares?.[i]) {
        const v = (l as A.Ident).obj;
        if (v?.kind === 'var') {
          const loc = this.varLoc(v);
          if (loc) { loc.loopDepth = this.loopDepth; return this.hole(loc); }
        }
        return this.discardHole;
      }
      return this.addrOf(l);
    });
    this.assignValues(ks, s.rhs);
    // variables declared by this statement are not "reassigned" by it
    const re = ks.filter((_, i) => !(s.tok === ':=' && s.declares?.[i]));
    this.reassigned(re, s);
  }
  private reassigned(ks: Hole[], where: A.Stmt): void {
    void where;
    for (const k of ks) if (k.dst.v) k.dst.reassigned = true;
  }

  /** The hole for storing into an assignable expression (Go's escape.addr). */
  private addrOf(e: A.Expr): Hole {
    const x = unparen(e);
    switch (x.kind) {
      case 'Ident': {
        if (x.name === '_') return this.discardHole;
        if (x.obj?.kind !== 'var') return this.discardHole;
        if (x.obj.varKind === 'global') return this.heapHole;
        const l = this.varLoc(x.obj);
        return l ? this.hole(l) : this.heapHole;
      }
      case 'SelectorExpr':
        if (x.implicitDeref) { this.expr(this.discardHole, x.x); return this.heapHole; }
        return this.addrOf(x.x);
      case 'IndexExpr':
        // m[k] = v: the key and the value are stored in the map's heap buckets (Go's "key of map put")
        if (x.mapIndex) { this.expr(this.discardHole, x.x); this.expr(this.heapHole, x.index); return this.heapHole; }
        this.expr(this.discardHole, x.index);
        if (!x.implicitDeref && underlying(x.x.type!).kind === 'array') return this.addrOf(x.x);
        this.expr(this.discardHole, x.x);
        return this.heapHole;
      case 'StarExpr':
        this.expr(this.discardHole, x.x);
        return this.heapHole;
      default:
        return this.heapHole;
    }
  }

  private goDefer(s: A.GoStmt | A.DeferStmt): void {
    const topLevelDefer = s.kind === 'DeferStmt' && this.loopDepth === 1;
    if (s.kind === 'DeferStmt') s.topLevel = topLevelDefer; // gc's EscNever defer (a backward goto counts as a loop)
    const call = s.call;
    const fun = unparen(call.fun);
    if (call.callKind === 'builtin') {
      // defer println(...), defer close(c), go runtime.GC() ...
      for (const a of call.args) this.expr(topLevelDefer || call.builtin === 'print' || call.builtin === 'println' ? this.discardHole : this.heapHole, a);
      if (call.builtin === 'panic' && call.args[0]) { /* already flowed */ }
      return;
    }
    if (topLevelDefer) {
      // arguments go to the callee's parameters (they don't escape because of the defer itself)
      this.call([], call, true);
      return;
    }
    // go f(x) and defer in a loop: the function value and the arguments escape
    if (!call.callee) this.expr(this.heapHole, call.fun); // (a static method call's receiver is args[0])
    for (const a of call.args) this.expr(this.heapHole, a);
    void fun;
  }

  // ---------- calls ----------
  private call(ks: Hole[], call: A.CallExpr, deferred = false): void {
    const k0 = ks[0] ?? this.discardHole;
    if (call.callKind === 'conversion') {
      this.conversion(k0, call);
      return;
    }
    if (call.callKind === 'builtin') {
      this.builtin(k0, call);
      return;
    }
    const fun = unparen(call.fun);
    // static callee: a top-level function or a function literal called directly
    let params: VarObj[] | undefined;
    let results: VarObj[] | undefined;
    let mutual = false;
    const callee = staticFunc(fun);
    if (callee) {
      const d = callee.decl;
      params = d.params;
      results = d.results;
      mutual = this.batchFuncs.has(d);
    } else if (fun.kind === 'FuncLit') {
      if (!deferred) this.closureCalled.add(fun);
      this.expr(this.discardHole, fun);
      params = fun.params;
      results = fun.results;
      mutual = true;
    } else if (call.callee && fun.kind === 'SelectorExpr') {
      // a static method call: the receiver is the first argument (check/method.ts)
      const d = call.callee.decl;
      params = d.params;
      results = d.results;
      mutual = this.batchFuncs.has(d);
    } else if (fun.kind === 'SelectorExpr' && fun.selKind === 'method') {
      // interface method call: the receiver leaks
      this.expr(this.heapHole, fun.x);
    } else {
      this.expr(this.discardHole, call.fun);
    }
    if (mutual && results) {
      results.forEach((r, i) => { const k = ks[i]; if (k) this.flow(k, this.varLoc(r)!); });
    }
    const sig = call.sig;
    const nfixed = sig?.variadic && !call.ellipsis ? sig.params.length - 1 : -1;
    let dddHole: Hole | undefined; // f(a, b, c) of a variadic f: the extras are an implicit slice literal
    call.args.forEach((a, i0) => {
      const i = nfixed >= 0 && i0 > nfixed ? nfixed : i0;
      if (i0 > nfixed && i === nfixed && dddHole) { this.expr(dddHole, a); return; }
      const p = params?.[i];
      let k: Hole;
      if (!params || !p) k = this.heapHole;
      else if (mutual) k = this.hole(this.varLoc(p)!);
      else {
        const tag = this.tags.get(p);
        const tks: Hole[] = [];
        if (!tag) tks.push(this.heapHole);
        else {
          if (tag.heap >= 0) tks.push(this.shift(this.heapHole, tag.heap));
          tag.results.forEach((x, ri) => { const rk = ks[ri]; if (x >= 0 && rk) tks.push(this.shift(rk, x)); });
        }
        k = this.teeHole(tks);
      }
      if (nfixed >= 0 && i === nfixed) k = dddHole = this.spill(k, call);
      this.expr(k, a);
    });
  }

  private conversion(k: Hole, call: A.CallExpr): void {
    const x = call.args[0]!;
    if (call.convKind) { // string <-> bytes/runes: the result is a new allocation; x is only read
      this.spill(k, call);
      this.expr(this.discardHole, x);
      return;
    }
    if (isInterface(call.type!) && !isInterface(x.type!) && !isDirectIface(x.type!)) {
      this.expr(this.spill(k, call), x);
      return;
    }
    const ux = underlying(x.type!);
    if (isUnsafePointer(call.type!) && ux.kind === 'basic' && ux.name === 'uintptr') {
      return unsafeValue(x, (p) => this.expr(k, p), (o) => this.expr(this.discardHole, o)); // escape-unsafe.ts
    }
    this.expr(k, x);
  }

  private builtin(k: Hole, call: A.CallExpr): void {
    switch (call.builtin) {
      case 'panic': for (const a of call.args) this.expr(this.heapHole, a); return;
      // the runtime keeps these arguments (a finalizer special; the Frames' callers slice)
      case 'runtime.SetFinalizer': case 'runtime.CallersFrames': for (const a of call.args) this.expr(this.heapHole, a); return;
      case 'new': this.spill(k, call); return;
      // the result points where the pointer argument does (Go: OUNSAFEADD, OUNSAFESLICE)
      case 'unsafe.Add': case 'unsafe.Slice': this.expr(k, call.args[0]!); this.expr(this.discardHole, call.args[1]!); return;
      case 'append': case 'copy': this.sliceBuiltin(k, call); return;
      case 'make':
        for (const a of call.args.slice(1)) this.expr(this.discardHole, a);
        if (underlying(call.typeArg!).kind === 'slice' || underlying(call.typeArg!).kind === 'map') this.spill(k, call);
        return;
      default:
        for (const a of call.args) if (a.mode !== 'type') this.expr(this.discardHole, a);
        return;
    }
  }

  /** append and copy (Go's escape/call.go): appended elements escape; so do a pointerful appendee's. */
  private sliceBuiltin(k: Hole, call: A.CallExpr): void {
    const [s, ...rest] = call.args;
    // append(f()): the slice and its new elements come from one call; all of them flow to the heap as well
    if (s!.type!.kind === 'tuple') return this.expr(this.teeHole([k, this.heapHole]), s!);
    const ptrs = hasPointers((underlying(s!.type!) as { elem: Type }).elem);
    const viaSlice = (x: A.Expr): Hole => (underlying(x.type!).kind === 'slice' && ptrs ? this.shift(this.heapHole, 1) : this.discardHole);
    if (call.builtin === 'copy') {
      this.expr(this.discardHole, s!);
      this.expr(viaSlice(rest[0]!), rest[0]!);
      return;
    }
    this.expr(ptrs ? this.teeHole([k, this.shift(this.heapHole, 1)]) : k, s!);
    if (call.ellipsis) this.expr(viaSlice(rest[0]!), rest[0]!);
    else for (const a of rest) this.expr(this.heapHole, a);
  }

  private dotType(k: Hole, t: Type): Hole {
    if (!isInterface(t) && !isDirectIface(t)) return this.shift(k, 1);
    return k;
  }

  // ---------- expressions ----------
  private expr(k0: Hole, e0: A.Expr): void {
    let k = k0;
    let e = e0;
    while (e.kind === 'ParenExpr' && e.mode !== 'constant') e = e.x;
    if (k.derefs >= 0 && e.type && e.type.kind !== 'tuple' && !hasPointers(e.type) && e.kind !== 'FuncLit') k = this.discardHole;
    if (e.mode === 'constant' || e.mode === 'type') return;
    switch (e.kind) {
      case 'Ident': {
        const o = e.obj;
        if (o?.kind !== 'var' || o.varKind === 'global') return;
        const l = this.varLoc(o);
        if (l) this.flow(k, l);
        return;
      }
      case 'ParenExpr': this.expr(k, e.x); return;
      case 'ImplicitConv':
        if (!isDirectIface(e.x.type!) && !isInterface(e.x.type!)) this.expr(this.spill(k, e), e.x);
        else this.expr(k, e.x);
        return;
      case 'UnaryExpr':
        if (e.op === '&') {
          const x = unparen(e.x);
          if (x.kind === 'CompositeLit') { this.expr(this.spill(k, e), x); return; }
          this.expr(this.addr(k), e.x);
          return;
        }
        this.expr(this.discardHole, e.x);
        return;
      case 'StarExpr': this.expr(this.shift(k, 1), e.x); return;
      case 'SelectorExpr':
        if (e.selKind === 'cmethod' || e.selKind === 'method') { this.expr(this.spill(k, e), e.x); return; } // a method value: a closure holding its receiver
        if (e.selKind !== 'field') return;
        this.expr(e.implicitDeref ? this.shift(k, 1) : k, e.x);
        return;
      case 'IndexExpr': {
        this.expr(this.discardHole, e.index);
        if (e.mapIndex) { this.expr(this.discardHole, e.x); return; }
        const u = underlying(e.x.type!);
        if (u.kind === 'array' && !e.implicitDeref) this.expr(k, e.x);
        else if (u.kind === 'basic') this.expr(this.discardHole, e.x);
        else this.expr(this.shift(k, 1), e.x);
        return;
      }
      case 'TypeAssertExpr': this.expr(this.dotType(k, e.type!), e.x); return;
      case 'CallExpr': this.call([k], e); return;
      case 'BinaryExpr':
        if (e.op === '+' && e.type && underlying(e.type).kind === 'basic' && (underlying(e.type) as { name: string }).name === 'string') {
          this.spill(k, e);
          this.concatOperands(e);
          return;
        }
        {
          // a left-deep chain a + b + c (as deep as the source): its operands in order, in a loop
          const ys: A.Expr[] = [];
          let x: A.Expr = e;
          for (; x.kind === 'BinaryExpr' && x.mode !== 'constant' && !isConcat(x); x = unparen(x.x)) ys.push(x.y);
          this.expr(this.discardHole, x);
          for (let i = ys.length - 1; i >= 0; i--) this.expr(this.discardHole, ys[i]!);
        }
        return;
      case 'CompositeLit': this.compositeLit(underlying(e.type!).kind === 'slice' ? this.spill(k, e) : k, e); return;
      case 'FuncLit': this.funcLit(k, e); return;
      case 'SliceExpr': // a[i:j] of an array is (&a)[i:j]
        for (const ix of [e.low, e.high, e.max]) if (ix) this.expr(this.discardHole, ix);
        this.expr(underlying(e.x.type!).kind === 'array' ? this.addr(k) : k, e.x);
        return;
      default: return;
    }
  }
  private concatOperands(e: A.BinaryExpr): void {
    // the operands of a chain s1 + s2 + ..., in order; left-deep chains (as deep as the source) in a loop
    const work: A.Expr[] = [e];
    while (work.length > 0) {
      const x = work.pop()!;
      const u = unparen(x);
      if (u.kind === 'BinaryExpr' && u.op === '+' && u.mode !== 'constant') work.push(u.y, u.x);
      else this.expr(this.discardHole, x);
    }
  }
  private compositeLit(k: Hole, e: A.CompositeLit): void {
    if (e.type && underlying(e.type).kind === 'map') {
      // a map literal allocates its hmap; its keys and values go to the heap buckets
      this.spill(k, e);
      for (const el of e.elts) if (el.kind === 'KeyValueExpr') { this.expr(this.heapHole, el.key); this.expr(this.heapHole, el.value); }
      return;
    }
    for (const el of e.elts) this.expr(k, el.kind === 'KeyValueExpr' ? el.value : el);
  }
  private funcLit(k0: Hole, lit: A.FuncLit): void {
    const k = this.spill(k0, lit);
    this.closures.push({ k, lit });
    for (const cap of lit.captures ?? []) {
      const loc = this.varLoc(cap.v);
      if (loc && !loc.captured) {
        loc.captured = true;
        if (loc.loopDepth === this.loopDepth) loc.reassigned = false;
      }
    }
    const savedFn = this.curfn;
    const savedDepth = this.loopDepth;
    this.curfn = lit;
    this.loopDepth = 1;
    this.initFunc(lit);
    this.block(lit.body.stmts);
    this.curfn = savedFn;
    this.loopDepth = savedDepth;
  }
}

/** A string concatenation (its operands are walked by concatOperands). */
function isConcat(e: A.BinaryExpr): boolean {
  const u = e.type ? underlying(e.type) : undefined;
  return e.op === '+' && u?.kind === 'basic' && u.name === 'string';
}
