// Reading a snapshot's memory regions: words and bytes by address, little-endian like the machine (amd64).
// No DOM here. Regions are hex strings, read lazily (a snapshot may hold megabytes; one step reads a few words).

import type { MemRegion } from '../../src/format.js';

export const PtrSize = 8;

export class MemoryView {
  private readonly regions: MemRegion[];

  constructor(regions: readonly MemRegion[]) {
    this.regions = [...regions].sort((a, b) => a.lo - b.lo);
  }

  /** The region holding `addr` (binary search over disjoint regions), or undefined. */
  regionOf(addr: number): MemRegion | undefined {
    let lo = 0;
    let hi = this.regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.regions[mid]!;
      if (addr < r.lo) hi = mid - 1;
      else if (addr >= r.lo + r.hex.length / 2) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  byte(addr: number): number | undefined {
    const r = this.regionOf(addr);
    if (!r) return undefined;
    const o = (addr - r.lo) * 2;
    return parseInt(r.hex.slice(o, o + 2), 16);
  }

  /** The 8-byte word at `addr` as 16 hex digits (most significant first), or undefined outside every region. */
  wordHex(addr: number): string | undefined {
    const r = this.regionOf(addr);
    if (!r || addr + PtrSize > r.lo + r.hex.length / 2) return undefined;
    return wordHexAt(r.hex, (addr - r.lo) * 2);
  }
}

/** Little-endian word from `hex` at character offset `o` (16 characters), as big-endian hex digits. */
export function wordHexAt(hex: string, o: number): string {
  let s = '';
  for (let b = 7; b >= 0; b--) s += hex.slice(o + b * 2, o + b * 2 + 2);
  return s;
}

/** The word's value as a number when it fits in 53 bits (every simulated address does), else NaN. */
export function wordValue(h: string): number {
  const hi = parseInt(h.slice(0, 8), 16);
  const lo = parseInt(h.slice(8), 16);
  return hi < 0x200000 ? hi * 0x100000000 + lo : NaN;
}

/** What a word's bytes show: all zero, a poison fill (0xfd new stack, 0xfb before copy, 0xfc freed), or data. */
export type WordPattern = 'zero' | 'poison-fd' | 'poison-fb' | 'poison-fc' | 'data';

export function wordPattern(h: string): WordPattern {
  if (h === '0000000000000000') return 'zero';
  if (h === 'fdfdfdfdfdfdfdfd') return 'poison-fd';
  if (h === 'fbfbfbfbfbfbfbfb') return 'poison-fb';
  if (h === 'fcfcfcfcfcfcfcfc') return 'poison-fc';
  return 'data';
}

/** Short text for a word: `0` for zero, the hex without leading zeros otherwise. */
export function shortWord(h: string): string {
  const t = h.replace(/^0+/, '');
  return t === '' ? '0' : `0x${t}`;
}
