// Whole tracebacks of small programs against go1.19.8's text (run with -gcflags=-l, so every frame is real):
// each frame lists its parameters only, aggregates in braces, Go's limits. Hex values are blanked on both sides
// (Go's "?" liveness marks too: gosim passes arguments on the stack, where every word is live).
import { runModule } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

const blank = (s: string): string => s.replace(/0x[0-9a-f]+\??/g, '0x?');

function stderr(src: string): string {
  const c = compile(src, '/tmp/x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  return runModule(c.module).stderr;
}

const shapes = `package main

type S struct{ a, b int }
type B struct {
	x byte
	y int32
	z bool
	w int16
}
type E struct{}
type N struct {
	s S
	e E
	arr [2]B
}
type D1 struct{ d D2 }
type D2 struct{ d D3 }
type D3 struct{ d D4 }
type D4 struct{ d D5 }
type D5 struct{ x, y int }

//go:noinline
func div(a, b int) int { return a / b }

//go:noinline
func g(s S, p *int, x [3]int, str string) int {
	return h(B{1, 2, true, 4}, E{}, [0]int{}, nil, nil, N{}, 5) + x[0]
}

//go:noinline
func h(b B, e E, z [0]int, sl []int, i interface{}, n N, k int8) int {
	return many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) + int(k)
}

//go:noinline
func many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12 int) int {
	return big([12]int{1, 2, 3}, 7)
}

//go:noinline
func big(a [12]int, b int) int {
	return deep(D1{}, 3, "hi")
}

//go:noinline
func deep(d D1, c uint16, s string) int {
	return noparams()
}

//go:noinline
func noparams() int {
	return div(1, 0)
}

func main() {

	func(a int, b []byte) {
		g(S{1, 2}, nil, [3]int{1, 2, 3}, "")
	}(7, nil)
}
`;

const nested = `package main

type L5 struct{ l L4 }
type L4 struct{ l L3 }
type L3 struct{ l L2 }
type L2 struct{ l L1 }
type L1 struct{ x [40]int }

type P struct {
	a byte
	b uint16
	c int32
	d bool
	e int64
}

func tail(d L5, b int, c byte) int {
	var q []int
	return q[b]
}

func named(p P, _ int, s []string, i interface{}, ch chan int, fn func()) (r int, ok bool) {
	return tail(L5{}, 3, 9), true
}

func res() (int, string) {
	named(P{1, 2, 3, true, 5}, 6, nil, 8, nil, nil)
	return 0, ""
}

func main() {
	defer func() {
		x := 1
		defer func() { x++ }()
		func(s string) { panic(s) }("again")
	}()
	res()
}
`;

describe('traceback arguments (printArgs)', () => {
  it('parameters only, no results; structs, arrays, strings, slices, interfaces in braces; {} for empty; 10 components then ...; 5 levels deep', () => {
    expect(blank(stderr(shapes))).toBe(`panic: runtime error: integer divide by zero

goroutine 1 [running]:
main.div(0x?, 0x?)
	/tmp/x.go:23 +0x?
main.noparams()
	/tmp/x.go:52 +0x?
main.deep({{{{{...}}}}}, 0x?, {0x?, 0x?})
	/tmp/x.go:47 +0x?
main.big({0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, ...}, ...)
	/tmp/x.go:42 +0x?
main.many(0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, 0x?, ...)
	/tmp/x.go:37 +0x?
main.h({0x?, 0x?, 0x?, 0x?}, {}, {}, {0x?, 0x?, 0x?}, {0x?, ...}, ...)
	/tmp/x.go:32 +0x?
main.g({0x?, 0x?}, 0x?, {0x?, 0x?, 0x?}, {0x?, 0x?})
	/tmp/x.go:27 +0x?
main.main.func1(0x?, {0x?, 0x?, 0x?})
	/tmp/x.go:58 +0x?
main.main()
	/tmp/x.go:59 +0x?
`);
  });

  it('an argument at an offset of 0xf0 or more prints _; the inner gopanic prints panic({..}); a closure lists its own parameters', () => {
    expect(blank(stderr(nested))).toBe(`panic: runtime error: index out of range [3] with length 0
	panic: again

goroutine 1 [running]:
main.main.func1.2({0x?, 0x?})
	/tmp/x.go:35 +0x?
main.main.func1()
	/tmp/x.go:35 +0x?
panic({0x?, 0x?})
	\$GOROOT/src/runtime/panic.go:884 +0x?
main.tail({{{{{...}}}}}, _, _)
	/tmp/x.go:19 +0x?
main.named({0x?, 0x?, 0x?, 0x?, 0x?}, 0x?, {0x?, 0x?, 0x?}, {0x?, ...}, ...)
	/tmp/x.go:23 +0x?
main.res()
	/tmp/x.go:27 +0x?
main.main()
	/tmp/x.go:37 +0x?
`);
  });

  it('div(a, b int) int prints main.div(0x1, 0x0): the result word is not an argument', () => {
    expect(stderr(shapes).split('\n')[3]).toBe('main.div(0x1, 0x0)');
  });

  it('byte, uint16, int32 and bool fields print with their own size: main.named({0x1, 0x2, 0x3, 0x1, 0x5}, 0x6, ...', () => {
    const line = stderr(nested).split('\n').find((l) => l.startsWith('main.named('));
    expect(line).toMatch(/^main\.named\(\{0x1, 0x2, 0x3, 0x1, 0x5\}, 0x6, \{0x0, 0x0, 0x0\}, \{0x[0-9a-f]+, \.\.\.\}, \.\.\.\)$/);
  });

  it('a negative int8 prints as its own byte (0xff) and an int16 -2 as 0xfffe, also in a blocked goroutine', () => {
    const src = `package main

type T struct {
	a int8
	b [2]int16
}

func w(c chan int, t T, n int) {
	c <- n
}

func main() {
	c := make(chan int)
	go w(c, T{-1, [2]int16{-2, 3}}, 7)
	var d chan int
	<-d
}
`;
    // go1.19.8: main.w(0x0?, {0xff, {0xfffe, 0x3}}, 0x0?)
    expect(stderr(src)).toMatch(/\nmain\.w\(0x[0-9a-f]+, \{0xff, \{0xfffe, 0x3\}\}, 0x7\)\n\t\/tmp\/x\.go:9 /);
  });
});
