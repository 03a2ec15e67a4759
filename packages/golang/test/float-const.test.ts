// Untyped float and complex constants (exact rationals, rounded when typed) and the compiler's errors about them,
// compared with go1.19.8 (`go run` / `go build` of the same sources).
import { errors } from './helpers';
import { runGo } from './run-helpers';

describe('float and complex constants fold exactly and round as Go does', () => {
  it('folding, rounding, hex and imaginary literals, shifts of integral floats, boxed named floats, float panics', () => {
    const src = `package main

type F float64
type C complex64

const big = 1 << 100
const third = 1 / 3.0

func main() {
	const c = 10 / 4.0
	println(c, 10/4, 7.0/2, 1<<62*1.0, float64(big), float32(big)/big)
	println(0.1+0.2 == 0.3, float64(0.1)+0.2 == 0.3, third*3 == 1, float32(third))
	println(1e-400, -1e-400 == 0, 1e308*10/100, 0x1p-1074, 0x1p-1075, 0x1.fffffffffffff8p1023 < 2e308)
	println(0x1p-2, 0x1.8p1, 1_000.5e-1, .5, 1e3i, 'a'*1.5, 2.0<<3)
	println(complex(1, 2) == 1+2i, real(3), imag(2i), (1+2i)*(3-4i), (1+2i)/(3-4i))
	var arr [1e1]int
	var b byte = 255.0
	var i int = 2.0
	var f32 float32 = 16777217
	println(len(arr), b, i, f32, float32(0.1), int64(1e18), uint64(1<<63)*1.0)
	var e interface{} = F(1.5)
	var ec interface{} = C(1 - 1i)
	println(e.(F) == 1.5, ec.(C) == C(complex(1, -1)))
	defer func() {
		r := recover()
		println(r.(float64))
		panic(ec)
	}()
	panic(0.25)
}
`;
    const r = runGo(src, 'consts.go');
    expect(r.raw.slice(0, r.raw.indexOf('goroutine 1 ['))).toBe(`+2.500000e+000 2 +3.500000e+000 +4.611686e+018 +1.267651e+030 +1.000000e+000
true false true +3.333333e-001
+0.000000e+000 false +1.000000e+307 +4.940656e-324 +0.000000e+000 true
+2.500000e-001 +3.000000e+000 +1.000500e+002 +5.000000e-001 (+0.000000e+000+1.000000e+003i) +1.455000e+002 16
true +3.000000e+000 +2.000000e+000 (+1.100000e+001+2.000000e+000i) (-2.000000e-001+4.000000e-001i)
10 255 2 +1.677722e+007 +1.000000e-001 1000000000000000000 9223372036854775808
true true
+2.500000e-001
panic: +2.500000e-001 [recovered]
	panic: main.C(+1.000000e+000-1.000000e+000i)

`);
    expect(r.exit).toBe(2);
  });

  it.each([
    ["var x int = 1.5; _ = x", "x.go:4:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"],
    ["var f float32 = 1e40; _ = f", "x.go:4:18: cannot use 1e40 (untyped float constant 1e+40) as float32 value in variable declaration (overflows)"],
    ["var f float64 = 1e400; _ = f", "x.go:4:18: cannot use 1e400 (untyped float constant 1e+400) as float64 value in variable declaration (overflows)"],
    ["x := 1.5 % 2; _ = x", "x.go:4:7: invalid operation: operator % not defined on 1.5 (untyped float constant)"],
    ["var f float64 = 1; println(f % 2)", "x.go:4:29: invalid operation: operator % not defined on f (variable of type float64)"],
    ["println(int(1.5))", "x.go:4:14: cannot convert 1.5 (untyped float constant) to type int"],
    ["var f float64; var i int = f; _ = i", "x.go:4:29: cannot use f (variable of type float64) as type int in variable declaration"],
    ["var c complex128 = 1i; println(c < c)", "x.go:4:33: invalid operation: c < c (operator < not defined on complex128)"],
    ["println(1.0 / 0)", "x.go:4:16: invalid operation: division by zero"],
  ])('%s', (body, want) => {
    expect(errors(`package main\n\nfunc main() {\n\t${body}\n}\n`)).toEqual([want]);
  });
});
