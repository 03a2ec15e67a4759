// Finalizers (Go 1.19's runtime/mfinal.go and the finalizer specials of mheap.go).
//
// runtime.SetFinalizer(obj, fn) checks its arguments as Go does (a throw for each misuse) and records a
// finalizer special on obj's heap object: the funcval, the finalizer's parameter type (fint), obj's pointer
// type (ot) and the bytes of its results (nret). The GC (the hook in gc/src/context.ts):
//   - before the mark, every special is a root: the funcval, and everything the object reaches (not the object
//     itself), so a finalized object's referents survive the cycle in which it is queued (markrootSpans);
//   - after the mark, each special whose object is unmarked is removed and (fn, obj) queued on finq; the object
//     is marked, so it and what it reaches survive until the finalizer has run. finq's entries are roots.
// The finalizer goroutine (createfing: made on the first SetFinalizer) runs runtime.runfinq: RUNFINQ takes the
// last queued entry (Go's finq is a LIFO of blocks), lays out obj as fint in the outgoing area and the
// finalizer runs by CALLCLOSURE, one at a time; with finq empty it parks (fingwait) and the GC readies it.
// Like Go's, it is a system goroutine: left out of NumGoroutine, deadlock detection and tracebacks of other
// goroutines, except while it runs a finalizer (fingRunning).

import type { MarkWork } from '@gosim/gc';
import { Module, Op, RtapiOp, type ProgramType } from '@gosim/program';
import { G, GoThrow, GStatus } from '@gosim/stack';
import { ChanResult } from './chan.js';
import type { ExtOps } from './ext-ops.js';
import { getitab } from './iface.js';
import type { Machine } from './machine.js';

/** runfinq's outgoing area: a finalizer's argument (a pointer or an interface) and its results. */
export const RunfinqOut = 128;

interface Special { fn: number; fint: number; ot: number; nret: number }
interface Finq { fn: number; obj: number; fint: number; ot: number; nret: number }

export class Finalizers {
  /** Specials by object base, in insertion order. */
  readonly specials = new Map<number, Special>();
  /** Queued finalizer calls; runfinq takes the last. */
  readonly finq: Finq[] = [];
  fing: G | null = null;
  fingwait = false;
  fingRunning = false;
  /** Set by the GC when it queued finalizers; runtime.GC() then lets the finalizer goroutine run. */
  fingwake = false;

  constructor(private readonly m: Machine) {}

  /** Go's isSystemGoroutine for the finalizer goroutine: a system one unless it is running a finalizer. */
  isSystem(g: G): boolean {
    return g === this.fing && !this.fingRunning;
  }

  // ---- the GC's hook -----------------------------------------------------------------------------------

  markroots(w: MarkWork): void {
    const m = this.m;
    for (const [obj, sp] of this.specials) {
      w.markPointer(sp.fn);
      m.gc.scanObject(m, w, obj);
    }
    for (const q of this.finq) {
      w.markPointer(q.fn);
      w.markPointer(q.obj);
    }
  }

  afterMark(w: MarkWork): void {
    const heap = this.m.heap;
    const dead = [...this.specials.keys()].filter((obj) => !heap.isMarked(obj)).sort((a, b) => a - b);
    for (const obj of dead) {
      const sp = this.specials.get(obj)!;
      this.specials.delete(obj);
      this.finq.push({ fn: sp.fn, obj, fint: sp.fint, ot: sp.ot, nret: sp.nret });
      w.markPointer(obj);
    }
    if (dead.length > 0) this.fingwake = true;
  }

  /** After a collection: a parked finalizer goroutine with work is made ready (Go's wakefing). */
  wake(): boolean {
    if (!this.fingwake) return false;
    this.fingwake = false;
    if (this.fing && this.fingwait) {
      this.fingwait = false;
      this.m.goready(this.fing);
      return true;
    }
    return false;
  }

  // ---- SetFinalizer ---------------------------------------------------------------------------------------

  /** runtime.SetFinalizer(obj, finalizer): the eface words of both arguments. */
  set(g: G, objType: number, objData: number, finType: number, finData: number): void {
    const m = this.m;
    const types = m.prog.types;
    if (objType === 0) throw new GoThrow('runtime.SetFinalizer: first argument is nil', 'goroutine');
    const etyp = types[objType - 1]!;
    if (etyp.kind !== 'pointer') throw new GoThrow(`runtime.SetFinalizer: first argument is ${etyp.name}, not pointer`, 'goroutine');
    const base = m.heap.findObject(objData);
    if (base === 0) {
      // pointers to globals and to zero-sized values are allowed and ignored
      if (objData === 0 || this.inData(objData) || types[etyp.elem]?.size === 0) return;
      throw new GoThrow('runtime.SetFinalizer: pointer not in allocated block', 'goroutine');
    }
    if (base !== objData) {
      const el = types[etyp.elem]!;
      if (el.ptrWords.length !== 0 || el.size >= 16) throw new GoThrow('runtime.SetFinalizer: pointer not at beginning of allocated block', 'goroutine');
    }
    if (finType === 0) {
      this.specials.delete(base);
      return;
    }
    const ftyp = types[finType - 1]!;
    if (ftyp.kind !== 'func') throw new GoThrow(`runtime.SetFinalizer: second argument is ${ftyp.name}, not a function`, 'goroutine');
    const cannot = `runtime.SetFinalizer: cannot pass ${etyp.name} to finalizer ${ftyp.name}`;
    if (ftyp.variadic) throw new GoThrow(`${cannot} because dotdotdot`, 'goroutine');
    if (ftyp.params?.length !== 1) throw new GoThrow(cannot, 'goroutine');
    const fint = ftyp.params[0]!;
    if (!this.okarg(objType - 1, fint)) throw new GoThrow(cannot, 'goroutine');
    let nret = 0;
    for (const r of ftyp.results ?? []) nret = align(nret, Math.min(8, Math.max(1, types[r]!.size))) + types[r]!.size;
    nret = align(nret, 8);
    if (8 + 16 + nret > RunfinqOut) throw new GoThrow(`${cannot} (gosim: results larger than ${RunfinqOut - 24} bytes)`, 'goroutine');
    this.createfing(g);
    if (this.specials.has(base)) throw new GoThrow('runtime.SetFinalizer: finalizer already set', 'goroutine');
    this.specials.set(base, { fn: finData, fint, ot: objType - 1, nret });
  }

  private okarg(etyp: number, fint: number): boolean {
    const types = this.m.prog.types;
    if (fint === etyp) return true;
    const ft = types[fint]!;
    const et = types[etyp]!;
    if (ft.kind === 'pointer') return (!ft.named || !et.named) && ft.elem === et.elem;
    if (ft.kind === 'interface') return (ft.imethods?.length ?? 0) === 0 || getitab(this.m, fint, etyp, true) !== 0;
    return false;
  }

  private inData(p: number): boolean {
    return p >= this.m.dataBase && p < this.m.dataBase + this.m.prog.data.length;
  }

  /** createfing: the finalizer goroutine, once. */
  private createfing(creator: G): void {
    if (this.fing) return;
    const m = this.m;
    const run = m.prog.func('runtime.runfinq')!;
    const cf = m.prog.func('runtime.createfing')!;
    // made runnable by newproc like any goroutine; it parks on its first RUNFINQ if there is nothing to do
    this.fing = m.newproc(m.funcvalAddr(run.id), 0, 0, creator, cf.entry + 4);
  }

  // ---- runfinq ------------------------------------------------------------------------------------------

  /** RUNFINQ: the next call set up in g's outgoing area (fv and got = 1), or g parked (got = 0). */
  next(g: G, sp: number, fvSlot: number, gotSlot: number): number {
    const m = this.m;
    const s = m.space;
    this.fingRunning = false;
    const f = this.finq.pop();
    if (!f) {
      s.store64(sp + gotSlot, 0);
      this.fingwait = true;
      m.gopark(g, 'finalizer wait');
      return ChanResult.Blocked;
    }
    const types = m.prog.types;
    const fint: ProgramType = types[f.fint]!;
    s.fill(sp, RunfinqOut, 0);
    if (fint.kind === 'interface') {
      const w0 = (fint.imethods?.length ?? 0) === 0 ? f.ot + 1 : getitab(m, f.fint, f.ot, false);
      s.store64(sp, w0);
      s.store64(sp + 8, f.obj);
    } else s.store64(sp, f.obj);
    s.store64(sp + fvSlot, f.fn);
    s.store64(sp + gotSlot, 1);
    this.fingRunning = true;
    return ChanResult.Done;
  }
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

const states = new WeakMap<Machine, Finalizers>();

/** The machine's finalizer state (made on first use). */
export function finalizers(m: Machine): Finalizers {
  let f = states.get(m);
  if (!f) states.set(m, (f = new Finalizers(m)));
  return f;
}

/** The machine's finalizer state if a program ever used one. */
export function finalizersIfAny(m: Machine): Finalizers | undefined {
  return states.get(m);
}

export const finalizerOps: ExtOps = {
  [RtapiOp.RUNFINQ]: {
    safePoint: true,
    run: (m, g, sp, a, b) => finalizers(m).next(g, sp, a, b),
  },
};

/** Adds runtime.runfinq and runtime.createfing to m when the program may set a finalizer. */
export function addFinalizerRuntime(m: Module): void {
  if (!m.funcIds.has('runtime.SetFinalizer')) return;
  const file = '$GOROOT/src/runtime/mfinal.go';
  const cf = m.func('runtime.createfing', { nosplit: true, file });
  cf.line = 163;
  cf.emit(Op.NOP).emit(Op.RET).end();
  const f = m.func('runtime.runfinq', {
    locals: [{ name: 'fv', size: 8, ptr: [0] }, { name: 'got', size: 8 }],
    outgoing: RunfinqOut,
    file,
  });
  f.line = 200;
  const loop = f.label();
  f.bind(loop).emit(RtapiOp.RUNFINQ, f.slot('fv'), f.slot('got'));
  f.jump(Op.JZ, loop, f.slot('got'));
  f.line = 210;
  f.emit(Op.CALLCLOSURE, f.slot('fv'));
  f.jump(Op.JMP, loop);
  f.emit(Op.RET);
  f.end();
  m.funcval('runtime.runfinq');
}
