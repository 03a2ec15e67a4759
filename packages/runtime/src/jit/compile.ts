// Compiles one IR function into a JS function F(m, g, ip, depth, sp, budget) over the same frames: a `switch (ip)`
// with a case per resume point (entry, jump targets, the instruction after every call or parking op), straight-line
// code between.
// sp and the safe-point countdown live in locals, passed in by the caller; the closure context and deferproc's
// return stay in g.ctxt and g.ret. F returns
//   budget (>= 0) — a RET back to the compiled caller that called F directly (depth > 0); the caller's sp is
//                   its own again (nothing compiled moves the stack under a compiled caller)
//   Exit.Deopt    — the interpreter continues at g.pc
//   Exit.Trampoline — continue at g.pc through the trampoline (a RET at depth 0, or a call past the depth bound)
//   Exit.Parked   — g parked in a channel operation (g.pc past it), as interp.ts's Stop.Parked
// and on every exit but the first, g.sp, g.pc and m.budget hold the registers.
// A function with several outermost loops is split at them into parts, one JS function each, that F calls in
// turn (a part returns Exit.Part with the registers at the next part's first instruction): each loop then gets its
// own type feedback and optimization, where one function would be deoptimized as each new loop starts (its code
// had no feedback when V8 optimized the first) and re-optimized whole. Cuts are resume points, so no frame-cache
// local crosses one.
// Nothing compiled here moves the stack or raises: a prologue that needs stack, a safe point whose countdown
// ends or that is due a GC, and every failed check deopt before the instruction runs, so the interpreter
// performs them — and their safe points, events and errors — exactly as without the tier. Allocation and
// channel ops on their fast path run the same heapOp / extOps handler, with g's registers saved as there.

import { Op, TextBase, type Program } from '@gosim/program';
import type { Machine } from '../machine.js';
import { extOps } from '../ext-ops.js';
import { deopt, emitOp, Exit, save } from './emit-ops.js';
import { emitCached } from './emit-cached.js';
import { FrameCache } from './frame-cache.js';

export type Compiled = (m: Machine, g: unknown, ip: number, depth: number, sp: number, budget: number) => number;

/**
 * The JS stack compiled code may nest before a call goes through the trampoline instead: each compiled frame
 * counts 1 plus 1 per 32 frame-cache locals it holds (its JS frame grows with them).
 */
export const MaxDepth = 200;

/**
 * Where function [start, end) is split into parts: the first instruction of each outermost loop (a backward jump's
 * target up to the jump) and the instruction after it, when there are two loops or more; else none.
 */
export function partCuts(code: Int32Array, start: number, end: number): number[] {
  const loops: [number, number][] = [];
  for (let k = start; k < end; k++) {
    const op = code[k * 4]!;
    const t = op === Op.JMP ? code[k * 4 + 1]! : op === Op.JZ || op === Op.JNZ ? code[k * 4 + 2]! : k + 1;
    if (t > k) continue;
    // the loop [t, k] absorbs the loops found before it that it overlaps (they end at t or later)
    let first = t;
    while (loops.length > 0 && loops[loops.length - 1]![1] >= t) first = Math.min(first, loops.pop()![0]);
    loops.push([first, k]);
  }
  if (loops.length < 2) return [];
  const cuts = new Set<number>();
  for (const [t, e] of loops) {
    if (t > start) cuts.add(t);
    if (e + 1 < end) cuts.add(e + 1);
  }
  return [...cuts].sort((x, y) => x - y);
}

/**
 * The function's resume points: entry, jump targets, the instruction after every call and every op that may park,
 * and the cuts between its parts.
 */
export function leaders(code: Int32Array, start: number, end: number): Set<number> {
  const l = new Set<number>([start, ...partCuts(code, start, end)]);
  for (let k = start; k < end; k++) {
    const op = code[k * 4]!;
    const a = code[k * 4 + 1]!;
    const b = code[k * 4 + 2]!;
    if (op === Op.JMP || op === Op.JRET) l.add(a);
    else if (op === Op.JZ || op === Op.JNZ) l.add(b);
    else if (op === Op.CALL || op === Op.CALLCLOSURE || op === Op.SEND || op === Op.RECV || extOps[op]?.safePoint) l.add(k + 1);
    else if (op === Op.DEFERRETURN) l.add(k); // the deferred call returns to the DEFERRETURN itself (jmpdefer)
  }
  return l;
}

/**
 * The call sequence after the callee f is known (static: numbers; closure: expressions): the prologue's checks,
 * then `pre` (CALLCLOSURE's context), the return PC, the callee's frame at csp with its pointer words zeroed.
 */
function emitCall(k: number, f: string, fs: string, nosplit: string, entry: string, pre: string, zero: string): string {
  return `{ const fs = ${fs};
    if (${nosplit} === 0) { if (sp - 8 - fs < guard || budget <= 1) ${deopt(k)} budget--; }
    ${pre} i32[(sp - 8) >>> 2] = ${(TextBase + (k + 1) * 4) | 0}; i32[((sp - 8) >>> 2) + 1] = 0;
    const csp = sp - 8 - fs; ${zero}
    ${invoke(f, entry)} }`;
}

/** Runs callee f from its entry (its frame allocated at csp) and takes the countdown back when it returns here. */
function invoke(f: string, entry: string): string {
  return `const fn = fns[${f}] ?? J.get(${f});
    if (depth >= ${MaxDepth}) { g.pc = ${TextBase} + ${entry} * 4; g.sp = csp; m.budget = budget; return ${Exit.Trampoline}; }
    const r = fn(m, g, ${entry}, depth + dc, csp, budget);
    if (r < 0) return r;
    budget = r;`;
}

/**
 * DEFERRETURN as interp.ts runs it: deferreturn, then (a record was due) jmpdefer's call of its funcval, which
 * returns to this same instruction; a bad funcval's panic is the interpreter's to run. jmpdefer may grow the stack
 * (the callee's prologue): the frame is then found again above the callee's, and the guard re-read.
 */
function emitDeferreturn(k: number): string {
  return `{ const fv = deferreturn(m, pol, g, sp);
    if (fv !== NoDefer) {
      ${save(k)} at = ${k};
      const cf = jmpdefer(m, g, fv, ${k});
      if (cf < 0) return ${Exit.Deopt};
      const csp = g.sp; guard = g.stackguard; i32 = s.i32; u8 = s.u8; pages = s.pages;
      ${invoke('cf', 'entryIndex[cf]')}
      sp = csp + frameSizes[cf] + 8; ip = ${k}; continue;
    } }`;
}

/** An allocation or channel op (interp.ts's safe-point case) when its countdown does not end and no GC is due. */
function safePointOp(k: number, call: string): string {
  return `if (budget <= 1 || m.heap.needsGC()) ${deopt(k)}
    budget--; g.pc = ${TextBase + (k + 1) * 4}; g.sp = sp;
    at = ${k}; if (${call} === Blocked) { m.budget = budget; return ${Exit.Parked}; }
    i32 = s.i32; u8 = s.u8; pages = s.pages;`;
}

/** The word at sp+off as int32 halves: from the frame cache, or (off not a cacheable word) read after a clear(). */
function halves(fc: FrameCache, off: number): [string, string] {
  return FrameCache.word(off) ? fc.readI(off) : [`i32[(sp + ${off}) >>> 2]`, `i32[((sp + ${off}) >>> 2) + 1]`];
}

/**
 * The checks of a LOAD or STORE address, the word [pl, ph] plus c >= 0, into p: a deopt unless p is below 2^32,
 * aligned (mask: 7 for a word, 0 for a byte) and mapped. Only a word with a zero high half passes (the interpreter
 * also accepts a negative word that c brings into range: that rare case deopts and the interpreter runs it).
 */
function pointer(pl: string, ph: string, c: number, mask: number, k: number): string {
  const align = mask === 0 ? '' : ` || (p & ${mask}) !== 0`;
  return `const p = (${pl} >>> 0) + ${c}; if (${ph} !== 0 || p > 0xffffffff${align} || pages[p >>> 12] !== 1) ${deopt(k)}`;
}

/** CALLCLOSURE of the funcval [fl, fh]: its function from the code address in its first word (else a deopt). */
function emitCallClosure(k: number, fl: string, fh: string): string {
  return `{ const fv = ${fl} >>> 0; let cf = -1;
    if (${fh} === 0 && (fv & 7) === 0 && pages[fv >>> 12] === 1) {
      const pc = i32[fv >>> 2] >>> 0;
      if (i32[(fv >>> 2) + 1] === 0 && pc >= TextBase && (pc & 3) === 0) cf = atEntry[(pc - TextBase) >>> 2] ?? -1;
    }
    if (cf < 0) ${deopt(k)}
    ${emitCall(k, 'cf', 'frameSizes[cf]', 'nosplit[cf]', 'entryIndex[cf]', 'g.ctxt = fv;',
      'for (let z = zeroStart[cf], e = zeroStart[cf + 1]; z < e; z++) { const w = (csp + zero[z]) >>> 2; i32[w] = 0; i32[w + 1] = 0; }')} }`;
}

/**
 * DIV MOD DIVU MODU on the frame cache: both operands in int32 (signed) or in [0, 2^31) (unsigned) take JS's exact
 * % and /; others divmod64 (BigInt). A zero divisor deopts with memory written back: the interpreter raises.
 */
function divmod(fc: FrameCache, out: string[], op: number, a: number, b: number, d: number, k: number): void {
  const [xl, xh] = fc.readI(b);
  const [yl, yh] = fc.readI(d);
  out.push(`if (${yl} === 0 && ${yh} === 0) { ${fc.spill()} ${deopt(k)} }`);
  const fast = op === Op.DIV || op === Op.MOD
    ? `${xh} === (${xl} >> 31) && ${yh} === (${yl} >> 31)`
    : `${xh} === 0 && ${yh} === 0 && ${xl} >= 0 && ${yl} >= 0`;
  const q = op === Op.MOD || op === Op.MODU ? 'r' : `(${xl} - r) / ${yl}`;
  fc.writeI(a, 'ql', 'qh', `let ql, qh; if (${fast}) { const r = ${xl} % ${yl}, q = ${q}; ql = q | 0; qh = q < 0 ? -1 : 0; }
    else { divmod64(${op}, ${xl}, ${xh}, ${yl}, ${yh}); ql = wide[0]; qh = wide[1]; }`);
}

/** The cases of instructions [start, end) of a function, and the frame-cache locals they use. */
function body(prog: Program, start: number, end: number, lead: Set<number>): { code: string; locals: Set<string> } {
  const code = prog.code;
  const out: string[] = [];
  const fc = new FrameCache(out);
  for (let k = start; k < end; k++) {
    if (lead.has(k)) {
      fc.clear(); // falling into a resume point: memory as the interpreter's, nothing held
      out.push(`case ${k}:`);
    }
    const op = code[k * 4]!;
    const a = code[k * 4 + 1]!;
    const b = code[k * 4 + 2]!;
    const c = code[k * 4 + 3]!;
    if (emitCached(fc, prog, op, a, b, c)) continue;
    switch (op) {
      case Op.JMP:
        fc.flush();
        if (a <= k) out.push(`if (budget <= 1) ${deopt(k)} budget--; ip = ${a}; continue;`);
        else out.push(`ip = ${a}; continue;`);
        fc.forget();
        break;
      case Op.JZ: case Op.JNZ: {
        const v = fc.readB(a);
        out.push(`if (${v} ${op === Op.JZ ? '===' : '!=='} 0) { ${fc.spill()} ip = ${b}; continue; }`);
        break;
      }
      case Op.JRET: out.push(`if (g.ret !== 0) { ${fc.spill()} g.ret = 0; ip = ${a}; continue; }`); break;
      case Op.BOUNDS: case Op.BOUNDSI: { // a failed check deopts with memory written back: the interpreter raises
        if (!FrameCache.word(a) || (op === Op.BOUNDS && !FrameCache.word(b))) {
          fc.clear();
          out.push(emitOp(op, a, b, c, k, false)!);
          break;
        }
        // 0 <= i < n; with both high halves zero (every real index and length) a uint32 compare of the low halves
        const [il, ih] = fc.readI(a);
        const value = (lo: string, hi: string): string => `(${hi} * 4294967296 + (${lo} >>> 0))`; // readWord's
        let ok: string;
        if (op === Op.BOUNDSI) ok = `${ih} === 0 && (${il} >>> 0) < ${b}`;
        else {
          const [nl, nh] = fc.readI(b);
          ok = `((${ih} | ${nh}) === 0 ? (${il} >>> 0) < (${nl} >>> 0) : ${value(il, ih)} >= 0 && ${value(il, ih)} < ${value(nl, nh)})`;
        }
        out.push(`if (!(${ok})) { ${fc.spill()} ${deopt(k)} }`);
        break;
      }
      case Op.DIV: case Op.MOD: case Op.DIVU: case Op.MODU:
        if (!FrameCache.word(a) || !FrameCache.word(b) || !FrameCache.word(c)) {
          fc.clear();
          out.push(memoryForm(prog, op, a, b, c, k));
          break;
        }
        divmod(fc, out, op, a, b, c, k);
        break;
      case Op.LOAD1: // as LOAD, for a byte (no alignment)
        if (FrameCache.word(b) && c >= 0) {
          const [pl, ph] = fc.readI(b);
          fc.flush();
          out.push(`{ ${pointer(pl, ph, c, 0, k)} x1 = u8[p]; }`);
          fc.writeB(a, 'x1');
          break;
        }
        fc.clear();
        out.push(emitOp(op, a, b, c, k, false)!);
        break;
      case Op.LOAD: // the pointer may name any frame word: the cache is written back first
        if (FrameCache.word(a) && FrameCache.word(b) && c >= 0) {
          const [pl, ph] = fc.readI(b);
          fc.flush();
          fc.writeI(a, 'i32[q]', 'i32[q + 1]', `${pointer(pl, ph, c, 7, k)} const q = p >>> 2;`);
          break;
        }
        fc.flush();
        out.push(emitOp(op, a, b, c, k, false)!);
        if (FrameCache.word(a)) fc.drop(a);
        else fc.clear();
        break;
      case Op.STORE: // as LOAD; the store may overwrite any frame word the cache holds, so it forgets them all
        if (FrameCache.word(a) && FrameCache.word(c) && b >= 0) {
          const [pl, ph] = fc.readI(a);
          const [vl, vh] = fc.readI(c);
          fc.flush();
          out.push(`{ ${pointer(pl, ph, b, 7, k)} const q = p >>> 2; i32[q] = ${vl}; i32[q + 1] = ${vh}; }`);
          fc.clear();
          break;
        }
        fc.clear();
        out.push(emitOp(op, a, b, c, k, false)!);
        break;
      case Op.DEFERPROC: { // as interp.ts: registers are not saved for deferproc (a throw saves them at `at`)
        const [fl, fh] = halves(fc, a);
        fc.clear();
        out.push(`at = ${k}; deferproc(m, pol, g, sp, ${fh} * 4294967296 + (${fl} >>> 0), ${b}, ${TextBase + (k + 1) * 4}); g.ret = 0; i32 = s.i32; u8 = s.u8; pages = s.pages;`);
        break;
      }
      case Op.CALLCLOSURE: {
        const [fl, fh] = halves(fc, a);
        fc.clear();
        out.push(emitCallClosure(k, fl, fh));
        break;
      }
      default:
        fc.clear();
        out.push(memoryForm(prog, op, a, b, c, k));
        if (op === Op.RET) fc.forget();
    }
  }
  fc.clear();
  return { code: out.join('\n'), locals: fc.locals };
}

/** Instruction k on memory (the frame cache holds nothing): calls, returns, safe points and the other ops. */
function memoryForm(prog: Program, op: number, a: number, b: number, c: number, k: number): string {
  switch (op) {
    case Op.CALL: {
      let zero = '';
      for (let z = prog.zeroStart[a]!; z < prog.zeroStart[a + 1]!; z++) {
        zero += `i32[(csp + ${prog.zeroWords[z]!}) >>> 2] = 0; i32[((csp + ${prog.zeroWords[z]!}) >>> 2) + 1] = 0; `;
      }
      return emitCall(k, String(a), String(prog.funcFrameSize[a]!), String(prog.funcNosplit[a]!), String(prog.funcEntryIndex[a]!), '', zero);
    }
    case Op.DEFERPROCSTACK:
      return `at = ${k}; deferprocStackOp(m, g, sp, ${a}, ${b}, ${c}, ${TextBase + (k + 1) * 4}); g.ret = 0; i32 = s.i32; u8 = s.u8; pages = s.pages;`;
    case Op.DEFERRETURN:
      return `at = ${k};\n${emitDeferreturn(k)}`;
    case Op.RET:
      return `sp += ${a + 8}; if (depth > 0) return budget;
          g.sp = sp; m.budget = budget; g.pc = readWord(i32, sp - 8); return ${Exit.Trampoline};`;
    case Op.NEW: case Op.MAKECHAN: case Op.MAKESLICE: case Op.CONCAT: case Op.BOX:
    case Op.SEND: case Op.RECV: case Op.CLOSE:
      return safePointOp(k, `heapOp(m, g, ${op}, sp, ${a}, ${b}, ${c})`);
    default: {
      const x = op >= 100 ? extOps[op] : undefined;
      if (x !== undefined && x.safePoint) return safePointOp(k, `extOps[${op}].run(m, g, sp, ${a}, ${b}, ${c})`);
      return emitOp(op, a, b, c, k, x !== undefined && !x.safePoint) ?? deopt(k);
    }
  }
}

/**
 * A JS function over instructions [start, end) of function [fStart, fEnd): an ip of the function outside its
 * range is another part's (Exit.Part, the registers saved there); anything else deopts.
 */
function part(name: string, prog: Program, start: number, end: number, fStart: number, fEnd: number, lead: Set<number>, extraDepth: number): string {
  const { code, locals } = body(prog, start, end, lead);
  const next = end < fEnd ? `\nip = ${end}; continue;` : ''; // falling into the next part
  const held = locals.size > 0 ? `let ${[...locals].map((l) => `${l} = 0`).join(', ')};` : '';
  const other = start > fStart || end < fEnd ? `if (ip >= ${fStart} && ip < ${fEnd}) { ${save('ip')} return ${Exit.Part}; }` : '';
  return `function ${name}(m, g, ip, depth, sp, budget) {
  const s = m.space; let i32 = s.i32, u8 = s.u8, pages = s.pages; const f64 = s.f64, f32 = s.f32;
  let guard = g.stackguard;
  let at = -1, x1 = 0; const dc = ${1 + extraDepth + (locals.size >> 5)}; ${held}
  try {
    X: for (;;) switch (ip) {
${code}${next}
    default: ${other} break X;
    }
    ${save('ip')} return ${Exit.Deopt};
  } catch (e) {
    if (!(e instanceof Unwind)) { ${save('at')} throw new Unwind(e); }
    throw e;
  }
}`;
}

/**
 * The JS source of function f (exported for tests and debugging): one part, or the parts and F, which runs the
 * part holding ip until one returns anything but Exit.Part. A part counts 1 depth more than its locals ask (F's
 * frame under it).
 */
export function source(prog: Program, f: number): string {
  const info = prog.funcs[f]!;
  const start = info.entryIndex;
  const end = info.endIndex;
  const lead = leaders(prog.code, start, end);
  const cuts = partCuts(prog.code, start, end);
  if (cuts.length === 0) return `return ${part(`F${f}`, prog, start, end, start, end, lead, 0)};`;
  const bounds = [start, ...cuts, end];
  const parts = bounds.slice(1).map((e, i) => part(`F${f}_${i}`, prog, bounds[i]!, e, start, end, lead, 1));
  const pick = cuts.map((c, i) => `ip < ${c} ? F${f}_${i} : `).join('') + `F${f}_${cuts.length}`;
  return `${parts.join('\n')}
return function F${f}(m, g, ip, depth, sp, budget) {
  for (;;) {
    const r = (${pick})(m, g, ip, depth, sp, budget);
    if (r !== ${Exit.Part}) return r;
    ip = (g.pc - ${TextBase}) >>> 2; sp = g.sp; budget = m.budget;
  }
};`;
}

/** Builds function f's JS function; H holds the helpers and tables the source names. */
export function compile(prog: Program, f: number, H: Record<string, unknown>): Compiled {
  const names = Object.keys(H);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(...names, source(prog, f))(...names.map((n) => H[n])) as Compiled;
}
