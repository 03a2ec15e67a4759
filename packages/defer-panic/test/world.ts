// A bare machine for the defer and panic machinery: an address space, a heap with the _defer header
// type, a linked program (a few user functions plus the runtime functions of the policy), its data
// segment mapped into memory (so static funcvals exist), a stack allocator and a goroutine.

import { funcvalFunc } from '../src/index.js';
import { AddressSpace, Heap, typeDesc } from '@gosim/memory';
import { link, Module, Op, TextBase, type FuncInfo, type Program } from '@gosim/program';
import { G, GoThrow, setStack, StackAllocator } from '@gosim/stack';
import {
  addDeferRuntime, DeferPool, runtimeFuncIds,
  type DeferPanicContext, type DeferPanicEvent, type DeferPanicPolicy,
} from '../src/index.js';

export interface World {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly prog: Program;
  readonly stacks: StackAllocator;
  readonly ctx: DeferPanicContext;
  readonly events: DeferPanicEvent[];
  readonly printed: string[];
  readonly pol: DeferPanicPolicy;
  /** Address of the static funcval of a function, by name. */
  fv(name: string): number;
  fn(name: string): FuncInfo;
  /** A goroutine with a fresh stack of n bytes and sp at hi - 1024. */
  newG(n?: number): G;
}

/**
 * User functions: main.main; main.deferred(p *int, n int); main.big(b [4096]byte, p *int, x int)
 * (a 4112-byte argument block, as DeferPtrsGoexit's setBig); main.noargs(); main.mid() (calls with 24 bytes out).
 */
export function makeWorld(pol: DeferPanicPolicy): World {
  const m = new Module();
  const body = (name: string, spec: Parameters<Module['func']>[1]) => {
    const f = m.func(name, spec);
    f.emit(Op.NOP).emit(Op.NOP).emit(Op.RET).end();
    m.funcval(name);
  };
  body('main.main', { locals: [{ name: 'x', size: 8 }], outgoing: 4112 });
  body('main.deferred', { args: [{ name: 'p', size: 8, ptr: true }, { name: 'n', size: 8 }] });
  body('main.big', { args: [{ name: 'b', size: 4096 }, { name: 'p', size: 8, ptr: true }, { name: 'x', size: 8 }] });
  body('main.noargs', {});
  body('main.mid', { outgoing: 24 }); // a frame between main.main and gopanic, with no defers
  addDeferRuntime(m, pol);
  const prog = link(m);

  const space = new AddressSpace({ maxBytes: TextBase });
  const heap = new Heap(space);
  const deferHeaderType = heap.registerType(typeDesc('runtime._defer', pol.layout.header, [...pol.layout.ptrWords]));
  const stacks = new StackAllocator(space);
  const dataBase = space.mapRegion(Math.max(prog.data.length, 8));
  space.u8.set(prog.data, dataBase);

  const events: DeferPanicEvent[] = [];
  const printed: string[] = [];
  const ids = runtimeFuncIds(prog);
  const ctx: DeferPanicContext = {
    space,
    heap,
    prog,
    events: { on: true, emit: (e) => events.push(e) },
    deferLayout: pol.layout,
    deferPool: new DeferPool(),
    deferHeaderType,
    runtimeFuncs: ids,
    funcvalAddr: (id) => dataBase + prog.funcvalOffset[id]!,
    funcOf: (fv: number) => funcvalFunc(space, prog, fv),
    print: (s) => void printed.push(s),
    fatalpanic: () => {
      throw new GoThrow('fatalpanic called');
    },
    goexit1: () => {},
  };
  let nextGoid = 1;
  return {
    space, heap, prog, stacks, ctx, events, printed, pol,
    fv: (name) => ctx.funcvalAddr(prog.func(name)!.id),
    fn: (name) => prog.func(name)!,
    newG(n = 8192) {
      const g = new G(nextGoid++);
      setStack(g, stacks.stackalloc(n), n);
      g.sp = g.hi - 1024;
      return g;
    },
  };
}

/** Writes words into memory from addr on. */
export function storeWords(space: AddressSpace, addr: number, words: readonly number[]): void {
  words.forEach((w, i) => space.store64(addr + 8 * i, w));
}

export function loadWords(space: AddressSpace, addr: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => space.load64(addr + 8 * i));
}
