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
import { Module, type Codegen } from '@gosim/program';
import type * as A from '../ast.js';
import type { CheckedPackage, CheckedProgram } from '../check/checker.js';
import { GoError } from '../diagnostics.js';
import type { VarObj } from '../objects.js';
import { sizeof } from '../types.js';
import { FnLower } from './fn.js';
import { initOrder } from './initorder.js';
import { ptrWords } from './typeinfo.js';
import { registerLowerer } from './method.js';
import { checkRuntimeFunc } from './rtapi.js';

export { LowerError } from './fn.js';

const MaxSymbolSize = 2_000_000_000;

/** Lowers a whole checked program into a module. */
export function lowerProgram(p: CheckedProgram, filename: string, codegen: Codegen = {}): Module {
  const l = new Lowerer(p, filename, codegen);
  l.run();
  return l.m;
}

export class Lowerer {
  readonly m = new Module();
  readonly globals = new Map<VarObj, number>();
  private readonly queue: (() => void)[] = [];
  /** Imported packages' functions, lowered once something refers to them (Go's linker drops the others too). */
  private readonly lazy = new Map<string, () => void>();
  private wrapN = new Map<string, number>();
  private readonly defined = new Set<string>();

  constructor(readonly p: CheckedProgram, readonly filename: string, readonly codegen: Codegen = {}) {}

  run(): void {
    this.m.codegen = this.codegen;
    registerLowerer(this); // lower/method.ts
    // imported packages first (their initialisers run first), then main
    for (const pkg of [...this.p.packages, this.p]) this.lowerPackage(pkg);
    // a declared name is referred to: lower its function if it is a lazy one (names are only ever added)
    for (let i = 0; ; ) {
      while (this.queue.length > 0) this.queue.shift()!();
      if (i >= this.m.funcNames.length) break;
      for (; i < this.m.funcNames.length; i++) {
        const gen = this.lazy.get(this.m.funcNames[i]!);
        if (gen) {
          this.lazy.delete(this.m.funcNames[i]!);
          this.queue.push(gen);
        }
      }
    }
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
    const specs = initOrder(pkg.file, pkg.globals, pkg.filename);
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
      const gen = (): void => new FnLower(this, f, name, undefined, f.filename).gen();
      const isInit = f.name.name === 'init' && !f.recv;
      if (isInit) this.m.inits.push(name);
      if (pkg === this.p || isInit) this.queue.push(gen);
      else this.lazy.set(name, gen);
    }
  }

  private readonly lits = new Set<A.FuncLit>();
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
