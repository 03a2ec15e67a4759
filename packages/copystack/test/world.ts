// A bare machine for stack copying: memory, a heap, a linked program (user functions plus the runtime
// functions of a deferpanic policy: gopanic, Goexit, callNN), the data segment mapped (static funcvals),
// a stack allocator, and goroutine stacks built by hand.

import { funcvalFunc } from '@gosim/defer-panic';
import { addDeferRuntime, DeferPool, runtimeFuncIds, deferpanicNew, deferpanicOld, type DeferPanicContext, type DeferPanicEvent, type DeferPanicPolicy } from '@gosim/defer-panic';
import { AddressSpace, Heap, typeDesc } from '@gosim/memory';
import { link, Module, Op, TextBase, type FrameSpec, type FuncInfo, type FunctionBuilder, type Program } from '@gosim/program';
import { G, GoThrow, MaxStackDefault, setStack, StackAllocator, layFrames } from '@gosim/stack';
import { tracebackNew, tracebackOld, type TracebackEvent } from '@gosim/traceback';
import { copystackNew, copystackOld, type CopystackContext, type CopystackEvent, type CopystackPolicy } from '../src/index.js';

const user: Record<string, FrameSpec> = {
  // x: an int; p: a pointer; s: a uintptr (scalar); h: a pointer to the heap; buf: scalar room
  'main.main': {
    locals: [{ name: 'x', size: 8 }, { name: 'p', size: 8, ptr: true }, { name: 's', size: 8 }, { name: 'h', size: 8, ptr: true }, { name: 'buf', size: 128 }],
    outgoing: 4112,
  },
  'main.f': { args: [{ name: 'a', size: 8 }, { name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }], locals: [{ name: 'q', size: 8, ptr: true }, { name: 'r', size: 8 }], outgoing: 24 },
  'main.g': { args: [{ name: 'p', size: 8, ptr: true }], locals: [{ name: 'q', size: 8, ptr: true }, { name: 't', size: 8 }], outgoing: 24 },
  'main.deferred': { args: [{ name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }], outgoing: 24 },
  'main.setBig': { args: [{ name: 'b', size: 4096 }, { name: 'p', size: 8, ptr: true }, { name: 'x', size: 8 }] },
  'main.d1': { locals: [{ name: 'l', size: 8 }], outgoing: 24 },
  'main.d2': { locals: [{ name: 'l', size: 8 }], outgoing: 24 },
  'runtime.sigpanic': { outgoing: 16 },
  'runtime.goexit': { nosplit: true },
};

export interface Pieces {
  deferpanic: DeferPanicPolicy;
  copystack: CopystackPolicy;
  traceback: typeof tracebackOld;
}

export const oldPieces: Pieces = { deferpanic: deferpanicOld, copystack: copystackOld, traceback: tracebackOld };
export const newPieces: Pieces = { deferpanic: deferpanicNew, copystack: copystackNew, traceback: tracebackNew };

export interface WorldOpts {
  stackPoisonCopy?: boolean;
  faultOnFree?: boolean;
  maxStack?: number;
  stackMin?: number;
}

export type Ctx = CopystackContext & DeferPanicContext;
export type Event = CopystackEvent | TracebackEvent | DeferPanicEvent;

export interface World {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly prog: Program;
  readonly stacks: StackAllocator;
  readonly ctx: Ctx;
  readonly events: Event[];
  readonly printed: string[];
  readonly pieces: Pieces;
  /** Called on every event as it is emitted (to look at memory at that moment). */
  hook: ((e: Event) => void) | undefined;
  fn(name: string): FuncInfo;
  /** Static funcval address (in the data segment). */
  fv(name: string): number;
  /** Frame-slot offset (from sp) of a named slot of a user function. */
  slot(fn: string, name: string): number;
}

export function makeWorld(pieces: Pieces = newPieces, opts: WorldOpts = {}): World {
  const m = new Module();
  const builders = new Map<string, FunctionBuilder>();
  for (const [name, spec] of Object.entries(user)) {
    const f = m.func(name, { file: '/tmp/x.go', ...spec });
    for (let i = 0; i < 7; i++) f.emit(Op.NOP);
    f.emit(Op.RET).end();
    m.funcval(name);
    builders.set(name, f);
  }
  addDeferRuntime(m, pieces.deferpanic);
  const prog = link(m);
  const space = new AddressSpace({ maxBytes: TextBase });
  const heap = new Heap(space);
  const l = pieces.deferpanic.layout;
  const deferHeaderType = heap.registerType(typeDesc('runtime._defer', l.header, [...l.ptrWords]));
  const stacks = new StackAllocator(space, { faultOnFree: opts.faultOnFree, stackMin: opts.stackMin });
  const dataBase = space.mapRegion(Math.max(prog.data.length, 8));
  space.u8.set(prog.data, dataBase);
  const events: Event[] = [];
  const printed: string[] = [];
  const ctx: Ctx = {
    space,
    heap,
    prog,
    stacks,
    deferLayout: l,
    deferPool: new DeferPool(),
    deferHeaderType,
    runtimeFuncs: runtimeFuncIds(prog),
    goexitId: prog.func('runtime.goexit')!.id,
    sigpanicId: prog.func('runtime.sigpanic')!.id,
    events: { on: true, emit: (e: Event) => {
        events.push(e);
        world.hook?.(e);
      } },
    traceback: pieces.traceback,
    copystack: pieces.copystack,
    stackPoisonCopy: opts.stackPoisonCopy ?? false,
    maxStack: opts.maxStack ?? MaxStackDefault,
    print: (s: string) => void printed.push(s),
    funcvalAddr: (id: number) => dataBase + prog.funcvalOffset[id]!,
    funcOf: (fv: number) => funcvalFunc(space, prog, fv),
    fatalpanic: () => {
      throw new GoThrow('fatalpanic');
    },
    goexit1: () => {},
  };
  const world: World = {
    space, heap, prog, stacks, ctx, events, printed, pieces, hook: undefined,
    fn: (name) => prog.func(name)!,
    fv: (name) => ctx.funcvalAddr(prog.func(name)!.id),
    slot: (fn, name) => builders.get(fn)!.slot(name),
  };
  return world;
}

export interface FrameAt {
  readonly name: string;
  /** Instruction index of the frame's pc (the return PC for callers). */
  readonly at: number;
}

/**
 * Lays frames (outermost first) on a fresh stack of n bytes, as the calling convention does; the
 * outermost returns into runtime.goexit. Returns the goroutine (at the innermost frame) and each
 * frame's sp by name (the last frame of a name wins).
 */
export function buildStack(w: World, frames: readonly FrameAt[], opts: { n?: number; atEntry?: boolean } = {}) {
  const n = opts.n ?? 8192;
  const g = new G(1);
  setStack(g, w.stacks.stackalloc(n), n);
  const laid = layFrames(w.space, g, w.fn('runtime.goexit').entry + 4, frames.map((f) => ({ fn: w.fn(f.name), at: f.at })), !!opts.atEntry);
  return { g, sps: laid.map((f) => f.sp) };
}

/** Every byte of [addr, addr+n) equals b. */
export function allBytes(space: AddressSpace, addr: number, n: number, b: number): boolean {
  for (let i = 0; i < n; i++) if (space.u8[addr + i] !== b) return false;
  return true;
}
