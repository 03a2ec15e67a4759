import {
  AddressSpace,
  ClobberFreePattern,
  isMemoryFault,
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
});
