package math

import "unsafe"

// IEEE 754 binary64 fields.
const (
	uvnan    = 0x7FF8000000000001
	uvinf    = 0x7FF0000000000000
	uvneginf = 0xFFF0000000000000
	uvone    = 0x3FF0000000000000
	mask     = 0x7FF
	shift    = 64 - 11 - 1
	bias     = 1023
	signMask = 1 << 63
	fracMask = 1<<shift - 1
)

// Float64bits returns the IEEE 754 bits of f (the same memory read as an integer).
func Float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// Float64frombits is the float64 whose IEEE 754 bits are b.
func Float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

// Float32bits returns the IEEE 754 bits of f.
func Float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

// Float32frombits is the float32 whose IEEE 754 bits are b.
func Float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// Inf is +Inf for sign >= 0, -Inf otherwise.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(uvinf)
	}
	return Float64frombits(uvneginf)
}

// NaN is an IEEE 754 quiet NaN (the bits Go uses).
func NaN() float64 { return Float64frombits(uvnan) }

// IsNaN reports whether f is a NaN (the one value not equal to itself).
func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0) or either (sign == 0).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x's sign bit is set (true for -0 and negative NaNs too).
func Signbit(x float64) bool { return Float64bits(x)&signMask != 0 }

// Copysign is f's magnitude with sign's sign bit.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// Abs clears the sign bit.
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signMask) }

// isFinite: neither infinite nor NaN.
func isFinite(f float64) bool { return !IsNaN(f - f) }
