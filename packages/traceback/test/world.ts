// A bare machine for traceback: memory, a linked program, and goroutine stacks built by hand (return
// PC words and frame sizes exactly as the calling convention lays them out).

import { DeferNew, DeferOld, type DeferLayout } from '@gosim/defer-panic';
import { AddressSpace, Heap } from '@gosim/memory';
import { link, Module, Op, TextBase, type FrameSpec, type FuncInfo, type Program } from '@gosim/program';
import { G, setStack, StackAllocator, layFrames } from '@gosim/stack';
import type { TracebackContext, TracebackEvent } from '../src/index.js';

/** Every function has 8 instructions (NOPs, then RET), so PCs entry + 4*k, k = 0..7, are inside it. */
export const FuncLen = 8;

const funcs: Record<string, FrameSpec> = {
  'main.main': { locals: [{ name: 'buf', size: 512 }, { name: 'p', size: 8, ptr: true }], outgoing: 24 },
  'main.f': { args: [{ name: 'a', size: 8 }, { name: 'p', size: 8, ptr: true }], locals: [{ name: 'q', size: 8, ptr: true }, { name: 'n', size: 8 }], outgoing: 24 },
  'main.g': { args: [{ name: 'x', size: 8 }, { name: 'y', size: 8 }, { name: 'z', size: 8 }], locals: [{ name: 'l', size: 8 }], outgoing: 24 },
  'main.y': { locals: [{ name: 'l', size: 8, ptr: true }], outgoing: 24 },
  'main.a': { locals: [{ name: 'l', size: 64 }], outgoing: 24 },
  'main.z': { locals: [{ name: 'l', size: 8 }], outgoing: 24 },
  'main.deferred': { args: [{ name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }, { name: 'q', size: 8, ptr: true }] },
  'runtime.gopanic': { args: [{ name: 'e', size: 16, ptr: [1] }], locals: [{ name: 'l', size: 8 }], outgoing: 24, file: '$GOROOT/src/runtime/panic.go' },
  'runtime.sigpanic': { outgoing: 16, file: '$GOROOT/src/runtime/signal_unix.go' },
  'runtime.goexit': { file: '$GOROOT/src/runtime/asm_amd64.s' },
  'runtime.main': { outgoing: 16, file: '$GOROOT/src/runtime/proc.go' },
  'runtime.Goexit': { locals: [{ name: 'l', size: 8 }], outgoing: 24, file: '$GOROOT/src/runtime/panic.go' },
};

export interface World {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly prog: Program;
  readonly stacks: StackAllocator;
  readonly ctx: TracebackContext;
  readonly events: TracebackEvent[];
  readonly printed: string[];
  fn(name: string): FuncInfo;
  /** A static funcval of a function (in the heap). */
  fv(name: string): number;
}

export function makeWorld(layout: DeferLayout = DeferNew): World {
  const m = new Module();
  for (const [name, spec] of Object.entries(funcs)) {
    const f = m.func(name, { file: '/tmp/x.go', ...spec });
    for (let i = 0; i < FuncLen - 1; i++) {
      f.line = 10 + i;
      f.emit(Op.NOP);
    }
    f.emit(Op.RET).end();
  }
  const prog = link(m);
  const space = new AddressSpace({ maxBytes: TextBase });
  const heap = new Heap(space);
  const stacks = new StackAllocator(space);
  const events: TracebackEvent[] = [];
  const printed: string[] = [];
  const ctx: TracebackContext = {
    space,
    prog,
    deferLayout: layout,
    goexitId: prog.func('runtime.goexit')!.id,
    sigpanicId: prog.func('runtime.sigpanic')!.id,
    events: { on: true, emit: (e) => events.push(e) },
    print: (s) => void printed.push(s),
  };
  const fvs = new Map<string, number>();
  return {
    space, heap, prog, stacks, ctx, events, printed,
    fn: (name) => prog.func(name)!,
    fv(name) {
      let a = fvs.get(name);
      if (a === undefined) {
        a = heap.alloc(8, -1);
        space.store64(a, prog.func(name)!.entry);
        fvs.set(name, a);
      }
      return a;
    },
  };
}

export const layouts = [
  ['old', DeferOld],
  ['new', DeferNew],
] as const;

export interface FrameSpecAt {
  readonly name: string;
  /** Instruction index of the frame's pc: the return PC for callers (just after their CALL), else where it is. */
  readonly at: number;
}

export interface BuiltFrame {
  readonly name: string;
  readonly fn: FuncInfo;
  readonly pc: number;
  readonly sp: number;
  readonly fp: number;
  readonly lr: number;
}

/**
 * Lays frames (outermost first) on a fresh stack of n bytes: the outermost frame's arguments at the top,
 * its return PC into runtime.goexit below them; each callee's arguments in its caller's outgoing area
 * (at the caller's sp), its return PC just below, then its frame. Returns a G positioned at the
 * innermost frame and the frames innermost first.
 */
export function buildStack(w: World, frames: readonly FrameSpecAt[], opts: { n?: number; atEntry?: boolean; goid?: number } = {}) {
  const n = opts.n ?? 8192;
  const g = new G(opts.goid ?? 1);
  setStack(g, w.stacks.stackalloc(n), n);
  const laid = layFrames(w.space, g, w.fn('runtime.goexit').entry + 4, frames.map((f) => ({ fn: w.fn(f.name), at: f.at })), !!opts.atEntry);
  const built: BuiltFrame[] = laid.map((f, i) => ({ name: frames[i]!.name, ...f })).reverse();
  return { g, frames: built };
}

/** A snapshot of a Stkframe (the walk reuses one object). */
export function snap(f: { fn: FuncInfo | undefined; pc: number; continpc: number; lr: number; sp: number; fp: number; localsSize: number; argp: number; arglen: number }) {
  return { fn: f.fn?.name, pc: f.pc, continpc: f.continpc, lr: f.lr, sp: f.sp, fp: f.fp, localsSize: f.localsSize, argp: f.argp, arglen: f.arglen };
}
