package math

// Cbrt is the cube root (FreeBSD msun's cbrt: a 5-bit first guess from the exponent bits divided by 3, a
// rational step to 23 bits, the guess rounded to 22 bits so t*t is exact, one Newton step to 53 bits).
func Cbrt(x float64) float64 {
	const (
		b1             = 715094163 // (682-0.03306235651)*2**20
		b2             = 696219795 // (664-0.03306235651)*2**20
		c              = 5.42857142857142815906e-01
		d              = -7.05306122448979611050e-01
		e              = 1.41428571428571436819e+00
		f              = 1.60714285714285720630e+00
		g              = 3.57142857142857150787e-01
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	x = Abs(x)
	t := Float64frombits(Float64bits(x)/3 + b1<<32)
	if x < smallestNormal {
		t = float64(1<<54) * x // scaled into the normal range first
		t = Float64frombits(Float64bits(t)/3 + b2<<32)
	}
	r := t * t / x
	s := c + r*t
	t *= g + f/(s+e+d/s)
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)
	s = t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t = t + t*r
	if neg {
		return -t
	}
	return t
}
