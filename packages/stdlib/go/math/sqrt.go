package math

// Sqrt is the correctly rounded square root (what amd64's SQRTSD gives): the root's bits are found one at a
// time from the top, then rounded to nearest even with the remainder.
func Sqrt(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 1) {
		return x
	}
	if x < 0 {
		return Float64frombits(0xFFF8000000000000) // SQRTSD's default NaN
	}
	m := Float64bits(x)
	e := int(m >> shift & mask)
	if e == 0 { // denormal: normalize the mantissa
		for m&(1<<shift) == 0 {
			m <<= 1
			e--
		}
		e++
	}
	e -= bias
	m = m&fracMask | 1<<shift
	if e&1 != 0 { // an odd exponent: halve it into the mantissa
		m <<= 1
	}
	e >>= 1
	m <<= 1 // one more bit of precision for the rounding
	var root, acc uint64
	for bit := uint64(1 << (shift + 1)); bit != 0; bit >>= 1 {
		if t := acc + bit; t <= m {
			acc = t + bit
			m -= t
			root += bit
		}
		m <<= 1
	}
	if m != 0 { // inexact: round half to even on the extra bit
		root += root & 1
	}
	return Float64frombits(root>>1 + uint64(e-1+bias)<<shift)
}
