import { errors } from './helpers';
import { runGo } from './run-helpers';

// Expected texts are what go1.19.8 `go run x.go` printed for the same programs (gosim stops at the first error of
// a function, so each program below has at most one error per function).
const prog = (body: string, decls = ''): string => `package main\n${decls}\nfunc main() {\n${body}\n}\n`;

describe('iota and implicit repetition in const groups', () => {
  const src = `package main

const (
	A = iota
	B
	C
)

type T int

const (
	X T = iota * 10
	_
	Z
)

const (
	K1, K2 = 1 << iota, iota + 100
	K3, K4
)

func main() {
	const (
		L = iota + 5
		M
	)
	var t T = Z
	println(A, B, C, X, Z, K1, K2, K3, K4, L, M, t)
}
`;
  it('typed, untyped, skipped _, 1 << iota, iota * 10, two per line, in a function: compiles and runs', () => {
    expect(errors(src)).toEqual([]);
    const r = runGo(src, 'x.go');
    expect(r.raw).toBe('0 1 2 0 20 1 100 2 101 5 6 20\n');
    expect(r.exit).toBe(0);
  });
  it('an error in a repeated expression is reported at the constant whose value it is', () => {
    expect(errors('package main\n\nconst (\n\tA int8 = 126 + iota\n\tB\n\tC\n)\n\nfunc main() { println(A, B, C) }\n'))
      .toEqual(['x.go:6:2: cannot use 126 + iota (untyped int constant 128) as int8 value in constant declaration (overflows)']);
  });
});

describe('declared but not used, exactly where go 1.19 says it', () => {
  it('x++, x += 1, a[i] = v, t.x = v, p.f = v, u.B = v.B, a[0][1] = v, s[0] = v are uses', () => {
    const src = `package main

type T struct{ x, B int }

func f1() { x := 0; x++ }
func f2() { x := 0; x += 1 }
func f3() { var a [3]int; a[1] = 1 }
func f4() { var t T; t.x = 1 }
func f5() { p := &T{}; p.x = 2 }
func f6() { var u, v T; u.B = v.B }
func f7() { var a [2][2]int; a[0][1] = 3 }
func f8() { var s []int; s[0] = 1 }
func main() {}
`;
    expect(errors(src)).toEqual([]);
  });
  it('a plain assignment (also parenthesized, also from a closure) is not a use', () => {
    const src = `package main

func f1() {
	x := 1
	x = 2
}
func f2() {
	x := 0
	(x) = 1
}
func f3() {
	x := 1
	func() { x = 2 }()
}
func f4() {
	var x interface{}
	var ok bool
	x, ok = x.(int)
}
func main() {}
`;
    expect(errors(src)).toEqual([
      'x.go:4:2: x declared but not used',
      'x.go:8:2: x declared but not used',
      'x.go:12:2: x declared but not used',
      'x.go:17:6: ok declared but not used',
    ]);
  });
});

describe('untyped constant shifts take their type from context', () => {
  it('var x int64 = 1 << s, uint8(1) << s, var f = 1 << s (int), 1<<s == int64(8), 1<<s + 1 in int32, 0xff << s in uint16', () => {
    const src = prog(`	var s uint = 3
	var x int64 = 1 << s
	y := uint8(1) << s
	var f = 1 << s
	var z uint8 = 1 << s
	b := 1<<s == int64(8)
	var w int32 = 1<<s + 1
	println(x, y, f, z, b, w)
	var u uint16 = 0xff << s
	var k int8 = 1 << (s + 4)
	println(u, k)`);
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('8 8 8 8 true 9\n2040 -128\n');
  });
  it('comparison of two untyped shifts is int, a rune shift is rune, arguments, indexes and conversions give the type', () => {
    const src = prog(`	var s uint = 3
	var p = 1<<s == 1<<33
	q := 'a' << s
	r := -(1 << s)
	var a [4]int
	a[1<<s>>2] = 5
	println(p, q, r, a[2], g(1<<s), int64(1<<s)+2, uint8(255<<s))`, '\nfunc g(x int8) int8 { return x }\n');
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('false 776 -8 5 8 10 248\n');
  });
  it('a non-integer context is an error naming the untyped value', () => {
    expect(errors(prog('\tvar s uint = 3\n\tvar str string = 1 << s\n\tprintln(str)')))
      .toEqual(['x.go:5:19: cannot use 1 << s (untyped int value) as string value in variable declaration']);
  });
});

describe('recursive type declarations', () => {
  it('type T1 struct{ Next *T2 }; type T2 T1 and type P *P are valid and run', () => {
    const src = `package main

type T1 struct{ Next *T2 }
type T2 T1

type P *P

type F func(F) F

type L struct {
	next *L
	v    int
}

func main() {
	var a T1
	var b T2
	a.Next = &b
	b.Next = nil
	var p P
	p = &p
	l := &L{v: 1}
	l.next = &L{v: 2}
	println(a.Next == &b, p != nil, l.next.v)
}
`;
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('true true 2\n');
  });
  it('self-reference through slices, funcs, arrays of pointers, aliases and later declarations is valid', () => {
    const src = `package main

type S []S
type F struct{ f func(F) F }
type M struct{ a [2]*M }
type N struct{ m M; n *N }
type A = *B
type B struct{ a A; v int }
type X Y
type Y struct{ x *X; v int }

var g = Y{v: 7}

func main() {
	var s S
	s = make(S, 2)
	var m M
	m.a[0] = &m
	b := &B{v: 3}
	b.a = b
	var x X
	x.x = &x
	println(len(s), m.a[0] == &m, b.a.a.v, x.x == &x, g.v)
}
`;
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('2 true 3 true 7\n');
  });
  it('an alias cycle is an invalid recursive type', () => {
    expect(errors('package main\n\ntype A = B\ntype B = A\n\nfunc main() {}\n', './x.go'))
      .toEqual(['./x.go:3:6: invalid recursive type A\n\t./x.go:3:6: A refers to\n\t./x.go:4:6: B refers to\n\t./x.go:3:6: A']);
  });
  it('an array, struct or cycle of structs containing itself is an invalid recursive type, with the cycle', () => {
    const src = 'package main\n\ntype T [1]T\n\ntype S struct{ s S }\n\ntype A struct{ b B }\ntype B struct{ a A }\n\nfunc main() {}\n';
    expect(errors(src, './x.go')).toEqual([
      './x.go:3:6: invalid recursive type T\n\t./x.go:3:6: T refers to\n\t./x.go:3:6: T',
      './x.go:5:6: invalid recursive type S\n\t./x.go:5:6: S refers to\n\t./x.go:5:6: S',
      './x.go:7:6: invalid recursive type A\n\t./x.go:7:6: A refers to\n\t./x.go:8:6: B refers to\n\t./x.go:7:6: A',
    ]);
  });
});

describe('comparisons need one operand assignable to the other', () => {
  it('a named array type compares with the same unnamed array type', () => {
    const src = prog(`	var a A
	b := [3]int{1, 2, 3}
	a = b
	println(a == b, a == [3]int{1, 2, 3}, b != a)`, '\ntype A [3]int\n');
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('true true false\n');
  });
  it.each([
    ['var a A; var b B; println(a == b)', 'x.go:9:33: invalid operation: a == b (mismatched types A and B)'],
    ['var i int; var j int8; println(i == j)', 'x.go:9:38: invalid operation: i == j (mismatched types int and int8)'],
    ['var i int; var j int8; println(i < j)', 'x.go:9:37: invalid operation: i < j (mismatched types int and int8)'],
    ['var a A; println(a == [3]int8{})', 'x.go:9:24: invalid operation: a == [3]int8{} (mismatched types A and [3]int8)'],
    ['println("a" == 1)', 'x.go:9:17: invalid operation: "a" == 1 (mismatched types untyped string and untyped int)'],
    ['var i int; println(i == "a")', 'x.go:9:26: invalid operation: i == "a" (mismatched types int and untyped string)'],
  ])('%s', (body, want) => {
    expect(errors(prog(`\t${body}`, '\ntype A [3]int\ntype B [3]int\n\n\n'))).toEqual([want]);
  });
});

describe('comma-ok into typed variables', () => {
  it('var a, b interface{} = x.(int) type-checks (a and b are interface{})', () => {
    expect(errors(prog('\tvar x interface{} = 3\n\tvar a, b interface{} = x.(int)\n\tprintln(a == nil, b == nil)'))).toEqual([]);
  });
  it('the ok value must be assignable to the declared type, the value too (go says "assignment")', () => {
    expect(errors(prog('\tvar x interface{} = 3\n\tvar a, b int = x.(int)\n\tprintln(a, b)')))
      .toEqual(['x.go:5:17: cannot use x.(int) (untyped bool value) as int value in assignment']);
    expect(errors(prog('\tvar x interface{} = 3\n\tvar a, b bool = x.(int)\n\tprintln(a, b)')))
      .toEqual(['x.go:5:18: cannot use x.(int) (value of type int) as type bool in assignment']);
  });
});

describe('duplicate switch cases', () => {
  it('a repeated constant in an expression switch, a repeated type or nil in a type switch', () => {
    const src = `package main

func main() {
	x := 1
	switch x {
	case 1:
	case 2, 1:
	}
	var i interface{} = x
	switch i.(type) {
	case int:
	case string, int:
	}
	switch i.(type) {
	case nil:
	case nil:
	}
	switch s := "a"; s {
	case "a", "b", "a":
	}
}
`;
    expect(errors(src, './x.go')).toEqual([
      './x.go:7:10: duplicate case 1 (constant of type int) in expression switch\n\t./x.go:6:7: previous case',
      './x.go:12:15: duplicate case int in type switch\n\t./x.go:11:7: previous case',
      './x.go:16:7: duplicate case nil in type switch\n\t./x.go:15:7: previous case',
      './x.go:19:17: duplicate case "a" (constant of type string) in expression switch\n\t./x.go:19:7: previous case',
    ]);
  });
});

describe('sizes', () => {
  it('a type of 2^50 bytes or more is larger than the address space (type declarations, globals, locals)', () => {
    const src = 'package main\n\ntype V [1<<50 - 1]byte\ntype W [1 << 47]int64\n\nvar X [1<<50]byte\n\nfunc main() {\n\tvar y [1 << 51]byte\n\t_ = y\n}\n';
    expect(errors(src, './x.go')).toEqual([
      './x.go:4:6: type [140737488355328]int64 larger than address space',
      './x.go:6:5: type [1125899906842624]byte larger than address space',
      './x.go:9:6: type [2251799813685248]byte larger than address space',
    ]);
  });
});

describe('found by Go\'s own test suite (test/*.go, test/fixedbugs/*.go)', () => {
  it('a conversion to a type literal may start a longer expression inside parentheses (const.go)', () => {
    const src = prog('\tprintln((interface{}(nil) == interface{}(nil)) == true)');
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('true\n');
  });
  it('everything behind a pointer may refer to a type still being declared: type T18 *[10]T19; type T19 T18 (bug336.go)', () => {
    const src = prog('\tt19s := &[10]T19{}\n\tp := T18(t19s)\n\tprintln(p == t19s)', '\ntype T18 *[10]T19\ntype T19 T18\n');
    expect(errors(src)).toEqual([]);
    expect(runGo(src, 'x.go').raw).toBe('true\n');
  });
  it('3-index slices parse; their missing indexes are go\'s errors', () => {
    expect(errors(prog('\tvar a [4]int\n\t_ = a[0:1:2]'))).toEqual([]);
    expect(errors(prog('\tvar a [4]int\n\t_ = a[0::2]'))).toEqual(['x.go:5:10: middle index required in 3-index slice']);
    expect(errors(prog('\tvar a [4]int\n\t_ = a[0:1:]'))).toEqual(['x.go:5:12: final index required in 3-index slice']);
  });
  it('hexadecimal and underscored floating-point literals lex and check (literal2.go)', () => {
    expect(errors(prog('\tprintln(0x1p-2)'))).toEqual([]);
    expect(errors(prog('\tprintln(.0_1, 1_0.2_5e1_0)'))).toEqual([]);
  });
  it('the rest of package runtime\'s API is not supported, not undefined; an unknown name is undefined', () => {
    const withRuntime = (body: string): string => `package main\n\nimport "runtime"\n\nfunc main() {\n${body}\n}\n`;
    expect(errors(withRuntime('\truntime.LockOSThread()'))).toEqual(['x.go:6:10: runtime.LockOSThread is not supported by gosim']);
    expect(errors(withRuntime('\tprintln(runtime.NumCgoCall())'))).toEqual(['x.go:6:18: runtime.NumCgoCall is not supported by gosim']);
    expect(errors(withRuntime('\truntime.Nonesuch()'))).toEqual(['x.go:6:10: undefined: runtime.Nonesuch']);
  });
});
