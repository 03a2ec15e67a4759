// The functions of package math on special values and on pseudo-random inputs over several ranges; each result
// is printed as its IEEE bits, so the output compares bit for bit with go1.19 on linux/amd64.
package main

import "math"

var seed uint64 = 0x9E3779B97F4A7C15

// next is a xorshift64* generator.
func next() uint64 {
	seed ^= seed >> 12
	seed ^= seed << 25
	seed ^= seed >> 27
	return seed * 2685821657736338717
}

// uniform is a float64 in [lo, hi).
func uniform(lo, hi float64) float64 {
	return lo + (hi-lo)*float64(next()>>11)/(1<<53)
}

var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, 10, 1e-300, -1e-300, 5e-324,
	1e300, -1e300, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(),
	math.Pi, math.Pi / 2, -math.Pi / 4, 1e10, 1e20, 1e300, 0.1, 2.5, -2.5, 3.5, 1 << 52, 1<<53 + 1, 709.7, 710, -745.2, -746}

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

func show2(name string, f func(float64, float64) float64, xs, ys []float64) {
	for i, x := range xs {
		y := ys[(i*7)%len(ys)]
		println(name, math.Float64bits(x), math.Float64bits(y), math.Float64bits(f(x, y)))
	}
}

func main() {
	println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxInt8, math.MaxUint16, math.MaxInt32)
	println(math.Float64bits(math.Pi), math.Float64bits(math.E), math.Float64bits(math.Sqrt2), math.Float64bits(math.Ln2),
		math.Float64bits(math.Log2E), math.Float64bits(math.Log10E), math.Float64bits(math.MaxFloat64),
		math.Float64bits(math.SmallestNonzeroFloat64), math.Float32bits(math.MaxFloat32), math.Float32bits(math.SmallestNonzeroFloat32))
	println(math.Float32bits(1.5), math.Float32frombits(0x40490fdb) == float32(math.Pi), math.Float64frombits(0x3ff8000000000000))
	println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.IsInf(math.Inf(-1), 1), math.Signbit(math.Copysign(0, -1)))
	small := inputs(-10, 10, 40)
	wide := inputs(-1e6, 1e6, 20)
	for _, x := range []float64{1e-310, -3e-320, 123456789.75, -0.49999999999999994, 4503599627370495.5, -4503599627370497} {
		small = append(small, x)
	}
	show1("Abs", math.Abs, small)
	show1("Floor", math.Floor, small)
	show1("Ceil", math.Ceil, wide)
	show1("Trunc", math.Trunc, small)
	show1("Round", math.Round, small)
	show1("RoundToEven", math.RoundToEven, small)
	show1("Sqrt", math.Sqrt, inputs(0, 100, 40))
	show1("Sqrt", math.Sqrt, inputs(0, 1e-300, 10))
	show1("Exp", math.Exp, inputs(-20, 20, 60))
	show1("Exp", math.Exp, inputs(-745, -700, 20))
	show1("Exp", math.Exp, inputs(-1e-9, 1e-9, 10))
	show1("Exp2", math.Exp2, inputs(-1075, 1024, 30))
	show1("Expm1", math.Expm1, inputs(-2, 2, 30))
	show1("Log", math.Log, inputs(0, 100, 60))
	show1("Log", math.Log, inputs(0, 1e-310, 10))
	show1("Log2", math.Log2, inputs(0, 1e6, 30))
	show1("Log10", math.Log10, inputs(0, 1e6, 30))
	show1("Log1p", math.Log1p, inputs(-1, 3, 40))
	show1("Cbrt", math.Cbrt, wide)
	for _, x := range small {
		fr, e := math.Frexp(x)
		i, f := math.Modf(x)
		println("Frexp/Modf", math.Float64bits(x), math.Float64bits(fr), e, math.Float64bits(i), math.Float64bits(f))
		println("Ldexp", math.Float64bits(math.Ldexp(x, -1070)), math.Float64bits(math.Ldexp(x, 1000)), math.Float64bits(math.Ldexp(x, -3)))
	}
	show2("Mod", math.Mod, wide, small)
	show2("Max", math.Max, small, small)
	show2("Min", math.Min, small, small)
	show2("Dim", math.Dim, small, small)
	show2("Copysign", math.Copysign, small, small)
	show2("Nextafter", math.Nextafter, small, small)
	show2("Hypot", math.Hypot, wide, small)
	show2("Pow", math.Pow, inputs(0, 10, 60), inputs(-30, 30, 20))
	show2("Pow", math.Pow, small, []float64{2, 3, -2, 0.5, -0.5, 1.5, 1e10, -1e10, 7, math.Inf(1)})
	for n := -330; n <= 330; n += 7 {
		println("Pow10", n, math.Float64bits(math.Pow10(n)))
	}
	for _, t := range [][3]float64{{1, 2, 3}, {0.1, 10, -1}, {1e308, 10, -1e308}, {1 + 1.0/(1<<52), 1 - 1.0/(1<<53), -1}, {5e-324, 0.5, 0}, {3, 1.0 / 3, -1}} {
		println("FMA", math.Float64bits(math.FMA(t[0], t[1], t[2])))
	}
}
