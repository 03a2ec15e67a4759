// adjustpointer/adjustpointers: rewrite, in place, words that point into the old stack by +delta.
// Only words a pointer map calls pointers are touched; a junk value there is a fatal "bad pointer!".

import { MinLegalPointer, PoisonBeforeCopy, PoisonNewStack, PoisonOldStack, ClobberFreePattern, hexWord as hex } from '@gosim/memory';
import { GoThrow } from '@gosim/stack';
import type { CopystackContext } from './context.js';

export interface AdjustInfo {
  goid: number;
  oldLo: number;
  oldHi: number;
  delta: number;
}

const rep = (b: number): number => (b | (b << 8) | (b << 16) | (b << 24)) | 0;
/** 32-bit halves of words that cannot be pointers: the stack poison patterns and clobberfree. */
const poisonHalves = [rep(PoisonNewStack), rep(PoisonBeforeCopy), rep(PoisonOldStack), ClobberFreePattern | 0];

/** True if the word at addr holds a poison pattern (both halves equal to one of the patterns). */
export function isPoisonWord(i32: Int32Array, addr: number): boolean {
  const lo = i32[addr >>> 2]!;
  return lo === i32[(addr >>> 2) + 1] && poisonHalves.includes(lo);
}


/** adjustpointer: one word known to hold a pointer (no junk check, as Go's). */
export function adjustpointer(ctx: CopystackContext, adj: AdjustInfo, at: number, where: string): void {
  const s = ctx.space;
  const p = s.load64(at);
  if (p >= adj.oldLo && p < adj.oldHi) {
    s.store64(at, p + adj.delta);
    if (ctx.events.on) ctx.events.emit({ kind: 'pointer-adjusted', goid: adj.goid, where, at, from: p, to: p + adj.delta });
  }
}

/** adjustpointers: the words of [base, base + 8*nwords) that the bitmap marks as pointers. */
export function adjustpointers(ctx: CopystackContext, adj: AdjustInfo, base: number, bits: Uint8Array, nwords: number, fname: string): void {
  const i32 = ctx.space.i32;
  ctx.space.checkRange(base, nwords * 8, true);
  const nbytes = Math.min(bits.length, (nwords + 7) >> 3);
  for (let j = 0; j < nbytes; j++) {
    let b = bits[j]!;
    if (b === 0) continue; // eight scalar words
    if (j === (nwords >> 3)) b &= (1 << (nwords & 7)) - 1; // the last byte's bits past nwords
    for (; b !== 0; b &= b - 1) { // each pointer word, lowest first
      const at = base + 8 * (j * 8 + 31 - Math.clz32(b & -b));
      const hi = i32[(at >>> 2) + 1]!;
      const lo = i32[at >>> 2]! >>> 0;
      if ((hi === 0 && lo > 0 && lo < MinLegalPointer) || isPoisonWord(i32, at)) {
        const v = BigInt.asUintN(64, (BigInt(hi) << 32n) | BigInt(lo));
        ctx.print(`runtime: bad pointer in frame ${fname} at ${hex(at)}: 0x${v.toString(16)}\n`);
        throw new GoThrow('bad pointer!');
      }
      if (hi === 0 && lo >= adj.oldLo && lo < adj.oldHi) {
        i32[at >>> 2] = lo + adj.delta;
        if (ctx.events.on) ctx.events.emit({ kind: 'pointer-adjusted', goid: adj.goid, where: fname, at, from: lo, to: lo + adj.delta });
      }
    }
  }
}
