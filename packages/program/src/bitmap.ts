// Pointer maps: one bit per word, LSB first (Go's stack maps and gcdata use the same order). A map ends with the
// byte of its last pointer word: the words of the area past it are scalars (bitSet reads them as 0), so a frame of
// scalars, like callNN's outgoing area of up to 1 GiB, needs no map at all.

export function makeBitmap(words: number, pointerWords: readonly number[]): Uint8Array {
  let last = -1;
  for (const w of pointerWords) {
    if (w < 0 || w >= words) throw new RangeError(`pointer word ${w} outside a map of ${words} words`);
    if (w > last) last = w;
  }
  const bits = new Uint8Array((last >> 3) + 1);
  for (const w of pointerWords) bits[w >> 3]! |= 1 << (w & 7);
  return bits;
}

export function bitSet(bits: Uint8Array, word: number): boolean {
  return ((bits[word >> 3] ?? 0) >> (word & 7)) & 1 ? true : false;
}

export function setBits(bits: Uint8Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length * 8; w++) if (bitSet(bits, w)) out.push(w);
  return out;
}
