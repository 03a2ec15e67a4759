package math

// Atan, Asin, Acos, Atan2 (Cephes' method): atan on [0, 0.66] by a rational function of degree 4/5 in x²,
// larger arguments mapped there through atan(x) = π/2 - atan(1/x) and π/4 + atan((x-1)/(x+1)), with the bits
// of π/2 beyond float64 added back.

// xatan is atan(x) for x in [0, 0.66].
func xatan(x float64) float64 {
	const (
		p0 = -8.750608600031904122785e-01
		p1 = -1.615753718733365076637e+01
		p2 = -7.500855792314704667340e+01
		p3 = -1.228866684490136173410e+02
		p4 = -6.485021904942025371773e+01
		q0 = +2.485846490142306297962e+01
		q1 = +1.650270098316988542046e+02
		q2 = +4.328810604912902668951e+02
		q3 = +4.853903996359136964868e+02
		q4 = +1.945506571482613964425e+02
	)
	z := x * x
	z = z * ((((p0*z+p1)*z+p2)*z+p3)*z + p4) / (((((z+q0)*z+q1)*z+q2)*z+q3)*z + q4)
	return x*z + x
}

// satan is atan(x) for x >= 0.
func satan(x float64) float64 {
	const (
		morebits = 6.123233995736765886130e-17 // π/2 - float64(π/2)
		tan3pio8 = 2.41421356237309504880      // tan(3π/8)
	)
	if x <= 0.66 {
		return xatan(x)
	}
	if x > tan3pio8 {
		return Pi/2 - xatan(1/x) + morebits
	}
	return Pi/4 + xatan((x-1)/(x+1)) + 0.5*morebits
}

// Atan is the arctangent of x, in radians.
func Atan(x float64) float64 {
	if x == 0 {
		return x
	}
	if x > 0 {
		return satan(x)
	}
	return -satan(-x)
}

// Asin is the arcsine of x (NaN outside [-1, 1]).
func Asin(x float64) float64 {
	if x == 0 {
		return x
	}
	neg := x < 0
	x = Abs(x)
	if x > 1 {
		return NaN()
	}
	t := Sqrt(1 - x*x)
	if x > 0.7 {
		t = Pi/2 - satan(t/x)
	} else {
		t = satan(x / t)
	}
	if neg {
		return -t
	}
	return t
}

// Acos is the arccosine of x.
func Acos(x float64) float64 { return Pi/2 - Asin(x) }

// Atan2 is the arctangent of y/x, using the signs of both for the quadrant.
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 1):
		if IsInf(y, 0) {
			return Copysign(Pi/4, y)
		}
		return Copysign(0, y)
	case IsInf(x, -1):
		if IsInf(y, 0) {
			return Copysign(3*Pi/4, y)
		}
		return Copysign(Pi, y)
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	q := Atan(y / x)
	if x < 0 {
		if q <= 0 {
			return q + Pi
		}
		return q - Pi
	}
	return q
}
