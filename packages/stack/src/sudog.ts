// A channel waiting record (Go's sudog), in the heap. elem (and okp) may point into the waiting
// goroutine's stack, so copystack adjusts them (adjustsudogs) through g.waiting.

export const Sudog = {
  g: 0, //         goroutine id (scalar)
  elem: 8, //      pointer to the element to send or receive into (often a stack slot)
  c: 16, //        the channel
  next: 24, //     queue links
  prev: 32,
  waitlink: 40, // next sudog of the same goroutine (g.waiting)
  okp: 48, //      where a receive writes its ok bool, or 0
  success: 56, //  byte: the operation completed (false: woken by close)
  isSend: 57, //   byte: a send (woken by close, it panics)
  isSelect: 58, // byte: enqueued by selectgo (a dequeue skips it once g.selectDone is set)
  size: 64,
  /** Pointer words for the GC: elem, c, next, prev, waitlink, okp. */
  ptrWords: [1, 2, 3, 4, 5, 6],
} as const;
