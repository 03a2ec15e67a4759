// Go's stack constants (runtime/stack.go of 2014, linux/amd64: StackSystem = 0).

/** Default minimum (initial) goroutine stack; Go 1.4 used 2048, the CL's Go 8192: configurable per run. */
export const StackMinDefault = 2048;
/** The prologue's check: a function whose frame would end below lo + StackGuard calls morestack. */
export const StackGuard = 512;
/** Functions with frames at most this big may check against the guard without subtracting their frame. */
export const StackSmall = 128;
/** Bytes a chain of NOSPLIT functions may use below the guard. */
export const StackLimit = StackGuard - StackSmall;
/** Go's maxstacksize on 64-bit: a stack may not grow beyond this. */
export const MaxStackDefault = 1_000_000_000;
/** Stacks of this size or smaller come from per-order pools (orders 2 KiB, 4 KiB, 8 KiB, 16 KiB). */
export const StackCacheOrders = 4;
