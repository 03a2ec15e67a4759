// The per-P pool of _defer records (Go's deferpool), by argument-size class. Records come from the
// heap through the policy's allocation (untyped or typed header). The GC empties the pools first
// (Go's clearpools), so pooled records are garbage unless reused before.

import type { DeferLayout } from './layout.js';

/** Records with up to (DeferClasses-1)*8 bytes of arguments are pooled. */
export const DeferClasses = 5;

export const deferclass = (siz: number): number => (siz + 7) >> 3;

export class DeferPool {
  private readonly classes: number[][] = Array.from({ length: DeferClasses }, () => []);

  take(siz: number): number {
    const c = deferclass(siz);
    return c < DeferClasses ? this.classes[c]!.pop() ?? 0 : 0;
  }

  /** Keeps d for reuse if its class is pooled; returns false if it was left to the GC. */
  put(d: number, siz: number): boolean {
    const c = deferclass(siz);
    if (c >= DeferClasses) return false;
    this.classes[c]!.push(d);
    return true;
  }

  clear(): void {
    for (const c of this.classes) c.length = 0;
  }
}

/** Bytes of a record with siz bytes of arguments. */
export const totaldefersize = (l: DeferLayout, siz: number): number => l.header + ((siz + 7) & ~7);
