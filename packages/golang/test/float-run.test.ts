// Go programs computing with float32, float64, complex64 and complex128, compared with what go1.19.8 linux/amd64
// prints (the expected texts below were produced by `go run` of the same programs).
import { runGo } from './run-helpers';

describe('floating-point and complex programs print what Go prints', () => {
  it('float32 and float64 arithmetic, signed zeros, NaN and Inf, op-assign, ++, struct and array fields, switch', () => {
    const src = `package main

func f32(x float32) float32 { return x }
func f64(x float64) float64 { return x }

type P struct {
	a int8
	f float32
	g float64
	c complex64
	d complex128
}

func main() {
	var a, b float32 = 16777216, 1
	println(a+b, a+b+b, f32(0.1)*3, f32(1)/3)
	x, y := 0.1, 0.2
	println(x+y, x*y, x-y, x/y, -x)
	zero := 0.0
	nz := -zero
	println(zero, nz, 1/nz, 1/zero, zero/zero)
	nan := zero / zero
	println(nan == nan, nan != nan, nan < 1, nan >= 1, 1 > nan)
	println(zero == nz, x < y, x <= x, y > x, y >= x)
	println(1e308*f64(10), -1e308*f64(10), 5e-324/f64(2), f64(5e-324))
	println(f32(3.4e38)*2, f32(1.4e-45)/2)
	x += 1
	x -= 0.5
	x *= 4
	x /= 3
	println(x)
	x++
	x--
	x++
	println(x)
	var p P
	p.f = 1.25
	p.g = 2.5
	p.c = complex(p.f, p.f)
	p.d = complex128(p.c) * 2
	println(p.a, p.f, p.g, p.c, p.d)
	q := p
	println(q == p)
	q.g = nan
	println(q == q, q != q)
	arr := [3]float64{1, 2, 3}
	s := 0.0
	for i := 0; i < 3; i++ {
		s += arr[i] * arr[i]
	}
	println(s, arr == [3]float64{1, 2, 3})
	switch s {
	case 13:
		println("thirteen")
	case 14:
		println("fourteen")
	}
}

`;
    const r = runGo(src, 'ops.go');
    expect(r.raw).toBe(`+1.677722e+007 +1.677722e+007 +3.000000e-001 +3.333333e-001
+3.000000e-001 +2.000000e-002 -1.000000e-001 +5.000000e-001 -1.000000e-001
+0.000000e+000 -0.000000e+000 -Inf +Inf NaN
false true false false false
true true true true true
+Inf -Inf +0.000000e+000 +4.940656e-324
+Inf +0.000000e+000
+8.000000e-001
+1.800000e+000
0 +1.250000e+000 +2.500000e+000 (+1.250000e+000+1.250000e+000i) (+2.500000e+000+2.500000e+000i)
true
false true
+1.400000e+001 true
fourteen
`);
    expect(r.exit).toBe(0);
  });
  it('conversions between floats and integers of every width (amd64 results out of range), float32<->float64, boxing', () => {
    const src = `package main

func f64(x float64) float64 { return x }
func f32(x float32) float32 { return x }

func main() {
	inf := f64(1) / 0
	nan := inf - inf
	vals := [8]float64{1.9, -1.9, 3e9, -3e9, 1e19, -1e19, inf, nan}
	for i := 0; i < 8; i++ {
		v := vals[i]
		println(int64(v), int32(v), int16(v), int8(v), uint64(v), uint32(v), uint16(v), uint8(v), int(v), uint(v), uintptr(v))
	}
	var big int64 = 1<<62 + 1
	var ub uint64 = 1<<64 - 1
	var u63 uint64 = 1<<63 + 1025
	println(float64(big), float32(big), float64(ub), float32(ub), float64(u63), float32(u63))
	var i8 int8 = -128
	var u8 uint8 = 255
	var i32 int32 = -2147483648
	var u32 uint32 = 4294967295
	println(float64(i8), float64(u8), float64(i32), float64(u32), float32(u32), float32(16777217))
	var m int64 = 16777217
	println(float32(m), float64(float32(m)), float32(f64(0.1)), float64(f32(0.1)))
	var n int64 = 9007199254740993
	println(float64(n), int64(float64(n)))
	c := complex(f64(1.5), -2)
	c64 := complex64(c)
	println(c64, complex128(c64), real(c64), imag(c64))
	var e interface{} = f32(2.5)
	v, ok := e.(float32)
	_, ok2 := e.(float64)
	println(v, ok, ok2)
	var e2 interface{} = f64(0) / f64(0)
	println(e2 == e2)
	var e3, e4 interface{} = f64(0), -f64(0)
	println(e3 == e4)
}
`;
    const r = runGo(src, 'conv.go');
    expect(r.raw).toBe(`1 1 1 1 1 1 1 1 1 1 1
-1 -1 -1 -1 18446744073709551615 4294967295 65535 255 -1 18446744073709551615 18446744073709551615
3000000000 -2147483648 0 0 3000000000 3000000000 0 0 3000000000 3000000000 3000000000
-3000000000 -2147483648 0 0 18446744070709551616 1294967296 0 0 -3000000000 18446744070709551616 18446744070709551616
-9223372036854775808 -2147483648 0 0 10000000000000000000 0 0 0 -9223372036854775808 10000000000000000000 10000000000000000000
-9223372036854775808 -2147483648 0 0 9223372036854775808 0 0 0 -9223372036854775808 9223372036854775808 9223372036854775808
-9223372036854775808 -2147483648 0 0 9223372036854775808 0 0 0 -9223372036854775808 9223372036854775808 9223372036854775808
-9223372036854775808 -2147483648 0 0 9223372036854775808 0 0 0 -9223372036854775808 9223372036854775808 9223372036854775808
+4.611686e+018 +4.611686e+018 +1.844674e+019 +1.844674e+019 +9.223372e+018 +9.223372e+018
-1.280000e+002 +2.550000e+002 -2.147484e+009 +4.294967e+009 +4.294967e+009 +1.677722e+007
+1.677722e+007 +1.677722e+007 +1.000000e-001 +1.000000e-001
+9.007199e+015 9007199254740992
(+1.500000e+000-2.000000e+000i) (+1.500000e+000-2.000000e+000i) +1.500000e+000 -2.000000e+000
+2.500000e+000 true false
false
true
`);
    expect(r.exit).toBe(0);
  });
  it('complex arithmetic (runtime.complex128div, complex64 in float64), comparisons, constants, a complex panic value', () => {
    const src = `package main

func c(r, i float64) complex128 { return complex(r, i) }

func main() {
	inf := 1 / real(c(0, 0))
	nan := inf - inf
	ds := [6]complex128{c(3, 4), c(0, 0), c(inf, 0), c(1e300, 1e300), c(nan, 1), c(0, 2)}
	ns := [4]complex128{c(1, 2), c(inf, inf), c(0, 0), c(-1, 1e-300)}
	for i := 0; i < 4; i++ {
		for j := 0; j < 6; j++ {
			println(ns[i] / ds[j], ns[i] * ds[j], ns[i] + ds[j], ns[i] - ds[j])
		}
	}
	var a complex64 = complex64(c(0.1, 0.7))
	var b complex64 = complex64(c(0.3, -1.1))
	println(a*b, a/b, a+b, a-b, -a, a == b, a != b)
	println(c(1, 2) == c(1, 2), c(nan, 0) == c(nan, 0))
	x := c(1, 1)
	x *= x
	x /= c(0, 1)
	x++
	println(x)
	const k = 3 + 4i
	println(k*k, real(k), imag(k), -k)
	panic(x)
}
`;
    const r = runGo(src, 'cplx.go');
    expect(r.raw.slice(0, r.raw.indexOf('goroutine 1 ['))).toBe(`(+4.400000e-001+8.000000e-002i) (-5.000000e+000+1.000000e+001i) (+4.000000e+000+6.000000e+000i) (-2.000000e+000-2.000000e+000i)
(+Inf+Infi) (+0.000000e+000+0.000000e+000i) (+1.000000e+000+2.000000e+000i) (+1.000000e+000+2.000000e+000i)
(+0.000000e+000+0.000000e+000i) (+Inf+Infi) (+Inf+2.000000e+000i) (-Inf+2.000000e+000i)
(+1.500000e-300+5.000000e-301i) (-1.000000e+300+3.000000e+300i) (+1.000000e+300+1.000000e+300i) (-1.000000e+300-1.000000e+300i)
(NaNNaNi) (NaNNaNi) (NaN+3.000000e+000i) (NaN+1.000000e+000i)
(+1.000000e+000-5.000000e-001i) (-4.000000e+000+2.000000e+000i) (+1.000000e+000+4.000000e+000i) (+1.000000e+000+0.000000e+000i)
(+InfNaNi) (NaN+Infi) (+Inf+Infi) (+Inf+Infi)
(+Inf+Infi) (NaNNaNi) (+Inf+Infi) (+Inf+Infi)
(NaNNaNi) (NaNNaNi) (+Inf+Infi) (NaN+Infi)
(+InfNaNi) (NaN+Infi) (+Inf+Infi) (+Inf+Infi)
(NaNNaNi) (NaNNaNi) (NaN+Infi) (NaN+Infi)
(+Inf-Infi) (NaNNaNi) (+Inf+Infi) (+Inf+Infi)
(+0.000000e+000+0.000000e+000i) (+0.000000e+000+0.000000e+000i) (+3.000000e+000+4.000000e+000i) (-3.000000e+000-4.000000e+000i)
(NaNNaNi) (+0.000000e+000+0.000000e+000i) (+0.000000e+000+0.000000e+000i) (+0.000000e+000+0.000000e+000i)
(+0.000000e+000+0.000000e+000i) (NaNNaNi) (+Inf+0.000000e+000i) (-Inf+0.000000e+000i)
(+0.000000e+000+0.000000e+000i) (+0.000000e+000+0.000000e+000i) (+1.000000e+300+1.000000e+300i) (-1.000000e+300-1.000000e+300i)
(NaNNaNi) (NaNNaNi) (NaN+1.000000e+000i) (NaN-1.000000e+000i)
(+0.000000e+000+0.000000e+000i) (+0.000000e+000+0.000000e+000i) (+0.000000e+000+2.000000e+000i) (+0.000000e+000-2.000000e+000i)
(-1.200000e-001+1.600000e-001i) (-3.000000e+000-4.000000e+000i) (+2.000000e+000+4.000000e+000i) (-4.000000e+000-4.000000e+000i)
(-Inf+Infi) (-0.000000e+000+0.000000e+000i) (-1.000000e+000+1.000000e-300i) (-1.000000e+000+1.000000e-300i)
(-0.000000e+000+0.000000e+000i) (-Inf+Infi) (+Inf+1.000000e-300i) (-Inf+1.000000e-300i)
(-5.000000e-301+5.000000e-301i) (-1.000000e+300-1.000000e+300i) (+1.000000e+300+1.000000e+300i) (-1.000000e+300-1.000000e+300i)
(NaNNaNi) (NaNNaNi) (NaN+1.000000e+000i) (NaN-1.000000e+000i)
(+5.000000e-301+5.000000e-001i) (-2.000000e-300-2.000000e+000i) (-1.000000e+000+2.000000e+000i) (-1.000000e+000-2.000000e+000i)
(+8.000000e-001+1.000000e-001i) (-5.692307e-001+2.461538e-001i) (+4.000000e-001-4.000000e-001i) (-2.000000e-001+1.800000e+000i) (-1.000000e-001-7.000000e-001i) false true
true false
(+3.000000e+000+0.000000e+000i)
(-7.000000e+000+2.400000e+001i) +3.000000e+000 +4.000000e+000 (-3.000000e+000-4.000000e+000i)
panic: (+3.000000e+000+0.000000e+000i)

`);
    expect(r.exit).toBe(2);
  });
  it('printfloat: 7 digits rounded as the Go runtime rounds them, subnormals, float32 overflow to +Inf', () => {
    const src = `package main

func main() {
	vals := [14]float64{1e23, 9.9999999e-5, 5e-324, 1.7976931348623157e308, 123456789, 0.000123456789, 9.9999995, 9.99999949, 1, 100, 1e100, 2.5e-308, 0.5, 999999.95}
	for i := 0; i < 14; i++ {
		println(vals[i], -vals[i], float32(vals[i]))
	}
}
`;
    const r = runGo(src, 'pf.go');
    expect(r.raw).toBe(`+1.000000e+023 -1.000000e+023 +1.000000e+023
+1.000000e-004 -1.000000e-004 +1.000000e-004
+4.940656e-324 -4.940656e-324 +0.000000e+000
+1.797693e+308 -1.797693e+308 +Inf
+1.234568e+008 -1.234568e+008 +1.234568e+008
+1.234568e-004 -1.234568e-004 +1.234568e-004
+1.000000e+001 -1.000000e+001 +9.999999e+000
+9.999999e+000 -9.999999e+000 +9.999999e+000
+1.000000e+000 -1.000000e+000 +1.000000e+000
+1.000000e+002 -1.000000e+002 +1.000000e+002
+1.000000e+100 -1.000000e+100 +Inf
+2.500000e-308 -2.500000e-308 +0.000000e+000
+5.000000e-001 -5.000000e-001 +5.000000e-001
+1.000000e+006 -1.000000e+006 +9.999999e+005
`);
  });
  it('print(f()) and println(f()) print each of the results', () => {
    const src = `package main

func f() (int8, float32, string, bool) { return -7, 0.5, "s", true }

func g() (complex64, uint) { return 1i, 3 }

func main() {
	print(f())
	println()
	println(f())
	println(g())
}
`;
    const r = runGo(src, 'mv.go');
    expect(r.raw).toBe(`-7+5.000000e-001strue
-7 +5.000000e-001 s true
(+0.000000e+000+1.000000e+000i) 3
`);
  });
  it('floats in globals, closures, channels, goroutines, defers, struct pointers, interfaces and type switches', () => {
    const src = `package main

var g = 1.5
var gc = [2]complex64{1 + 1i, 2}
var gp *float32

type pt struct{ x, y float32 }

func sum(xs [4]float32) (s float32) {
	for i := 0; i < 4; i++ {
		s += xs[i]
	}
	return
}

func main() {
	println(g, gc[0], gc[1])
	f := float32(0.25)
	gp = &f
	add := func(d float32) { f += d }
	add(0.5)
	println(f, *gp)
	ch := make(chan float32, 2)
	ch <- 1.25
	ch <- f
	println(<-ch, <-ch)
	cc := make(chan complex128)
	go func() { cc <- complex(g, -g) }()
	println(<-cc)
	defer println("deferred", g*2, complex64(gc[1]))
	p := &pt{1, 2}
	q := new(pt)
	*q = *p
	q.y = -q.y
	println(p.x, p.y, q.x, q.y, *p == *q, sum([4]float32{1, 2, 3, 0.5}))
	var e interface{} = *p
	var e2 interface{} = pt{1, 2}
	println(e == e2)
	var i interface{} = g
	switch v := i.(type) {
	case float32:
		println("f32", v)
	case float64:
		println("f64", v)
	}
	x := 0.0
	for k := 0; k < 1000000; k++ {
		x += 0.1
	}
	println(x)
}
`;
    const r = runGo(src, 'misc.go');
    expect(r.raw).toBe(`+1.500000e+000 (+1.000000e+000+1.000000e+000i) (+2.000000e+000+0.000000e+000i)
+7.500000e-001 +7.500000e-001
+1.250000e+000 +7.500000e-001
(+1.500000e+000-1.500000e+000i)
+1.000000e+000 +2.000000e+000 +1.000000e+000 -2.000000e+000 false +6.500000e+000
true
f64 +1.500000e+000
+1.000000e+005
deferred +3.000000e+000 (+2.000000e+000+0.000000e+000i)
`);
  });
});
