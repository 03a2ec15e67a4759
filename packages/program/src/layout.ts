// Laying out named slots (arguments, results, locals): every slot starts on an 8-byte boundary.

export interface SlotSpec {
  readonly name: string;
  /** Bytes; rounded up to a multiple of 8 in the frame. */
  readonly size: number;
  /** true: every word is a pointer; or the word indexes within the slot that hold pointers. */
  readonly ptr?: boolean | readonly number[];
}

export interface LaidOut {
  readonly offsets: ReadonlyMap<string, number>;
  readonly size: number;
  readonly ptrWords: number[];
}

export const align8 = (n: number): number => (n + 7) & ~7;

/** Lays slots out upward from `base`; names must be unique. */
export function layoutSlots(slots: readonly SlotSpec[], base = 0): LaidOut {
  const offsets = new Map<string, number>();
  const ptrWords: number[] = [];
  let off = base;
  for (const s of slots) {
    if (offsets.has(s.name)) throw new Error(`duplicate slot ${s.name}`);
    offsets.set(s.name, off);
    const words = align8(s.size) / 8;
    if (s.ptr === true) for (let w = 0; w < words; w++) ptrWords.push(off / 8 + w);
    else if (Array.isArray(s.ptr)) {
      for (const w of s.ptr as readonly number[]) {
        if (w < 0 || w >= words) throw new Error(`slot ${s.name}: pointer word ${w} outside its ${s.size} bytes`);
        ptrWords.push(off / 8 + w);
      }
    }
    off += align8(s.size);
  }
  return { offsets, size: off, ptrWords };
}
