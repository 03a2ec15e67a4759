import {
  AddressSpace,
  ClobberFreePattern,
  isMemoryFault,
  PageSize,
  PoisonBeforeCopy,
  PoisonNewStack,
  PoisonOldStack,
} from '../src/index.js';

describe('fills, poison patterns and memmove', () => {
  const as = new AddressSpace();
  const base = as.mapRegion(8192);

  test.each([PoisonNewStack, PoisonBeforeCopy, PoisonOldStack])('poison 0x%s fills exactly the given range', (b) => {
    as.memclr(base, 8192);
    as.poison(base + 24, 100, b);
    expect(as.load8(base + 23)).toBe(0);
    for (let i = 24; i < 124; i++) expect(as.load8(base + i)).toBe(b);
    expect(as.load8(base + 124)).toBe(0);
  });

  test('a 0xfd word reads back as 0xfdfdfdfdfdfdfdfd and is not a mapped address', () => {
    as.poison(base, 8, PoisonNewStack);
    const v = as.load64Big(base);
    expect(BigInt.asUintN(64, v)).toBe(0xfdfdfdfdfdfdfdfdn);
    const asNumber = as.load64(base);
    expect(as.isMapped(asNumber)).toBe(false);
    let faulted = false;
    try {
      as.load64(asNumber);
    } catch (e) {
      faulted = isMemoryFault(e);
    }
    expect(faulted).toBe(true);
  });

  test('fillWord repeats a 32-bit little-endian pattern, with a partial tail', () => {
    as.memclr(base, 64);
    as.fillWord(base, 18, ClobberFreePattern);
    expect(as.load32(base)).toBe(0xdeadbeef);
    expect(as.load32(base + 12)).toBe(0xdeadbeef);
    expect(as.load8(base + 16)).toBe(0xef);
    expect(as.load8(base + 17)).toBe(0xbe);
    expect(as.load8(base + 18)).toBe(0);
  });

  test('memmove handles overlapping ranges in both directions', () => {
    for (let i = 0; i < 16; i++) as.store8(base + i, i);
    as.memmove(base + 4, base, 12);
    expect(Array.from({ length: 16 }, (_, i) => as.load8(base + i))).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    as.memmove(base, base + 4, 12);
    expect(as.load8(base)).toBe(0);
    expect(as.load8(base + 4)).toBe(4);
    expect(as.load8(base + 11)).toBe(11);
  });

  test('small aligned memmove/memclr (the word fast path) match a byte-wise reference, overlapping or not', () => {
    const ref = new Uint8Array(256);
    const fillBoth = (): void => {
      for (let i = 0; i < 256; i++) {
        ref[i] = (i * 7 + 3) & 0xff;
        as.store8(base + i, ref[i]!);
      }
    };
    const same = (): void => expect(Array.from({ length: 256 }, (_, i) => as.load8(base + i))).toEqual(Array.from(ref));
    for (const n of [8, 16, 24, 64]) {
      for (const [d, s] of [[0, 8], [8, 0], [16, 16], [0, 64], [64, 0], [40, 8]] as const) {
        fillBoth();
        ref.copyWithin(d, s, s + n);
        as.memmove(base + d, base + s, n);
        same();
      }
      fillBoth();
      ref.fill(0, 32, 32 + n);
      as.memclr(base + 32, n);
      same();
    }
  });

  test('small aligned copies across a mapped page boundary work; onto an unmapped page they fault as before', () => {
    const two = as.mapRegion(2 * PageSize);
    as.store64(two + PageSize - 8, 42);
    as.memmove(two + PageSize, two + PageSize - 8, 8);
    expect(as.load64(two + PageSize)).toBe(42);
    as.memclr(two + PageSize - 8, 16);
    expect(as.load64(two + PageSize - 8)).toBe(0);
    expect(as.load64(two + PageSize)).toBe(0);
    as.unmapRegion(two + PageSize, PageSize);
    expect(() => as.memmove(two + PageSize - 8, two + PageSize - 16, 16)).toThrow('memory fault: store of 16 bytes at 0x');
    expect(() => as.memclr(two + PageSize - 8, 16)).toThrow('(unmapped)');
  });

  test('isWordRange: true only for whole aligned words, 0 < n <= PageSize, on mapped pages at both ends', () => {
    const two = as.mapRegion(2 * PageSize);
    expect(as.isWordRange(two, 8)).toBe(true);
    expect(as.isWordRange(two + PageSize - 8, 16)).toBe(true);
    expect(as.isWordRange(two, PageSize)).toBe(true);
    expect(as.isWordRange(two, 0)).toBe(false);
    expect(as.isWordRange(two, PageSize + 8)).toBe(false); // longer than a page: more than two pages to look at
    expect(as.isWordRange(two + 4, 8)).toBe(false);
    expect(as.isWordRange(two, 12)).toBe(false);
    expect(as.isWordRange(two, 8.5)).toBe(false);
    expect(as.isWordRange(-8, 8)).toBe(false);
    expect(as.isWordRange(2 ** 32 - 8, 16)).toBe(false); // past the top of the address space, not wrapped
    as.unmapRegion(two + PageSize, PageSize);
    expect(as.isWordRange(two + PageSize - 8, 16)).toBe(false);
    expect(as.isWordRange(two + PageSize - 8, 8)).toBe(true);
  });
});
