// == and != on struct and array values (lower/compare.ts): inline up to 4 leaves, else the runtime's typeequal;
// NaN and -0 in floats and complex, blank fields skipped, interface fields (an uncomparable dynamic type panics),
// and go's messages for uncomparable operands. Range assignment to a map element. Expected output: go1.19.8.
import type { RunOptions } from '@gosim/runtime';
import { errors } from './helpers';
import { runGo } from './run-helpers';

const compareProg = `package main

type P struct {
	x, y int
	s    string
}

type Q struct {
	p P
	f float64
	_ int
	a [3]int8
	i interface{}
	b bool
	c complex64
	u uint16
}

type B struct {
	a int
	_ string
	b int
}

func eq(x, y Q) bool { return x == y }

func deep(n int, q *Q) bool {
	var pad [16]int
	if n == 0 {
		return *q == *q
	}
	return deep(n-1, q) && pad[0] == 0
}

func main() {
	a := P{1, 2, "x"}
	b := P{1, 2, "x"}
	println(a == b, a != b)
	b.s = "y"
	println(a == b, a != b)
	var q1, q2 Q
	println(q1 == q2, eq(q1, q2))
	zero := 0.0
	q1.f = zero / zero
	q2.f = q1.f
	println(q1 == q2, q1 != q2)
	q1.f, q2.f = 0, -zero
	println(q1 == q2)
	q1.i = 3
	println(q1 == q2)
	q2.i = 3
	println(q1 == q2, deep(50, &q1))
	q2.u = 1
	println(q1 == q2)
	q2.u = 0
	q2.c = complex64(complex(1, zero/zero))
	q1.c = q2.c
	println(q1 == q2)
	arr1 := [2]P{a, b}
	arr2 := [2]P{a, b}
	println(arr1 == arr2)
	arr2[1].x = 9
	println(arr1 == arr2)
	x := [4]string{"a", "b"}
	y := [4]string{"a", "b"}
	println(x == y, x != y)
	var big1, big2 [1000]int
	big2[999] = 1
	println(big1 == big2)
	big1[999] = 1
	println(big1 == big2)
	var e1, e2 [0]int
	println(e1 == e2)
	println(B{1, "p", 2} == B{1, "q", 2})
	type L struct {
		k [2]B
		s string
	}
	l1 := L{[2]B{{a: 1}, {b: 2}}, "s"}
	l2 := l1
	println(l1 == l2)
	l2.k[1].b = 3
	println(l1 == l2, l1 != l2)
	var ie1, ie2 interface{} = l1, l2
	println(ie1 == ie2)
	q1.i = []int{1}
	q2.i = []int{1}
	defer func() { println(recover().(error).Error()) }()
	println(q1 == q2)
}
`;

const rangeMapProg = `package main

func main() {
	s := "foo"
	b := []byte(s)
	m := make(map[string]int)
	for m[string(b)] = range s {
	}
	b[0] = 'b'
	println(m["foo"], len(m))
	mi := map[int]interface{}{}
	k := 0
	for k, mi[k] = range []string{"a", "b", "c"} {
	}
	println(len(mi), mi[0].(string), mi[1].(string), mi[2] == nil, k)
	arr := [3]int{4, 5, 6}
	mm := map[int]int{}
	for i, v := range arr {
		mm[i] = v
	}
	var x map[int]int
	defer func() { println(recover().(error).Error()) }()
	for x[1] = range arr {
	}
}
`;

const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 3, gcEvery: 7 };
const modes = [['default', {}], ['stacks moving every 3 safe points, GC every 7', harsh]] as [string, RunOptions][];

describe('struct and array comparison', () => {
  test.each(modes)('run as go1.19.8 (%s)', (_, opts) => {
    const r = runGo(compareProg, 'compare.go', opts);
    expect(r.exit).toBe(0);
    expect(r.raw.split('\n')).toEqual([
      'true false', 'false true', 'true true', 'false true', 'true', 'false', 'true true', 'false', 'false', 'true',
      'false', 'true false', 'false', 'true', 'true', 'true', 'true', 'false true', 'false',
      'runtime error: comparing uncomparable type []int', '',
    ]);
  });

  test.each([
    ['a struct with a slice field', 'type S struct{ a []int }\n\nfunc main() {\n\tvar a, b S\n\tprintln(a == b)\n}\n', 'x.go:7:10: invalid operation: a == b (struct containing []int cannot be compared)'],
    ['an array of slices', 'func main() {\n\tvar a, b [2][]int\n\tprintln(a != b)\n}\n', 'x.go:5:10: invalid operation: a != b ([2][]int cannot be compared)'],
    ['a struct with an array of uncomparable structs', 'type S struct{ m map[int]int }\ntype W struct{ s [2]S }\n\nfunc main() {\n\tvar c, d W\n\tprintln(c == d)\n}\n', 'x.go:8:10: invalid operation: c == d (struct containing [2]S cannot be compared)'],
    ['funcs', 'func main() {\n\tvar f, g func()\n\tprintln(f == g)\n}\n', 'x.go:5:10: invalid operation: f == g (func can only be compared to nil)'],
  ])('%s: go\'s message', (_, src, want) => {
    expect(errors(`package main\n\n${src}`)).toEqual([want]);
  });
});

describe('range assignment to a map element', () => {
  test.each(modes)('m[k] evaluated per iteration, before the other target is stored (%s)', (_, opts) => {
    const r = runGo(rangeMapProg, 'rangemap.go', opts);
    expect(r.exit).toBe(0);
    expect(r.raw.split('\n')).toEqual(['2 1', '2 b c true 2', 'assignment to entry in nil map', '']);
  });
});
