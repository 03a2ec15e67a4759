// The machine a program runs on: memory, heap, stacks, goroutines, the policy's pieces and the debug
// modes. It implements the context each mechanism package asks for, so those packages never import
// the runtime.

import { funcvalFunc } from '@gosim/defer-panic';
import { copystack, newstack, shrinkstack, type CopystackPolicy } from '@gosim/copystack';
import {
  DeferPool, Panic, runtimeFuncIds, type DeferLayout, type DeferPanicPolicy, type RuntimeFuncIds,
} from '@gosim/defer-panic';
import { gcCollect, type GCPolicy } from '@gosim/gc';
import { AddressSpace, goOutOfMemory, Heap, typeDesc, MemoryFault, type OutOfMemoryError } from '@gosim/memory';
import { pcOf, TextBase, type FuncInfo, type Program } from '@gosim/program';
import { G, GStatus, GoThrow, StackAllocator, setStack, MaxStackDefault, Sudog } from '@gosim/stack';
import { printCreatedBy, printTraceback, type TracebackPolicy } from '@gosim/traceback';
import { EventHub } from './events.js';
import { hex, panicValue, stringAt } from './format.js';
import type { RunOptions } from './options.js';
import { DefaultMaxSteps } from './options.js';
import { policies } from './policy.js';
import { faultSiginfo, LimitExceeded, ProgramExit, RuntimePanic, type FaultSiginfo } from './signals.js';
import { preprintpanics } from './preprint.js';
import { finalizersIfAny, type Finalizers } from './finalizer.js';
import { noteGC } from './memstats.js';
import { timersIfAny } from './time.js';
import { Jit } from './jit/tier.js';

const SIGSEGV = 11;
/** Go's p.sudogcache capacity. */
const SudogCacheSize = 128;

/** A fault met while printing a traceback (gosim's own note; the address as the kernel would report it). */
const faultText = (si: FaultSiginfo): string => `SIGSEGV code=${hex(si.code)} addr=${hex(si.addr)}`;

/** Go's line for a signal that caused a panic or throw. */
const signalLine = (code: number, addr: number, pc: number): string =>
  `[signal SIGSEGV: segmentation violation code=${hex(code)} addr=${hex(addr)} pc=${hex(pc)}]\n`;

export class Machine {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly stacks: StackAllocator;
  readonly events = new EventHub();
  private readonly typeIds = new Map<string, number>();
  readonly deferpanic: DeferPanicPolicy;
  readonly traceback: TracebackPolicy;
  readonly gc: GCPolicy;
  readonly copystack: CopystackPolicy;
  readonly deferLayout: DeferLayout;
  readonly deferPool = new DeferPool();
  readonly deferHeaderType: number;
  readonly runtimeFuncs: RuntimeFuncIds & { gopanic: number; Goexit: number };
  readonly goexitId: number;
  readonly sigpanicId: number;
  readonly dataBase: number;
  readonly dataPtrWords: readonly number[];
  readonly stackPoisonCopy: boolean;
  readonly maxStack: number;
  readonly maxSteps: number;

  /** All goroutines ever created that are not dead; allgs for the GC and deadlock reports. */
  allgs: G[] = [];
  readonly gs = new Map<number, G>();
  /**
   * Go's p.gFree: dead descriptors, most recent first, reused by newproc. A reused g keeps what goexit0 does
   * not reset — its signal state among them, so a later uncaught panic on it prints the stale [signal] line as Go's does —
   * and its stack when that has the starting size (gfput frees any other).
   */
  readonly gFree: G[] = [];
  runq: G[] = [];
  runnext: G | null = null;
  cur: G | null = null;
  mainG: G | null = null;
  /** > 0 while the runtime works on the system stack (see morestack). */
  systemstack = 0;
  private nextGoid = 1;
  /** Safe points executed; the interpreter adds its batches here. */
  steps = 0;
  /** Goroutine switch quantum in safe points, and safe points since the last switch. */
  readonly quantum: number;
  sinceSwitch = 0;
  /** The interpreter's safe-point countdown and the batch it was reset to (1 when every point matters). */
  budget = 1;
  chunk = 1;
  /** The next safe-point index the hook wants (with RunOptions.safePointHookNext; 0 before the first batch). */
  hookNext = 0;
  /** Prologue zeroing (Program.zeroWords): byte offsets of every function's local pointer words, zeroStart[f] .. zeroStart[f+1]. */
  readonly zeroWords: Int32Array;
  readonly zeroStart: Int32Array;
  /** The compile tier (jit/tier.ts), or null when the interpreter runs alone. */
  readonly jit: Jit | null;
  private readonly arrayTypes = new Map<string, number>();
  /**
   * Go's p.sudogcache: released sudogs, zeroed, reused last-in first-out. The GC empties it first (as clearpools
   * does Go's central cache), so a cached sudog is garbage unless reused before.
   */
  private readonly sudogCache: number[] = [];
  private sudogType = -1;
  private readonly out: string[] = [];
  private readonly err: string[] = [];

  constructor(readonly prog: Program, readonly opts: RunOptions = {}) {
    const pol = opts.policy ?? policies.new;
    this.deferpanic = pol.deferpanic;
    this.traceback = pol.traceback;
    this.gc = pol.gc;
    this.copystack = pol.copystack;
    this.deferLayout = pol.deferpanic.layout;
    this.stackPoisonCopy = opts.stackPoisonCopy ?? false;
    this.maxStack = opts.maxStack ?? MaxStackDefault;
    this.maxSteps = opts.maxSteps ?? DefaultMaxSteps;
    this.quantum = 20000 + ((opts.seed ?? 0) * 7919) % 10007;
    if (opts.onEvent) this.events.listen(opts.onEvent);

    this.space = new AddressSpace({ maxBytes: TextBase, initialBytes: 1 << 20 });
    this.heap = new Heap(this.space, { clobberFree: opts.clobberFree ?? false, maxHeapBytes: opts.maxHeap });
    prog.types.forEach((t, i) => {
      const id = this.heap.registerType(typeDesc(t.name, Math.max(t.size, 8), t.ptrWords as number[]));
      if (id !== i) throw new Error('heap type ids must follow program type ids');
    });
    this.deferHeaderType = this.heap.registerType(typeDesc('runtime._defer', this.deferLayout.header, [...this.deferLayout.ptrWords]));
    this.stacks = new StackAllocator(this.space, { faultOnFree: opts.stackFaultOnFree ?? false, stackMin: opts.stackMin });

    const ids = runtimeFuncIds(prog);
    this.runtimeFuncs = ids;
    this.goexitId = prog.func('runtime.goexit')!.id;
    this.sigpanicId = prog.func('runtime.sigpanic')!.id;

    this.zeroWords = prog.zeroWords;
    this.zeroStart = prog.zeroStart;
    this.resetBudget();

    const data = prog.data;
    this.dataBase = this.space.mapRegion(Math.max(data.length, 8));
    this.space.u8.set(data, this.dataBase);
    for (const off of prog.dataRelocs) this.space.store64(this.dataBase + off, this.dataBase + this.space.load64(this.dataBase + off));
    this.dataPtrWords = prog.dataPtrWords;
    this.jit = (opts.tier ?? 'compiled') === 'compiled' ? new Jit(this) : null;
  }

  // ---- output ---------------------------------------------------------------------------------------

  /** Writes to stderr; a negated errno when the sink's write failed (the runtime's own prints drop it). */
  print(s: string): number | void {
    if (this.opts.stderr) return this.opts.stderr(s);
    this.err.push(s);
  }

  printOut(s: string): number | void {
    if (this.opts.stdout) return this.opts.stdout(s);
    this.out.push(s);
  }

  output(): { stdout: string; stderr: string } {
    return { stdout: this.out.join(''), stderr: this.err.join('') };
  }

  // ---- types and heap ---------------------------------------------------------------------------------

  /** The first type of that name (the runtime's own types: sudog, hchan, bytes…), looked up once per name. */
  typeId(name: string): number {
    let i = this.typeIds.get(name);
    if (i === undefined) {
      i = this.prog.types.findIndex((t) => t.name === name);
      if (i < 0) throw new Error(`runtime type ${name} missing`);
      this.typeIds.set(name, i);
    }
    return i;
  }


  /** Go's acquireSudog: a zeroed sudog, from the cache or the heap. */
  acquireSudog(): number {
    const sg = this.sudogCache.pop();
    if (sg !== undefined) return sg;
    if (this.sudogType < 0) this.sudogType = this.typeId('runtime.sudog');
    return this.heap.alloc(Sudog.size, this.sudogType);
  }

  /** Go's releaseSudog: sg is no longer linked anywhere (no queue, no g.waiting). */
  releaseSudog(sg: number): void {
    this.space.zeroUnchecked(sg, Sudog.size);
    if (this.sudogCache.length < SudogCacheSize) this.sudogCache.push(sg);
  }

  /** A heap array of n elements of type elem (its pointer map repeats elem's). */
  allocArray(elem: number, n: number): number {
    const t = this.prog.types[elem]!;
    const bytes = Math.max(n * t.size, 8);
    if (t.ptrWords.length === 0) return this.heap.alloc(bytes, this.typeId('runtime.bytes'));
    // keyed by the element's type id: two local types may share a name (`[100]main.T`)
    const key = `${n}/${elem}`;
    let id = this.arrayTypes.get(key);
    if (id === undefined) {
      const words: number[] = [];
      for (let i = 0; i < n; i++) for (const w of t.ptrWords) words.push((i * t.size) / 8 + w);
      id = this.heap.registerType(typeDesc(`[${n}]${t.name}`, bytes, words));
      this.arrayTypes.set(key, id);
    }
    return this.heap.alloc(bytes, id);
  }

  /** A new Go string {ptr, len} with these bytes; returns ptr. */
  allocBytes(n: number): number {
    return this.heap.alloc(Math.max(n, 8), this.typeId('runtime.bytes'));
  }

  // ---- functions --------------------------------------------------------------------------------------

  funcvalAddr(funcId: number): number {
    return this.dataBase + this.prog.funcvalOffset[funcId]!;
  }

  /** The function a funcval points to; a bad one faults like Go's call through it would. */
  funcOf(fv: number): FuncInfo {
    return funcvalFunc(this.space, this.prog, fv);
  }

  // ---- goroutines ---------------------------------------------------------------------------------------

  /** newproc: a goroutine that will call fv with the siz bytes of arguments at args. */
  newproc(fv: number, args: number, siz: number, creator: G | null, gopc: number): G {
    const f = this.funcOf(fv);
    const n = this.stacks.stackMin;
    if (siz + 64 > n) throw new GoThrow('newproc: function arguments too large for new goroutine');
    const g = this.gFree.pop() ?? new G(0);
    g.goid = this.nextGoid++;
    g.status = GStatus.Runnable;
    if (g.hi === 0) setStack(g, this.stacks.stackalloc(n), n);
    else setStack(g, g.lo, n);
    if (this.stackPoisonCopy) this.space.fill(g.lo, n, 0xfd);
    const top = g.hi - ((siz + 7) & ~7);
    if (siz > 0) this.space.memmove(top, args, siz);
    g.sp = top - 8;
    this.space.store64(g.sp, this.prog.funcs[this.goexitId]!.entry + 4);
    g.pc = f.entry;
    g.atEntry = true;
    g.ctxt = fv;
    g.gopc = gopc;
    g.ret = 0;
    g.startpc = f.entry;
    this.allgs.push(g);
    this.gs.set(g.goid, g);
    if (this.events.on) this.events.emit({ kind: 'goroutine-created', goid: g.goid, by: creator?.goid ?? 0, fn: f.name });
    if (creator) this.goready(g);
    return g;
  }

  gByID(goid: number): G {
    const g = this.gs.get(goid);
    if (!g) throw new GoThrow(`sudog of unknown goroutine ${goid}`);
    return g;
  }

  gopark(g: G, reason: string): void {
    g.status = GStatus.Waiting;
    g.waitreason = reason;
    if (this.events.on) this.events.emit({ kind: 'goroutine-blocked', goid: g.goid, reason });
  }

  /** Go's goready: the goroutine runs next (the previous runnext goes to the queue's tail). */
  goready(g: G): void {
    g.status = GStatus.Runnable;
    g.waitreason = '';
    if (this.runnext) this.runq.push(this.runnext);
    this.runnext = g;
  }

  /** goexit1 + goexit0: the goroutine ends; gfput keeps its descriptor for reuse, and its stack if of the starting size. */
  goexit1(g: G): void {
    g.status = GStatus.Dead;
    if (this.events.on) this.events.emit({ kind: 'goroutine-exited', goid: g.goid });
    this.allgs.splice(this.allgs.indexOf(g), 1);
    this.gs.delete(g.goid);
    g._defer = g._panic = 0;
    g.waitreason = '';
    g.goexiting = false;
    if (g.hi - g.lo !== this.stacks.stackMin) {
      this.stacks.stackfree(g.lo, g.hi - g.lo);
      g.lo = g.hi = 0;
    }
    g.sp = 0;
    this.gFree.push(g);
  }

  /** The next goroutine to run, or null. */
  findRunnable(): G | null {
    if (this.runnext) {
      const g = this.runnext;
      this.runnext = null;
      return g;
    }
    return this.runq.shift() ?? null;
  }

  // ---- stacks and GC ----------------------------------------------------------------------------------

  // The runtime's work on the system stack (Go's g0): newstack/copystack, the GC, callers' traceback. A fault
  // meanwhile is "unexpected signal during runtime execution" (the count stays up when one ends the run).

  morestack(g: G): void {
    this.systemstack++;
    newstack(this, g);
    this.systemstack--;
  }

  /** Moves g's stack to a new one of `newsize` bytes (the same size: a pure move). */
  movestack(g: G, newsize: number, why: string): void {
    this.systemstack++;
    copystack(this, g, newsize, why);
    this.systemstack--;
  }

  /**
   * A full collection: empty the defer pools (Go's clearpools), mark, sweep, shrink stacks. `forced`: runtime.GC().
   * Returns true when it readied the finalizer goroutine (finalizer.ts).
   */
  collect(forced = false): boolean {
    this.systemstack++;
    this.deferPool.clear();
    this.sudogCache.length = 0;
    const r = gcCollect(this);
    noteGC(this, r.freedBytes, forced);
    for (const g of [...this.allgs]) if (g.status !== GStatus.Dead) shrinkstack(this, g);
    this.systemstack--;
    return finalizersIfAny(this)?.wake() ?? false;
  }

  /** Finalizer specials for the GC (gc/src/context.ts), once the program has set a finalizer. */
  get specials(): Finalizers | undefined {
    return finalizersIfAny(this);
  }

  /** Go's isSystemGoroutine: the finalizer goroutine while it is not running a finalizer; the timer goroutine. */
  isSystemGoroutine(g: G): boolean {
    return (finalizersIfAny(this)?.isSystem(g) ?? false) || (timersIfAny(this)?.isSystem(g) ?? false);
  }

  /** GC roots the runtime holds outside simulated memory: the timers in the heap and their queued calls (time.ts). */
  get extraRoots(): readonly number[] {
    return timersIfAny(this)?.roots() ?? [];
  }

  // ---- panics and fatal errors ------------------------------------------------------------------------

  /** Raised inside an operation: the interpreter turns it into a call to `via` → gopanic. */
  runtimeErrorPanic(errType: string, text: string, via = 'runtime.panicwrap'): never {
    throw new RuntimePanic(errType, text, via);
  }

  /** A boxed runtime error value: [type word, data pointer]. */
  newRuntimeError(errType: string, text: string): [number, number] {
    const s = this.space;
    const bytes = new TextEncoder().encode(text);
    const p = this.allocBytes(bytes.length);
    s.u8.set(bytes, p);
    const obj = this.heap.alloc(16, this.typeId(errType));
    s.store64(obj, p);
    s.store64(obj + 8, bytes.length);
    return [this.typeId(errType) + 1, obj];
  }

  /** printpanics: oldest first, each later one indented by a tab; Goexit records print nothing. */
  printpanics(p: number): void {
    const s = this.space;
    const link = s.load64(p + Panic.link);
    if (link !== 0) {
      this.printpanics(link);
      if (!s.load8(link + Panic.goexit)) this.print('\t');
    }
    if (s.load8(p + Panic.goexit)) return;
    const t = s.load64(p + Panic.argType) - 1;
    let v: string;
    try {
      v = panicValue(s, this.prog.types, t, s.load64(p + Panic.argData));
    } catch {
      v = '?';
    }
    this.print(`panic: ${v}${s.load8(p + Panic.recovered) ? ' [recovered]' : ''}\n`);
  }

  /** An unrecovered panic: print it and the goroutine's traceback, exit 2. */
  fatalpanic(g: G): never {
    preprintpanics(this, g); // preprint.ts: error and Stringer values first become their Error()/String()
    try {
      this.printpanics(g._panic);
    } catch {
      this.print('panic: ?\n');
    }
    if (g.sig !== 0) this.print(signalLine(g.sigcode0, g.sigcode1, g.sigpc));
    this.printGoroutine(g, 'running', false);
    throw new ProgramExit(2);
  }

  /**
   * A Go throw: "fatal error: msg", the signal line if any, then the tracebacks (Go's dopanic_m): a throw on the
   * system stack heads them "runtime stack:"; every goroutine is shown, the one that was running first; a
   * runtime throw shows runtime frames too. Exit 2.
   */
  fatalThrow(e: GoThrow, g: G | null, sigLine?: string): ProgramExit {
    this.print(`fatal error: ${e.msg}\n`);
    if (sigLine) this.print(sigLine);
    if (this.allgs.length === 0) return new ProgramExit(2);
    if (e.header === 'runtime' && g) this.print('\nruntime stack:\n'); // the system stack's frames: not modelled
    const all = e.kind === 'runtime';
    const cur = g && (g.status === GStatus.Running || g.status === GStatus.Copystack) ? g : null;
    if (cur) this.printGoroutine(cur, cur.status === GStatus.Copystack ? 'copystack' : 'running', all);
    for (const x of this.allgs) if (x !== cur && !this.isSystemGoroutine(x)) this.printGoroutine(x, x.waitreason || 'runnable', all);
    return new ProgramExit(2);
  }

  /** "goroutine N [status]:", its frames and "created by"; `all`: Go's level 2 (runtime frames, fp/sp/pc). */
  printGoroutine(g: G, status: string, all: boolean): void {
    this.print(`\ngoroutine ${g.goid} [${status}]:\n`);
    try {
      this.print(printTraceback(this, this.traceback, g, { all, parked: g.status === GStatus.Waiting }));
      this.print(printCreatedBy(this, g.gopc));
    } catch (e) {
      this.print(`...traceback stopped: ${e instanceof GoThrow ? e.msg : e instanceof MemoryFault ? faultText(this.siginfo(e.addr)) : String(e)}\n`);
    }
  }

  /** The address space cannot hold a heap span or stack: Go's mheap.grow report, then the "out of memory" throw. */
  outOfMemory(e: OutOfMemoryError): ProgramExit {
    this.print(goOutOfMemory(e));
    return this.fatalThrow(new GoThrow('out of memory', 'goroutine'), this.cur);
  }

  /** The siginfo of a fault at addr (faulted stacks are the inaccessible pages). */
  siginfo(addr: number): FaultSiginfo {
    return faultSiginfo(addr, (a) => this.stacks.isFaultedStack(a));
  }

  /**
   * A fault at an address that is not nil, in user code or in runtime code on the goroutine's stack (Go's
   * sigpanic: "unexpected fault address", throw).
   */
  faultThrow(g: G | null, addr: number, pc: number): ProgramExit {
    const si = this.siginfo(addr);
    this.print(`unexpected fault address ${hex(si.addr)}\n`);
    return this.fatalThrow(new GoThrow('fault', 'goroutine'), g, signalLine(si.code, si.addr, pc));
  }

  /** A fault while the runtime works on the system stack (copystack, traceback, the GC). */
  runtimeFault(g: G | null, addr: number, pc: number): ProgramExit {
    const si = this.siginfo(addr);
    return this.fatalThrow(new GoThrow('unexpected signal during runtime execution'), g, signalLine(si.code, si.addr, pc));
  }

  /**
   * The next batch of safe points, counted down by `budget`: it ends at the quantum's end, at the step limit and at
   * the next index the hook asked for (hookNext); every safe point goes through the slow path when stress modes
   * or a hook without safePointHookNext need them all.
   */
  resetBudget(): void {
    const o = this.opts;
    const exact = !!(o.copyStackEvery || o.gcEvery || (o.safePointHook && !o.safePointHookNext));
    let batch = Math.min(this.quantum - this.sinceSwitch, this.maxSteps - this.steps + 1);
    if (o.safePointHook && o.safePointHookNext) {
      if (this.hookNext <= this.steps) this.hookNext = o.safePointHookNext(this.steps);
      batch = Math.min(batch, this.hookNext - this.steps);
    }
    this.chunk = exact ? 1 : Math.max(1, batch);
    this.budget = this.chunk;
  }

  /** Safe points executed so far, exactly: the batches ended plus what the current one used (the one past the limit is not run). */
  stepsDone(): number {
    return Math.min(this.steps + this.chunk - this.budget, this.maxSteps);
  }

  /** runtime.main returned, or exit: the program ends now. */
  exit(code: number): never {
    throw new ProgramExit(code);
  }

  /** The instruction belongs to user code (not a runtime.* function). */
  isUserCode(ip: number): boolean {
    return !(this.prog.findfunc(pcOf(ip))?.name.startsWith('runtime.') ?? true);
  }

  checkSteps(): void {
    if (this.steps > this.maxSteps) throw new LimitExceeded('steps', `gosim: step limit reached (${this.maxSteps} safe points)`);
  }

  /** Records the signal state of a fault that becomes a panic. */
  setSig(g: G, addr: number, pc: number): void {
    const si = this.siginfo(addr);
    g.sig = SIGSEGV;
    g.sigcode0 = si.code;
    g.sigcode1 = si.addr;
    g.sigpc = pc;
  }

  /** The text of a string header (for tests and tools). */
  stringAt(addr: number): string {
    return stringAt(this.space, addr);
  }

}
