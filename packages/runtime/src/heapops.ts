// The interpreter's allocation and channel operations (NEW, MAKECHAN, MAKESLICE, CONCAT, BOX, SEND, RECV,
// CLOSE), run after their safe point with g's registers saved.

import { MaxAlloc, OutOfMemoryError, readWord, writeWord } from '@gosim/memory';
import type { G } from '@gosim/stack';
import { chanrecv, chansend, closechan, ChanResult, makechan } from './chan.js';
import type { Machine } from './machine.js';
import { isDirect } from './values.js';

/** Allocation and channel operations (after the safe point). */
export function heapOp(m: Machine, g: G, op: number, sp: number, a: number, b: number, c: number): number {
  const s = m.space;
  const i32 = s.i32;
  switch (op) {
    case 70 /* NEW */: {
      const t = m.prog.types[b]!;
      writeWord(i32, sp + a, m.heap.alloc(Math.max(t.size, 8), b));
      return ChanResult.Done;
    }
    case 71 /* MAKECHAN */:
      writeWord(i32, sp + a, makechan(m, b, readWord(i32, sp + c)));
      return ChanResult.Done;
    case 77 /* MAKESLICE */: {
      // makeslice: len is checked first, then cap (len > cap, or too large a block)
      const n = readWord(i32, sp + c);
      const len = readWord(i32, sp + a + 8);
      const size = m.prog.types[b]!.size;
      const bytes = n * size;
      if (len < 0 || len * size > MaxAlloc) m.runtimeErrorPanic('runtime.plainError', 'runtime error: makeslice: len out of range', 'runtime.panicmakeslicelen');
      if (len > n || bytes > MaxAlloc) m.runtimeErrorPanic('runtime.plainError', 'runtime error: makeslice: cap out of range', 'runtime.panicmakeslicecap');
      // a block larger than the whole address space fails as Go's heap growth does, before any work for it
      if (bytes > s.maxBytes) throw new OutOfMemoryError('address-space', bytes, s.mapped, s.maxBytes);
      writeWord(i32, sp + a, m.allocArray(b, n));
      // the exact word (a zero-size element allows any capacity, beyond 2^53); len stays as it came
      s.memmove(sp + a + 16, sp + c, 8);
      return ChanResult.Done;
    }
    case 78 /* CONCAT */: {
      const xl = readWord(i32, sp + b + 8);
      const yl = readWord(i32, sp + c + 8);
      if (xl === 0 || yl === 0) {
        s.memmove(sp + a, xl === 0 ? sp + c : sp + b, 16);
        return ChanResult.Done;
      }
      const p = m.allocBytes(xl + yl);
      s.memmove(p, readWord(i32, sp + b), xl);
      s.memmove(p + xl, readWord(i32, sp + c), yl);
      writeWord(i32, sp + a, p);
      writeWord(i32, sp + a + 8, xl + yl);
      return ChanResult.Done;
    }
    case 80 /* BOX */: {
      const t = m.prog.types[b]!;
      let data: number;
      if (isDirect(t.kind)) data = readWord(i32, sp + c);
      else {
        data = m.heap.alloc(Math.max(t.size, 8), b);
        s.memmove(data, sp + c, t.size);
      }
      writeWord(i32, sp + a, b + 1);
      writeWord(i32, sp + a + 8, data);
      return ChanResult.Done;
    }
    case 72 /* SEND */:
      return chansend(m, g, readWord(i32, sp + a), sp + b);
    case 73 /* RECV */:
      return chanrecv(m, g, readWord(i32, sp + b), a >= 0 ? sp + a : 0, c >= 0 ? sp + c : 0);
    case 74 /* CLOSE */:
      closechan(m, readWord(i32, sp + a));
      return ChanResult.Done;
  }
  return ChanResult.Done;
}
