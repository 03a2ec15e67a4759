package math

// Dim is max(x-y, 0); NaN when x-y is.
func Dim(x, y float64) float64 {
	if v := x - y; !(v <= 0) {
		return v
	}
	return 0
}

// Max: +Inf wins over NaN, NaN over numbers, +0 over -0.
func Max(x, y float64) float64 {
	if IsInf(x, 1) || IsInf(y, 1) {
		return Inf(1)
	}
	if IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	if x == 0 && y == 0 {
		if Signbit(x) {
			return y
		}
		return x
	}
	if x > y {
		return x
	}
	return y
}

// Min: -Inf wins over NaN, NaN over numbers, -0 over +0.
func Min(x, y float64) float64 {
	if IsInf(x, -1) || IsInf(y, -1) {
		return Inf(-1)
	}
	if IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	if x == 0 && y == 0 {
		if Signbit(x) {
			return x
		}
		return y
	}
	if x < y {
		return x
	}
	return y
}

// Nextafter is the float64 next to x in the direction of y.
func Nextafter(x, y float64) (r float64) {
	if IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	if x == y {
		return x
	}
	if x == 0 {
		return Copysign(Float64frombits(1), y)
	}
	if (y > x) == (x > 0) { // away from zero: the next bit pattern
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Hypot is Sqrt(p*p + q*q) without overflow: the larger magnitude times the root of 1 + (smaller/larger)².
func Hypot(p, q float64) float64 {
	if IsInf(p, 0) || IsInf(q, 0) {
		return Inf(1)
	}
	if IsNaN(p) || IsNaN(q) {
		return NaN()
	}
	p, q = Abs(p), Abs(q)
	if q > p {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	q = q / p
	return p * Sqrt(1+q*q)
}

// Mod is the remainder of x/y with x's sign, computed exactly by subtracting y scaled by powers of two.
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yf, ye := Frexp(y)
	r := Abs(x)
	for r >= y {
		rf, re := Frexp(r)
		if rf < yf {
			re--
		}
		r -= Ldexp(y, re-ye)
	}
	return Copysign(r, x)
}
