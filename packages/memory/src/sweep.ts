// Sweeping one span, as Go's mspan.sweep: every allocated, unmarked object is freed (its alloc bit cleared; with
// clobberfree its words overwritten with 0xdeadbeef), mark bits are cleared, and the free index restarts at 0.

import type { AddressSpace } from './address-space.js';
import { ctz32, popcount32 } from './bits.js';
import { ClobberFreePattern } from './layout.js';
import type { Span } from './span.js';

/** Objects of `s` that survive a sweep (allocated and marked). */
export function survivors(s: Span): number {
  const a = s.allocBits;
  const m = s.markBits;
  const last = a.length - 1;
  let n = 0;
  for (let w = 0; w < last; w++) n += popcount32(a[w]! & m[w]!);
  return n + popcount32(a[last]! & m[last]! & s.lastMask);
}

/**
 * Sweeps `s` in place and returns the number of objects freed. With `clobber`, freed objects are filled with the
 * clobberfree pattern (skip it for a span about to be released: its pages will fault instead).
 */
export function sweepSpan(s: Span, space: AddressSpace, clobber: boolean): number {
  const a = s.allocBits;
  const m = s.markBits;
  const last = a.length - 1;
  let freed = 0;
  for (let w = 0; w <= last; w++) {
    const valid = w === last ? s.lastMask : -1;
    let dead = a[w]! & ~m[w]! & valid;
    m[w] = 0;
    if (dead === 0) continue;
    a[w] = a[w]! & ~dead;
    freed += popcount32(dead);
    while (dead !== 0) {
      const b = ctz32(dead);
      dead &= dead - 1;
      const idx = (w << 5) | b;
      s.types[idx] = -1;
      if (clobber) space.fillWord(s.base + idx * s.elemSize, s.elemSize, ClobberFreePattern);
    }
  }
  s.allocCount -= freed;
  s.freeIndex = 0;
  if (freed > 0) s.needZero = true;
  return freed;
}
