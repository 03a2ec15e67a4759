package math

// isOddInt reports whether x is an odd integer.
func isOddInt(x float64) bool {
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// Pow is x**y with Go's special cases. In general x**y = x**yi × x**yf with yi the integer part of |y|:
// x**yf = Exp(yf × Log(x)) (yf in (-½, ½]), x**yi by repeated squaring of Frexp's fraction with the exponent
// kept apart (so no intermediate overflows), one Ldexp at the end.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		if y < 0 {
			if isOddInt(y) {
				return Copysign(Inf(1), x)
			}
			return Inf(1)
		}
		if y > 0 {
			if isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		if x == -1 {
			return 1
		}
		if (Abs(x) < 1) == IsInf(y, 1) {
			return 0
		}
		return Inf(1)
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // as Pow(-0, -y)
		}
		if y < 0 {
			return 0
		}
		if y > 0 {
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}
	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 { // an even integer this large: only |x| decides
		if x == -1 {
			return 1
		}
		if (Abs(x) < 1) == (y > 0) {
			return 0
		}
		return Inf(1)
	}
	a1 := 1.0
	ae := 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		a1 = Exp(yf * Log(x))
	}
	x1, xe := Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			// the exponent alone over- or underflows: Ldexp saturates
			ae += xe
			break
		}
		if i&1 == 1 {
			a1 *= x1
			ae += xe
		}
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return Ldexp(a1, ae)
}

// Powers of ten: 10**n = tens32[n/32] × tens[n%32] (each factor a correctly rounded constant).
var tens = [32]float64{
	1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
	1e30, 1e31,
}

var tens32 = [10]float64{1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288}

var tensNeg32 = [11]float64{1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320}

// Pow10 is 10**n: +Inf above 308, 0 below -323.
func Pow10(n int) float64 {
	if 0 <= n && n <= 308 {
		return tens32[n/32] * tens[n%32]
	}
	if -323 <= n && n <= 0 {
		return tensNeg32[-n/32] / tens[-n%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}
