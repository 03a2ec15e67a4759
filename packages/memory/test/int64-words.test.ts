import fc from 'fast-check';
import { AddressSpace, readWord, wordIsSmall, writeWord } from '../src/index.js';

const as = new AddressSpace();
const base = as.mapRegion(4096);

describe('int64 words', () => {
  test('store64/load64 round-trip exact values within ±2^53', () => {
    for (const v of [0, -1, 1, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 32, -(2 ** 32), 2 ** 31, 4294967295, -4294967296 - 5]) {
      as.store64(base, v);
      expect(as.load64(base)).toBe(v);
      expect(as.load64Big(base)).toBe(BigInt(v));
    }
  });

  test('negative numbers are stored as int64 two\'s complement', () => {
    as.store64(base, -1);
    expect(as.load32(base)).toBe(0xffffffff);
    expect(as.load32(base + 4)).toBe(0xffffffff);
    expect(as.load64Big(base)).toBe(-1n);
  });

  test('store64Big/load64Big are exact at the int64 extremes and wrap beyond them', () => {
    for (const v of [2n ** 63n - 1n, -(2n ** 63n), 2n ** 60n + 1n]) {
      as.store64Big(base, v);
      expect(as.load64Big(base)).toBe(v);
    }
    as.store64Big(base, 2n ** 64n + 5n);
    expect(as.load64Big(base)).toBe(5n);
  });

  test('load64 of a large value is the nearest double', () => {
    as.store64Big(base, 2n ** 60n + 1n);
    expect(as.load64(base)).toBe(2 ** 60);
  });

  test('readWord/writeWord agree with load64/store64 on random safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 511 }), (v, slot) => {
        const addr = base + slot * 8;
        writeWord(as.i32, addr, v);
        expect(as.load64(addr)).toBe(v);
        expect(as.load64Big(addr)).toBe(BigInt(v));
        as.store64(addr, 0 - v); // 0 - v, not -v: avoids -0
        expect(readWord(as.i32, addr)).toBe(0 - v);
        expect(wordIsSmall(as.i32, addr)).toBe(true);
      }),
    );
  });

  test('wordIsSmall is true exactly in [-2^53, 2^53)', () => {
    const cases: [bigint, boolean][] = [
      [2n ** 60n, false],
      [2n ** 53n - 1n, true],
      [2n ** 53n, false],
      [-(2n ** 53n), true],
      [-(2n ** 53n) - 1n, false],
      [-(2n ** 63n), false],
      [0xfdfdfdfdfdfdfdfdn - 2n ** 64n, false],
    ];
    for (const [v, small] of cases) {
      as.store64Big(base, v);
      expect(wordIsSmall(as.i32, base)).toBe(small);
      if (small) expect(readWord(as.i32, base)).toBe(Number(v));
    }
  });
});
