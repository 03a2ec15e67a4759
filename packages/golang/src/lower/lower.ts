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
 *
 * Files: this one (the program: globals, function queue), initorder.ts, fn.ts (one function's context `fn`),
 * order.ts (gc's order of evaluation), place.ts, expr.ts, ops.ts, call.ts, defer.ts, stmt.ts, assign.ts.
 */
import { codegenKey, Module, type Codegen } from '@gosim/program';
import type * as A from '../ast.js';
import type { CheckedPackage, CheckedProgram } from '../check/checker.js';
import { GoError } from '../diagnostics.js';
import type { VarObj } from '../objects.js';
import { sizeof } from '../types.js';
import { FnLower } from './fn.js';
import { initOrder } from './initorder.js';
import { staticInit } from './staticinit.js';
import { ptrWords } from './typeinfo.js';
import { registerLowerer } from './method.js';
import { checkRuntimeFunc } from './rtapi.js';
import { forkItabs } from './iface.js';

export { LowerError } from './fn.js';

const MaxSymbolSize = 2_000_000_000;

/**
 * Imported packages lowered once per process, per import closure and codegen: a program's module starts as a
 * copy of theirs (bodies are immutable and shared) and gets main's functions. At most `MaxBases` are kept.
 */
const bases = new Map<string, { readonly pkgs: readonly CheckedPackage[]; readonly l: Lowerer }>();
const MaxBases = 16;

/** Lowers a whole checked program into a module. */
export function lowerProgram(p: CheckedProgram, filename: string, codegen: Codegen = {}): Module {
  const key = `${codegenKey(codegen)}|${p.packages.map((x) => x.path).join(',')}`;
  let base = bases.get(key);
  // the checked packages are the cached ones (check/imports.ts): a re-checked package is lowered again
  if (!base || base.pkgs.length !== p.packages.length || base.pkgs.some((x, i) => x !== p.packages[i])) {
    const l = new Lowerer(p, filename, codegen);
    l.lowerImports();
    if (bases.size >= MaxBases) bases.delete(bases.keys().next().value!);
    bases.set(key, (base = { pkgs: p.packages, l }));
  }
  const l = base.l.fork(p, filename);
  l.lowerMain();
  return l.m;
}

export class Lowerer {
  readonly globals = new Map<VarObj, number>();
  private readonly queue: (() => void)[] = [];
  private wrapN = new Map<string, number>();
  private readonly defined = new Set<string>();
  private readonly lits = new Set<A.FuncLit>();

  constructor(readonly p: CheckedProgram, readonly filename: string, readonly codegen: Codegen = {}, readonly m = new Module()) {}

  /** The imported packages, dependencies first (their initialisers run first). */
  lowerImports(): void {
    this.m.codegen = this.codegen;
    registerLowerer(this); // lower/method.ts
    for (const pkg of this.p.packages) this.lowerPackage(pkg);
    this.drain();
  }

  /** A lowerer for program p starting from a copy of this one's module and state (its imports lowered). */
  fork(p: CheckedProgram, filename: string): Lowerer {
    const l = new Lowerer(p, filename, this.codegen, this.m.clone());
    forkItabs(this.m, l.m);
    for (const [k, v] of this.globals) l.globals.set(k, v);
    for (const [k, v] of this.wrapN) l.wrapN.set(k, v);
    for (const n of this.defined) l.defined.add(n);
    for (const x of this.lits) l.lits.add(x);
    return l;
  }

  /** Package main, after the imports. */
  lowerMain(): void {
    registerLowerer(this);
    this.lowerPackage(this.p);
    this.drain();
  }

  private drain(): void {
    while (this.queue.length > 0) this.queue.shift()!();
  }

  private lowerPackage(pkg: CheckedPackage): void {
    for (const g of pkg.globals) {
      const size = sizeof(g.type);
      // the linker's limit on one symbol (cmd/link: a data symbol of at most 2e9 bytes)
      if (size > MaxSymbolSize) {
        throw new GoError({ kind: 'type', filename: pkg.filename, pos: g.pos, message: `${pkg.path}.${g.name}: symbol too large (${size} bytes > ${MaxSymbolSize} bytes)` });
      }
      this.globals.set(g, this.m.global(Math.max(size, 1), ptrWords(g.type)));
    }
    // the variables static initialization lays out in data need no init code (staticinit.ts)
    const specs = initOrder(pkg.file, pkg.globals, pkg.filename).filter((spec) => !staticInit(this, spec));
    if (specs.length > 0) {
      const name = `${pkg.path}.init`;
      this.m.inits.push(name);
      this.queue.push(() => new FnLower(this, undefined, name, specs, pkg.filename).gen());
    }
    for (const f of pkg.funcs) {
      if (f.name.name === '_') continue;
      // a bodyless function is a runtime function: the runtime defines it (runtime/src/rtfuncs.ts)
      if (!f.body) {
        checkRuntimeFunc(f, f.filename ?? pkg.filename);
        continue;
      }
      const name = f.goName!;
      if (f.name.name === 'init' && !f.recv) this.m.inits.push(name);
      this.queue.push(() => new FnLower(this, f, name, undefined, f.filename).gen());
    }
  }

  enqueueLit(lit: A.FuncLit): void {
    if (this.lits.has(lit)) return;
    this.lits.add(lit);
    let top: A.FuncDecl | A.FuncLit = lit;
    while (top.kind === 'FuncLit' && top.outer) top = top.outer;
    const file = top.filename;
    this.queue.push(() => new FnLower(this, lit, lit.goName!, undefined, file).gen());
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

}
