package math

// Exp is e**x as go1.19's amd64 assembly computes it on a CPU with FMA (Shibata's method): x = k×ln2 + r with
// k the nearest integer to x×log2(e), r/16 into a degree-8 Taylor polynomial of e**t - 1, squared back four
// times through (y+2)×y, then scaled by 2**k (denormal results rounded once).
func Exp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2u     = 0.69314718055966295651160180568695068359375
		ln2l     = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
	)
	b := Float64bits(x)
	if b&^signMask >= uvinf {
		if b == uvneginf {
			return 0
		}
		return x // NaN, +Inf
	}
	if x > overflow {
		return Inf(1)
	}
	k := cvtsd2sl(log2e * x)
	kf := float64(k)
	r := FMA(-kf, ln2u, x)
	r = FMA(-kf, ln2l, r)
	r *= 0.0625
	p := 2.4801587301587301587e-5
	p = FMA(p, r, 1.9841269841269841270e-4)
	p = FMA(p, r, 1.3888888888888888889e-3)
	p = FMA(p, r, 8.3333333333333333333e-3)
	p = FMA(p, r, 4.1666666666666666667e-2)
	p = FMA(p, r, 1.6666666666666666667e-1)
	p = FMA(p, r, 0.5)
	p = FMA(p, r, 1.0)
	y := r * p
	y *= y + 2
	y *= y + 2
	y *= y + 2
	y = FMA(y, y+2, 1.0)
	// y × 2**k
	be := int(k) + bias
	if be >= mask {
		return Inf(1)
	}
	if be > 0 {
		return y * Float64frombits(uint64(be)<<shift)
	}
	if be < -52 {
		return 0
	}
	return y * Float64frombits(uint64(be+bias-1)<<shift) * Float64frombits(1<<shift)
}

// cvtsd2sl is amd64's CVTSD2SL: to int32 rounding to nearest even; 0x80000000 when out of range or NaN.
func cvtsd2sl(f float64) int32 {
	r := RoundToEven(f)
	if !(r >= -1<<31 && r < 1<<31) {
		return -1 << 31
	}
	return int32(r)
}

// Exp2 is 2**x (FreeBSD msun's method: x = k + t, 2**t = e**(t×ln2) by expmulti).
func Exp2(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	}
	var k int
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	t := x - float64(k)
	return expmulti(t*ln2Hi, -t*ln2Lo, k)
}

// expmulti is e**(hi-lo) × 2**k, with a Remez polynomial of degree 5 for the rational form of e**r.
func expmulti(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}
