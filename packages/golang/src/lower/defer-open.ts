/**
 * Go 1.14's open-coded defers (codegen `openDefers`; cmd/compile's openDeferRecord / openDeferExit). A function
 * qualifies when every defer statement of its body is outside any loop, there are at most MaxOpenDefers of them,
 * returns × defers is at most MaxOpenDeferReturnsTimesDefers, and no result lives in a heap cell (Go: no extra exit
 * code). Then defer statement i stores its closure and each argument in frame slots of their own — typed like the
 * values, so the frame's pointer maps cover them: the GC scans and copystack adjusts them as ordinary frame contents
 * — and sets bit i of the frame's deferBits byte (zeroed at entry). The exit runs the calls inline, last first, each
 * guarded by its bit, which is cleared before the call; after it comes the deferreturn segment (DEFERRETURN; RET)
 * where a frame resumes after a recovery. The function's OpenDeferInfo (funcdata) tells gopanic and Goexit where
 * the bits, closures and arguments are, as offsets below varp = sp + frameSize.
 */
import { MaxOpenDeferReturnsTimesDefers, MaxOpenDefers, Op, layoutSlots, type OpenDeferInfo } from '@gosim/program';
import type * as A from '../ast.js';
import { sizeof, type Signature, type Type } from '../types.js';
import type { FnLower } from './fn.js';
import { out, type Loc } from './frame.js';
import { storeFrame } from './place.js';
import { isMidInt, ptrWords } from './typeinfo.js';

/** One open-coded defer: its closure slot, argument slots and the call's layout. */
interface OpenDefer {
  readonly closure: Loc;
  readonly args: readonly { readonly slot: Loc; readonly t: Type; readonly callOffset: number }[];
  readonly results: readonly { readonly t: Type; readonly callOffset: number }[];
  readonly argSize: number;
}

/** A function's open-coded defers while it is lowered. */
export interface OpenDefers {
  /** The deferBits byte. */
  readonly bits: Loc;
  /** By bit index, in the order the defer statements are lowered (source order). */
  readonly defers: OpenDefer[];
}

/** The defer statements and the number of return statements of a body (nested function literals excluded). */
function scan(b: A.BlockStmt): { defers: A.DeferStmt[]; returns: number } {
  const defers: A.DeferStmt[] = [];
  let returns = 0;
  const work: (A.Stmt | undefined)[] = [b];
  while (work.length > 0) {
    const s = work.pop();
    if (!s) continue;
    switch (s.kind) {
      case 'DeferStmt': defers.push(s); break;
      case 'ReturnStmt': returns++; break;
      case 'BlockStmt': work.push(...s.stmts); break;
      case 'IfStmt': work.push(s.init, s.then, s.else); break;
      case 'ForStmt': work.push(s.init, s.post, s.body); break;
      case 'RangeStmt': work.push(s.body); break;
      case 'SwitchStmt': case 'TypeSwitchStmt': work.push(s.init); for (const c of s.cases) work.push(...c.body); break;
      case 'SelectStmt': for (const c of s.cases) work.push(...c.body); break;
      case 'LabeledStmt': work.push(s.stmt); break;
      default: break;
    }
  }
  return { defers, returns };
}

/** Does this function open-code its defers (Go 1.14's rules)? */
export function qualifies(fn: FnLower): boolean {
  if (!fn.L.codegen.openDefers || !fn.hasDefer || !fn.node?.body || fn.escResults.length > 0) return false;
  const { defers, returns } = scan(fn.node.body);
  if (defers.length === 0 || defers.length > MaxOpenDefers) return false;
  if (defers.some((d) => d.topLevel !== true)) return false;
  return returns * defers.length <= MaxOpenDeferReturnsTimesDefers;
}

/**
 * At the function's entry (after its parameters are in place): the deferBits byte, zeroed, and the funcdata hook.
 * Undefined when the function does not qualify.
 */
export function openDefersFor(fn: FnLower): OpenDefers | undefined {
  if (!qualifies(fn)) return undefined;
  const f = fn.f;
  const od: OpenDefers = { bits: f.local('perm', 1, [], 'deferBits'), defers: [] };
  f.emit(Op.IMM1, od.bits, 0);
  f.funcdata = (b, slotOf) => {
    const below = (l: Loc): number => b.frameSize - slotOf(l);
    const info: OpenDeferInfo = {
      maxArgSize: Math.max(0, ...od.defers.map((d) => d.argSize)),
      deferBits: below(od.bits),
      defers: od.defers.map((d) => ({
        argSize: d.argSize,
        closure: below(d.closure),
        args: d.args.map((a) => ({ offset: below(a.slot), size: sizeof(a.t), callOffset: a.callOffset })),
      })),
    };
    b.openDefer = info;
  };
  return od;
}

/** openDeferRecord: the defer statement's closure fv and arguments into slots of their own, then bit i set. */
export function openDeferRecord(fn: FnLower, od: OpenDefers, fv: Loc, sig: Signature, args: readonly Loc[]): void {
  const f = fn.f;
  const i = od.defers.length;
  const lay = layoutSlots([
    ...sig.params.map((t, j) => ({ name: `p${j}`, size: sizeof(t) })),
    ...sig.results.map((t, j) => ({ name: `r${j}`, size: sizeof(t) })),
  ]);
  const closure = f.local('perm', 8, [0], `defer${i}.fn`);
  f.emit(Op.MOV, closure, fv);
  const slots = sig.params.map((t, j) => {
    const slot = f.local('perm', Math.max(8, sizeof(t)), ptrWords(t), `defer${i}.a${j}`);
    copyValue(fn, slot, t, args[j]!);
    return { slot, t, callOffset: lay.offsets.get(`p${j}`)! };
  });
  od.defers.push({
    closure,
    args: slots,
    results: sig.results.map((t, j) => ({ t, callOffset: lay.offsets.get(`r${j}`)! })),
    argSize: lay.size,
  });
  f.emit(Op.DEFERBITSET, od.bits, i);
}

/** A value of type t between frame operands, as copyArgs moves an argument (a 16/32-bit integer as its word). */
function copyValue(fn: FnLower, d: Loc, t: Type, v: Loc): void {
  if (isMidInt(t)) fn.f.emit(Op.MOV, d, v);
  else if (sizeof(t) > 0) storeFrame(fn, d, t, v);
}

/**
 * openDeferExit at the epilogue (every return jumps there): for i from the last defer down, if bit i is set, clear
 * it, lay the arguments out and call the closure; then RET. After it, the deferreturn segment.
 */
export function openDeferExit(fn: FnLower, od: OpenDefers): void {
  const f = fn.f;
  f.bind(fn.epi);
  for (let i = od.defers.length - 1; i >= 0; i--) {
    const d = od.defers[i]!;
    const skip = f.label();
    const on = fn.byte();
    f.emit(Op.DEFERBITTEST, on, od.bits, i);
    f.emit(Op.JZ, on, skip);
    f.emit(Op.DEFERBITCLEAR, od.bits, i);
    f.useOut(d.argSize);
    for (const a of d.args) copyValue(fn, out(a.callOffset), a.t, a.slot);
    for (const r of d.results) if (ptrWords(r.t).length > 0) f.emit(Op.ZERO, out(r.callOffset), sizeof(r.t));
    f.emit(Op.CALLCLOSURE, d.closure);
    f.bind(skip);
  }
  f.emit(Op.RET);
  // where a recovered frame resumes (Go's funcInfo.deferreturn): the runtime's deferreturn runs what its record left
  f.emit(Op.DEFERRETURN);
  f.emit(Op.RET);
}
