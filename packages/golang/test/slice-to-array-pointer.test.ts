// Conversion from a slice to an array pointer (Go 1.17; check/call.ts, lower/slice.ts: SLICE with Convert, Go's
// panicSliceConvert). Expected output: go1.19.8.
import { errors } from './helpers';
import { runGo } from './run-helpers';

const prog = `package main

func main() {
	s := []int{1, 2, 3, 4}
	p := (*[2]int)(s)
	p[1] = 9
	println(s[1], len(p))
	var n []int
	q := (*[0]int)(n)
	println(q == nil)
	r := (*[0]int)(s[:0])
	println(r != nil)
	type A [3]int
	pa := (*A)(s[1:])
	println(pa[2])
	defer func() { println(recover().(error).Error()) }()
	_ = (*[5]int)(s)
}
`;

const short = `package main

func main() {
	s := make([]byte, 3)
	p := (*[4]byte)(s)
	println(p)
}
`;

describe('(*[N]T)(s)', () => {
  test('aliases the slice array; nil stays nil for N = 0; a short slice panics (recovered)', () => {
    const r = runGo(prog, 's2a.go', { copyStackEvery: 3 });
    expect(r.exit).toBe(0);
    expect(r.raw.split('\n')).toEqual(['9 2', 'true', 'true', '4', 'runtime error: cannot convert slice with length 4 to pointer to array with length 5', '']);
  });

  test('uncaught: Go\'s message and traceback', () => {
    const r = runGo(short, '/tmp/s2c.go');
    expect(r.exit).toBe(2);
    expect(r.raw).toMatch(/^panic: runtime error: cannot convert slice with length 3 to pointer to array with length 4\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\t\/tmp\/s2c\.go:5 \+0x[0-9a-f]+\n/);
  });

  test('element types must be identical: go\'s message', () => {
    expect(errors('package main\n\nfunc main() {\n\ts := []int{1, 2, 3, 4}\n\t_ = (*[2]int8)(s)\n}\n'))
      .toEqual(['x.go:5:17: cannot convert s (variable of type []int) to type *[2]int8']);
  });
});
