export {
  ClobberFreePattern,
  FirstMappableAddress,
  HeapGrowChunk,
  HeapMinimum,
  HeapPageShift,
  HeapPageSize,
  MaxAddress,
  MaxAlloc,
  MaxSmallSize,
  MinLegalPointer,
  PageShift,
  PageSize,
  PoisonBeforeCopy,
  PoisonNewStack,
  PoisonOldStack,
  PtrSize,
} from './layout.js';
export { isMemoryFault, MemoryFault } from './fault.js';
export type { FaultKind } from './fault.js';
export { goOutOfMemory, OutOfMemoryError } from './out-of-memory.js';
export type { OutOfMemoryKind } from './out-of-memory.js';
export { AddressSpace, PageMapped, PageUnmapped } from './address-space.js';
export type { AddressSpaceOptions } from './address-space.js';
export { hexWord, moveWords, readWord, wordIsSmall, writeWord, zeroWords } from './word.js';
export { isPointerWord, typeDesc } from './type-desc.js';
export type { TypeDesc } from './type-desc.js';
export {
  classAlign,
  classToObjects,
  classToPages,
  classToSize,
  NumSizeClasses,
  roundUpSize,
  sizeToClass,
} from './size-classes.js';
export { Heap } from './heap.js';
export type { AllocOptions, HeapOptions, HeapStats, SweepResult } from './heap.js';
