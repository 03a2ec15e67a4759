// Mechanism traces: what the event stream of a failing run says about why it failed, in plain lines.
// Every line is derived from events the algorithms emitted, never from the policy's name.

import type { RuntimeEvent } from '@gosim/runtime';

const hex = (n: number): string => '0x' + (n < 0 ? BigInt.asUintN(64, BigInt(n)) : n).toString(16);

interface Range {
  lo: number;
  hi: number;
}

export function explain(events: readonly RuntimeEvent[]): string[] {
  const out: string[] = [];
  const offList = new Map<number, string>(); // record → fn, started while off g._defer
  const freedStacks: Range[] = [];
  let reportedOff = 0;
  for (const e of events) {
    switch (e.kind) {
      case 'safepoint-forced':
        out.push(`forced ${e.what} at safe point ${e.at} (goroutine ${e.goid}, in ${e.fn})`);
        break;
      case 'defer-started':
        if (!e.onList) offList.set(e.d, e.fn);
        break;
      case 'defer-returned':
        offList.delete(e.d);
        break;
      case 'stack-copied':
        freedStacks.push({ lo: e.oldLo, hi: e.oldHi });
        for (const [d, fn] of offList) {
          if (reportedOff++ < 3)
            out.push(`stack of goroutine ${e.goid} copied (${e.why}) while the record of deferred ${fn} (${hex(d)}) was off the defer list: neither the frame walk nor adjustdefers can see its arguments`);
        }
        break;
      case 'gc-cycle':
        for (const [, fn] of offList) out.push(`GC ran while the record of deferred ${fn} was off the defer list: its arguments were only reachable through an untyped block`);
        break;
      case 'deferred-call-args':
        for (const p of e.pointers) {
          if (p >= e.stackLo && p < e.stackHi) continue;
          const old = freedStacks.find((r) => p >= r.lo && p < r.hi);
          if (old) out.push(`${e.fn} was called with pointer ${hex(p)} into the freed stack [${hex(old.lo)}, ${hex(old.hi)}) — a stale pointer nobody adjusted`);
        }
        break;
      case 'panic-cursor-step':
        if (e.link !== 0 && (e.link < e.stackLo || e.link >= e.stackHi))
          out.push(`the old traceback's panic cursor read p.link = ${hex(e.link)} at ${hex(e.from)}: outside the stack being walked [${hex(e.stackLo)}, ${hex(e.stackHi)}) — the copy had already rewritten it to a new-stack address`);
        break;
    }
  }
  return dedupe(out);
}

function dedupe(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((l) => (seen.has(l) ? false : (seen.add(l), true)));
}
