// The deferpanic piece of a policy: how records are allocated and how gopanic and Goexit walk them.
// Each step runs as an intrinsic inside the runtime function's own frame (sp = that frame's sp).

import type { Codegen } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { DeferPanicContext } from './context.js';
import type { DeferLayout } from './layout.js';

export interface DeferPanicPolicy {
  readonly piece: 'deferpanic';
  /** Any name: the mechanism never branches on it (it only labels output). */
  readonly name: string;
  readonly layout: DeferLayout;
  /**
   * What the compiler must emit for programs run under this piece (absent: every defer through DEFERPROC). The
   * tools compile a program per codegen; the runtime refuses a program compiled for another.
   */
  readonly codegen?: Codegen;
  /** Allocates a record of `bytes` bytes (header + arguments). */
  allocDefer(ctx: DeferPanicContext, bytes: number): number;
  /** Pointer words of gopanic's locals (beyond the shared ones). */
  readonly panicFramePtrWords: readonly number[];
  /** gopanic entry: initialise the frame's records. */
  panicStart(ctx: DeferPanicContext, g: G, sp: number): void;
  /** Picks the next deferred call and sets up reflectcall's arguments; false when none is left. */
  panicNext(ctx: DeferPanicContext, g: G, sp: number): boolean;
  /** After the deferred call returned; true when it recovered (g now resumes in the deferring frame). */
  panicReturned(ctx: DeferPanicContext, g: G, sp: number): boolean;
  /** Optional: Goexit's entry, after its _panic record is pushed (go1.14 scans the stack for open-coded defers). */
  goexitStart?(ctx: DeferPanicContext, g: G, sp: number): void;
  goexitNext(ctx: DeferPanicContext, g: G, sp: number): boolean;
  goexitReturned(ctx: DeferPanicContext, g: G, sp: number): void;
  /**
   * Optional: reflectcall (callNN's first instruction, after its prologue) has copied the arguments of record d
   * into its frame, so the record's argument block is no longer needed for the call.
   */
  deferCallEntered?(ctx: DeferPanicContext, g: G, d: number): void;
}
