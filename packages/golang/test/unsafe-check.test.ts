// Package unsafe in the checker (check/unsafe.ts, check/unsafe-pkg.ts): each line below is put in main's body
// of the program `prog`; the message is the first one go1.19.8's `go build -gcflags=-e` printed for it ('' when
// go accepts the line).
import { errors } from './helpers';

const prog = (line: string): string => `package main

import "unsafe"

type S struct {
	a int8
	b int64
	*T
	U
}
type T struct{ c int }
type U struct{ d, e int16 }

func (S) m() {}

func main() {
	var s S
	var i int
	var f float64
	var p unsafe.Pointer
	_, _, _, _ = s, i, f, p
	${line}
}
`;

const cases: [string, string][] = [
  ["_ = unsafe.Offsetof(s.c)", "x.go:22:22: invalid argument: field c is embedded via a pointer in S"],
  ["_ = unsafe.Offsetof(i)", "x.go:22:22: invalid argument: i is not a selector expression"],
  ["_ = unsafe.Sizeof(int)", "x.go:22:20: int (type) is not an expression"],
  ["_ = unsafe.Foo", "x.go:22:13: undefined: unsafe.Foo"],
  ["_ = unsafe.pointer", "x.go:22:13: undefined: unsafe.pointer"],
  ["_ = unsafe.Add(i, 1)", "x.go:22:17: cannot use i (variable of type int) as type unsafe.Pointer in argument to unsafe.Add"],
  ["_ = unsafe.Add(p, 1.5)", "x.go:22:20: 1.5 (untyped float constant) truncated to int"],
  ["_ = unsafe.Slice(i, 1)", "x.go:22:19: invalid argument: i (variable of type int) is not a pointer"],
  ["_ = unsafe.Slice(&i, -1)", "x.go:22:23: invalid argument: length -1 (constant of type int) must not be negative"],
  ["g := unsafe.Sizeof; _ = g", "x.go:22:7: unsafe.Sizeof (built-in) must be called"],
  ["_ = (*float64)(i)", "x.go:22:17: cannot convert i (variable of type int) to type *float64"],
  ["_ = float64(p)", "x.go:22:14: cannot convert p (variable of type unsafe.Pointer) to type float64"],
  ["_ = p < p", "x.go:22:6: invalid operation: p < p (operator < not defined on unsafe.Pointer)"],
  ["_ = p + 1", "x.go:22:10: cannot convert 1 (untyped int constant) to unsafe.Pointer"],
  ["_ = unsafe.Offsetof(s.m)", "x.go:22:22: invalid argument: s.m is a method value"],
  ["_ = int(p)", "x.go:22:10: cannot convert p (variable of type unsafe.Pointer) to type int"],
  ["_ = unsafe.Pointer(3)", "x.go:22:21: cannot convert 3 (untyped int constant) to type unsafe.Pointer"],
  ["_ = unsafe.Add(p, \"a\")", "x.go:22:20: cannot convert \"a\" (untyped string constant) to int"],
  ["_ = unsafe.Add(p, f)", "x.go:22:20: invalid argument: length f (variable of type float64) must be integer"],
  ["_ = unsafe.Slice(&s, f)", "x.go:22:23: invalid argument: length f (variable of type float64) must be integer"],
  ["_ = unsafe.Sizeof()", "x.go:22:6: invalid operation: not enough arguments for unsafe.Sizeof() (expected 1, found 0)"],
  ["_ = unsafe.Sizeof(1, 2)", "x.go:22:6: invalid operation: too many arguments for unsafe.Sizeof(1, 2) (expected 1, found 2)"],
  ["_ = unsafe.Offsetof(s.zz)", "x.go:22:22: invalid argument: S has no single field zz"],
  ["_ = unsafe.Add(p)", "x.go:22:6: invalid operation: not enough arguments for unsafe.Add(p) (expected 2, found 1)"],
  ["unsafe.Sizeof(s)", "x.go:22:2: unsafe.Sizeof(s) (constant 32 of type uintptr) is not used"],
  ["_ = unsafe.Sizeof(nil)", "x.go:22:20: use of untyped nil in argument to unsafe.Sizeof"],
  ["_ = unsafe", "x.go:22:6: use of package unsafe not in selector"],
  ["_ = unsafe.Slice(&s, 1<<70)", "x.go:22:23: 1 << 70 (untyped int constant 1180591620717411303424) overflows int"],
  ["_ = unsafe.Slice(nil, 1)", "x.go:22:19: invalid argument: nil is not a pointer"],
  ["var q *int = p; _ = q", "x.go:22:15: cannot use p (variable of type unsafe.Pointer) as type *int in variable declaration"],
  ["var u uintptr = p; _ = u", "x.go:22:18: cannot use p (variable of type unsafe.Pointer) as type uintptr in variable declaration"],
  ["_ = p == 0", "x.go:22:11: cannot convert 0 (untyped int constant) to unsafe.Pointer"],
  ["_ = unsafe.Offsetof(s.T.c)", ''],
  ["_ = unsafe.Offsetof(s.U.e)", ''],
  ["_ = unsafe.Offsetof((&s).b)", ''],
  ["_ = unsafe.Pointer(uintptr(3))", ''],
  ["_ = unsafe.Pointer(nil)", ''],
  ["_ = (*int)(nil)", ''],
  ["var x unsafe.Pointer = nil; _ = x", ''],
  ["_ = unsafe.Alignof(s.U)", ''],
  ["_ = unsafe.Slice((*int)(nil), 0)", ''],
  ["_ = unsafe.Add(nil, 1)", ''],
  ["_ = unsafe.Sizeof(struct{}{})", ''],
  ["_ = unsafe.Slice(&s, uint8(2))", ''],
  ["type P unsafe.Pointer; _ = P(p); _ = (*int)(P(p))", ''],
  ["_ = uintptr(unsafe.Pointer(&i)) + unsafe.Offsetof(s.b)", ''],
  ["_ = unsafe.ArbitraryType", "x.go:22:13: undefined: unsafe.ArbitraryType"],
];

describe('unsafe: checking as go does', () => {
  test.each(cases)('%s', (line, want) => {
    const got = errors(prog(line));
    expect(got.slice(0, 1)).toEqual(want === '' ? [] : [want]);
  });

  test('a channel converts to a directional channel (test/cmp.go, which compares through unsafe.Pointer)', () => {
    expect(errors('package main\n\nfunc main() {\n\tc := make(chan int)\n\tvar r <-chan int = (<-chan int)(c)\n\t_ = (chan<- int)(c)\n\t_ = r\n}\n')).toEqual([]);
    expect(errors('package main\n\nfunc main() {\n\tvar r <-chan int\n\t_ = (chan int)(r)\n}\n')).toEqual(['x.go:5:17: cannot convert r (variable of type <-chan int) to type chan int']);
  });

  test('an unused import of unsafe is an error; a blank one is not', () => {
    expect(errors('package main\n\nimport "unsafe"\n\nfunc main() {}\n')).toEqual(['x.go:3:8: imported and not used: "unsafe"']);
    expect(errors('package main\n\nimport _ "unsafe"\n\nfunc main() {}\n')).toEqual([]);
  });

  test('Sizeof, Alignof and Offsetof are constants of type uintptr (array lengths, constant declarations)', () => {
    const src = `package main

import "unsafe"

type R struct {
	a bool
	b [3]int16
	c complex64
	d interface{}
	e struct{}
}

var r R

const n = unsafe.Sizeof(r)

var buf [n]byte

func main() {
	var x uintptr = unsafe.Offsetof(r.d)
	_, _ = x, buf
}
`;
    // n is 40 (a at 0, b at 2, c at 8, d at 16, e at 32, padded to 40)
    expect(errors(src)).toEqual([]);
    expect(errors(src.replace('var x uintptr = unsafe.Offsetof(r.d)', 'var x int8 = unsafe.Offsetof(r.d) * 8'))).toEqual([
      'x.go:20:15: cannot use unsafe.Offsetof(r.d) * 8 (constant 128 of type uintptr) as type int8 in variable declaration',
    ]);
  });
});
