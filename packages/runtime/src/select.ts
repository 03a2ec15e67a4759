// select: Go 1.19's selectgo. The case array (runtime.scase {c, elem}, sends first) and the order array
// (pollorder then lockorder, uint16) live in the selecting frame; elem points into that frame too. Blocked,
// the goroutine has one sudog per non-nil case, in lock order on g.waiting (copystack adjusts their elem);
// the first channel operation to dequeue one sets g.selectDone, so the others are skipped, and selectResume
// (run when g runs again) unlinks the rest and writes the chosen case.

import { MiscOp, Scase, TextBase } from '@gosim/program';
import { Sudog, type G } from '@gosim/stack';
import { bufrecv, bufsend, ChanResult, dequeue, dequeueSudoG, enqueue, Hchan, recv, send } from './chan.js';
import type { ExtOps } from './ext-ops.js';
import { fastrandn } from './fastrand.js';
import type { Machine } from './machine.js';

interface SelectCall {
  /** chosen word, recvOK byte at +8. */
  readonly dst: number;
  readonly cas0: number;
  readonly nsends: number;
  readonly ncases: number;
  readonly block: boolean;
}

const decode = (dst: number, cas0: number, shape: number): SelectCall => {
  const nsends = shape & 0xfff;
  return { dst, cas0, nsends, ncases: nsends + ((shape >>> 12) & 0xfff), block: ((shape >>> 24) & 1) !== 0 };
};

const caseAt = (x: SelectCall, i: number): number => x.cas0 + i * Scase.size;
const pollAt = (x: SelectCall, i: number): number => x.cas0 + x.ncases * Scase.size + 2 * i;
const lockAt = (x: SelectCall, i: number): number => pollAt(x, x.ncases + i);

function finish(m: Machine, x: SelectCall, casi: number, recvOK: boolean): number {
  m.space.store64(x.dst, casi);
  m.space.store8(x.dst + 8, recvOK ? 1 : 0);
  return ChanResult.Done;
}

const sendOnClosed = (m: Machine): never => m.runtimeErrorPanic('runtime.plainError', 'send on closed channel');

function selectgo(m: Machine, g: G, x: SelectCall): number {
  const s = m.space;
  if (x.ncases === 0 && x.block) return (m.gopark(g, 'select (no cases)'), ChanResult.Blocked); // runtime.block
  const chan = (i: number): number => s.load64(caseAt(x, i) + Scase.c);
  // generate the permuted poll order, omitting cases without channels
  let norder = 0;
  for (let i = 0; i < x.ncases; i++) {
    if (chan(i) === 0) {
      s.store64(caseAt(x, i) + Scase.elem, 0);
      continue;
    }
    const j = fastrandn(m, norder + 1);
    s.store16(pollAt(x, norder), s.load16(pollAt(x, j)));
    s.store16(pollAt(x, j), i);
    norder++;
  }
  // sort the cases by hchan address for the lock order (Go's heap sort)
  const lock = (i: number): number => s.load16(lockAt(x, i));
  const setLock = (i: number, v: number): void => s.store16(lockAt(x, i), v);
  for (let i = 0; i < norder; i++) {
    let j = i;
    const p = s.load16(pollAt(x, i));
    const c = chan(p);
    while (j > 0 && chan(lock((j - 1) >> 1)) < c) {
      const k = (j - 1) >> 1;
      setLock(j, lock(k));
      j = k;
    }
    setLock(j, p);
  }
  for (let i = norder - 1; i >= 0; i--) {
    const o = lock(i);
    const c = chan(o);
    setLock(i, lock(0));
    let j = 0;
    for (;;) {
      let k = j * 2 + 1;
      if (k >= i) break;
      if (k + 1 < i && chan(lock(k)) < chan(lock(k + 1))) k++;
      if (c < chan(lock(k))) {
        setLock(j, lock(k));
        j = k;
        continue;
      }
      break;
    }
    setLock(j, o);
  }
  // pass 1: look for something already waiting
  for (let n = 0; n < norder; n++) {
    const casi = s.load16(pollAt(x, n));
    const c = chan(casi);
    const elem = s.load64(caseAt(x, casi) + Scase.elem);
    if (casi >= x.nsends) {
      const sg = dequeue(m, c, Hchan.sendqFirst);
      if (sg !== 0) return (recv(m, c, sg, elem), finish(m, x, casi, true));
      if (s.load64(c + Hchan.qcount) > 0) return (bufrecv(m, c, elem), finish(m, x, casi, true));
      if (s.load8(c + Hchan.closed)) {
        if (elem !== 0) s.memclr(elem, s.load64(c + Hchan.elemsize));
        return finish(m, x, casi, false);
      }
    } else {
      if (s.load8(c + Hchan.closed)) sendOnClosed(m);
      const sg = dequeue(m, c, Hchan.recvqFirst);
      if (sg !== 0) return (send(m, c, sg, elem), finish(m, x, casi, false));
      if (s.load64(c + Hchan.qcount) < s.load64(c + Hchan.dataqsiz)) return (bufsend(m, c, elem), finish(m, x, casi, false));
    }
  }
  if (!x.block) return finish(m, x, -1, false);
  // pass 2: enqueue on all channels, in lock order
  let last = 0;
  g.waiting = 0;
  for (let n = 0; n < norder; n++) {
    const casi = lock(n);
    const c = chan(casi);
    const sg = m.heap.alloc(Sudog.size, m.typeId('runtime.sudog'));
    s.store64(sg + Sudog.g, g.goid);
    s.store8(sg + Sudog.isSelect, 1);
    s.store64(sg + Sudog.elem, s.load64(caseAt(x, casi) + Scase.elem));
    s.store64(sg + Sudog.c, c);
    s.store8(sg + Sudog.isSend, casi < x.nsends ? 1 : 0);
    if (last === 0) g.waiting = sg;
    else s.store64(last + Sudog.waitlink, sg);
    last = sg;
    enqueue(m, c, casi < x.nsends ? Hchan.sendqFirst : Hchan.recvqFirst, sg);
  }
  g.param = 0;
  g.selectDone = false;
  m.gopark(g, 'select');
  return ChanResult.Blocked;
}

/** Pass 3, when a goroutine woken in selectgo runs again: dequeue from the unsuccessful channels. */
export function selectResume(m: Machine, g: G): void {
  const s = m.space;
  const ins = ((g.pc - TextBase) >> 2) - 1;
  const code = m.prog.code;
  if (code[ins * 4] !== MiscOp.SELECTGO) throw new Error('selectResume: not parked in SELECTGO');
  const x = decode(g.sp + code[ins * 4 + 1]!, g.sp + code[ins * 4 + 2]!, code[ins * 4 + 3]!);
  g.selectDone = false;
  const sg = g.param;
  g.param = 0;
  let sglist = g.waiting;
  for (let sg1 = g.waiting; sg1 !== 0; sg1 = s.load64(sg1 + Sudog.waitlink)) {
    s.store8(sg1 + Sudog.isSelect, 0);
    s.store64(sg1 + Sudog.elem, 0);
    s.store64(sg1 + Sudog.c, 0);
  }
  g.waiting = 0;
  let casi = -1;
  let success = false;
  let norder = 0;
  for (let i = 0; i < x.ncases; i++) if (s.load64(caseAt(x, i) + Scase.c) !== 0) norder++;
  for (let n = 0; n < norder && sglist !== 0; n++) {
    const casei = s.load16(lockAt(x, n));
    if (sg === sglist) {
      casi = casei;
      success = s.load8(sglist + Sudog.success) !== 0;
    } else {
      const c = s.load64(caseAt(x, casei) + Scase.c);
      dequeueSudoG(m, c, casei < x.nsends ? Hchan.sendqFirst : Hchan.recvqFirst, sglist);
    }
    const next = s.load64(sglist + Sudog.waitlink);
    s.store64(sglist + Sudog.waitlink, 0);
    sglist = next;
  }
  if (casi < 0) throw new Error('selectgo: bad wakeup');
  if (casi < x.nsends) {
    if (!success) sendOnClosed(m);
    finish(m, x, casi, false);
  } else finish(m, x, casi, success);
}

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const selectOps: ExtOps = {
  [MiscOp.SELECTGO]: {
    safePoint: true,
    run: (m, g, sp, a, b, c) => selectgo(m, g, decode(sp + a, sp + b, c)),
  },
};
