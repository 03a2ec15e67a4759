// The mark phase's work list and the scanners that feed it: precise (by pointer map or type) and
// conservative (every word that points into an in-use heap object).

import { bitSet } from '@gosim/program';
import type { Stkframe } from '@gosim/traceback';
import type { GCContext } from './context.js';

export class MarkWork {
  // Grey object bases: addresses go up to 2^32, so unsigned (a signed view turns those >= 2^31 negative).
  private stack = new Uint32Array(1024);
  private top = 0;
  marked = 0;
  roots = 0;
  /** This cycle's counts: frames and objects given to the piece's scanFrame/scanObject, words examined. */
  frames = 0;
  objects = 0;
  words = 0;

  constructor(private readonly ctx: GCContext) {}

  /** Greys the heap object containing p, if any and not yet marked. */
  markPointer(p: number): void {
    if (p <= 0 || p >= 0x1_0000_0000) return;
    const heap = this.ctx.heap;
    const base = heap.findObject(p);
    if (base === 0 || !heap.mark(base)) return;
    this.marked++;
    if (this.top === this.stack.length) {
      const bigger = new Uint32Array(this.stack.length * 2);
      bigger.set(this.stack);
      this.stack = bigger;
    }
    this.stack[this.top++] = base;
  }

  /** Marks the pointer words of [base, base + 8*nwords) per the bitmap. */
  scanBitmap(base: number, bits: Uint8Array, nwords: number): void {
    const s = this.ctx.space;
    this.words += nwords;
    const n = Math.min(nwords, bits.length * 8); // past the map: scalars
    for (let w = 0; w < n; w++) {
      if ((w & 7) === 0 && bits[w >> 3] === 0) w += 7; // a whole byte of scalars
      else if (bitSet(bits, w)) this.markPointer(s.load64(base + 8 * w));
    }
  }

  /** Conservative: any word of [base, base+n) that points into an in-use heap object. */
  scanConservative(base: number, n: number): void {
    const s = this.ctx.space;
    this.words += n >>> 3;
    for (let a = base; a < base + n; a += 8) this.markPointer(s.load64(a));
  }

  /** A frame of the mark (a stack frame, or a deferred call's argument frame): counted, then the piece's scanFrame. */
  visitFrame(frame: Stkframe): boolean {
    this.frames++;
    return this.ctx.gc.scanFrame(this.ctx, this, frame);
  }

  /** The stock scanFrame (Go's scanframe): by the function's pointer maps; dead frames are skipped. */
  scanframe(frame: Stkframe): boolean {
    const f = frame.fn;
    if (frame.continpc === 0 || f === undefined) return true;
    if (frame.localsSize > 0) this.scanBitmap(frame.sp, f.localPtrs, frame.localsSize / 8);
    if (frame.arglen > 0) this.scanBitmap(frame.argp, f.argPtrs, frame.arglen / 8);
    return true;
  }

  /** The stock scanObject (Go's scanobject): by the object's type; an untyped block as the piece's scanUntyped says. */
  scanobject(base: number): void {
    const heap = this.ctx.heap;
    const t = heap.objectType(base);
    if (t < 0) {
      this.ctx.gc.scanUntyped(this.ctx, this, base, heap.objectSize(base));
      return;
    }
    const td = heap.typeOf(t);
    if (td.ptrdata === 0) return;
    this.scanBitmap(base, td.ptrmask, Math.min(td.ptrdata, heap.objectTypedBytes(base)) / 8);
  }

  /** Drains the work list: each grey object, counted, goes to the piece's scanObject. */
  drain(): void {
    const gc = this.ctx.gc;
    while (this.top > 0) {
      const base = this.stack[--this.top]!;
      this.objects++;
      gc.scanObject(this.ctx, this, base);
    }
  }
}
