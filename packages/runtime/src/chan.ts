// Channels (Go's hchan), with waiting records (sudogs) whose elem may point into a waiting goroutine's
// stack. A blocked goroutine's sudog hangs off g.waiting until it runs again, so copystack adjusts it.

import { MaxAlloc, readWord, writeWord } from '@gosim/memory';
import { Sudog, type G } from '@gosim/stack';
import type { Machine } from './machine.js';
import { selectResume } from './select.js';

export const Hchan = {
  qcount: 0,
  dataqsiz: 8,
  buf: 16,
  elemsize: 24,
  closed: 32,
  elemtype: 40,
  sendx: 48,
  recvx: 56,
  recvqFirst: 64,
  recvqLast: 72,
  sendqFirst: 80,
  sendqLast: 88,
  size: 96,
  ptrWords: [2, 8, 9, 10, 11],
} as const;

/** What a channel operation did to the calling goroutine. */
export const ChanResult = { Done: 0, Blocked: 1 } as const;

export function makechan(m: Machine, elemType: number, size: number): number {
  const t = m.prog.types[elemType]!;
  // the buffer must fit in maxAlloc beside the hchan (Go's check, before any allocation)
  if (size < 0 || t.size * size > MaxAlloc - Hchan.size) m.runtimeErrorPanic('runtime.plainError', 'makechan: size out of range');
  const s = m.space;
  const c = m.heap.alloc(Hchan.size, m.typeId('runtime.hchan'));
  s.store64(c + Hchan.dataqsiz, size);
  s.store64(c + Hchan.elemsize, t.size);
  s.store64(c + Hchan.elemtype, elemType);
  if (size > 0 && t.size > 0) s.store64(c + Hchan.buf, m.allocArray(elemType, size));
  return c;
}

// After the entry check of the hchan (a checked load of one of its fields), its fields and the sudogs it links are
// read and written through the typed arrays: the runtime made them, so they are mapped and 8-aligned.

export function enqueue(m: Machine, c: number, first: number, sg: number): void {
  const i32 = m.space.i32;
  const last = readWord(i32, c + first + 8);
  writeWord(i32, sg + Sudog.prev, last);
  writeWord(i32, sg + Sudog.next, 0);
  if (last === 0) writeWord(i32, c + first, sg);
  else writeWord(i32, last + Sudog.next, sg);
  writeWord(i32, c + first + 8, sg);
}

/** Go's waitq.dequeue: skips a select's sudog whose goroutine another case already won (g.selectDone). */
export function dequeue(m: Machine, c: number, first: number): number {
  const s = m.space;
  const i32 = s.i32;
  for (;;) {
    const sg = readWord(i32, c + first);
    if (sg === 0) return 0;
    const next = readWord(i32, sg + Sudog.next);
    writeWord(i32, c + first, next);
    if (next === 0) writeWord(i32, c + first + 8, 0);
    else writeWord(i32, next + Sudog.prev, 0);
    writeWord(i32, sg + Sudog.next, 0);
    if (s.u8[sg + Sudog.isSelect]) {
      const g = m.gByID(readWord(i32, sg + Sudog.g));
      if (g.selectDone) continue;
      g.selectDone = true;
    }
    return sg;
  }
}

/** Go's waitq.dequeueSudoG: unlinks sg if it is still queued. */
export function dequeueSudoG(m: Machine, c: number, first: number, sg: number): void {
  const i32 = m.space.i32;
  const prev = readWord(i32, sg + Sudog.prev);
  const next = readWord(i32, sg + Sudog.next);
  if (prev !== 0) {
    writeWord(i32, prev + Sudog.next, next);
    if (next !== 0) writeWord(i32, next + Sudog.prev, prev);
    else writeWord(i32, c + first + 8, prev);
  } else if (readWord(i32, c + first) === sg) {
    writeWord(i32, c + first, next);
    if (next !== 0) writeWord(i32, next + Sudog.prev, 0);
    else writeWord(i32, c + first + 8, 0);
  } else return; // already dequeued
  writeWord(i32, sg + Sudog.next, 0);
  writeWord(i32, sg + Sudog.prev, 0);
}

function park(m: Machine, g: G, c: number, first: number, elem: number, okp: number, reason: string): number {
  const s = m.space;
  const sg = m.acquireSudog();
  const i32 = s.i32;
  writeWord(i32, sg + Sudog.g, g.goid);
  writeWord(i32, sg + Sudog.elem, elem);
  writeWord(i32, sg + Sudog.okp, okp);
  writeWord(i32, sg + Sudog.c, c);
  s.u8[sg + Sudog.isSend] = first === Hchan.sendqFirst ? 1 : 0;
  g.waiting = sg;
  enqueue(m, c, first, sg);
  m.gopark(g, reason);
  return ChanResult.Blocked;
}

/** Wakes the goroutine waiting on sg (success false: woken by close). */
function wake(m: Machine, sg: number, success: boolean): void {
  const s = m.space;
  s.u8[sg + Sudog.success] = success ? 1 : 0;
  const g = m.gByID(readWord(s.i32, sg + Sudog.g));
  g.param = sg;
  m.goready(g);
}

export const bufAt = (m: Machine, c: number, i: number): number =>
  readWord(m.space.i32, c + Hchan.buf) + i * readWord(m.space.i32, c + Hchan.elemsize);

/** Go's send: hands *elem to the receiver waiting on sg and wakes it. */
export function send(m: Machine, c: number, sg: number, elem: number): void {
  const s = m.space;
  const i32 = s.i32;
  const n = readWord(i32, c + Hchan.elemsize);
  const dst = readWord(i32, sg + Sudog.elem);
  if (dst !== 0 && n > 0) s.memmove(dst, elem, n);
  const okp = readWord(i32, sg + Sudog.okp);
  if (okp !== 0) s.store8(okp, 1);
  wake(m, sg, true);
}

/** A send into the buffer (qcount < dataqsiz). */
export function bufsend(m: Machine, c: number, elem: number): void {
  const s = m.space;
  const i32 = s.i32;
  const n = readWord(i32, c + Hchan.elemsize);
  const cap = readWord(i32, c + Hchan.dataqsiz);
  const i = readWord(i32, c + Hchan.sendx);
  if (n > 0) s.memmove(bufAt(m, c, i), elem, n);
  writeWord(i32, c + Hchan.sendx, i + 1 === cap ? 0 : i + 1);
  writeWord(i32, c + Hchan.qcount, readWord(i32, c + Hchan.qcount) + 1);
}

/** Go's recv from the sender waiting on sg: unbuffered, its value; buffered (full), the head, and its value goes to the tail. */
export function recv(m: Machine, c: number, sg: number, elem: number): void {
  const s = m.space;
  const i32 = s.i32;
  const n = readWord(i32, c + Hchan.elemsize);
  const cap = readWord(i32, c + Hchan.dataqsiz);
  const src = readWord(i32, sg + Sudog.elem);
  if (cap === 0) {
    if (elem !== 0 && n > 0) s.memmove(elem, src, n);
  } else {
    const i = readWord(i32, c + Hchan.recvx);
    if (elem !== 0 && n > 0) s.memmove(elem, bufAt(m, c, i), n);
    if (n > 0) s.memmove(bufAt(m, c, i), src, n);
    const next = i + 1 === cap ? 0 : i + 1;
    writeWord(i32, c + Hchan.recvx, next);
    writeWord(i32, c + Hchan.sendx, next);
  }
  wake(m, sg, true);
}

/** A receive from the buffer (qcount > 0). */
export function bufrecv(m: Machine, c: number, elem: number): void {
  const s = m.space;
  const i32 = s.i32;
  const n = readWord(i32, c + Hchan.elemsize);
  const cap = readWord(i32, c + Hchan.dataqsiz);
  const i = readWord(i32, c + Hchan.recvx);
  if (elem !== 0 && n > 0) s.memmove(elem, bufAt(m, c, i), n);
  if (n > 0) s.memclr(bufAt(m, c, i), n);
  writeWord(i32, c + Hchan.recvx, i + 1 === cap ? 0 : i + 1);
  writeWord(i32, c + Hchan.qcount, readWord(i32, c + Hchan.qcount) - 1);
}

/** c <- *elem. */
export function chansend(m: Machine, g: G, c: number, elem: number): number {
  const s = m.space;
  if (c === 0) return (m.gopark(g, 'chan send (nil chan)'), ChanResult.Blocked);
  if (s.load8(c + Hchan.closed)) m.runtimeErrorPanic('runtime.plainError', 'send on closed channel');
  const sg = dequeue(m, c, Hchan.recvqFirst);
  if (sg !== 0) return (send(m, c, sg, elem), ChanResult.Done);
  const q = readWord(s.i32, c + Hchan.qcount);
  const cap = readWord(s.i32, c + Hchan.dataqsiz);
  if (q < cap) return (bufsend(m, c, elem), ChanResult.Done);
  return park(m, g, c, Hchan.sendqFirst, elem, 0, 'chan send');
}

/** *elem, *okp = <-c (elem and okp may be 0). */
export function chanrecv(m: Machine, g: G, c: number, elem: number, okp: number): number {
  const s = m.space;
  if (c === 0) return (m.gopark(g, 'chan receive (nil chan)'), ChanResult.Blocked);
  const n = s.load64(c + Hchan.elemsize);
  const sg = dequeue(m, c, Hchan.sendqFirst);
  if (sg !== 0) {
    recv(m, c, sg, elem);
    if (okp !== 0) s.store8(okp, 1);
    return ChanResult.Done;
  }
  if (readWord(s.i32, c + Hchan.qcount) > 0) {
    bufrecv(m, c, elem);
    if (okp !== 0) s.store8(okp, 1);
    return ChanResult.Done;
  }
  if (s.u8[c + Hchan.closed]) {
    if (elem !== 0 && n > 0) s.memclr(elem, n);
    if (okp !== 0) s.store8(okp, 0);
    return ChanResult.Done;
  }
  return park(m, g, c, Hchan.recvqFirst, elem, okp, 'chan receive');
}

export function closechan(m: Machine, c: number): void {
  const s = m.space;
  if (c === 0) m.runtimeErrorPanic('runtime.plainError', 'close of nil channel');
  if (s.load8(c + Hchan.closed)) m.runtimeErrorPanic('runtime.plainError', 'close of closed channel');
  s.store8(c + Hchan.closed, 1);
  const n = s.load64(c + Hchan.elemsize);
  for (let sg = dequeue(m, c, Hchan.recvqFirst); sg !== 0; sg = dequeue(m, c, Hchan.recvqFirst)) {
    const dst = s.load64(sg + Sudog.elem);
    if (dst !== 0 && n > 0) s.memclr(dst, n);
    const okp = s.load64(sg + Sudog.okp);
    if (okp !== 0) s.store8(okp, 0);
    wake(m, sg, false);
  }
  for (let sg = dequeue(m, c, Hchan.sendqFirst); sg !== 0; sg = dequeue(m, c, Hchan.sendqFirst)) wake(m, sg, false);
}

/** After a parked goroutine runs again: drop its sudog; a send woken by close panics. */
export function afterWake(m: Machine, g: G): void {
  const sg = g.waiting;
  if (sg === 0) return;
  if (m.space.load8(sg + Sudog.isSelect)) return selectResume(m, g);
  g.waiting = 0;
  g.param = 0;
  const s = m.space;
  const closed = s.load8(sg + Sudog.isSend) !== 0 && s.load8(sg + Sudog.success) === 0;
  m.releaseSudog(sg);
  // a receiver woken by close finds its results already written; a sender panics
  if (closed) m.runtimeErrorPanic('runtime.plainError', 'send on closed channel');
}

export function chanlen(m: Machine, c: number): number {
  return c === 0 ? 0 : m.space.load64(c + Hchan.qcount);
}

export function chancap(m: Machine, c: number): number {
  return c === 0 ? 0 : m.space.load64(c + Hchan.dataqsiz);
}
