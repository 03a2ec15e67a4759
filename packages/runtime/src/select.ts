// select: Go 1.19's selectgo. The case array (runtime.scase {c, elem}, sends first) and the order array
// (pollorder then lockorder, uint16) live in the selecting frame; elem points into that frame too. Blocked,
// the goroutine has one sudog per non-nil case, in lock order on g.waiting (copystack adjusts their elem);
// the first channel operation to dequeue one sets g.selectDone, so the others are skipped, and selectResume
// (run when g runs again) unlinks the rest and writes the chosen case.

import { readWord, writeWord } from '@gosim/memory';
import { MiscOp, Scase, TextBase } from '@gosim/program';
import { Sudog, type G } from '@gosim/stack';
import { bufrecv, bufsend, ChanResult, dequeue, dequeueSudoG, enqueue, Hchan, recv, send } from './chan.js';
import type { ExtOps } from './ext-ops.js';
import { fastrandn } from './fastrand.js';
import type { Machine } from './machine.js';

// A call's operands: dst (chosen word, recvOK byte at +8), cas0 (the case array) and shape (nsends | nrecvs << 12 |
// block << 24). The frame's case and order arrays are read through the typed arrays after one checked load of
// scases[0].c (the frame is mapped and 8-aligned, so are the uint16 orders after the 16-byte cases).
const nsendsOf = (shape: number): number => shape & 0xfff;
const ncasesOf = (shape: number): number => (shape & 0xfff) + ((shape >>> 12) & 0xfff);

/** scases[i].c, the case array starting at i32 index cw. */
const chanAt = (i32: Int32Array, cw: number, i: number): number => readWord(i32, (cw + 4 * i) * 4);

function finish(m: Machine, dst: number, casi: number, recvOK: boolean): number {
  m.space.store64(dst, casi);
  m.space.store8(dst + 8, recvOK ? 1 : 0);
  return ChanResult.Done;
}

const sendOnClosed = (m: Machine): never => m.runtimeErrorPanic('runtime.plainError', 'send on closed channel');

function selectgo(m: Machine, g: G, dst: number, cas0: number, shape: number): number {
  const s = m.space;
  const nsends = nsendsOf(shape);
  const ncases = ncasesOf(shape);
  const block = ((shape >>> 24) & 1) !== 0;
  if (ncases === 0 && block) return (m.gopark(g, 'select (no cases)'), ChanResult.Blocked); // runtime.block
  if (ncases > 0) s.load64(cas0 + Scase.c);
  const i32 = s.i32;
  const u16 = s.u16;
  // scases[i].c is i32 words 4i, 4i+1 from cas0; pollorder[i] is u16[poll + i], lockorder[i] is u16[lock + i]
  const cw = cas0 >>> 2;
  const poll = (cas0 + ncases * Scase.size) >>> 1;
  const lock = poll + ncases;
  // generate the permuted poll order, omitting cases without channels
  let norder = 0;
  for (let i = 0; i < ncases; i++) {
    if (chanAt(i32, cw, i) === 0) {
      writeWord(i32, cas0 + i * Scase.size + Scase.elem, 0);
      continue;
    }
    const j = fastrandn(m, norder + 1);
    u16[poll + norder] = u16[poll + j]!;
    u16[poll + j] = i;
    norder++;
  }
  // sort the cases by hchan address for the lock order (Go's heap sort)
  for (let i = 0; i < norder; i++) {
    let j = i;
    const p = u16[poll + i]!;
    const c = chanAt(i32, cw, p);
    while (j > 0 && chanAt(i32, cw, u16[lock + ((j - 1) >> 1)]!) < c) {
      const k = (j - 1) >> 1;
      u16[lock + j] = u16[lock + k]!;
      j = k;
    }
    u16[lock + j] = p;
  }
  for (let i = norder - 1; i >= 0; i--) {
    const o = u16[lock + i]!;
    const c = chanAt(i32, cw, o);
    u16[lock + i] = u16[lock]!;
    let j = 0;
    for (;;) {
      let k = j * 2 + 1;
      if (k >= i) break;
      if (k + 1 < i && chanAt(i32, cw, u16[lock + k]!) < chanAt(i32, cw, u16[lock + k + 1]!)) k++;
      if (c < chanAt(i32, cw, u16[lock + k]!)) {
        u16[lock + j] = u16[lock + k]!;
        j = k;
        continue;
      }
      break;
    }
    u16[lock + j] = o;
  }
  // pass 1: look for something already waiting
  for (let n = 0; n < norder; n++) {
    const casi = u16[poll + n]!;
    const c = chanAt(i32, cw, casi);
    const elem = readWord(i32, cas0 + casi * Scase.size + Scase.elem);
    if (casi >= nsends) {
      s.load64(c + Hchan.qcount); // the hchan, checked before the unchecked reads of recv and dequeue
      const sg = dequeue(m, c, Hchan.sendqFirst);
      if (sg !== 0) return (recv(m, c, sg, elem), finish(m, dst, casi, true));
      if (readWord(i32, c + Hchan.qcount) > 0) return (bufrecv(m, c, elem), finish(m, dst, casi, true));
      if (s.u8[c + Hchan.closed]) {
        if (elem !== 0) s.memclr(elem, readWord(i32, c + Hchan.elemsize));
        return finish(m, dst, casi, false);
      }
    } else {
      if (s.load8(c + Hchan.closed)) sendOnClosed(m);
      const sg = dequeue(m, c, Hchan.recvqFirst);
      if (sg !== 0) return (send(m, c, sg, elem), finish(m, dst, casi, false));
      if (readWord(i32, c + Hchan.qcount) < readWord(i32, c + Hchan.dataqsiz)) return (bufsend(m, c, elem), finish(m, dst, casi, false));
    }
  }
  if (!block) return finish(m, dst, -1, false);
  // pass 2: enqueue on all channels, in lock order
  let last = 0;
  g.waiting = 0;
  for (let n = 0; n < norder; n++) {
    const casi = u16[lock + n]!;
    const c = chanAt(i32, cw, casi);
    const sg = m.acquireSudog();
    writeWord(i32, sg + Sudog.g, g.goid);
    s.u8[sg + Sudog.isSelect] = 1;
    writeWord(i32, sg + Sudog.elem, readWord(i32, cas0 + casi * Scase.size + Scase.elem));
    writeWord(i32, sg + Sudog.c, c);
    s.u8[sg + Sudog.isSend] = casi < nsends ? 1 : 0;
    if (last === 0) g.waiting = sg;
    else writeWord(i32, last + Sudog.waitlink, sg);
    last = sg;
    enqueue(m, c, casi < nsends ? Hchan.sendqFirst : Hchan.recvqFirst, sg);
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
  const dst = g.sp + code[ins * 4 + 1]!;
  const cas0 = g.sp + code[ins * 4 + 2]!;
  const shape = code[ins * 4 + 3]!;
  const nsends = nsendsOf(shape);
  const ncases = ncasesOf(shape);
  const i32 = s.i32;
  const lock = ((cas0 + ncases * Scase.size) >>> 1) + ncases;
  g.selectDone = false;
  const sg = g.param;
  g.param = 0;
  let sglist = g.waiting;
  for (let sg1 = g.waiting; sg1 !== 0; sg1 = readWord(i32, sg1 + Sudog.waitlink)) {
    s.u8[sg1 + Sudog.isSelect] = 0;
    writeWord(i32, sg1 + Sudog.elem, 0);
    writeWord(i32, sg1 + Sudog.c, 0);
  }
  g.waiting = 0;
  let casi = -1;
  let success = false;
  let norder = 0;
  if (ncases > 0) s.load64(cas0 + Scase.c);
  for (let i = 0; i < ncases; i++) if (readWord(i32, cas0 + i * Scase.size + Scase.c) !== 0) norder++;
  for (let n = 0; n < norder && sglist !== 0; n++) {
    const casei = s.u16[lock + n]!;
    if (sg === sglist) {
      casi = casei;
      success = s.u8[sglist + Sudog.success] !== 0;
    } else {
      const c = readWord(i32, cas0 + casei * Scase.size + Scase.c);
      dequeueSudoG(m, c, casei < nsends ? Hchan.sendqFirst : Hchan.recvqFirst, sglist);
    }
    const next = readWord(i32, sglist + Sudog.waitlink);
    m.releaseSudog(sglist);
    sglist = next;
  }
  if (casi < 0) throw new Error('selectgo: bad wakeup');
  if (casi < nsends) {
    if (!success) sendOnClosed(m);
    finish(m, dst, casi, false);
  } else finish(m, dst, casi, success);
}

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const selectOps: ExtOps = {
  [MiscOp.SELECTGO]: {
    safePoint: true,
    run: (m, g, sp, a, b, c) => selectgo(m, g, sp + a, sp + b, c),
  },
};
