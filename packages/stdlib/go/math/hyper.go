package math

// Sinh, Cosh, Tanh (Cephes' method): from Exp for large arguments, rational approximations near zero.

// Sinh is the hyperbolic sine.
func Sinh(x float64) float64 {
	const (
		p0 = -0.6307673640497716991184787251e+6
		p1 = -0.8991272022039509355398013511e+5
		p2 = -0.2894211355989563807284660366e+4
		p3 = -0.2630563213397497062819489e+2
		q0 = -0.6307673640497716991212077277e+6
		q1 = 0.1521517378790019070696485176e+5
		q2 = -0.173678953558233699533450911e+3
	)
	neg := x < 0
	if neg {
		x = -x
	}
	var r float64
	switch {
	case x > 21:
		r = Exp(x) * 0.5
	case x > 0.5:
		ex := Exp(x)
		r = (ex - 1/ex) * 0.5
	default:
		sq := x * x
		r = (((p3*sq+p2)*sq+p1)*sq + p0) * x
		r = r / (((sq+q2)*sq+q1)*sq + q0)
	}
	if neg {
		return -r
	}
	return r
}

// Cosh is the hyperbolic cosine.
func Cosh(x float64) float64 {
	x = Abs(x)
	if x > 21 {
		return Exp(x) * 0.5
	}
	ex := Exp(x)
	return (ex + 1/ex) * 0.5
}

var tanhP = [3]float64{
	-9.64399179425052238628e-1,
	-9.92877231001918586564e1,
	-1.61468768441708447952e3,
}

var tanhQ = [3]float64{
	1.12811678491632931402e2,
	2.23548839060100448583e3,
	4.84406305325125486048e3,
}

// Tanh is the hyperbolic tangent.
func Tanh(x float64) float64 {
	const maxlog = 8.8029691931113054295988e+01 // log(2**127)
	z := Abs(x)
	switch {
	case z > 0.5*maxlog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		s := Exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			return -z
		}
		return z
	case x == 0:
		return x
	}
	s := x * x
	return x + x*s*((tanhP[0]*s+tanhP[1])*s+tanhP[2])/(((s+tanhQ[0])*s+tanhQ[1])*s+tanhQ[2])
}
