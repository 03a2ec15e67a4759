package math

// Log is the natural logarithm, as go1.19's amd64 assembly computes it (FreeBSD msun's method: x = 2**k × (1+f)
// with 1+f in [√2/2, √2), log(1+f) = f - s(f - R) with s = f/(2+f) and R a degree-14 minimax polynomial in s,
// k×ln2 added in two parts). Like that assembly, a denormal x is not normalized first.
func Log(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	b := Float64bits(x)
	switch {
	case b&^signMask == 0:
		return Inf(-1)
	case b&signMask != 0:
		return NaN()
	case b >= uvinf:
		return x // +Inf, NaN
	}
	f1 := Float64frombits(b&fracMask | 0x3FE0000000000000) // in [½, 1)
	k := float64(int(b>>shift&mask) - 0x3FE)
	if f1 < Sqrt2/2 {
		k--
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	odd := s2 * (l1 + s4*(l3+s4*(l5+s4*l7)))
	even := s4 * (l2 + s4*(l4+s4*l6))
	r := odd + even
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f)
}

// Log10 is Log(x)/ln 10 (a multiplication by the rounded reciprocal).
func Log10(x float64) float64 { return Log(x) * (1 / Ln10) }

// Log2 is exact for powers of two; otherwise the fraction's logarithm scaled, plus the exponent.
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

// Log1p is log(1+x), accurate for x near zero (FreeBSD msun's log1p: 1+x = 2**k × (1+f) with a correction term
// c for the rounding of 1+x, then the same polynomial as Log).
func Log1p(x float64) float64 {
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // √2 - 1
		sqrt2HalfM1 = -2.928932188134524755992e-01 // √2/2 - 1
		small       = 1.0 / (1 << 29)
		tiny        = 1.0 / (1 << 54)
		two53       = 1 << 53
		ln2Hi       = 6.93147180369123816490e-01
		ln2Lo       = 1.90821492927058770002e-10
		lp1         = 6.666666666666735130e-01
		lp2         = 3.999999999940941908e-01
		lp3         = 2.857142874366239149e-01
		lp4         = 2.222219843214978396e-01
		lp5         = 1.818357216161805012e-01
		lp6         = 1.531383769920937332e-01
		lp7         = 1.479819860511658591e-01
	)
	switch {
	case x < -1 || IsNaN(x):
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	}
	absx := Abs(x)
	var f float64
	var iu uint64
	k := 1
	if absx < sqrt2M1 { // |x| < √2-1
		if absx < small { // |x| < 2**-29
			if absx < tiny {
				return x
			}
			return x - x*x*0.5
		}
		if x > sqrt2HalfM1 { // √2/2-1 < x: k = 0, f = x
			k = 0
			f = x
			iu = 1
		}
	}
	var c float64
	if k != 0 {
		var u float64
		if absx < two53 {
			u = 1.0 + x
			iu = Float64bits(u)
			k = int((iu >> 52) - 1023)
			if k > 0 { // the rounding error of 1+x, relative to 1+x
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			iu = Float64bits(u)
			k = int((iu >> 52) - 1023)
			c = 0
		}
		iu &= 0x000fffffffffffff
		if iu < 0x0006a09e667f3bcd { // mantissa of √2
			u = Float64frombits(iu | 0x3ff0000000000000) // in [1, √2)
		} else {
			k++
			u = Float64frombits(iu | 0x3fe0000000000000) // in [√2/2, 1)
			iu = (0x0010000000000000 - iu) >> 2
		}
		f = u - 1.0
	}
	hfsq := 0.5 * f * f
	var s, R, z float64
	if iu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += float64(k) * ln2Lo
			return float64(k)*ln2Hi + c
		}
		R = hfsq * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - R
		}
		return float64(k)*ln2Hi - ((R - (float64(k)*ln2Lo + c)) - f)
	}
	s = f / (2.0 + f)
	z = s * s
	R = z * (lp1 + z*(lp2+z*(lp3+z*(lp4+z*(lp5+z*(lp6+z*lp7))))))
	if k == 0 {
		return f - (hfsq - s*(hfsq+R))
	}
	return float64(k)*ln2Hi - ((hfsq - (s*(hfsq+R) + (float64(k)*ln2Lo + c))) - f)
}
