// Opcodes for slices, strings and range (numbers 130-149; see ../isa.ts for the operand letters).

export const SliceOp = {
  // S dst, S blk, I flags: dst = blk.x[i:j] or [i:j:k] with Go's bounds checks (panicSlice*). blk is six words
  // {ptr, len, cap, i, j, k} in the frame; dst is a slice {ptr, len, cap}, or a string {ptr, len} (SliceFlag.Str).
  // flags: SliceFlag bits, the element size from bit 8.
  SLICE: 130,
  GROWSLICE: 131, //  S s, Y elem, S newlen  s.ptr, s.cap = growslice(elem, s, newlen) (s.len unchanged)
  SLICECOPY: 132, //  S dst, S blk, I size   dst = copy: blk = {to.ptr, to.len, from.ptr, from.len}, size per elem
  STRTOBYTES: 133, // S dst, S str, s buf    dst = []byte(str): in the 32-byte frame buffer buf if it fits, else heap
  STRTORUNES: 134, // S dst, S str, s buf    dst = []rune(str): buf holds 32 runes (buf -1: always heap)
  BYTESTOSTR: 135, // S dst, S slice         dst = string(slice of bytes)
  RUNESTOSTR: 136, // S dst, S slice         dst = string(slice of runes)
  RUNETOSTR: 137, //  S dst, S v             dst = string(rune(v)); an invalid code point gives "\uFFFD"
  DECODERUNE: 138, // S dst, S str, S i      dst = {rune, next index} of the UTF-8 sequence at str[i] (i < len)
  // S dst, Y elem, S len: dst = unsafe.Slice(dst.ptr, len) = {ptr, len, len} with unsafeslice's checks (len < 0 or
  // ptr + len*size past the address range: panicunsafeslicelen; a nil ptr with len > 0: panicunsafeslicenilptr)
  UNSAFESLICE: 139,
} as const;

/** Flag bits of SLICE. */
export const SliceFlag = {
  Three: 1, //      a 3-index slice expression
  LenBound: 2, //   the operand is a string or an array: the high bound is its length, not a capacity
  Str: 4, //        a string result {ptr, len}
  UnsignedI: 8, UnsignedJ: 16, UnsignedK: 32, // index types, for the messages
  Convert: 64, //   (*[N]T)(s): the high bound N must be at most len(s); the result is the pointer word only
  ElemShift: 8,
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const sliceShapes: Readonly<Record<number, string>> = {
  [SliceOp.SLICE]: 'SSI',
  [SliceOp.GROWSLICE]: 'SYS',
  [SliceOp.SLICECOPY]: 'SSI',
  [SliceOp.STRTOBYTES]: 'SSs',
  [SliceOp.STRTORUNES]: 'SSs',
  [SliceOp.BYTESTOSTR]: 'SS-',
  [SliceOp.RUNESTOSTR]: 'SS-',
  [SliceOp.RUNETOSTR]: 'SS-',
  [SliceOp.DECODERUNE]: 'SSS',
  [SliceOp.UNSAFESLICE]: 'SYS',
};
