import { isPointerWord, typeDesc } from '../src/index.js';

describe('type descriptors', () => {
  test('ptrmask has one bit per word of the pointer prefix, LSB first', () => {
    const t = typeDesc('T', 96, [0, 2, 9]);
    expect(t.ptrdata).toBe(80);
    expect(Array.from(t.ptrmask)).toEqual([0b101, 0b10]);
    expect([0, 1, 2, 9, 10, 11].map((w) => isPointerWord(t, w))).toEqual([true, false, true, true, false, false]);
  });

  test('a type without pointers is noscan', () => {
    const t = typeDesc('[4]int', 32, []);
    expect(t.ptrdata).toBe(0);
    expect(isPointerWord(t, 0)).toBe(false);
  });

  test('pointer words outside the type are rejected', () => {
    expect(() => typeDesc('bad', 16, [2])).toThrow(RangeError);
  });
});
