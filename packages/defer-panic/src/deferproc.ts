// deferproc and deferreturn: the two halves of a defer statement that every policy shares, and freedefer.

import { moveWords, readWord, writeWord, type AddressSpace } from '@gosim/memory';
import type { G } from '@gosim/stack';
import type { DeferLayout } from './layout.js';
import type { DeferPanicContext } from './context.js';
import { deferArgs } from './layout.js';
import { totaldefersize } from './pool.js';
import type { DeferPanicPolicy } from './policy.js';
import { isOpenRecord, nextOpenDefer, openDeferInfo, takeOpenDefer } from './open-frame.js';

/**
 * defer fn(args): copies siz bytes of arguments from the caller's outgoing area at sp into a new record
 * and links it at the head of g._defer. argp = the caller's sp; pc = the return PC of the call.
 */
export function deferproc(ctx: DeferPanicContext, pol: DeferPanicPolicy, g: G, sp: number, fn: number, siz: number, retpc: number): number {
  const l = ctx.deferLayout;
  const s = ctx.space;
  const d = newdefer(ctx, pol, siz);
  if (wordsProven(s, l, d, siz, sp)) {
    const i32 = s.i32;
    writeWord(i32, d + l.siz, siz);
    writeWord(i32, d + l.fn, fn);
    writeWord(i32, d + l.argp, sp);
    writeWord(i32, d + l.pc, retpc);
    moveWords(i32, deferArgs(l, d), sp, siz);
    writeWord(i32, d + l.link, g._defer);
  } else {
    s.store64(d + l.siz, siz);
    s.store64(d + l.fn, fn);
    s.store64(d + l.argp, sp);
    s.store64(d + l.pc, retpc);
    if (siz > 0) s.memmove(deferArgs(l, d), sp, siz);
    s.store64(d + l.link, g._defer);
  }
  g._defer = d;
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-linked', goid: g.goid, d, fn: fnName(ctx, fn), argp: sp, siz });
  return d;
}

/**
 * Go 1.13's deferprocStack(d) with the compiler's stores before it: d is a temporary of the frame at sp. Stores
 * siz, fn and the siz argument bytes of the outgoing area at sp into d, then started = heap = 0, _panic = 0,
 * argp (Go's sp) = sp, pc = retpc, and links d at the head of g._defer. The layout must have a heap flag.
 */
export function deferprocStack(ctx: DeferPanicContext, g: G, sp: number, d: number, fn: number, siz: number, retpc: number): void {
  const l = ctx.deferLayout;
  const s = ctx.space;
  s.store64(d + l.siz, siz);
  s.store64(d + l.fn, fn);
  if (siz > 0) s.memmove(deferArgs(l, d), sp, siz);
  s.store8(d + l.started, 0);
  s.store8(d + l.heap, 0);
  s.store64(d + l.argp, sp);
  s.store64(d + l.pc, retpc);
  s.store64(d + l.panic, 0);
  s.store64(d + l.link, g._defer);
  g._defer = d;
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-linked', goid: g.goid, d, fn: fnName(ctx, fn), argp: sp, siz });
}

/**
 * True when record d (siz bytes of arguments) and the argument area at sp are mapped, aligned words: the accesses
 * deferproc and deferreturn make there cannot fault, and the unchecked ones in word.ts give the same results. Else
 * they take the checked ones, whose faults (a stale record under the old policy) are the mechanism's.
 */
function wordsProven(s: AddressSpace, l: DeferLayout, d: number, siz: number, sp: number): boolean {
  return s.isWordRange(d, totaldefersize(l, siz)) && (siz === 0 || s.isWordRange(sp, siz));
}

/** Sentinel: no deferred call is pending for this frame. */
export const NoDefer = -1;

/**
 * deferreturn at a function's exit: if the head record belongs to the frame at sp, copy its arguments
 * back into the frame's outgoing area, unlink and free it, and return its fn (the caller then calls it
 * so that it returns to deferreturn again). Otherwise NoDefer.
 */
export function deferreturn(ctx: DeferPanicContext, pol: DeferPanicPolicy, g: G, sp: number): number {
  const d = g._defer;
  if (d === 0) return NoDefer;
  const l = ctx.deferLayout;
  const s = ctx.space;
  if (s.load64(d + l.argp) !== sp) return NoDefer;
  if (isOpenRecord(ctx, d)) {
    // Go 1.14: a frame with open-coded defers resumed here after a recovery; its record is its only one. Each
    // DEFERRETURN runs the next active call (the model's jmpdefer); none left: the record goes.
    const info = openDeferInfo(ctx, d);
    const i = nextOpenDefer(ctx, d, info);
    if (i >= 0) return takeOpenDefer(ctx, g, d, info, i, sp);
    g._defer = s.load64(d + l.link);
    if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: 'open-coded', why: 'run' });
    freedefer(ctx, pol, d);
    return NoDefer;
  }
  const siz = s.load64(d + l.siz);
  let fn: number;
  if (wordsProven(s, l, d, siz, sp)) {
    const i32 = s.i32;
    moveWords(i32, sp, deferArgs(l, d), siz);
    fn = readWord(i32, d + l.fn);
    g._defer = readWord(i32, d + l.link);
  } else {
    if (siz > 0) s.memmove(sp, deferArgs(l, d), siz);
    fn = s.load64(d + l.fn);
    g._defer = s.load64(d + l.link);
  }
  if (ctx.events.on) ctx.events.emit({ kind: 'defer-unlinked', goid: g.goid, d, fn: fnName(ctx, fn), why: 'run' });
  freedefer(ctx, pol, d);
  return fn;
}

/** A record from the pool, or a fresh heap allocation in the policy's shape (a layout with `heap`: marked so). */
export function newdefer(ctx: DeferPanicContext, pol: DeferPanicPolicy, siz: number): number {
  const l = ctx.deferLayout;
  const d = ctx.deferPool.take(siz) || pol.allocDefer(ctx, totaldefersize(l, siz));
  if (l.heap >= 0) ctx.space.store8(d + l.heap, 1);
  return d;
}

/**
 * Clears a record and returns it to the pool. On-stack records (old policy's dabort, a go1.13 frame record with
 * heap = 0) are not freed.
 */
export function freedefer(ctx: DeferPanicContext, pol: DeferPanicPolicy, d: number): void {
  const l = ctx.deferLayout;
  const s = ctx.space;
  if (l.special >= 0 && s.load8(d + l.special)) return;
  if (l.heap >= 0 && !s.load8(d + l.heap)) return;
  const siz = s.load64(d + l.siz);
  s.memclr(d, totaldefersize(l, siz));
  ctx.deferPool.put(d, siz);
}

export function fnName(ctx: DeferPanicContext, fn: number): string {
  if (fn === 0) return 'nil';
  try {
    return ctx.funcOf(fn).name;
  } catch {
    return '?';
  }
}
