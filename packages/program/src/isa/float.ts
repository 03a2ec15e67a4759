// Opcodes for floating point and complex numbers (numbers 100-129; see ../isa.ts for the operand letters).
// Register form is memory form: a float32 is 4 IEEE bytes, a float64 8, a complex64 {re, im float32} 8, a
// complex128 {re, im float64} 16; every float32 result is rounded to float32 (Go's 32-bit arithmetic).

export const FloatOp = {
  FADD64: 100, FSUB64: 101, FMUL64: 102, FDIV64: 103, //  S dst, S x, S y   (IEEE: x/0 is ±Inf or NaN)
  FADD32: 104, FSUB32: 105, FMUL32: 106, FDIV32: 107, //  S dst, S x, S y
  FNEG64: 108, FNEG32: 109, //                            S dst, S x   (flips the sign: -0 from 0)
  FEQ64: 110, FLT64: 111, FLE64: 112, //                  S dst, S x, S y   byte result (NaN: false)
  FEQ32: 113, FLT32: 114, FLE32: 115, //                  S dst, S x, S y
  CMUL128: 116, CDIV128: 117, //                          S dst, S x, S y   (runtime.complex128div)
  CMUL64: 118, CDIV64: 119, //                            S dst, S x, S y   (computed in float64, rounded back)
  FCVT: 120, //                                           S dst, S src, I mode (FCvt): numeric conversions
  PRINTF: 121, //                                         I kind (PrintFloat), S val   Go's printfloat/printcomplex
  FMATH: 122, //                                          S dst, S x, I fn (FMath): a float64 math intrinsic
} as const;

/**
 * FMATH functions: the calls of package math that Go's compiler replaces by one amd64 instruction (SQRTSD,
 * ROUNDSD with SSE4.1, ANDPD), so they have no frame. A NaN operand comes back unchanged (Abs clears its sign);
 * the square root of a negative number is amd64's default NaN (sign bit set).
 */
export const FMath = { Sqrt: 0, Floor: 1, Ceil: 2, Trunc: 3, Abs: 4 } as const;

/** FCVT modes: int64/uint64 words to floats, floats to int64 words (amd64 CVTTSD2SQ: 0x8000000000000000 when
 * out of range), to int32 words (CVTTSD2SL: 0x80000000, sign-extended), to uint64 (Go's float64ToUint64). */
export const FCvt = {
  I64toF64: 0, U64toF64: 1, I64toF32: 2, U64toF32: 3,
  F64toI64: 4, F64toU64: 5, F64toI32: 6, F32toI64: 7, F32toU64: 8, F32toI32: 9,
  F64toF32: 10, F32toF64: 11,
} as const;

/** What PRINTF prints. */
export const PrintFloat = { F32: 0, F64: 1, C64: 2, C128: 3 } as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const floatShapes: Readonly<Record<number, string>> = (() => {
  const s: Record<number, string> = {};
  const O = FloatOp;
  for (const op of [O.FADD64, O.FSUB64, O.FMUL64, O.FDIV64, O.FADD32, O.FSUB32, O.FMUL32, O.FDIV32, O.FEQ64, O.FLT64,
    O.FLE64, O.FEQ32, O.FLT32, O.FLE32, O.CMUL128, O.CDIV128, O.CMUL64, O.CDIV64]) s[op] = 'SSS';
  s[O.FNEG64] = 'SS-';
  s[O.FNEG32] = 'SS-';
  s[O.FCVT] = 'SSI';
  s[O.FMATH] = 'SSI';
  s[O.PRINTF] = 'IS-';
  return s;
})();
