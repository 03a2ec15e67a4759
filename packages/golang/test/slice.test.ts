// Slices, strings, range loops and variadic calls, run on gosim and compared with go1.19.8's output (the
// expected texts below were printed by real Go: `go run`, `go build -gcflags='-m -l'`).
import { runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';
import { compileOk, errors } from './helpers';

function run(src: string, opts: RunOptions = {}): { exit: number; stdout: string; stderr: string } {
  const c = compile(src, '/tmp/x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { exit: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** Literals, [...] arrays, slicing, append's growth, copy, conversions, variadic calls, f(g()). */
const slices = `package main

type MyByte byte
type Ints []int

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func two() (int, int) { return 3, 4 }
func add(a, b int) int  { return a + b }

func main() {
	s := []int{1, 2, 3}
	k := []string{2: "c", 0: "a"}
	a := [...]int{5, 6, 7, 8}
	b := [...]string{3: "x"}
	println(len(s), cap(s), len(k), k[0], k[1] == "", k[2], len(a), len(b), b[3])
	t := a[1:3]
	println(len(t), cap(t), t[0], t[1])
	u := a[1:2:3]
	println(len(u), cap(u))
	p := &a
	v := p[2:]
	v[0] = 70
	println(a[2], len(v), cap(v))
	str := "hello, world"
	println(str[7:], str[:5], str[3:8], len(str[12:]))
	var n []int
	println(n == nil, len(n), cap(n))
	for i := 0; i < 1100; i++ {
		c0 := cap(n)
		n = append(n, i)
		if cap(n) != c0 {
			print(cap(n), " ")
		}
	}
	println()
	var bs []byte
	for i := 0; i < 100; i++ {
		c0 := cap(bs)
		bs = append(bs, byte(i))
		if cap(bs) != c0 {
			print(cap(bs), " ")
		}
	}
	println()
	type3 := [][3]int{}
	for i := 0; i < 20; i++ {
		c0 := cap(type3)
		type3 = append(type3, [3]int{i, i, i})
		if cap(type3) != c0 {
			print(cap(type3), " ")
		}
	}
	println()
	x := append([]int{1}, 2, 3)
	x = append(x, x...)
	println(len(x), x[3], x[5])
	y := append([]byte("ab"), "cd"...)
	println(string(y))
	d := make([]int, 2)
	println(copy(d, x), d[0], d[1])
	e := make([]byte, 3)
	println(copy(e, "xyzw"), string(e))
	mb := []MyByte("hi")
	println(len(mb), mb[0], string(mb))
	var is Ints = Ints{1, 2}
	is = append(is, 3)
	println(len(is), sum(), sum(1, 2, 3), sum(is...), add(two()))
	ov := []int{1, 2, 3, 4}
	copy(ov[1:], ov)
	println(ov[0], ov[1], ov[2], ov[3])
	zs := []struct{}{{}, {}}
	zs = append(zs, struct{}{})
	println(len(zs))
	q := s[:0]
	q = append(q, 9)
	println(s[0], len(s[3:]), cap(s[3:]))
}
`;
const slicesOut = `3 3 3 a true c 4 4 x
2 3 6 7
1 2
70 2 2
world hello lo, w 0
true 0 0
1 2 4 8 16 32 64 128 256 512 848 1280 
8 16 32 64 128 
1 2 4 8 16 32 
6 1 3
abcd
2 1 2
3 xyz
2 104 hi
3 0 6 6 7
1 1 2 3
3
9 0 0
`;

/** string(rune), []byte / []rune conversions, range over strings, arrays, slices, channels, nil *array. */
const strings = `package main

func main() {
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)) == "\\uFFFD", string(rune(0xD800)) == "\\uFFFD")
	var i int = 0x10FFFF + 1
	var u uint64 = 1 << 63
	var r rune = 'é'
	println(string(i) == "\\uFFFD", string(u) == "\\uFFFD", string(r), len(string(r)))
	for i, c := range "aé\\xffz\\xe4\\xb8" {
		println(i, c)
	}
	s := "héllo"
	rs := []rune(s)
	println(len(rs), rs[1], string(rs), string(rs[2:]))
	bs := []byte(s)
	bs[0] = 'H'
	println(string(bs), s, len(bs))
	n := 0
	for range s {
		n++
	}
	println(n)
	var k, v int
	arr := [3]int{1, 2, 3}
	for k, v = range arr {
		arr[2] = 100
	}
	println(k, v, arr[2])
	sl := arr[:]
	for i, x := range sl {
		sl[2] = 7
		if i == 2 {
			println(x)
		}
	}
	var fs []func() int
	for i := range [3]int{} {
		fs = append(fs, func() int { return i })
	}
	println(fs[0](), fs[1](), fs[2]())
	c := make(chan int, 5)
	for j := 0; j < 5; j++ {
		c <- j * j
	}
	close(c)
	t := 0
	for x := range c {
		t += x
	}
	println(t)
	var pa *[4]int
	for i := range pa {
		print(i)
	}
	println()
	calls := 0
	get := func() []int { calls++; return []int{1, 2, 3} }
	for range get() {
	}
	println(calls)
	println(string([]byte{0xe4, 0xb8, 0x96}), "a" < "b", "\\xff" == "\\xfe", "\\xff" > "\\xfe")
}
`;
const stringsOut = `A 世 true true
true true é 2
0 97
1 233
3 65533
4 122
5 65533
6 65533
5 233 héllo llo
Héllo héllo 6
5
2 3 100
7
2 2 2
30
0123
1
世 true false true
`;

/** Every panicSlice* message (signed, negative, unsigned). */
const bounds = `package main

import "runtime"

func try(f func()) {
	defer func() {
		r := recover()
		println(r.(runtime.Error).Error())
	}()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "abc"
	var a [4]int
	i, j, k := 2, 1, 6
	n := -1
	var ui uint = 1 << 63
	try(func() { _ = s[:k] })
	try(func() { _ = s[k:] })
	try(func() { _ = s[i:j] })
	try(func() { _ = s[n:] })
	try(func() { _ = s[:n] })
	try(func() { _ = str[:k] })
	try(func() { _ = str[i:j] })
	try(func() { _ = a[:k] })
	try(func() { _ = a[1:2:k] })
	try(func() { _ = s[1:2:k] })
	try(func() { _ = s[1:k:4] })
	try(func() { _ = s[3:j:4] })
	try(func() { _ = s[:ui] })
	try(func() { _ = s[ui:] })
	try(func() { _ = s[:1:n] })
	try(func() { _ = s[n:2:3] })
	try(func() { _ = s[1:n:3] })

}
`;
const boundsOut = `runtime error: slice bounds out of range [:6] with capacity 5
runtime error: slice bounds out of range [6:3]
runtime error: slice bounds out of range [2:1]
runtime error: slice bounds out of range [-1:]
runtime error: slice bounds out of range [:-1]
runtime error: slice bounds out of range [:6] with length 3
runtime error: slice bounds out of range [2:1]
runtime error: slice bounds out of range [:6] with length 4
runtime error: slice bounds out of range [::6] with length 4
runtime error: slice bounds out of range [::6] with capacity 5
runtime error: slice bounds out of range [:6:4]
runtime error: slice bounds out of range [3:1:]
runtime error: slice bounds out of range [:9223372036854775808] with capacity 5
runtime error: slice bounds out of range [9223372036854775808:3]
runtime error: slice bounds out of range [::-1]
runtime error: slice bounds out of range [-1::]
runtime error: slice bounds out of range [:-1:]
`;

/** Slices whose arrays are on the stack (slice literal, array slice, make, []byte buffer) while it moves. */
const stacked = `package main

func deep(n int, s []int) int {
	if n == 0 {
		return s[0] + s[len(s)-1]
	}
	var pad [16]int
	pad[n%16] = n
	return deep(n-1, s) + pad[n%16] - n
}

func fill(b []byte, n int) int {
	if n == 0 {
		return int(b[0]) + len(b)
	}
	return fill(b, n-1)
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	a := [4]int{10, 20, 30, 40}
	t := a[1:3]
	r := deep(1000, s)
	t[0]++
	b := []byte(string(rune('a' + len(s))))
	r += fill(b, 300)
	x := make([]int, 8)
	x = x[2:5]
	x[0] = deep(200, t)
	sum := 0
	for i, v := range s {
		sum += i * v
		sum += deep(50, x)
	}
	println(r, s[4], t[0], a[1], string(b), x[0], sum)
}
`;
const stackedOut = `109 5 21 21 f 51 295
`;

describe('slices, strings and range as go1.19.8 runs them', () => {
  test.each([
    ['slices', slices, slicesOut],
    ['strings and range', strings, stringsOut],
    ['slice bounds messages', bounds, boundsOut],
    ['stack slices', stacked, stackedOut],
  ])('%s', (_name, src, want) => {
    expect(run(src)).toEqual({ exit: 0, stdout: '', stderr: want });
  });

  test.each([
    ['every safe point moves the stack', { copyStackEvery: 1 }],
    ['every safe point runs the GC', { gcEvery: 1 }],
  ])('stack slices: %s', (_name, opts) => {
    expect(run(stacked, opts as RunOptions)).toEqual({ exit: 0, stdout: '', stderr: stackedOut });
    expect(run(slices, opts as RunOptions)).toEqual({ exit: 0, stdout: '', stderr: slicesOut });
  });

  test('an uncaught slice bounds panic', () => {
    const r = run(`package main

func main() {
	s := []int{1, 2, 3}
	k := 5
	println(len(s[1:k]))
}
`);
    expect(r.exit).toBe(2);
    expect(r.stderr.replace(/\+0x[0-9a-f]+/, '+0x?')).toBe('panic: runtime error: slice bounds out of range [:5] with capacity 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:6 +0x?\n');
  });
});

describe('escape analysis of slices as go build -gcflags=-m -l', () => {
  test('slice literals, variadic arguments, conversions, make', () => {
    const r = compileOk(`package main

var sink []int
var bsink []byte

func vsum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keep(xs ...int) { sink = xs }

func local() int {
	s := []int{1, 2, 3}
	return len(s)
}

func escaping() {
	s := []int{4, 5}
	sink = s
}

func grow(s []int) []int {
	return append(s, 1)
}

func conv(s string) int {
	b := []byte(s)
	bsink = []byte(s)
	return len(b) + len(string(b))
}

func arr() int {
	var a [8]int
	t := a[2:4]
	return len(t)
}

func main() {
	println(local(), vsum(1, 2), arr(), conv("x"))
	keep(3, 4)
	escaping()
	_ = grow(nil)
	m := make([]int, 4)
	println(len(m))
}
`, 'esc.go');
    expect([...(r.escapes ?? [])].sort()).toEqual(['esc.go:14:11: leaking param: xs', 'esc.go:17:12: []int{...} does not escape', 'esc.go:22:12: []int{...} escapes to heap', 'esc.go:26:11: leaking param: s to result ~r0 level=0', 'esc.go:30:11: s does not escape', 'esc.go:31:13: ([]byte)(s) does not escape', 'esc.go:32:16: ([]byte)(s) escapes to heap', 'esc.go:33:28: string(b) does not escape', 'esc.go:43:23: ... argument does not escape', 'esc.go:44:6: ... argument escapes to heap', 'esc.go:47:11: make([]int, 4) does not escape', 'esc.go:6:11: xs does not escape']);
  });
});

describe('errors in slice code, as go build (go1.19.8) reports them', () => {
  const prog = (body: string): string => `package main\n\nfunc main() {\n\t${body}\n}\n`;
  test.each([
    ['var s []int; append(s, 1)', 'x.go:4:15: append(s, 1) (value of type []int) is not used'],
    ['x := []int{1}; _ = x[:2:1]', 'x.go:4:26: invalid slice indices: 1 < 2'],
    ['var a [3]int; _ = a[1:5:4]', 'x.go:4:24: invalid argument: index 5 out of bounds [0:4]'],
    ['f := func() [3]int { return [3]int{} }; _ = f()[1:]', 'x.go:4:46: invalid operation: f() (value of type [3]int) (slice of unaddressable value)'],
    ['var c chan<- int; for range c {}', 'x.go:4:30: cannot range over c (variable of type chan<- int) (receive from send-only channel)'],
    ['_ = append()', 'x.go:4:6: invalid operation: not enough arguments for append() (expected 1, found 0)'],
    ['var p *[]int; _ = p[1:]', 'x.go:4:20: invalid operation: cannot slice p (variable of type *[]int)'],
    ['var s []byte; _ = copy(s, 1)', 'x.go:4:25: invalid argument: copy expects slice arguments; found s (variable of type []byte) and 1 (untyped int constant)'],
    ['f := func(a int, b ...int) {}; f()', 'x.go:4:33: not enough arguments in call to f\n\thave ()\n\twant (int, ...int)'],
    ['s := "ab"; _ = s[1:2:2]', 'x.go:4:23: invalid operation: 3-index slice of string'],
    ['for i, v := range []int{1} { println(i) }', 'x.go:4:9: v declared but not used'],
  ])('%s', (body, want) => {
    expect(errors(prog(body))).toEqual([want]);
  });
});

describe('more slice programs as go1.19.8 runs them', () => {
  test.each([
    ['elided &T elements, copy as a statement, variadic func values, range over arrays (copied) and *array (not)', `package main

type P struct{ x, y int }

func vf(pre string, xs ...interface{}) {
	print(pre, len(xs))
	for _, x := range xs {
		print(" ", x.(int))
	}
	println()
}

func main() {
	m := [][]int{{1}, {2, 3}}
	ps := []*P{{1, 2}, {3, 4}}
	pp := []P{{5, 6}}
	println(len(m[1]), ps[1].y, pp[0].x)
	a := []int{1, 2, 3}
	copy(a, []int{9})
	println(a[0])
	var f func(...int) int = func(xs ...int) int { return len(xs) }
	println(f(1, 2), f())
	defer vf("d", 1, 2)
	vf("x", 7, 8, 9)
	var b [5]int
	for i := range b {
		b[i] = i * i
	}
	for i, v := range b {
		if i == 0 {
			b[4] = 100
		}
		if i == 4 {
			println(v)
		}
	}
	for i, v := range &b {
		if i == 0 {
			b[4] = 200
		}
		if i == 4 {
			println(v)
		}
	}
	var s []string
	s = append(s, "a", "b")
	s = append(s[:1], s...)
	println(len(s), s[0], s[1], s[2])
	var x [2][3]int
	x[1][2] = 5
	y := x[1][1:]
	println(y[1], len(y))
	st := struct{ a [4]byte }{}
	z := st.a[:2]
	z[0] = 'q'
	println(string(st.a[:1]), string(z[:1]))
	str := "abc"
	var bb []byte
	bb = append(bb, str[1:]...)
	println(string(bb))
}
`, `2 4 5
9
2 0
x3 7 8 9
16
200
3 a a b
5 2
q q
bc
d2 1 2
`],
    ['range with =, break/continue/defer in range, closures share the loop variable, named string/byte types', `package main

type S string
type B []byte

type pt struct{ x, y int }

func gen(n int) chan int {
	c := make(chan int)
	go func() {
		for i := 2; i <= n; i++ {
			c <- i
		}
		close(c)
	}()
	return c
}

func main() {
	var i int
	var r rune
	for i, r = range "xy€" {
	}
	println(i, r)
	for i = range "héllo" {
		if i == 3 {
			break
		}
	}
	println(i)
	n := 0
	for _, v := range []int{1, 2, 3, 4, 5, 6} {
		if v%2 == 0 {
			continue
		}
		n += v
		defer func() { n++ }()
	}
	println(n)
	ps := []pt{{1, 2}, {3, 4}}
	for _, p := range ps {
		p.x = 99
	}
	for i := range ps {
		ps[i].y *= 10
	}
	println(ps[0].x, ps[1].y)
	var fs []func() int
	for _, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return v })
	}
	println(fs[0](), fs[2]())
	t := 0
	for v := range gen(10) {
		t += v
	}
	println(t)
	var b B = B("hi")
	s := S(b)
	bs := []byte(s)
	b2 := append(b, '!')
	println(string(s), len(bs), string(b2), len(b2[1:]))
	var arr [6]int
	p := &arr
	q := p[1:3:4]
	println(len(q), cap(q))
	total := 0
	for range [3]struct{}{} {
		total++
	}
	println(total)
	x := []int{1, 2, 3}
	for i := range x {
		x = append(x, i)
	}
	println(len(x))
}
`, `2 8364
3
9
1 40
30 30
54
hi 2 hi! 2
2 3
3
6
`],
    ['f(g()) into variadic functions', `package main

func g() (int, int)          { return 4, 5 }
func h() (string, int, int)  { return "h", 6, 7 }
func one() (int)             { return 1 }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func pre(s string, xs ...int) int { return len(s) + sum(xs...) }

func anys(xs ...interface{}) int { return len(xs) }

func main() {
	println(sum(g()), pre(h()), sum(one()), anys(g()), anys())
}
`, `9 14 1 2 0
`],
  ])('%s', (_name, src, want) => {
    expect(run(src)).toEqual({ exit: 0, stdout: '', stderr: want });
  });
});

describe('escape analysis of slices, more flows, as go build -gcflags=-m -l', () => {
  test('returned and stored literals, pointer elements, append, array slices, range, conversions', () => {
    const r = compileOk(`package main

type box struct{ s []int }

func ret() []int { return []int{1} }

func store(b *box) { b.s = []int{2} }

func ptrs() int {
	x := 1
	ps := []*int{&x}
	return *ps[0]
}

func ptrsEsc() []*int {
	y := 2
	return []*int{&y}
}

func app(p *int) {
	var s []*int
	s = append(s, p)
	println(len(s))
}

func slc() *int {
	var a [4]int
	s := a[:]
	return &s[1]
}

func rng(xs []*int) int {
	t := 0
	for _, p := range xs {
		t += *p
	}
	return t
}

func rngArr() *int {
	arr := [2]*int{new(int), new(int)}
	var last *int
	for _, p := range arr {
		last = p
	}
	return last
}

func strs(s string) string {
	b := []byte(s)
	return string(b[1:])
}

func main() {
	var b box
	store(&b)
	println(len(ret()), len(b.s), ptrs(), len(ptrsEsc()), *slc(), rng(nil), *rngArr(), strs("ab"))
	z := 3
	app(&z)
}
`, 'esc2.go');
    expect([...(r.escapes ?? [])].sort()).toEqual(['esc2.go:11:14: []*int{...} does not escape', 'esc2.go:16:2: moved to heap: y', 'esc2.go:17:15: []*int{...} escapes to heap', 'esc2.go:20:10: leaking param: p', 'esc2.go:27:6: moved to heap: a', 'esc2.go:32:10: xs does not escape', 'esc2.go:41:20: new(int) escapes to heap', 'esc2.go:41:30: new(int) escapes to heap', 'esc2.go:49:11: s does not escape', 'esc2.go:50:13: ([]byte)(s) does not escape', 'esc2.go:51:15: string(b[1:]) escapes to heap', 'esc2.go:58:2: moved to heap: z', 'esc2.go:5:32: []int{...} escapes to heap', 'esc2.go:7:12: b does not escape', 'esc2.go:7:33: []int{...} escapes to heap']);
  });
});

describe('nil slices as go1.19.8 runs them', () => {
  test.each([
    ['zero-size elements: append gives a non-nil slice; append of nothing keeps nil', `package main

func main() {
	var s []struct{}
	println(s == nil)
	s = append(s, struct{}{}, struct{}{})
	println(s == nil, len(s), cap(s))
	var e []int
	e = append(e)
	println(e == nil)
	e = append(e, []int{}...)
	println(e == nil)
	t := []int{}
	println(t == nil, len(t))
	var z [0]int
	println(z[:] == nil)
}
`, `true
false 2 2
true
true
false 0
false
`],
    ['== nil after append compares the array pointer word', `package main

func main() {
	var s []int
	s = append(s, 1)
	println(s == nil, s != nil)
	var z []struct{}
	z = append(z, struct{}{})
	println(z == nil, z != nil, len(z))
	b := z == nil
	println(b)
}
`, `false true
false true 1
false
`],
    ['package-level slices, recursive slice types, appending a string to []byte, []rune of invalid runes', `package main

var gs = []int{1, 2, 3}
var ga = [...]string{"a", "b"}
var gb = []byte("xyz")
var gt = gs[1:]
var gn = len(ga)

type rec struct {
	name string
	kids []rec
}

func walk(r rec, d int) int {
	t := d
	for _, k := range r.kids {
		t += walk(k, d+1)
	}
	return t
}

func main() {
	gs = append(gs, 4)
	println(len(gs), gt[0], ga[1], string(gb), gn)
	tree := rec{"r", []rec{{"a", nil}, {"b", []rec{{"c", nil}}}}}
	println(walk(tree, 0))
	var sl []int
	println(sl == nil, len(sl[0:]), sl[:0] == nil)
	bs := make([]byte, 0, 4)
	bs = append(bs, "hello"...)
	println(string(bs), len(bs), cap(bs))
	rs := []rune{'a', 0x10FFFF + 1, -1, 'z'}
	println(string(rs) == "a\\uFFFD\\uFFFDz")
	w := "世界"
	for i := 0; i < len(w); i++ {
		print(w[i], " ")
	}
	println(len(w[3:]), w[3:] == "界")
}
`, `4 2 b xyz 2
4
true 0 true
hello 5 8
true
228 184 150 231 149 140 3 true
`],
  ])('%s', (_name, src, want) => {
    expect(run(src)).toEqual({ exit: 0, stdout: '', stderr: want });
  });
});

describe('uncomparable values in interfaces', () => {
  test('== of two interfaces holding slices panics as go1.19.8 does', () => {
    const r = run('package main\n\nfunc main() {\n\tvar a, b interface{} = []int{1}, []int{1}\n\tprintln(a == b)\n}\n');
    expect(r.exit).toBe(2);
    expect(r.stderr.split('\n\n')[0]).toBe('panic: runtime error: comparing uncomparable type []int');
  });
});

describe('range with = is a parallel assignment', () => {
  test('for i, x[i] = range y indexes x with the i of before the assignment', () => {
    expect(run(`package main

func main() {
	x := []int{10, 20, 30}
	y := []int{7, 8}
	i := 2
	for i, x[i] = range y {
	}
	println(i, x[0], x[1], x[2])
	var k int
	var r rune
	s := []rune{0, 0, 0, 0}
	for k, s[k] = range "ab" {
	}
	println(k, s[0], s[1], s[2], r)
}
`)).toEqual({ exit: 0, stdout: '', stderr: `1 8 20 7
1 98 0 0 0
` });
  });
});

describe('make([]T, len, cap) checks len against cap as go1.19.8 does (found by the fuzzer)', () => {
  const prog = (mk: string): string => `package main\n\nvar sink int\n\nfunc main() {\n\tk := sink + 3\n\ts := ${mk}\n\tprintln(len(s), cap(s))\n}\n`;
  test.each([
    // a constant cap keeps the array on the stack; the check is still made
    ['make([]int, k+10, 5)', 'cap'],
    ['make([]int, k-10, 5)', 'len'],
    ['make([]int, k-10, k)', 'len'],
    ['make([]int, k, k-1)', 'cap'],
    ['make([]int, 2, k<<60)', 'cap'],
    ['make([]int, k<<60, k<<61)', 'len'],
  ])('%s panics: makeslice: %s out of range', (mk, which) => {
    const r = run(prog(mk));
    expect(r.exit).toBe(2);
    expect(r.stderr.split('\n\n')[0]).toBe(`panic: runtime error: makeslice: ${which} out of range`);
  });
  test('in range: len and cap as given', () => {
    expect(run(prog('make([]int, k+1, 5)')).stderr).toBe('4 5\n');
    expect(run(prog('make([]struct{}, k<<60, k<<61)')).stderr).toBe('3458764513820540928 6917529027641081856\n');
  });
});
