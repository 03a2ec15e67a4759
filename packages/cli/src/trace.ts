// --trace: one readable line per runtime event, `[trace] <kind> g<goid> ...`.

import type { RuntimeEvent } from '@gosim/runtime';

const hex = (n: number): string => (n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`);

function bytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)}MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}KiB`;
  return `${n}B`;
}

/** Formats one event as a line (no newline). Unknown kinds print their fields as JSON. */
export function formatEvent(e: RuntimeEvent): string {
  return `[trace] ${body(e)}`;
}

function body(e: RuntimeEvent): string {
  switch (e.kind) {
    // stack copying
    case 'stack-copied':
      return `stack-copied g${e.goid} ${hex(e.oldLo)}-${hex(e.oldHi)} -> ${hex(e.newLo)}-${hex(e.newHi)} used=${e.used} size ${bytes(e.oldHi - e.oldLo)} -> ${bytes(e.newHi - e.newLo)} (${e.why})`;
    case 'pointer-adjusted':
      return `pointer-adjusted g${e.goid} ${e.where} at ${hex(e.at)}: ${hex(e.from)} -> ${hex(e.to)}`;
    case 'pointer-stale':
      return `pointer-stale g${e.goid} ${e.where} at ${hex(e.at)}: ${hex(e.value)} still points into the old stack`;
    // defer and panic
    case 'defer-linked':
      return `defer-linked g${e.goid} d=${hex(e.d)} fn=${e.fn} argp=${hex(e.argp)} siz=${e.siz}`;
    case 'open-defer-taken':
      return `open-defer-taken g${e.goid} d=${hex(e.d)} bit=${e.bit} sp=${hex(e.sp)} varp=${hex(e.varp)}`;
    case 'defer-started':
      return `defer-started g${e.goid} d=${hex(e.d)} fn=${e.fn} by ${e.by}${e.onList ? ' (still on the defer list)' : ' (unlinked first)'}`;
    case 'defer-unlinked':
      return `defer-unlinked g${e.goid} d=${hex(e.d)} fn=${e.fn} (${e.why})`;
    case 'deferred-call-args':
      return `deferred-call-args g${e.goid} fn=${e.fn} record=${hex(e.record)} pointers=[${e.pointers.map(hex).join(' ')}] stack=${hex(e.stackLo)}-${hex(e.stackHi)}`;
    case 'defer-returned':
      return `defer-returned g${e.goid} d=${hex(e.d)} fn=${e.fn}`;
    case 'panic-pushed':
      return `panic-pushed g${e.goid} p=${hex(e.p)} value=${e.value}`;
    case 'panic-aborted':
      return `panic-aborted g${e.goid} p=${hex(e.p)}`;
    case 'panic-recovered':
      return `panic-recovered g${e.goid} p=${hex(e.p)} resume sp=${hex(e.sp)} pc=${hex(e.pc)}`;
    case 'panic-cursor-step': {
      const out = e.link !== 0 && (e.link < e.stackLo || e.link >= e.stackHi);
      return `panic-cursor-step g${e.goid} from p=${hex(e.from)} link=${hex(e.link)}${out ? ` outside the stack ${hex(e.stackLo)}-${hex(e.stackHi)}` : ''}`;
    }
    // garbage collection
    case 'gc-cycle':
      return `gc-cycle #${e.n} roots=${e.roots} marked=${e.marked} freed=${e.freedObjects} objects/${e.freedBytes}B live=${e.liveBytes}B goal=${e.heapGoal}B`;
    // scheduler
    case 'goroutine-created':
      return `goroutine-created g${e.goid} by g${e.by} fn=${e.fn}`;
    case 'goroutine-blocked':
      return `goroutine-blocked g${e.goid} (${e.reason})`;
    case 'goroutine-exited':
      return `goroutine-exited g${e.goid}`;
    case 'safepoint-forced':
      return `safepoint-forced g${e.goid} #${e.at} ${e.what} in ${e.fn}`;
    default: {
      const { kind, ...rest } = e as { kind: string };
      return `${kind} ${JSON.stringify(rest)}`;
    }
  }
}
