// The interpreter: one dispatch loop over [op, a, b, c] instructions, with the running goroutine's
// ip/sp/ctxt in locals and frame slots read through the typed-array views. Anything that can move the
// stack, park the goroutine or raise a panic saves the registers into g first and reloads them after.
// Safe-point work costs one counter decrement here; everything else is in safepointSlow.

import {
  deferproc, deferreturn, intrinsics, NoDefer, Reschedule,
} from '@gosim/defer-panic';
import { readWord as readWordImport, writeWord as writeWordImport } from '@gosim/memory';
import { Op, TextBase as TextBaseImport } from '@gosim/program';
import { GoThrow, GStatus, type G } from '@gosim/stack';
import { chancap, chanlen, ChanResult } from './chan.js';
import { deferprocStackOp } from './defer-stack.js';
import { extOps } from './ext-ops.js';
import { heapOp } from './heapops.js';
import { assertE } from './iface.js';
import { jmpdefer, recoverOp } from './defer-ops.js';
import type { Machine } from './machine.js';
import { RuntimePanic, UserFault } from './signals.js';
import { raiseUserError } from './raise.js';
import { prologueSlow, safepointSlow } from './safepoint.js';
import { Enter } from './jit/tier.js';
import { arith, compareSigned, compareUnsigned, shift } from './arith.js';
import { compareBytes, efaceEqual, indexError, printValue } from './values.js';

// Imported bindings copied once: under CommonJS each use of an import is a getter call.
const TextBase = TextBaseImport;
const { ADD: OP_ADD, ADDI: OP_ADDI, ASSERT: OP_ASSERT, ASSERTOK: OP_ASSERTOK, BOUNDS: OP_BOUNDS, BOUNDSI: OP_BOUNDSI, BOX: OP_BOX, CALL: OP_CALL, CALLCLOSURE: OP_CALLCLOSURE, CHANCAP: OP_CHANCAP, CHANLEN: OP_CHANLEN, CLOSE: OP_CLOSE, COM: OP_COM, CONCAT: OP_CONCAT, CONST: OP_CONST, CTXT: OP_CTXT, DATA: OP_DATA, DEFERPROC: OP_DEFERPROC, DEFERRETURN: OP_DEFERRETURN, DIV: OP_DIV, EFACEEQ: OP_EFACEEQ, EQ: OP_EQ, EQ1: OP_EQ1, ERRSTR: OP_ERRSTR, ETYPE: OP_ETYPE, EXIT: OP_EXIT, EXT1: OP_EXT1, FUNCVAL: OP_FUNCVAL, GC: OP_GC, GO: OP_GO, GOEXIT: OP_GOEXIT, IMM: OP_IMM, IMM1: OP_IMM1, INTRINSIC: OP_INTRINSIC, ISERROR: OP_ISERROR, JMP: OP_JMP, JNZ: OP_JNZ, JRET: OP_JRET, JZ: OP_JZ, LE: OP_LE, LEA: OP_LEA, LEU: OP_LEU, LOAD: OP_LOAD, LOAD1: OP_LOAD1, LOADN: OP_LOADN, LT: OP_LT, LTU: OP_LTU, MAKECHAN: OP_MAKECHAN, MAKESLICE: OP_MAKESLICE, MOD: OP_MOD, MODU: OP_MODU, MOV: OP_MOV, MOV1: OP_MOV1, MOVN: OP_MOVN, MUL: OP_MUL, NE: OP_NE, NEG: OP_NEG, NEW: OP_NEW, NOP: OP_NOP, NOT1: OP_NOT1, PRINT: OP_PRINT, RECOVER: OP_RECOVER, RECV: OP_RECV, RET: OP_RET, SEND: OP_SEND, STORE: OP_STORE, STORE1: OP_STORE1, STOREN: OP_STOREN, STREQ: OP_STREQ, STRINDEX: OP_STRINDEX, STRLEN: OP_STRLEN, STRLT: OP_STRLT, SUB: OP_SUB, TRUNC1: OP_TRUNC1, ZERO: OP_ZERO } = Op;
const readWord = readWordImport;
const EnterThrow = Enter.Throw;
const EnterParked = Enter.Parked;
const writeWord = writeWordImport;

const MaxSafe = Number.MAX_SAFE_INTEGER;

/** Why run() returned. */
export const Stop = { Parked: 0, Exited: 1, Preempted: 2 } as const;

/** True when the int64 at byte address a is within ±2^53 (readWord is exact). */
const small = (i32: Int32Array, a: number): boolean => ((i32[(a >>> 2) + 1]! + 0x200000) >>> 0) < 0x400000;

/** The interpreter's loop, from g's registers (execute.ts's run has done the wake-up). */
export function interpret(m: Machine, g: G): number {
  const prog = m.prog;
  const code = prog.code;
  const s = m.space;
  const i32 = s.i32;
  const u8 = s.u8;
  const f64 = s.f64;
  const f32 = s.f32;
  const pages = s.pages;
  const entryIndex = prog.funcEntryIndex;
  const frameSizes = prog.funcFrameSize;
  const nosplit = prog.funcNosplit;
  const atEntry = prog.funcAtEntry;
  const zero = m.zeroWords;
  const zeroStart = m.zeroStart;
  const pol = m.deferpanic;
  const jit = m.jit;
  let ip = 0;
  let sp = 0;
  let ctxt = 0;
  let ret = g.ret;
  let guard = g.stackguard;
  let budget = m.budget;
  if (g.atEntry) {
    // A new goroutine (or one that parked in a prologue): finish the prologue first.
    const f = atEntry[(g.pc - TextBase) / 4]!;
    prologueSlow(m, g, f, false);
    { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
    sp -= frameSizes[f]!;
    for (let z = zeroStart[f]!; z < zeroStart[f + 1]!; z++) writeWord(i32, sp + zero[z]!, 0);
    g.atEntry = false;
    jit?.call(f); // a goroutine's first function heats (and compiles) as a called one does
  } else { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }

  for (;;) {
    try {
      for (;;) {
        const k = ip << 2;
        const a = code[k + 1]!;
        const b = code[k + 2]!;
        const c = code[k + 3]!;
        // Case labels are literal opcodes (program/src/isa.ts) so the switch compiles to a jump table.
        switch (code[k]) {
          case 0 /* NOP */:
            ip++;
            break;
          case 1 /* MOV */: {
            const d = (sp + a) >>> 2;
            const x = (sp + b) >>> 2;
            i32[d] = i32[x]!;
            i32[d + 1] = i32[x + 1]!;
            ip++;
            break;
          }
          case 2 /* MOV1 */:
            u8[sp + a] = u8[sp + b]!;
            ip++;
            break;
          case 3 /* MOVN */:
            u8.copyWithin(sp + a, sp + b, sp + b + c);
            ip++;
            break;
          case 4 /* ZERO */:
            s.zeroUnchecked(sp + a, b);
            ip++;
            break;
          case 5 /* IMM */: {
            const d = (sp + a) >>> 2;
            i32[d] = b;
            i32[d + 1] = b < 0 ? -1 : 0;
            ip++;
            break;
          }
          case 6 /* IMM1 */:
            u8[sp + a] = b;
            ip++;
            break;
          case 7 /* CONST */: {
            const d = (sp + a) >>> 2;
            i32[d] = prog.constLo[b]!;
            i32[d + 1] = prog.constHi[b]!;
            ip++;
            break;
          }
          case 8 /* LEA */:
            writeWord(i32, sp + a, sp + b);
            ip++;
            break;
          case 9 /* DATA */:
            writeWord(i32, sp + a, m.dataBase + b);
            ip++;
            break;
          case 10 /* FUNCVAL */:
            writeWord(i32, sp + a, m.dataBase + prog.funcvalOffset[b]!);
            ip++;
            break;
          case 20 /* CTXT */:
            writeWord(i32, sp + a, ctxt);
            ip++;
            break;
          case 11 /* LOAD */: {
            const base = readWord(i32, sp + b);
            const p = base + c;
            if ((p >>> 0) !== p || (p & 7) !== 0 || pages[p >>> 12] !== 1) {
              throw new UserFault(p, base);
            }
            const d = (sp + a) >>> 2;
            i32[d] = i32[p >>> 2]!;
            i32[d + 1] = i32[(p >>> 2) + 1]!;
            ip++;
            break;
          }
          case 12 /* LOAD1 */: {
            const base = readWord(i32, sp + b);
            const p = base + c;
            if ((p >>> 0) !== p || pages[p >>> 12] !== 1) {
              throw new UserFault(p, base);
            }
            u8[sp + a] = u8[p]!;
            ip++;
            break;
          }
          case 13 /* STORE */: {
            const base = readWord(i32, sp + a);
            const p = base + b;
            if ((p >>> 0) !== p || (p & 7) !== 0 || pages[p >>> 12] !== 1) {
              throw new UserFault(p, base);
            }
            const x = (sp + c) >>> 2;
            i32[p >>> 2] = i32[x]!;
            i32[(p >>> 2) + 1] = i32[x + 1]!;
            ip++;
            break;
          }
          case 14 /* STORE1 */: {
            const base = readWord(i32, sp + a);
            const p = base + b;
            if ((p >>> 0) !== p || pages[p >>> 12] !== 1) {
              throw new UserFault(p, base);
            }
            u8[p] = u8[sp + c]!;
            ip++;
            break;
          }
          case 15 /* LOADN */: {
            const p = readWord(i32, sp + b);
            if (!s.isRangeMapped(p, c) || (p >>> 0) !== p) {
              throw new UserFault(p, p);
            }
            u8.copyWithin(sp + a, p, p + c);
            ip++;
            break;
          }
          case 16 /* STOREN */: {
            const p = readWord(i32, sp + a);
            if (!s.isRangeMapped(p, c) || (p >>> 0) !== p) {
              throw new UserFault(p, p);
            }
            u8.copyWithin(p, sp + b, sp + b + c);
            ip++;
            break;
          }
          case 17 /* ADDI */: {
            // int64 + int32 immediate on the halves: the low sum's carry goes into the high word (wraps as Go's)
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2;
            const lo = (i32[x]! >>> 0) + (c >>> 0);
            const hi = i32[x + 1]! + (c < 0 ? -1 : 0) + (lo > 0xffffffff ? 1 : 0);
            i32[d] = lo;
            i32[d + 1] = hi;
            ip++;
            break;
          }
          case 18 /* EXT1 */:
            writeWord(i32, sp + a, u8[sp + b]!);
            ip++;
            break;
          case 19 /* TRUNC1 */:
            u8[sp + a] = u8[sp + b]!;
            ip++;
            break;
          case 21 /* ADD */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            const lo = (i32[x]! >>> 0) + (i32[y]! >>> 0);
            const hi = i32[x + 1]! + i32[y + 1]! + (lo > 0xffffffff ? 1 : 0);
            i32[d] = lo;
            i32[d + 1] = hi;
            ip++;
            break;
          }
          case 22 /* SUB */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            const lo = (i32[x]! >>> 0) - (i32[y]! >>> 0);
            const hi = i32[x + 1]! - i32[y + 1]! - (lo < 0 ? 1 : 0);
            i32[d] = lo;
            i32[d + 1] = hi;
            ip++;
            break;
          }
          case 23 /* MUL */: {
            const xa = sp + b;
            const ya = sp + c;
            if (small(i32, xa) && small(i32, ya)) {
              const x = readWord(i32, xa);
              const y = readWord(i32, ya);
              const r = x * y;
              if (r <= MaxSafe && r >= -MaxSafe) {
                writeWord(i32, sp + a, r + 0);
                ip++;
                break;
              }
            }
            arith(s, code[k]!, sp + a, xa, ya);
            ip++;
            break;
          }
          case 24 /* DIV */:
          case 25 /* MOD */: {
            const xa = sp + b;
            const ya = sp + c;
            if (i32[ya >>> 2] === 0 && i32[(ya >>> 2) + 1] === 0) {
              throw new RuntimePanic('runtime.errorString', 'runtime error: integer divide by zero', 'runtime.panicdivide');
            }
            if (small(i32, xa) && small(i32, ya)) {
              const x = readWord(i32, xa);
              const y = readWord(i32, ya);
              const r = x % y;
              writeWord(i32, sp + a, (code[k] === OP_MOD ? r : (x - r) / y) + 0);
              ip++;
              break;
            }
            arith(s, code[k]!, sp + a, xa, ya);
            ip++;
            break;
          }
          case 47 /* DIVU */:
          case 48 /* MODU */: {
            const xa = sp + b;
            const ya = sp + c;
            const yh = i32[(ya >>> 2) + 1]!;
            if (i32[ya >>> 2] === 0 && yh === 0) {
              throw new RuntimePanic('runtime.errorString', 'runtime error: integer divide by zero', 'runtime.panicdivide');
            }
            // fast path: both below 2^53 as unsigned values (high halves in [0, 2^21))
            if ((i32[(xa >>> 2) + 1]! >>> 0) < 0x200000 && (yh >>> 0) < 0x200000) {
              const x = readWord(i32, xa);
              const y = readWord(i32, ya);
              const r = x % y;
              writeWord(i32, sp + a, code[k] === OP_MODU ? r : (x - r) / y);
              ip++;
              break;
            }
            arith(s, code[k]!, sp + a, xa, ya);
            ip++;
            break;
          }
          // bitwise ops on both int32 halves, inline (no call on the hot path)
          case 26 /* AND */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            i32[d] = i32[x]! & i32[y]!;
            i32[d + 1] = i32[x + 1]! & i32[y + 1]!;
            ip++;
            break;
          }
          case 27 /* OR */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            i32[d] = i32[x]! | i32[y]!;
            i32[d + 1] = i32[x + 1]! | i32[y + 1]!;
            ip++;
            break;
          }
          case 28 /* XOR */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            i32[d] = i32[x]! ^ i32[y]!;
            i32[d + 1] = i32[x + 1]! ^ i32[y + 1]!;
            ip++;
            break;
          }
          case 29 /* ANDNOT */: {
            const d = (sp + a) >>> 2, x = (sp + b) >>> 2, y = (sp + c) >>> 2;
            i32[d] = i32[x]! & ~i32[y]!;
            i32[d + 1] = i32[x + 1]! & ~i32[y + 1]!;
            ip++;
            break;
          }
          case 30 /* SHL */:
          case 31 /* SHR */:
          case 32 /* SHRU */:
            shift(i32, code[k]!, sp + a, sp + b, sp + c);
            ip++;
            break;
          case 49 /* CHKSHIFT */:
            if (i32[((sp + a) >>> 2) + 1]! < 0) {
              throw new RuntimePanic('runtime.errorString', 'runtime error: negative shift amount', 'runtime.panicshift');
            }
            ip++;
            break;
          case 33 /* NEG */:
            if (small(i32, sp + b)) writeWord(i32, sp + a, 0 - readWord(i32, sp + b));
            else s.store64Big(sp + a, BigInt.asIntN(64, -s.load64Big(sp + b)));
            ip++;
            break;
          case 34 /* COM */: {
            const d = (sp + a) >>> 2;
            const x = (sp + b) >>> 2;
            i32[d] = ~i32[x]!;
            i32[d + 1] = ~i32[x + 1]!;
            ip++;
            break;
          }
          case 35 /* NOT1 */:
            u8[sp + a] = u8[sp + b] ? 0 : 1;
            ip++;
            break;
          case 36 /* EQ */:
          case 37 /* NE */: {
            const x = (sp + b) >>> 2;
            const y = (sp + c) >>> 2;
            const eq = i32[x] === i32[y] && i32[x + 1] === i32[y + 1];
            u8[sp + a] = (code[k] === OP_EQ) === eq ? 1 : 0;
            ip++;
            break;
          }
          case 38 /* LT */: {
            const x = (sp + b) >>> 2, y = (sp + c) >>> 2, xh = i32[x + 1]!, yh = i32[y + 1]!;
            u8[sp + a] = xh < yh || (xh === yh && i32[x]! >>> 0 < i32[y]! >>> 0) ? 1 : 0;
            ip++;
            break;
          }
          case 39 /* LE */: {
            const x = (sp + b) >>> 2, y = (sp + c) >>> 2, xh = i32[x + 1]!, yh = i32[y + 1]!;
            u8[sp + a] = xh < yh || (xh === yh && i32[x]! >>> 0 <= i32[y]! >>> 0) ? 1 : 0;
            ip++;
            break;
          }
          case 40 /* LTU */:
            u8[sp + a] = compareUnsigned(i32, sp + b, sp + c) < 0 ? 1 : 0;
            ip++;
            break;
          case 41 /* LEU */:
            u8[sp + a] = compareUnsigned(i32, sp + b, sp + c) <= 0 ? 1 : 0;
            ip++;
            break;
          case 42 /* EQ1 */:
            u8[sp + a] = u8[sp + b] === u8[sp + c] ? 1 : 0;
            ip++;
            break;
          case 44 /* STREQ */:
            u8[sp + a] = compareBytes(s, sp + b, sp + c) === 0 ? 1 : 0;
            ip++;
            break;
          case 45 /* STRLT */:
            u8[sp + a] = compareBytes(s, sp + b, sp + c) < 0 ? 1 : 0;
            ip++;
            break;
          case 46 /* EFACEEQ */:
            u8[sp + a] = efaceEqual(m, sp + b, sp + c) ? 1 : 0;
            ip++;
            break;
          case 50 /* JMP */:
            if (a <= ip && --budget <= 0) {
              { g.pc = TextBase + (a) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
              m.budget = budget;
              if (safepointSlow(m, g)) { g.status = GStatus.Runnable; return Stop.Preempted; } // m.budget: the new batch
              budget = m.budget;
              { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
              break;
            }
            const back = a <= ip;
            ip = a;
            if (back) {
            if (jit !== null) {
              const fn = jit.entryAt[ip] ?? jit.backEdge(ip);
              if (fn !== undefined) {
                { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
                m.budget = budget;
                const r = jit.enter(g, fn, ip | 0); // an int: compiled code specialises on a small-integer ip
                budget = m.budget;
                { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
                if (r === EnterThrow) throw jit.takeError();
                if (r === EnterParked) return Stop.Parked;
              }
            }
            }
            break;
          case 51 /* JZ */:
            ip = u8[sp + a] === 0 ? b : ip + 1;
            break;
          case 52 /* JNZ */:
            ip = u8[sp + a] !== 0 ? b : ip + 1;
            break;
          case 61 /* JRET */:
            ip = ret !== 0 ? a : ip + 1;
            ret = 0;
            break;
          case 56 /* BOUNDS */:
          case 57 /* BOUNDSI */: {
            const i = readWord(i32, sp + a);
            const n = code[k] === OP_BOUNDS ? readWord(i32, sp + b) : b;
            if (i >= 0 && i < n) {
              ip++;
              break;
            }
            throw indexError(s, sp + a, n, c !== 0);
          }
          case 53 /* CALL */:
          case 54 /* CALLCLOSURE */: {
            let f = a;
            if (code[k] === OP_CALLCLOSURE) {
              const fv = readWord(i32, sp + a);
              const pcv = (fv >>> 0) === fv && (fv & 7) === 0 && pages[fv >>> 12] === 1 ? readWord(i32, fv) : -1;
              f = pcv >= TextBase && pcv <= 0xffffffff && (pcv & 3) === 0 ? atEntry[(pcv - TextBase) >>> 2] ?? -1 : -1;
              if (f < 0) {
                throw new UserFault(pcv < 0 ? fv : pcv, fv);
              }
              ctxt = fv;
            }
            // CALL: push the return PC; the callee's prologue checks the stack and is a safe point.
            sp -= 8;
            writeWord(i32, sp, TextBase + (ip + 1) * 4);
            ip = entryIndex[f]!;
            const fs = frameSizes[f]!;
            if (nosplit[f] === 0 && (sp - fs < guard || --budget <= 0)) {
              { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
              g.atEntry = true;
              m.budget = budget;
              const pre = prologueSlow(m, g, f, budget <= 0);
              g.atEntry = false;
              budget = m.budget;
              { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
              if (pre) {
                g.atEntry = true;
                { m.budget = budget; g.status = GStatus.Runnable; return Stop.Preempted; }
              }
            }
            sp -= fs;
            for (let z = zeroStart[f]!, e = zeroStart[f + 1]!; z < e; z++) {
              const w = (sp + zero[z]!) >>> 2;
              i32[w] = 0;
              i32[w + 1] = 0;
            }
            // the compile tier: run the callee's compiled code (one branch when the tier is off)
            if (jit !== null) {
              const fn = jit.fns[f] ?? jit.call(f);
              if (fn !== undefined) {
                { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
                m.budget = budget;
                const r = jit.enter(g, fn, ip | 0); // an int: compiled code specialises on a small-integer ip
                budget = m.budget;
                { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
                if (r === EnterThrow) throw jit.takeError();
                if (r === EnterParked) return Stop.Parked;
              }
            }
            break;
          }
          case 55 /* RET */: {
            sp += a;
            const retpc = readWord(i32, sp);
            sp += 8;
            ip = (retpc - TextBase) / 4;
            if (jit !== null) {
              const fn = jit.entryAt[ip];
              if (fn !== undefined) {
                { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
                m.budget = budget;
                const r = jit.enter(g, fn, ip | 0); // an int: compiled code specialises on a small-integer ip
                budget = m.budget;
                { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
                if (r === EnterThrow) throw jit.takeError();
                if (r === EnterParked) return Stop.Parked;
              }
            }
            break;
          }
          case 60 /* DEFERPROC */:
            deferproc(m, pol, g, sp, readWord(i32, sp + a), b, TextBase + (ip + 1) * 4);
            ret = 0;
            ip++;
            break;
          case 210 /* DEFERPROCSTACK */:
            deferprocStackOp(m, g, sp, a, b, c, TextBase + (ip + 1) * 4);
            ret = 0;
            ip++;
            break;
          case 62 /* DEFERRETURN */: {
            const fv = deferreturn(m, pol, g, sp);
            if (fv === NoDefer) {
              ip++;
              break;
            }
            { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            jmpdefer(m, g, fv, ip);
            { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
            break;
          }
          case 63 /* GO */:
            { g.pc = TextBase + (ip + 1) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            m.newproc(readWord(i32, sp + a), sp, b, g, TextBase + (ip + 1) * 4);
            ip++;
            break;
          case 64 /* RECOVER */:
            recoverOp(m, g, sp, a, b, c);
            ip++;
            break;
          case 65 /* INTRINSIC */: {
            { g.pc = TextBase + (ip + 1) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            const r = intrinsics[a]!(m, pol, g, sp, b);
            if (r === Reschedule) {
              if ((g.status as number) === GStatus.Dead) { m.budget = budget; return Stop.Exited; }
              { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
              break;
            }
            ip++;
            break;
          }
          case 87 /* GOEXIT */:
            { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            m.goexit1(g);
            { m.budget = budget; return Stop.Exited; }
          case 91 /* EXIT */:
            { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            m.exit(a);
            return Stop.Exited;
          // float arithmetic and compares inline (float.ts has the same ops as ext ops, for the compile tier)
          case 100 /* FADD64 */: f64[(sp + a) >>> 3] = f64[(sp + b) >>> 3]! + f64[(sp + c) >>> 3]!; ip++; break;
          case 101 /* FSUB64 */: f64[(sp + a) >>> 3] = f64[(sp + b) >>> 3]! - f64[(sp + c) >>> 3]!; ip++; break;
          case 102 /* FMUL64 */: f64[(sp + a) >>> 3] = f64[(sp + b) >>> 3]! * f64[(sp + c) >>> 3]!; ip++; break;
          case 103 /* FDIV64 */: f64[(sp + a) >>> 3] = f64[(sp + b) >>> 3]! / f64[(sp + c) >>> 3]!; ip++; break;
          // a Float32Array store rounds once: exact for one +, -, * or / of two float32s
          case 104 /* FADD32 */: f32[(sp + a) >>> 2] = f32[(sp + b) >>> 2]! + f32[(sp + c) >>> 2]!; ip++; break;
          case 105 /* FSUB32 */: f32[(sp + a) >>> 2] = f32[(sp + b) >>> 2]! - f32[(sp + c) >>> 2]!; ip++; break;
          case 106 /* FMUL32 */: f32[(sp + a) >>> 2] = f32[(sp + b) >>> 2]! * f32[(sp + c) >>> 2]!; ip++; break;
          case 107 /* FDIV32 */: f32[(sp + a) >>> 2] = f32[(sp + b) >>> 2]! / f32[(sp + c) >>> 2]!; ip++; break;
          case 110 /* FEQ64 */: u8[sp + a] = f64[(sp + b) >>> 3]! === f64[(sp + c) >>> 3]! ? 1 : 0; ip++; break;
          case 111 /* FLT64 */: u8[sp + a] = f64[(sp + b) >>> 3]! < f64[(sp + c) >>> 3]! ? 1 : 0; ip++; break;
          case 112 /* FLE64 */: u8[sp + a] = f64[(sp + b) >>> 3]! <= f64[(sp + c) >>> 3]! ? 1 : 0; ip++; break;
          case 113 /* FEQ32 */: u8[sp + a] = f32[(sp + b) >>> 2]! === f32[(sp + c) >>> 2]! ? 1 : 0; ip++; break;
          case 114 /* FLT32 */: u8[sp + a] = f32[(sp + b) >>> 2]! < f32[(sp + c) >>> 2]! ? 1 : 0; ip++; break;
          case 115 /* FLE32 */: u8[sp + a] = f32[(sp + b) >>> 2]! <= f32[(sp + c) >>> 2]! ? 1 : 0; ip++; break;
          default: {
            // an extension op (ext-ops.ts); a safe-point one falls through into the safe-point path below
            const x = extOps[code[k]!];
            if (x === undefined) throw new GoThrow(`bad instruction ${code[k]} at ${ip}`);
            if (!x.safePoint) {
              x.run(m, g, sp, a, b, c);
              ip++;
              break;
            }
          }
          // falls through
          // ---- allocation and channels: safe points
          case 70 /* NEW */:
          case 71 /* MAKECHAN */:
          case 77 /* MAKESLICE */:
          case 78 /* CONCAT */:
          case 80 /* BOX */:
          case 72 /* SEND */:
          case 73 /* RECV */:
          case 74 /* CLOSE */: {
            const gcDue = m.heap.needsGC();
            if (--budget <= 0 || gcDue) {
              { g.pc = TextBase + (ip) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
              m.budget = budget;
              if (gcDue) m.collect();
              if (budget <= 0 && safepointSlow(m, g)) { g.status = GStatus.Runnable; return Stop.Preempted; } // m.budget: the new batch
              budget = m.budget;
              { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
            }
            { g.pc = TextBase + (ip + 1) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            const op = code[k]!;
            const r = op < 100 ? heapOp(m, g, op, sp, a, b, c) : extOps[op]!.run(m, g, sp, a, b, c);
            if (r === ChanResult.Blocked) { m.budget = budget; return Stop.Parked; }
            ip++;
            break;
          }
          case 75 /* CHANLEN */:
            writeWord(i32, sp + a, chanlen(m, readWord(i32, sp + b)));
            ip++;
            break;
          case 76 /* CHANCAP */:
            writeWord(i32, sp + a, chancap(m, readWord(i32, sp + b)));
            ip++;
            break;
          case 90 /* STRLEN */:
            writeWord(i32, sp + a, readWord(i32, sp + b + 8));
            ip++;
            break;
          case 79 /* STRINDEX */: {
            const i = readWord(i32, sp + c);
            const n = readWord(i32, sp + b + 8);
            if (i < 0 || i >= n) throw indexError(s, sp + c, n, false);
            u8[sp + a] = u8[readWord(i32, sp + b) + i]!;
            ip++;
            break;
          }
          case 81 /* ASSERT */:
          case 82 /* ASSERTOK */:
            assertE(m, code[k] === OP_ASSERTOK, sp, a, b, c);
            ip++;
            break;
          case 83 /* ETYPE */:
            writeWord(i32, sp + a, readWord(i32, sp + b) - 1);
            ip++;
            break;
          case 84 /* ISERROR */: {
            const tw = readWord(i32, sp + b);
            u8[sp + a] = tw !== 0 && m.prog.types[tw - 1]!.kind === 'runtime-error' ? 1 : 0;
            ip++;
            break;
          }
          case 85 /* ERRSTR */: {
            const data = readWord(i32, sp + b + 8);
            writeWord(i32, sp + a, readWord(i32, data));
            writeWord(i32, sp + a + 8, readWord(i32, data + 8));
            ip++;
            break;
          }
          case 86 /* PRINT */:
            m.print(printValue(m, a, sp + b));
            ip++;
            break;
          case 88 /* GC */:
            { g.pc = TextBase + (ip + 1) * 4; g.sp = sp; g.ctxt = ctxt; g.ret = ret; }
            // runtime.GC sweeps with Gosched between spans: a finalizer it queued runs before it returns
            if (m.collect(true)) { m.budget = budget; g.status = GStatus.Runnable; return Stop.Preempted; }
            { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
            break;
        }
      }
    } catch (e) {
      // Runtime errors and faults of user code become a call to a panic function at this instruction;
      // anything else (throws, faults inside the runtime, limits) ends the run with g's registers saved.
      g.pc = TextBase + ip * 4;
      g.sp = sp;
      g.ctxt = ctxt;
      g.ret = ret;
      if (!raiseUserError(m, g, ip, sp, e)) {
        m.budget = budget;
        throw e;
      }
      { ip = (g.pc - TextBase) >>> 2; sp = g.sp; ctxt = g.ctxt; ret = g.ret; guard = g.stackguard; }
    }
  }

}
