// A linked function: where its code is, its frame layout and its pointer maps.
//
// Frame layout (stacks grow down; Go's stack ABI of 2014):
//   argp = fp ->  [arguments and results: argSize bytes]   (in the caller's outgoing area)
//                 [return PC: 8 bytes]                      at fp - 8
//                 [locals: frameSize bytes]                 the outgoing area for calls at the bottom
//   sp        ->
// so fp = sp + frameSize + 8, and an argument at offset o is the frame slot frameSize + 8 + o.
// At the function's entry PC the frame is not yet allocated (Go's pcsp delta 0): sp points at the return PC.

import type { OpenDeferInfo } from './isa/defer.js';

export interface FuncInfo {
  readonly id: number;
  /** Go's name: "main.main", "main.main.func1", "runtime.gopanic". */
  readonly name: string;
  /** Instruction indexes [entryIndex, endIndex) and the matching PCs. */
  readonly entryIndex: number;
  readonly endIndex: number;
  readonly entry: number;
  readonly end: number;
  /** Bytes of arguments + results, a multiple of 8. */
  readonly argSize: number;
  /** Bytes of locals including the outgoing argument area, a multiple of 8; excludes the return PC. */
  readonly frameSize: number;
  /** One bit per word of the argument block / the locals (word 0 = lowest address). */
  readonly argPtrs: Uint8Array;
  readonly localPtrs: Uint8Array;
  /** Byte offsets (from sp) of the pointer words of the locals: the prologue zeroes them. */
  readonly zeroWords: Int32Array;
  /** How tracebacks print the parameters: Go's ArgInfo byte stream (arginfo.ts); empty without parameters. */
  readonly argInfo: Uint8Array;
  /** No stack check in the prologue (small runtime leaves). */
  readonly nosplit: boolean;
  /** Source file for tracebacks. */
  readonly file: string;
  /** Go's funcInfo.deferreturn: PC offset from entry of the function's DEFERRETURN, 0 without one. */
  readonly deferreturn: number;
  /** Go 1.14's FUNCDATA_OpenCodedDeferInfo (isa/defer.ts), for a function with open-coded defers. */
  readonly openDefer?: OpenDeferInfo;
}

/** Slot offset (from sp) of the argument byte offset `off` of a function with this frame size. */
export const argSlot = (frameSize: number, off: number): number => frameSize + 8 + off;
