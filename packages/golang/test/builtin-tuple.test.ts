// Builtins applied to one multi-value call: complex(f()) (check/numeric.ts, lower/float.ts) and append(f())
// (check/slice.ts, lower/slice.ts, escape.ts). Expected: go1.19.8.
import { errors } from './helpers';
import type { RunOptions } from '@gosim/runtime';
import { runGo } from './run-helpers';

const prog = `package main

func two() (float64, float64) { return 5, 7 }

func two32() (float32, float32) { return 1.5, -2 }

type F float64

func twoF() (F, F) { return 3, 4 }

func main() {
	c := complex(two())
	println(c == 5+7i, real(c), imag(c))
	d := complex(two32())
	println(d)
	e := complex(twoF())
	println(e)
	println(complex(two()) + complex(two()))
}
`;

describe('complex(f())', () => {
  test('the two results are the real and imaginary parts', () => {
    const r = runGo(prog, 'cplx.go');
    expect(r.exit).toBe(0);
    expect(r.raw.split('\n')).toEqual([
      'true +5.000000e+000 +7.000000e+000', '(+1.500000e+000-2.000000e+000i)', '(+3.000000e+000+4.000000e+000i)',
      '(+1.000000e+001+1.400000e+001i)', '',
    ]);
  });

  test.each([
    ['float64, float32', 'x.go:6:18: invalid operation: complex(two()) (mismatched types float64 and float32)'],
    ['int, int', 'x.go:6:18: invalid argument: arguments have type int, expected floating-point'],
  ])('results (%s): go\'s message', (results, want) => {
    expect(errors(`package main\n\nfunc two() (${results}) { return 5, 7 }\n\nfunc main() {\n\tprintln(complex(two()))\n}\n`)).toEqual([want]);
  });
});

const appendProg = `package main

type node struct{ v int }

func appendArgs() ([]string, string) {
	return []string{"foo"}, "bar"
}

func appendMultiArgs() ([]byte, byte, byte) {
	return []byte{'a', 'b'}, '1', '2'
}

func nodes(n int) ([]*node, *node, *node) {
	return make([]*node, 0, n), &node{1}, &node{2}
}

func ifaces() ([]interface{}, int, string) {
	return nil, 7, "x"
}

func deep(n int) int {
	var pad [32]int
	if n == 0 {
		return pad[1]
	}
	return deep(n-1) + pad[2]
}

func main() {
	s := append(appendArgs())
	println(len(s), s[0], s[1])
	b := append(appendMultiArgs())
	println(string(b), len(b))
	for i := 0; i < 3; i++ {
		ns := append(nodes(i))
		deep(50)
		println(len(ns), cap(ns) >= 2, ns[0].v+ns[1].v)
	}
	is := append(ifaces())
	println(len(is), is[0].(int), is[1].(string))
}
`;

describe('append(f())', () => {
  test.each([['default', {}], ['stacks moving every 3 safe points, GC every 5', { copyStackEvery: 3, gcEvery: 5, clobberFree: true }]] as [string, RunOptions][])(
    'the first result is the slice, the others are appended (%s)', (_, opts) => {
      const r = runGo(appendProg, 'apptuple.go', opts);
      expect(r.exit).toBe(0);
      expect(r.raw.split('\n')).toEqual(['2 foo bar', 'ab12 4', '2 true 3', '2 true 3', '2 true 3', '2 7 x', '']);
    });

  test('a first result that is not a slice: go\'s message', () => {
    expect(errors('package main\n\nfunc f() (int, int) { return 1, 2 }\n\nfunc main() {\n\t_ = append(f())\n}\n'))
      .toEqual(['x.go:6:13: first argument to append must be a slice; have f() (value of type int)']);
    expect(errors('package main\n\nfunc main() {\n\tx := 1\n\t_ = append(x)\n}\n'))
      .toEqual(['x.go:5:13: first argument to append must be a slice; have x (variable of type int)']);
  });
});

describe('copy(f()), delete(f()), a defined pointer type\'s fields, an interface case of a tagless switch', () => {
  test('run as go1.19.8 runs them', () => {
    const r = runGo(`package main

func f(a []byte) ([]byte, []byte) { return a[1:], a }
func h(m map[int]int) (map[int]int, int) { return m, 0 }

type node struct {
	v    int
	next *node
}
type P *node

func main() {
	a := []byte{1, 2, 3}
	n := copy(f(a))
	println(n, a[0], a[1], a[2])
	m := map[int]int{0: 1, 1: 2}
	delete(h(m))
	println(len(m), m[1])
	var p P = &node{v: 5}
	p.v++
	println(p.v)
	switch i := interface{}(true); {
	case i:
		println("true case")
	case false:
		println("no")
	}
}
`, 'mv.go');
    expect(r.exit).toBe(0);
    expect(r.raw).toBe('2 1 1 2\n1 2\n6\ntrue case\n');
  });
});
