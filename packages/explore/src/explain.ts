// Mechanism traces: what the event stream of a failing run says about why it failed, in plain lines.
// Every line is derived from events the algorithms emitted, never from the policy's name.

import { hexWord as hex } from '@gosim/memory';
import type { RuntimeEvent } from '@gosim/runtime';


interface Range {
  lo: number;
  hi: number;
}

/** One step of a mechanism, read from the event stream (`explain` renders each as a line). */
export type MechanismFact =
  | { kind: 'forced'; what: string; at: number; goid: number; fn: string }
  /** The stack moved while a started deferred call's record was off g._defer. */
  | { kind: 'copied-off-list'; goid: number; why: string; fn: string; d: number; by: string }
  /** A GC ran while a started deferred call's record was off g._defer. */
  | { kind: 'gc-off-list'; fn: string; by: string }
  /** A deferred call received a pointer into a stack that had been freed by a copy. */
  | { kind: 'stale-call'; goid: number; fn: string; pointer: number; lo: number; hi: number }
  /** The old traceback's panic cursor read a link outside the stack it walks. */
  | { kind: 'cursor-outside'; goid: number; link: number; from: number; lo: number; hi: number; livePanics: number }
  /** The defer list led to a record inside a stack freed by a copy (a frame record nobody re-linked). */
  | { kind: 'stale-record'; goid: number; fn: string; d: number; lo: number; hi: number }
  /** An open-coded defer record (go1.14) read its frame's bits and arguments through a varp inside a freed stack. */
  | { kind: 'stale-varp'; goid: number; d: number; varp: number; lo: number; hi: number };

/** The mechanism facts of a run, in the order they happened (duplicates dropped). */
export function explainFacts(events: readonly RuntimeEvent[]): MechanismFact[] {
  const out: MechanismFact[] = [];
  const offList = new Map<number, { fn: string; by: string }>(); // record → fn, started while off g._defer
  const freedStacks: Range[] = [];
  const live = new Map<number, number>(); // goid → panics pushed and not yet recovered
  let reportedOff = 0;
  // listed records (d → goid, fn) and the link words a copy rewrote since the last switch: a record inside the
  // moved stack that no list pointer (g._defer or a link) followed to its copy is left behind in the freed stack
  const listed = new Map<number, { goid: number; fn: string }>();
  let relinked = new Set<number>();
  const linkWords = new Set(['g._defer', 'defer.link', 'defer link (on-stack record)']);
  for (const e of events) {
    switch (e.kind) {
      case 'safepoint-forced':
        out.push({ kind: 'forced', what: e.what, at: e.at, goid: e.goid, fn: e.fn });
        break;
      case 'defer-started':
        if (!e.onList) offList.set(e.d, { fn: e.fn, by: e.by });
        break;
      case 'defer-linked':
        listed.set(e.d, { goid: e.goid, fn: e.fn });
        break;
      case 'defer-unlinked':
        listed.delete(e.d);
        break;
      case 'pointer-adjusted':
        if (linkWords.has(e.where)) relinked.add(e.from);
        break;
      case 'defer-returned':
        offList.delete(e.d);
        break;
      case 'stack-copied': {
        freedStacks.push({ lo: e.oldLo, hi: e.oldHi });
        const delta = e.newHi - e.oldHi;
        for (const [d, r] of [...listed]) {
          if (r.goid !== e.goid || d < e.oldLo || d >= e.oldHi) continue;
          listed.delete(d);
          if (relinked.has(d)) listed.set(d + delta, r);
          else out.push({ kind: 'stale-record', goid: e.goid, fn: r.fn, d, lo: e.oldLo, hi: e.oldHi });
        }
        relinked = new Set();
        for (const [d, r] of offList) {
          if (reportedOff++ < 3) out.push({ kind: 'copied-off-list', goid: e.goid, why: e.why, fn: r.fn, d, by: r.by });
        }
        break;
      }
      case 'gc-cycle':
        for (const [, r] of offList) out.push({ kind: 'gc-off-list', fn: r.fn, by: r.by });
        break;
      case 'deferred-call-args':
        for (const p of e.pointers) {
          if (p >= e.stackLo && p < e.stackHi) continue;
          const old = freedStacks.find((r) => p >= r.lo && p < r.hi);
          if (old) out.push({ kind: 'stale-call', goid: e.goid, fn: e.fn, pointer: p, lo: old.lo, hi: old.hi });
        }
        break;
      case 'open-defer-taken': {
        if (e.varp >= e.stackLo && e.varp < e.stackHi) break;
        const old = freedStacks.find((r) => e.varp >= r.lo && e.varp < r.hi);
        if (old) out.push({ kind: 'stale-varp', goid: e.goid, d: e.d, varp: e.varp, lo: old.lo, hi: old.hi });
        break;
      }
      case 'panic-pushed':
        live.set(e.goid, (live.get(e.goid) ?? 0) + 1);
        break;
      case 'panic-recovered':
        live.set(e.goid, Math.max(0, (live.get(e.goid) ?? 0) - 1));
        break;
      case 'panic-cursor-step':
        if (e.link !== 0 && (e.link < e.stackLo || e.link >= e.stackHi))
          out.push({ kind: 'cursor-outside', goid: e.goid, link: e.link, from: e.from, lo: e.stackLo, hi: e.stackHi, livePanics: live.get(e.goid) ?? 0 });
        break;
    }
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const line = renderFact(f);
    return seen.has(line) ? false : (seen.add(line), true);
  });
}

/** One fact as a line of a mechanism trace. */
export function renderFact(f: MechanismFact): string {
  switch (f.kind) {
    case 'forced':
      return `forced ${f.what} at safe point ${f.at} (goroutine ${f.goid}, in ${f.fn})`;
    case 'copied-off-list':
      return `stack of goroutine ${f.goid} copied (${f.why}) while the record of deferred ${f.fn} (${hex(f.d)}) was off the defer list: neither the frame walk nor adjustdefers can see its arguments`;
    case 'gc-off-list':
      return `GC ran while the record of deferred ${f.fn} was off the defer list: its arguments were only reachable through an untyped block`;
    case 'stale-call':
      return `${f.fn} was called with pointer ${hex(f.pointer)} into the freed stack [${hex(f.lo)}, ${hex(f.hi)}) — a stale pointer nobody adjusted`;
    case 'stale-record':
      return `goroutine ${f.goid}'s defer list led to the record of deferred ${f.fn} at ${hex(f.d)}, inside the freed stack [${hex(f.lo)}, ${hex(f.hi)}): a frame record the copy did not re-link`;
    case 'stale-varp':
      return `goroutine ${f.goid}'s open-coded defer record ${hex(f.d)} read its frame's defer bits and arguments through varp ${hex(f.varp)}, inside the freed stack [${hex(f.lo)}, ${hex(f.hi)}): the copy did not adjust varp`;
    case 'cursor-outside':
      return `the old traceback's panic cursor read p.link = ${hex(f.link)} at ${hex(f.from)}: outside the stack being walked [${hex(f.lo)}, ${hex(f.hi)}) — the copy had already rewritten it to a new-stack address`;
  }
}

export function explain(events: readonly RuntimeEvent[]): string[] {
  return explainFacts(events).map(renderFact);
}

/**
 * The mechanism of a failing run in one or two plain sentences for a newcomer, built from its facts (the first
 * fact of each kind that matters); [] when the events show none of the known mechanisms.
 */
export function plainMechanism(facts: readonly MechanismFact[]): string[] {
  const out: string[] = [];
  const off = facts.find((f) => f.kind === 'copied-off-list');
  const stale = facts.find((f) => f.kind === 'stale-call');
  const gc = facts.find((f) => f.kind === 'gc-off-list');
  const cursor = facts.find((f) => f.kind === 'cursor-outside');
  const record = facts.find((f) => f.kind === 'stale-record');
  const varp = facts.find((f) => f.kind === 'stale-varp');
  const who = (by: string) => (by === 'goexit' ? 'Goexit' : by === 'panic' ? 'the panic' : 'the return');
  const cap = (l: string) => l.charAt(0).toUpperCase() + l.slice(1);
  if (cursor && cursor.kind === 'cursor-outside') {
    // the copy broke the panic chain itself: that is the story, whatever else was off the list
    out.push(
      `copying goroutine ${cursor.goid}'s stack${cursor.livePanics > 1 ? ` (${cursor.livePanics} panics live)` : ''} rewrote a panic's link in the old stack before the move; the old traceback's panic cursor followed it to ${hex(cursor.link)}, outside the stack being walked [${hex(cursor.lo)}, ${hex(cursor.hi)}).`,
    );
    return out.map(cap);
  }
  if (record && record.kind === 'stale-record' && !off)
    out.push(`goroutine ${record.goid}'s stack was copied, but its defer list still led into the freed old stack [${hex(record.lo)}, ${hex(record.hi)}): the record of deferred ${record.fn} at ${hex(record.d)} lives in a frame, and the copy did not adjust the pointers to it (g._defer, the links).`);
  if (varp && varp.kind === 'stale-varp')
    out.push(`goroutine ${varp.goid}'s stack was copied while a frame's open-coded defers were being run from their record, but the record's varp still pointed into the freed old stack [${hex(varp.lo)}, ${hex(varp.hi)}): the frame's defer bits and arguments were read from there.`);
  if (off && off.kind === 'copied-off-list')
    out.push(`goroutine ${off.goid}'s stack was copied (${off.why}) while ${who(off.by)} had taken ${off.fn}'s defer record off the list, so nothing adjusted the pointers in its arguments.`);
  if (stale && stale.kind === 'stale-call')
    out.push(`${stale.fn} then ran with ${hex(stale.pointer)}, a pointer into the freed old stack [${hex(stale.lo)}, ${hex(stale.hi)}).`);
  if (gc && gc.kind === 'gc-off-list' && !off)
    out.push(`a GC ran while ${who(gc.by)} had taken ${gc.fn}'s defer record off the list, so the GC did not see its arguments as pointers it must keep.`);
  return out.slice(0, 2).map((l, i) => (i === 0 ? cap(l) : l)); // a sentence may start with a Go name (main.f)
}
