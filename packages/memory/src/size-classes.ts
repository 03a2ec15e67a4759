// Go 1.19's small-object size classes (runtime/sizeclasses.go), with O(1) size -> class lookup tables built the
// way Go's size_to_class8 / size_to_class128 are: 8-byte steps up to 1024 bytes, 128-byte steps up to 32 KiB.

import { HeapPageSize, MaxSmallSize } from './layout.js';

/** Number of size classes including class 0 (which stands for "large object, own span"). */
export const NumSizeClasses = 68;

// Bytes per object of each class; class 0 is unused (large objects).
const classSizes = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
  480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
  4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
  20480, 21760, 24576, 27264, 28672, 32768,
];

// 8 KiB heap pages per span of each class (Go's class_to_allocnpages).
const classPages = [
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2,
  1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
];

/** classToSize[c]: object size of class c (Go's class_to_size). */
export const classToSize: Int32Array = Int32Array.from(classSizes);
/** classToPages[c]: heap pages per span of class c (Go's class_to_allocnpages). */
export const classToPages: Int32Array = Int32Array.from(classPages);
/** classToObjects[c]: objects per span of class c (tail waste is never handed out). */
export const classToObjects: Int32Array = new Int32Array(NumSizeClasses);
for (let c = 1; c < NumSizeClasses; c++) {
  classToObjects[c] = Math.floor((classToPages[c]! * HeapPageSize) / classToSize[c]!);
}

const SmallSizeMax = 1024;
const SmallSizeDiv = 8;
const LargeSizeDiv = 128;
// sizeToClass8[(size + 7) >> 3] for size <= 1024; sizeToClass128[(size - 1024 + 127) >> 7] above.
const sizeToClass8 = new Uint8Array(SmallSizeMax / SmallSizeDiv + 1);
const sizeToClass128 = new Uint8Array((MaxSmallSize - SmallSizeMax) / LargeSizeDiv + 1);
{
  let c = 1;
  for (let i = 0; i < sizeToClass8.length; i++) {
    const size = i * SmallSizeDiv;
    while (classToSize[c]! < size) c++;
    sizeToClass8[i] = c;
  }
  for (let i = 0; i < sizeToClass128.length; i++) {
    const size = SmallSizeMax + i * LargeSizeDiv;
    while (classToSize[c]! < size) c++;
    sizeToClass128[i] = c;
  }
}

/** Smallest size class whose objects hold `size` bytes (0 < size <= MaxSmallSize; size 0 maps to class 1). */
export function sizeToClass(size: number): number {
  if (size <= SmallSizeMax - 8) return sizeToClass8[(size + SmallSizeDiv - 1) >>> 3]!;
  return sizeToClass128[(size - SmallSizeMax + LargeSizeDiv - 1) >>> 7]!;
}

/** Object alignment of a class: the largest power of two dividing its size, at most 16 (8 for classes 8 and 24). */
export function classAlign(sizeClass: number): number {
  const size = classToSize[sizeClass]!;
  return size % 16 === 0 ? 16 : 8;
}

/** Allocation size after rounding up to a class, or to whole heap pages for large objects (Go's roundupsize). */
export function roundUpSize(size: number): number {
  if (size <= MaxSmallSize) return classToSize[sizeToClass(size)]!;
  return Math.ceil(size / HeapPageSize) * HeapPageSize;
}
