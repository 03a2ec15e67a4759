// Type descriptors, declared once: size, the length of the pointer-holding prefix, and a pointer bitmap with one bit
// per word of that prefix (bit i = word i holds a pointer; LSB first within each byte, like Go's gcdata).
// Invariants: ptrdata is a multiple of 8 and <= size rounded up to a word; ptrdata == 0 means noscan; the last word
// of the prefix is a pointer word.

import { PtrSize } from './layout.js';

export interface TypeDesc {
  readonly name: string;
  readonly size: number;
  readonly ptrdata: number;
  readonly ptrmask: Uint8Array;
}

/** Builds a descriptor of `size` bytes whose words at `pointerWordIndexes` hold pointers. */
export function typeDesc(name: string, size: number, pointerWordIndexes: readonly number[]): TypeDesc {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`typeDesc ${name}: bad size ${size}`);
  let words = 0;
  for (const w of pointerWordIndexes) {
    if (!Number.isInteger(w) || w < 0 || (w + 1) * PtrSize > size) {
      throw new RangeError(`typeDesc ${name}: pointer word ${w} outside ${size} bytes`);
    }
    if (w + 1 > words) words = w + 1;
  }
  const ptrmask = new Uint8Array((words + 7) >>> 3);
  for (const w of pointerWordIndexes) ptrmask[w >>> 3]! |= 1 << (w & 7);
  return { name, size, ptrdata: words * PtrSize, ptrmask };
}

/** True when word `wordIndex` of a value of type t holds a pointer. */
export function isPointerWord(t: TypeDesc, wordIndex: number): boolean {
  if (wordIndex < 0 || wordIndex * PtrSize >= t.ptrdata) return false;
  return ((t.ptrmask[wordIndex >>> 3]! >>> (wordIndex & 7)) & 1) !== 0;
}
