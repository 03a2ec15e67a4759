// 32-bit bitmap helpers for span alloc/mark bits.

/** Number of set bits in the low 32 bits of x. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Index of the lowest set bit of x (x != 0). */
export function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}
