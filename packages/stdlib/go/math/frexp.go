package math

// smallestNormal is 2**-1022.
const smallestNormal = 2.2250738585072014e-308

// normalize scales a denormal x by 2**52 and says so through exp (-52), so that its exponent field is valid.
func normalize(x float64) (y float64, exp int) {
	if Abs(x) < smallestNormal {
		return x * (1 << 52), -52
	}
	return x, 0
}

// Frexp splits f into a fraction in [½, 1) and a power of two: f == frac × 2**exp.
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	f, exp = normalize(f)
	x := Float64bits(f)
	exp += int((x>>shift)&mask) - bias + 1
	x &^= mask << shift
	x |= (-1 + bias) << shift
	frac = Float64frombits(x)
	return
}

// Ldexp is frac × 2**exp, rounding once when the result is denormal.
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	frac, e := normalize(frac)
	exp += e
	x := Float64bits(frac)
	exp += int(x>>shift)&mask - bias
	if exp < -1075 {
		return Copysign(0, frac)
	}
	if exp > 1023 {
		if frac < 0 {
			return Inf(-1)
		}
		return Inf(1)
	}
	var m float64 = 1
	if exp < -1022 { // denormal: build the value at 2**53 times its size, then scale down once
		exp += 53
		m = 1.0 / (1 << 53)
	}
	x &^= mask << shift
	x |= uint64(exp+bias) << shift
	return m * Float64frombits(x)
}
