// Package runtime's API as Go 1.19 has it: Caller, Callers, CallersFrames and Frames.Next, FuncForPC and the
// Func methods, SetFinalizer (finalizer.ts), ReadMemStats (memstats.ts), GOMAXPROCS, NumCPU, NumGoroutine,
// Version, Breakpoint: the runtime functions of the registry's first group (rtfuncs.ts runs them).
// The walks start in the API function's own frame, so skip counts as Go's do (Callers(0, pcs) names
// runtime.Callers; Caller(0) its caller) and end with runtime.goexit's frame, as Go's do.

import { GoThrow, GStatus, type G } from '@gosim/stack';
import { callers } from '@gosim/traceback';
import { hexWord, typeDesc } from '@gosim/memory';
import { FuncRec, ModelNumCPU, RtFrame, RtFrames } from '@gosim/program';
import { ChanResult } from './chan.js';
import { finalizers } from './finalizer.js';
import type { Machine } from './machine.js';
import type { RtImpls } from './rtfuncs.js';
import { readMemStats } from './memstats.js';
import { funcRecord } from './pcln.js';
import { ProgramExit } from './signals.js';

/** The Go release gosim models (runtime.Version). */
export const GoVersion = 'go1.19.8';

/**
 * The PCs of g's frames from the running API function's own frame outwards (traceback's callers, on the system
 * stack as Go's): frame `skip` first, at most max of them, runtime.goexit's return PC last.
 */
export function walkCallers(m: Machine, g: G, skip: number, max: number, put: (i: number, pc: number) => void): number {
  m.systemstack++;
  const at = { pc: g.pc, sp: g.sp, atEntry: false, _defer: g._defer, _panic: g._panic, goid: g.goid, lo: g.lo, hi: g.hi };
  const n = callers(m, m.traceback, at, skip, max, put);
  m.systemstack--;
  return n;
}

/** Go's Frames.Next rule: a caller's PC is its return address; the call is the byte before it. */
function framePC(m: Machine, pc: number): { pc: number; fn: number; entry: number } | undefined {
  const f = m.prog.findfunc(pc);
  if (!f) return undefined;
  return { pc: pc > f.entry ? pc - 1 : pc, fn: f.id, entry: f.entry };
}

function storeString(m: Machine, at: number, rec: number, field: number): void {
  m.space.store64(at, m.space.load64(rec + field));
  m.space.store64(at + 8, m.space.load64(rec + field + 8));
}

/** Fills a runtime.Frame at `at` for the PC a Callers slice holds. */
function fillFrame(m: Machine, at: number, pc: number): boolean {
  const s = m.space;
  const fp = framePC(m, pc);
  if (!fp) return false;
  const rec = funcRecord(m, fp.fn);
  s.store64(at + RtFrame.PC, fp.pc);
  s.store64(at + RtFrame.Func, rec);
  storeString(m, at + RtFrame.Function, rec, FuncRec.name);
  storeString(m, at + RtFrame.File, rec, FuncRec.file);
  s.store64(at + RtFrame.Line, m.prog.line(fp.pc));
  s.store64(at + RtFrame.Entry, fp.entry);
  s.store64(at + RtFrame.funcInfo, rec);
  s.store64(at + RtFrame.funcInfo + 8, 0);
  return true;
}

const framesType = new WeakMap<Machine, number>();

function allocFrames(m: Machine): number {
  let t = framesType.get(m);
  if (t === undefined) {
    t = m.heap.registerType(typeDesc('runtime.Frames', RtFrames.size, [...RtFrames.ptrWords]));
    framesType.set(m, t);
  }
  return m.heap.alloc(RtFrames.size, t);
}

/** A nil *Func's method (Entry, FileLine) dereferences it: the nil-pointer panic Go's sigpanic raises. */
function nilFunc(m: Machine, g: G, f: number): void {
  if (f !== 0) return;
  m.setSig(g, 0, g.pc);
  m.runtimeErrorPanic('runtime.Error', 'invalid memory address or nil pointer dereference', 'runtime.sigpanic');
}

/** Package runtime's API functions by link name (the registry's first group). */
export const rtapiImpls: RtImpls = {
  'runtime.Caller': (m, g, a) => {
    const s = m.space;
    const skip = s.load64(a.at('skip'));
    let pc = 0;
    const n = skip < 0 ? 0 : walkCallers(m, g, skip + 1, 1, (_, p) => (pc = p));
    const fp = n === 1 ? framePC(m, pc) : undefined;
    if (!fp) return ChanResult.Done; // results stay zero: ok false
    const rec = funcRecord(m, fp.fn);
    s.store64(a.at('pc'), fp.pc);
    storeString(m, a.at('file'), rec, FuncRec.file);
    s.store64(a.at('line'), m.prog.line(fp.pc));
    s.store64(a.at('ok'), 1);
    return ChanResult.Done;
  },
  'runtime.Callers': (m, g, a) => {
    const s = m.space;
    const ptr = s.load64(a.at('pc'));
    const len = s.load64(a.at('pc') + 8);
    const skip = s.load64(a.at('skip'));
    s.store64(a.at('n'), len === 0 ? 0 : walkCallers(m, g, Math.max(skip, 0), len, (i, pc) => s.store64(ptr + 8 * i, pc)));
    return ChanResult.Done;
  },
  'runtime.CallersFrames': (m, g, a) => {
    const s = m.space;
    const ci = allocFrames(m);
    s.memmove(ci + RtFrames.callers, a.at('callers'), 24);
    s.store64(ci + RtFrames.frames, ci + RtFrames.frameStore);
    s.store64(ci + RtFrames.frames + 16, 2);
    s.store64(a.at('frames'), ci);
    return ChanResult.Done;
  },
  'runtime.(*Frames).Next': (m, g, a) => {
    const s = m.space;
    const ci = s.load64(a.at('ci'));
    const at = a.at('frame');
    s.fill(at, RtFrame.size, 0);
    // pop PCs until one is a Go function's (Go skips the others)
    for (;;) {
      const len = s.load64(ci + RtFrames.callers + 8);
      if (len === 0) break;
      const ptr = s.load64(ci + RtFrames.callers);
      const pc = s.load64(ptr);
      const cap = s.load64(ci + RtFrames.callers + 16);
      if (cap > 1) s.store64(ci + RtFrames.callers, ptr + 8);
      s.store64(ci + RtFrames.callers + 8, len - 1);
      s.store64(ci + RtFrames.callers + 16, cap - 1);
      if (fillFrame(m, at, pc)) break;
    }
    // more: another Go function's PC is left
    const len = s.load64(ci + RtFrames.callers + 8);
    const ptr = s.load64(ci + RtFrames.callers);
    let more = 0;
    for (let i = 0; i < len && !more; i++) if (m.prog.findfunc(s.load64(ptr + 8 * i))) more = 1;
    s.store64(a.at('more'), more);
    return ChanResult.Done;
  },
  'runtime.FuncForPC': (m, g, a) => {
    const s = m.space;
    const f = m.prog.findfunc(s.load64(a.at('pc')));
    s.store64(a.at('f'), f ? funcRecord(m, f.id) : 0);
    return ChanResult.Done;
  },
  'runtime.(*Func).Name': (m, g, a) => {
    const s = m.space;
    const f = s.load64(a.at('f'));
    if (f !== 0) storeString(m, a.at('name'), f, FuncRec.name);
    return ChanResult.Done;
  },
  'runtime.(*Func).Entry': (m, g, a) => {
    const s = m.space;
    const f = s.load64(a.at('f'));
    nilFunc(m, g, f);
    s.store64(a.at('entry'), s.load64(f + FuncRec.entry));
    return ChanResult.Done;
  },
  'runtime.(*Func).FileLine': (m, g, a) => {
    const s = m.space;
    const f = s.load64(a.at('f'));
    nilFunc(m, g, f);
    storeString(m, a.at('file'), f, FuncRec.file);
    s.store64(a.at('line'), m.prog.line(s.load64(a.at('pc'))));
    return ChanResult.Done;
  },
  'runtime.SetFinalizer': (m, g, a) => {
    const s = m.space;
    finalizers(m).set(g, s.load64(a.at('obj')), s.load64(a.at('obj') + 8), s.load64(a.at('finalizer')), s.load64(a.at('finalizer') + 8));
    return ChanResult.Done;
  },
  'runtime.ReadMemStats': (m, g, a) => {
    const s = m.space;
    readMemStats(m, s.load64(a.at('m')));
    return ChanResult.Done;
  },
  'runtime.GOMAXPROCS': (m, g, a) => {
    const s = m.space;
    // one P runs the model; GOMAXPROCS reports (and keeps) what Go would on a ModelNumCPU machine
    const st = procs(m);
    const n = s.load64(a.at('n'));
    s.store64(a.at('r'), st.gomaxprocs);
    if (n > 0) st.gomaxprocs = Math.min(n, 256);
    return ChanResult.Done;
  },
  'runtime.NumCPU': (m, g, a) => {
    const s = m.space;
    s.store64(a.at('n'), ModelNumCPU);
    return ChanResult.Done;
  },
  'runtime.NumGoroutine': (m, g, a) => {
    const s = m.space;
    s.store64(a.at('n'), m.allgs.filter((x) => !m.isSystemGoroutine(x)).length);
    return ChanResult.Done;
  },
  'runtime.Version': (m, g, a) => {
    const s = m.space;
    const v = new TextEncoder().encode(GoVersion);
    const p = m.allocBytes(v.length);
    s.u8.set(v, p);
    s.store64(a.at('v'), p);
    s.store64(a.at('v') + 8, v.length);
    return ChanResult.Done;
  },
  'runtime.Breakpoint': (m, g, a) => {
    throw breakpoint(m, g);
  },
  'runtime.KeepAlive': (m, g, a) => {
    return ChanResult.Done;
  },
};

const procState = new WeakMap<Machine, { gomaxprocs: number }>();
function procs(m: Machine): { gomaxprocs: number } {
  let st = procState.get(m);
  if (!st) procState.set(m, (st = { gomaxprocs: ModelNumCPU }));
  return st;
}

/** runtime.Breakpoint: the INT3 trap; Go's sighandler prints the signal and every goroutine (crash), exit 2. */
function breakpoint(m: Machine, g: G): ProgramExit {
  m.print(`SIGTRAP: trace trap\nPC=${hexWord(g.pc)} m=0 sigcode=128\n`);
  g.status = GStatus.Running;
  m.printGoroutine(g, 'running', true);
  for (const x of m.allgs) if (x !== g && !m.isSystemGoroutine(x)) m.printGoroutine(x, x.waitreason || 'runnable', true);
  return new ProgramExit(2);
}

