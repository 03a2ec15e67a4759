package math

// Trunc is x without the bits below its binary point (toward zero; ±0, ±Inf and NaN are themselves).
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>shift&mask) - bias
	if e < 0 {
		return Copysign(0, x) // |x| < 1
	}
	if e < shift {
		return Float64frombits(b &^ (fracMask >> uint(e)))
	}
	return x // already an integer, or not finite
}

// Floor is the greatest integer value <= x.
func Floor(x float64) float64 {
	if t := Trunc(x); x < t {
		return t - 1
	} else {
		return t
	}
}

// Ceil is the least integer value >= x.
func Ceil(x float64) float64 {
	if t := Trunc(x); x > t {
		return t + 1
	} else {
		return t
	}
}

// Modf splits f into an integer part and a fraction, both with f's sign (Modf(±Inf) = ±Inf, NaN).
func Modf(f float64) (int float64, frac float64) {
	int = Trunc(f)
	if IsInf(f, 0) { // Inf - Inf: amd64's default NaN (sign set), negated for -Inf
		return f, Copysign(Float64frombits(0x7FF8000000000000), -f)
	}
	return int, Copysign(f-int, f)
}

// Round is the nearest integer, halves away from zero (on the bits: add half an ulp of the integer point, then
// clear the fraction).
func Round(x float64) float64 {
	b := Float64bits(x)
	e := uint(b>>shift) & mask
	if e < bias {
		// |x| < 1: ±0, or ±1 from one half on
		b &= signMask
		if e == bias-1 {
			b |= uvone
		}
	} else if e < bias+shift {
		const half = 1 << (shift - 1)
		e -= bias
		b += half >> e
		b &^= fracMask >> e
	}
	return Float64frombits(b)
}

// RoundToEven is the nearest integer, halves to even.
func RoundToEven(x float64) float64 {
	b := Float64bits(x)
	e := uint(b>>shift) & mask
	if e >= bias {
		const halfMinusULP = (1 << (shift - 1)) - 1
		e -= bias
		if e < shift {
			b += (halfMinusULP + (b>>(shift-e))&1) >> e
			b &^= fracMask >> e
		}
	} else if e == bias-1 && b&fracMask != 0 {
		// 0.5 < |x| < 1: ±1
		b = b&signMask | uvone
	} else {
		// |x| <= 0.5: ±0
		b &= signMask
	}
	return Float64frombits(b)
}
