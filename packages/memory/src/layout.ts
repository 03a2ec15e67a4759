// Machine constants of the simulated linux/amd64-like machine, declared once.

/** Bytes per word (int, uintptr, pointer). */
export const PtrSize = 8;
/** Page-table granularity; page 0 is never mapped, so nil dereferences fault there. */
export const PageShift = 12;
export const PageSize = 1 << PageShift;
/** Heap pages (spans are made of these), as Go's runtime uses 8 KiB pages. */
export const HeapPageShift = 13;
export const HeapPageSize = 1 << HeapPageShift;
/** Lowest address that can hold a legal pointer (Go's minLegalPointer). */
export const MinLegalPointer = 4096;
/** Simulated addresses stay below 2^32 so a pointer is always a small JS number. */
export const MaxAddress = 2 ** 32;
/**
 * First address mapRegion hands out. Everything below stays unmapped (page 0 for nil, the rest so that a nil
 * pointer plus a moderate field offset still faults instead of landing in live memory).
 */
export const FirstMappableAddress = 0x10000;

/** The largest allocation Go attempts on linux/amd64 (maxAlloc = 2^48); larger slices are "len out of range". */
export const MaxAlloc = 2 ** 48;
/** The heap grows in whole chunks of this size (Go's pallocChunkPages * pageSize = 512 * 8 KiB). */
export const HeapGrowChunk = 4 << 20;

/** Largest small-object size class (Go's maxSmallSize); larger objects get a span of their own. */
export const MaxSmallSize = 32768;
/** Go's heapminimum at GOGC=100: the heap goal never drops below this (scaled by gcPercent/100). */
export const HeapMinimum = 4 << 20;

/** Poison patterns of Go's StackPoisonCopy (2014) and clobberfree; none is a mapped address. */
export const PoisonNewStack = 0xfd; // new stack, right after allocation
export const PoisonBeforeCopy = 0xfb; // new stack, just before the used part is copied in
export const PoisonOldStack = 0xfc; // old stack, before it is freed
/** Go's clobberfree fills freed heap objects with this 32-bit word (little endian: ef be ad de). */
export const ClobberFreePattern = 0xdeadbeef;
