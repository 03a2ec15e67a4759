import {
  classAlign,
  classToObjects,
  classToPages,
  classToSize,
  HeapPageSize,
  MaxSmallSize,
  NumSizeClasses,
  roundUpSize,
  sizeToClass,
} from '../src/index.js';

describe('size classes (Go 1.19 table)', () => {
  test('there are 67 classes from 8 to 32768 bytes, strictly increasing', () => {
    expect(NumSizeClasses).toBe(68);
    expect(classToSize[1]).toBe(8);
    expect(classToSize[67]).toBe(MaxSmallSize);
    for (let c = 2; c < NumSizeClasses; c++) expect(classToSize[c]!).toBeGreaterThan(classToSize[c - 1]!);
  });

  test('each span wastes at most 1/8 of its bytes at its tail, as mksizeclasses requires', () => {
    for (let c = 1; c < NumSizeClasses; c++) {
      const spanBytes = classToPages[c]! * HeapPageSize;
      expect(classToObjects[c]).toBe(Math.floor(spanBytes / classToSize[c]!));
      expect(spanBytes % classToSize[c]!).toBeLessThanOrEqual(spanBytes / 8);
    }
  });

  test('size lookup returns the smallest class holding the size, for every size up to 32 KiB', () => {
    for (let size = 0; size <= MaxSmallSize; size++) {
      const c = sizeToClass(size);
      expect(classToSize[c]!).toBeGreaterThanOrEqual(size);
      if (c > 1) expect(classToSize[c - 1]!).toBeLessThan(size);
    }
  });

  test('class alignment is 16 for multiples of 16 and 8 for the 8- and 24-byte classes', () => {
    expect(classAlign(sizeToClass(8))).toBe(8);
    expect(classAlign(sizeToClass(24))).toBe(8);
    expect(classAlign(sizeToClass(48))).toBe(16);
    expect(roundUpSize(33)).toBe(48);
    expect(roundUpSize(MaxSmallSize + 1)).toBe(5 * HeapPageSize);
  });
});
