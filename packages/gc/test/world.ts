// A bare machine for the collector: memory, a heap with a few types, a linked program (user functions,
// one global, and the runtime functions of a deferpanic policy), its data segment mapped, a stack
// allocator and goroutine stacks built by hand.

import { funcvalFunc } from '@gosim/defer-panic';
import {
  addDeferRuntime, DeferPool, deferpanicNew, deferpanicOld, runtimeFuncIds,
  type DeferPanicContext, type DeferPanicEvent, type DeferPanicPolicy,
} from '@gosim/defer-panic';
import { AddressSpace, Heap, typeDesc } from '@gosim/memory';
import { link, Module, Op, TextBase, type FrameSpec, type FuncInfo, type FunctionBuilder, type Program } from '@gosim/program';
import { G, GoThrow, setStack, StackAllocator, Sudog, layFrames } from '@gosim/stack';
import { tracebackNew, tracebackOld, type TracebackEvent, type TracebackPolicy } from '@gosim/traceback';
import { gcNew, gcOld, type GCContext, type GCEvent, type GCPolicy } from '../src/index.js';

const user: Record<string, FrameSpec> = {
  // p: a pointer; s: a uintptr (scalar)
  'main.main': { locals: [{ name: 'p', size: 8, ptr: true }, { name: 's', size: 8 }, { name: 'buf', size: 64 }], outgoing: 24 },
  'main.f': { args: [{ name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }], locals: [{ name: 'q', size: 8, ptr: true }, { name: 'r', size: 8 }], outgoing: 24 },
  'main.deferred': { args: [{ name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }] },
  'runtime.sigpanic': { outgoing: 16 },
  'runtime.goexit': { nosplit: true },
};

export interface Pieces {
  deferpanic: DeferPanicPolicy;
  traceback: TracebackPolicy;
  gc: GCPolicy;
}

export const pieceSets = {
  old: { deferpanic: deferpanicOld, traceback: tracebackOld, gc: gcOld },
  new: { deferpanic: deferpanicNew, traceback: tracebackNew, gc: gcNew },
  /** The mixture of docs/design.md §5's GC bug: new gc, old deferpanic (records untyped, off the list while running). */
  newGcOldDefer: { deferpanic: deferpanicOld, traceback: tracebackNew, gc: gcNew },
} as const;

export type Event = GCEvent | TracebackEvent | DeferPanicEvent;
export type Ctx = GCContext & DeferPanicContext & { allgs: G[]; extraRoots: number[] };

export interface World {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly prog: Program;
  readonly stacks: StackAllocator;
  readonly ctx: Ctx;
  readonly events: Event[];
  /** Heap types: node {ptr, int, int}, int, sudog. */
  readonly types: { node: number; int: number; sudog: number };
  /** The global: word 0 a pointer, word 1 a scalar. */
  readonly global: number;
  fn(name: string): FuncInfo;
  fv(name: string): number;
  slot(fn: string, name: string): number;
  /** An 8-byte int object holding v. */
  int(v?: number): number;
  alive(obj: number): boolean;
}

export function makeWorld(pieces: Pieces, opts: { clobberFree?: boolean } = {}): World {
  const m = new Module();
  const builders = new Map<string, FunctionBuilder>();
  for (const [name, spec] of Object.entries(user)) {
    const f = m.func(name, { file: '/tmp/x.go', ...spec });
    for (let i = 0; i < 7; i++) f.emit(Op.NOP);
    f.emit(Op.RET).end();
    m.funcval(name);
    builders.set(name, f);
  }
  const globalOff = m.global(16, [0]);
  addDeferRuntime(m, pieces.deferpanic);
  const prog = link(m);
  const space = new AddressSpace({ maxBytes: TextBase });
  const heap = new Heap(space, { clobberFree: opts.clobberFree ?? false });
  const types = {
    node: heap.registerType(typeDesc('main.node', 24, [0])),
    int: heap.registerType(typeDesc('int', 8, [])),
    sudog: heap.registerType(typeDesc('runtime.sudog', Sudog.size, [...Sudog.ptrWords])),
  };
  const l = pieces.deferpanic.layout;
  const deferHeaderType = heap.registerType(typeDesc('runtime._defer', l.header, [...l.ptrWords]));
  const stacks = new StackAllocator(space);
  const dataBase = space.mapRegion(Math.max(prog.data.length, 8));
  space.u8.set(prog.data, dataBase);
  const events: Event[] = [];
  const ctx: Ctx = {
    space,
    heap,
    prog,
    deferLayout: l,
    deferPool: new DeferPool(),
    deferHeaderType,
    runtimeFuncs: runtimeFuncIds(prog),
    goexitId: prog.func('runtime.goexit')!.id,
    sigpanicId: prog.func('runtime.sigpanic')!.id,
    events: { on: true, emit: (e: Event) => void events.push(e) },
    traceback: pieces.traceback,
    gc: pieces.gc,
    allgs: [],
    extraRoots: [],
    dataBase,
    dataPtrWords: prog.dataPtrWords,
    print: () => {},
    funcvalAddr: (id: number) => dataBase + prog.funcvalOffset[id]!,
    funcOf: (fv: number) => funcvalFunc(space, prog, fv),
    fatalpanic: () => {
      throw new GoThrow('fatalpanic');
    },
    goexit1: () => {},
  };
  return {
    space, heap, prog, stacks, ctx, events, types,
    global: dataBase + globalOff,
    fn: (name) => prog.func(name)!,
    fv: (name) => ctx.funcvalAddr(prog.func(name)!.id),
    slot: (fn, name) => builders.get(fn)!.slot(name),
    int(v = 0) {
      const o = heap.alloc(8, types.int);
      space.store64(o, v);
      return o;
    },
    alive: (obj) => heap.findObject(obj) === obj,
  };
}

export interface FrameAt {
  readonly name: string;
  readonly at: number;
}

/** Lays frames (outermost first) on a fresh stack, as the calling convention does; adds the G to allgs. */
export function buildStack(w: World, frames: readonly FrameAt[], opts: { atEntry?: boolean; goid?: number } = {}) {
  const n = 8192;
  const g = new G(opts.goid ?? 1);
  setStack(g, w.stacks.stackalloc(n), n);
  const laid = layFrames(w.space, g, w.fn('runtime.goexit').entry + 4, frames.map((f) => ({ fn: w.fn(f.name), at: f.at })), !!opts.atEntry);
  w.ctx.allgs.push(g);
  return { g, sps: laid.map((f) => f.sp) };
}
