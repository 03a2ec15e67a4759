// What the defer and panic machinery needs from the machine it runs on. The runtime implements it;
// tests can implement it on a bare heap.

import type { AddressSpace, Heap } from '@gosim/memory';
import type { Program, FuncInfo } from '@gosim/program';
import type { EventSink, G } from '@gosim/stack';
import type { DeferPanicEvent } from './events.js';
import type { DeferLayout } from './layout.js';
import type { DeferPool } from './pool.js';

export interface DeferPanicContext {
  readonly space: AddressSpace;
  readonly heap: Heap;
  readonly prog: Program;
  readonly events: EventSink<DeferPanicEvent>;
  /** The record layout in force (chosen by the deferpanic policy). */
  readonly deferLayout: DeferLayout;
  /** The per-P pool of free records. */
  readonly deferPool: DeferPool;
  /** Heap type id of the new policy's typed _defer header. */
  readonly deferHeaderType: number;
  /** Function ids of the runtime functions gopanic and Goexit call. */
  readonly runtimeFuncs: RuntimeFuncIds;
  /** Address of the static funcval of a function (runtime.abortpanic, callNN). */
  funcvalAddr(funcId: number): number;
  /** The function a funcval calls; throws a fault for a nil or bad funcval. */
  funcOf(fv: number): FuncInfo;
  /** Writes to the program's stderr. */
  print(s: string): void;
  /** Ends the program for an unrecovered panic: prints the panics, the traceback, exits 2. */
  fatalpanic(g: G): never;
  /** Ends the goroutine (goexit1). */
  goexit1(g: G): void;
}

export interface RuntimeFuncIds {
  readonly abortpanic: number;
  /** callNN function ids by log2(NN), from call16 (4) up. */
  readonly calls: readonly number[];
}
