package math

// Expm1 is e**x - 1, accurate for x near zero (FreeBSD msun's expm1: x = k×ln2 + r with a correction c for the
// reduction's rounding; e**r - 1 from a rational approximation whose denominator is a degree-5 polynomial in
// r²/2; the result rebuilt by adding k to the exponent).
func Expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02
		ln2X56     = 3.88162421113569373274e+01
		ln2HalfX3  = 1.03972077083991796413e+00
		ln2Half    = 3.46573590279972654709e-01
		ln2Hi      = 6.93147180369123816490e-01
		ln2Lo      = 1.90821492927058770002e-10
		invLn2     = 1.44269504088896338700e+00
		tiny       = 1.0 / (1 << 54)
		q1         = -3.33333333333331316428e-02
		q2         = 1.58730158725481460165e-03
		q3         = -7.93650757867487942473e-05
		q4         = 4.00821782732936239552e-06
		q5         = -2.01099218183624371326e-07
	)
	if IsInf(x, 1) || IsNaN(x) {
		return x
	}
	if IsInf(x, -1) {
		return -1
	}
	neg := x < 0
	absx := Abs(x)
	if absx >= ln2X56 {
		if neg {
			return -1
		}
		if absx >= othreshold {
			return Inf(1)
		}
	}
	var c float64
	k := 0
	if absx > ln2Half {
		var hi, lo float64
		switch {
		case absx < ln2HalfX3 && !neg:
			hi, lo, k = x-ln2Hi, ln2Lo, 1
		case absx < ln2HalfX3:
			hi, lo, k = x+ln2Hi, -ln2Lo, -1
		default:
			if neg {
				k = int(invLn2*x - 0.5)
			} else {
				k = int(invLn2*x + 0.5)
			}
			t := float64(k)
			hi = x - t*ln2Hi
			lo = t * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if absx < tiny {
		return x
	}
	hfx := 0.5 * x
	hxs := x * hfx
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*hfx
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}
	e = x*(e-c) - c
	e -= hxs
	scale := func(y float64) float64 { return Float64frombits(Float64bits(y) + uint64(k)<<52) } // y × 2**k
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56:
		return scale(1-(e-x)) - 1
	case k < 20:
		return scale(Float64frombits(0x3ff0000000000000-(0x20000000000000>>uint(k))) - (e - x)) // (1 - 2**-k) - (e - x)
	}
	y := x - (e + Float64frombits(uint64(0x3ff-k)<<52)) // 2**-k
	y++
	return scale(y)
}
