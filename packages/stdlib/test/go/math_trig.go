// The trigonometric, inverse trigonometric and hyperbolic functions of package math on special values and
// pseudo-random inputs (huge arguments too: Payne-Hanek reduction), printed as IEEE bits to compare bit for bit
// with go1.19 on linux/amd64.
package main

import "math"

var seed uint64 = 0x2545F4914F6CDD1D

func next() uint64 {
	seed ^= seed >> 12
	seed ^= seed << 25
	seed ^= seed >> 27
	return seed * 2685821657736338717
}

func uniform(lo, hi float64) float64 {
	return lo + (hi-lo)*float64(next()>>11)/(1<<53)
}

var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 0.66, 0.7, 2.414, 2.5, 0.625, 21, 22, 44.1,
	math.Pi, math.Pi / 2, math.Pi / 4, -math.Pi / 4, 3 * math.Pi / 4, 1e-9, 1e-300, 1 << 29, 1<<29 - 1, 1e10,
	1e22, 1e300, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN()}

func inputs(lo, hi float64, n int) []float64 {
	xs := append([]float64{}, specials...)
	for i := 0; i < n; i++ {
		xs = append(xs, uniform(lo, hi))
	}
	return xs
}

func show1(name string, f func(float64) float64, xs []float64) {
	for _, x := range xs {
		println(name, math.Float64bits(x), math.Float64bits(f(x)))
	}
}

func main() {
	trig := inputs(-10, 10, 60)
	trig = append(trig, inputs(-1e6, 1e6, 20)...)
	trig = append(trig, inputs(1e9, 1e20, 20)...)
	trig = append(trig, inputs(-1e300, 1e300, 10)...)
	show1("Sin", math.Sin, trig)
	show1("Cos", math.Cos, trig)
	show1("Tan", math.Tan, trig)
	show1("Atan", math.Atan, inputs(-5, 5, 60))
	show1("Asin", math.Asin, inputs(-1.1, 1.1, 60))
	show1("Acos", math.Acos, inputs(-1.1, 1.1, 60))
	show1("Sinh", math.Sinh, inputs(-30, 30, 60))
	show1("Cosh", math.Cosh, inputs(-30, 30, 40))
	show1("Tanh", math.Tanh, inputs(-3, 3, 60))
	ys := inputs(-10, 10, 40)
	xs := inputs(-10, 10, 40)
	for i, y := range ys {
		for _, x := range []float64{xs[i], xs[(i*13)%len(xs)]} {
			println("Atan2", math.Float64bits(y), math.Float64bits(x), math.Float64bits(math.Atan2(y, x)))
		}
	}
}
