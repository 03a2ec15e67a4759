// The instruction set of gosim's program IR.
//
// Code is data: every instruction is four int32s [op, a, b, c] in one Int32Array shared by the whole program.
// Instruction i lives at code[4i .. 4i+3]; its PC is TextBase + 4*i, so PCs look like byte addresses and a
// return PC minus one falls inside the CALL that pushed it (Go's tracepc rule).
//
// Operand kinds, by letter in the comments below:
//   S  a frame slot: a byte offset from the goroutine's sp (locals at [0, framesize), the return PC at
//      framesize, arguments at framesize + 8 + offset). Operands never hold absolute stack addresses,
//      so code stays valid when the stack moves.
//   I  an immediate int32.
//   K  an index into the program's constant table (int64 values that do not fit an int32).
//   T  a jump target: an absolute instruction index, fixed when the program is linked.
//   F  a function id.
//   Y  a type id (index into the program's type table).
//   D  a byte offset into the program's data segment (globals, string bytes, static funcvals).
// Words are 8 bytes (int64); "1" variants move single bytes (bool, byte). Booleans are bytes 0/1.
//
// Opcodes 0-99 are below; each language area declares its own from 100 up in isa/*.ts (one file per area,
// disjoint number ranges); the runtime runs those through its extension table (runtime/src/ext-ops.ts).

import { FloatOp, floatShapes } from './isa/float.js';
import { IfaceOp, ifaceShapes } from './isa/iface.js';
import { MapOp, mapShapes } from './isa/map.js';
import { DeferOp, deferShapes } from './isa/defer.js';
import { MiscOp, miscShapes } from './isa/misc.js';
import { SliceOp, sliceShapes } from './isa/slice.js';
import { RtapiOp, rtapiShapes } from './isa/rtapi.js';

export const Op = {
  NOP: 0,
  // ---- data movement
  MOV: 1, //        S dst, S src            word copy
  MOV1: 2, //       S dst, S src            byte copy
  MOVN: 3, //       S dst, S src, I n       n-byte copy within the frame
  ZERO: 4, //       S dst, I n              zero n bytes of the frame
  IMM: 5, //        S dst, I v              word = sign-extended v
  IMM1: 6, //       S dst, I v              byte = v
  CONST: 7, //      S dst, K k              word = consts[k]
  LEA: 8, //        S dst, S slot           word = sp + slot (address of a frame slot)
  DATA: 9, //       S dst, D off            word = dataBase + off
  FUNCVAL: 10, //   S dst, F f              word = address of f's static funcval {entry PC}
  LOAD: 11, //      S dst, S ptr, I off     word = *(ptr + off)      (faults: nil deref / unexpected fault)
  LOAD1: 12, //     S dst, S ptr, I off     byte = *(ptr + off)
  STORE: 13, //     S ptr, I off, S src     *(ptr + off) = word
  STORE1: 14, //    S ptr, I off, S src     *(ptr + off) = byte
  LOADN: 15, //     S dst, S ptr, I n       copy n bytes from *ptr into the frame
  STOREN: 16, //    S ptr, S src, I n       copy n bytes of the frame to *ptr
  ADDI: 17, //      S dst, S x, I v         word = x + v
  EXT1: 18, //      S dst, S src            word = zero-extended byte
  TRUNC1: 19, //    S dst, S src            byte = low byte of word
  CTXT: 20, //      S dst                   word = the closure context register (the funcval being run)
  // ---- int64 arithmetic (exact, two's complement wraparound)
  ADD: 21, SUB: 22, MUL: 23, //             S dst, S x, S y
  DIV: 24, MOD: 25, //                      S dst, S x, S y   (y == 0: integer divide by zero panic)
  AND: 26, OR: 27, XOR: 28, ANDNOT: 29, //  S dst, S x, S y
  SHL: 30, SHR: 31, SHRU: 32, //            S dst, S x, S y   (the count y is unsigned: >= 64 shifts everything out)
  NEG: 33, COM: 34, //                      S dst, S x        (-x, ^x)
  NOT1: 35, //                              S dst, S x        byte = !x
  // ---- comparisons: byte result
  EQ: 36, NE: 37, LT: 38, LE: 39, LTU: 40, LEU: 41, // S dst, S x, S y   (words)
  EQ1: 42, //                               S dst, S x, S y   (bytes)
  STREQ: 44, STRLT: 45, //                  S dst, S x, S y   (strings {ptr, len})
  EFACEEQ: 46, //                           S dst, S x, S y   (interface{} values)
  // ---- unsigned int64 division (uint, uint64, uintptr)
  DIVU: 47, MODU: 48, //                    S dst, S x, S y   (y == 0: integer divide by zero panic)
  CHKSHIFT: 49, //  S y                     a signed shift count: y < 0 raises the negative shift amount panic
  // ---- control
  JMP: 50, //       T t
  JZ: 51, //        S cond, T t             jump if byte == 0
  JNZ: 52, //       S cond, T t             jump if byte != 0
  CALL: 53, //      F f                     args already in the outgoing area at [sp, sp+argsize)
  CALLCLOSURE: 54, // S fv                  fv = funcval pointer; ctxt = fv; nil fv: nil dereference
  RET: 55, //                               pop the frame and jump to the return PC (a: frame size, set by link)
  BOUNDS: 56, //    S i, S len, I u         0 <= i < len, else index out of range panic (u = 1: i is unsigned)
  BOUNDSI: 57, //   S i, I len, I u
  // ---- defer, go, panic support
  DEFERPROC: 60, // S fv, I argsize         record the call fv(args at [sp, sp+argsize)); sets ret = 0
  JRET: 61, //      T t                     jump if ret != 0 (deferproc "returned 1" after a recovery)
  DEFERRETURN: 62, //                       run this frame's pending defers (re-executed until none)
  GO: 63, //        S fv, I argsize         start a goroutine running fv(args at [sp, sp+argsize))
  RECOVER: 64, //   S dst, -, I caller      dst (interface{}) = gorecover(this frame's argp, or its caller's if c = 1: `defer recover()`'s wrapper) (b: frame size, by link)
  INTRINSIC: 65, // I id, I a, I b          a runtime-internal step (gopanic, Goexit, ...), see the runtime
  // ---- heap, channels, strings, interfaces
  NEW: 70, //       S dst, Y t              dst = pointer to a new zeroed heap object of type t
  MAKECHAN: 71, //  S dst, Y elem, S size
  SEND: 72, //      S ch, S val
  RECV: 73, //      S dst, S ch, S ok       ok = -1: no ok result
  CLOSE: 74, //     S ch
  CHANLEN: 75, CHANCAP: 76, //              S dst, S ch
  MAKESLICE: 77, // S dst, Y elem, S cap    dst = {ptr, len, cap}; dst.len holds len on entry (makeslice's checks)
  CONCAT: 78, //    S dst, S x, S y         strings
  STRINDEX: 79, //  S dst, S str, S i       byte = str[i] (bounds checked)
  BOX: 80, //       S dst, Y t, S src       dst = interface{} holding a heap copy of the t value at src
  ASSERT: 81, //    S dst, S iface, Y t     dst = iface.(t) or panic: interface conversion
  ASSERTOK: 82, //  S dst, S iface, Y t     like ASSERT, then byte ok at dst + sizeof(t); zero value if not
  ETYPE: 83, //     S dst, S iface          word = type id (-1 for nil)
  ISERROR: 84, //   S dst, S iface          byte = iface holds a runtime.Error
  ERRSTR: 85, //    S dst, S iface          string = the runtime.Error's Error()
  PRINT: 86, //     I kind, S val           print one value (PrintKind) to stderr, like Go's print
  GOEXIT: 87, //    (unused by user code: runtime.Goexit is a runtime function)
  GC: 88, //                                runtime.GC()
  // 89: free (runtime.Callers is a runtime function with a frame: runtime/src/rtapi.ts)
  STRLEN: 90, //    S dst, S str
  EXIT: 91, //      I status                end the program (runtime.main after main.main returns)
  ...FloatOp,
  ...SliceOp,
  ...MapOp,
  ...IfaceOp,
  ...MiscOp,
  ...DeferOp,
  ...RtapiOp,
} as const;
export type OpName = keyof typeof Op;
export type OpCode = (typeof Op)[OpName];

/** Names by opcode, for disassembly and messages. */
export const opNames: readonly string[] = (() => {
  const names: string[] = [];
  for (const [k, v] of Object.entries(Op)) names[v] = k;
  return names;
})();

/** What PRINT prints (Go's printint, printuint, printbool, printstring, printpointer, printeface, ...). */
export const PrintKind = {
  Int: 0, // word, signed decimal
  Uint: 1, // word, unsigned decimal
  Bool: 2, // byte, true/false
  String: 3, // {ptr, len}
  Pointer: 4, // word, 0x hex
  Eface: 5, // interface{}: (0xtype,0xdata)
  Space: 6,
  Newline: 7,
  Byte: 8, // byte as unsigned decimal
} as const;

/** Bytes per instruction in PC space, and where the text segment starts (not readable memory). */
export const PCQuantum = 4;
export const TextBase = 0xc000_0000;

/** Instruction index <-> PC. */
export const pcOf = (index: number): number => TextBase + index * PCQuantum;
export const indexOf = (pc: number): number => (pc - TextBase) / PCQuantum;

/**
 * Operand kinds of each opcode, one letter per operand (see the table at the top; '-' unused).
 * The validator and the disassembler read this; the interpreter does not.
 */
export const opShape: Readonly<Record<number, string>> = (() => {
  const s: Record<number, string> = {};
  const set = (shape: string, ...ops: number[]) => { for (const o of ops) s[o] = shape; };
  set('---', Op.NOP, Op.DEFERRETURN, Op.GC, Op.GOEXIT);
  set('I--', Op.RET);
  set('SS-', Op.MOV, Op.MOV1, Op.LEA, Op.EXT1, Op.TRUNC1, Op.NEG, Op.COM, Op.NOT1, Op.SEND,
    Op.CHANLEN, Op.CHANCAP, Op.ETYPE, Op.ISERROR, Op.ERRSTR, Op.STRLEN);
  set('SSI', Op.MOVN, Op.LOAD, Op.LOAD1, Op.LOADN, Op.STOREN, Op.ADDI, Op.BOUNDS);
  set('SII', Op.BOUNDSI);
  set('SI-', Op.ZERO, Op.IMM, Op.IMM1, Op.DEFERPROC, Op.GO);
  set('SK-', Op.CONST);
  set('SD-', Op.DATA);
  set('SF-', Op.FUNCVAL);
  set('SIS', Op.STORE, Op.STORE1);
  set('S--', Op.CTXT, Op.CALLCLOSURE, Op.CLOSE, Op.CHKSHIFT);
  set('SII', Op.RECOVER);
  set('SSS', Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.DIVU, Op.MODU, Op.AND, Op.OR, Op.XOR, Op.ANDNOT, Op.SHL, Op.SHR,
    Op.SHRU, Op.EQ, Op.NE, Op.LT, Op.LE, Op.LTU, Op.LEU, Op.EQ1, Op.STREQ, Op.STRLT, Op.EFACEEQ, Op.CONCAT,
    Op.STRINDEX);
  set('T--', Op.JMP, Op.JRET);
  set('ST-', Op.JZ, Op.JNZ);
  set('F--', Op.CALL);
  set('III', Op.INTRINSIC);
  set('SYS', Op.MAKECHAN, Op.MAKESLICE, Op.BOX);
  set('SY-', Op.NEW);
  set('SSY', Op.ASSERT, Op.ASSERTOK);
  set('SSs', Op.RECV); // third operand: a slot or -1
  set('IS-', Op.PRINT);
  set('I--', Op.EXIT);
  for (const ext of [floatShapes, sliceShapes, mapShapes, ifaceShapes, miscShapes, deferShapes, rtapiShapes]) Object.assign(s, ext);
  return s;
})();
