// What traceback needs: memory, the function table and the defer record layout.

import type { AddressSpace } from '@gosim/memory';
import type { Program } from '@gosim/program';
import type { DeferLayout } from '@gosim/defer-panic';
import type { EventSink } from '@gosim/stack';
import type { TracebackEvent } from './events.js';

export interface TracebackContext {
  readonly space: AddressSpace;
  readonly prog: Program;
  readonly deferLayout: DeferLayout;
  /** Function ids that end a walk (runtime.goexit) and mark a faulting callee (runtime.sigpanic). */
  readonly goexitId: number;
  readonly sigpanicId: number;
  readonly events: EventSink<TracebackEvent>;
  print(s: string): void;
}

/** Where a walk starts: a goroutine's saved registers and its defer/panic list heads. */
export interface WalkStart {
  readonly pc: number;
  readonly sp: number;
  /** The top frame is at its entry (not yet allocated). */
  readonly atEntry: boolean;
  readonly _defer: number;
  readonly _panic: number;
  /** The goroutine and its stack bounds (for events). */
  readonly goid: number;
  readonly lo: number;
  readonly hi: number;
}
