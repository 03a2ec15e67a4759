// Bugs Go's test programs found once they could import the standard packages (append.go, issue31546.go,
// reorder.go). Expected: go1.19.8.
import { runGo } from './run-helpers';

test('arrays of two local types of one name, a blank field in a literal, p, *p = f()', () => {
  const r = runGo(`package main

import "unsafe"

func one() int {
	type T struct{ p *int }
	s := append([]T(nil), make([]T, 100)...)
	return len(s)
}

func two() int {
	type T struct {
		p    *int
		a, b int
	}
	s := append([]T(nil), make([]T, 100)...)
	s[99].a = 7
	return len(s) + s[99].a
}

var x = struct{ a, _, c int }{1, 2, 3}

func fp() (*int, int) { return nil, 42 }

func main() {
	println(one(), two())
	y := struct{ a, _, c int }{4, 5, 6}
	println(x.a, x.c, y.a, y.c, *(*int)(unsafe.Add(unsafe.Pointer(&x), 8)), *(*int)(unsafe.Add(unsafe.Pointer(&y), 8)))
	v := 1
	p := &v
	p, *p = fp()
	println(p == nil, v)
}
`, 'fx.go');
  expect(r.exit).toBe(0);
  expect(r.raw).toBe('100 107\n1 3 4 6 0 0\ntrue 42\n');
});

test('blank methods beside blank fields (blank.go); an assertion between two local types of one name (issue26094)', () => {
  const r = runGo(`package main

type T struct{ _, _ int }

func (T) _() {}
func (T) _() {}

func f() interface{} {
	type T struct{ x int }
	return T{}
}

func main() {
	defer func() { println(recover().(error).Error()) }()
	type T struct{ x int }
	_ = f().(T)
}
`, 'bl.go');
  expect(r.raw).toBe('interface conversion: interface {} is main.T, not main.T (types from different scopes)\n');
});

test("a tuple assignment checks a slice index when it assigns it, after the elements before it (issue23017)", () => {
  const r = runGo(`package main

func main() {
	m := map[int]int{}
	s := []int{1, 2}
	i := 0
	s[i], i = 5, 1
	println(s[0], s[1], i)
	defer func() { println(recover() != nil, len(m), m[2]) }()
	m[2], s[i+5] = 2, 2
}
`, 'ta.go');
  expect(r.raw).toBe('5 2 1\ntrue 1 2\n');
});

test("runtime.Caller from a deferred call during a panic sees gopanic then the panicking function, as Go 1.19 (issue5856); a select case's fault is at its line (bug347)", () => {
  const r = runGo(`package main

import "runtime"

func main() {
	defer func() { recover() }()
	f()
}

func f() {
	defer g()
	panic("panic")
}

func g() {
	for i := 0; i < 3; i++ {
		pc, _, line, _ := runtime.Caller(i)
		println(i, runtime.FuncForPC(pc).Name(), line)
	}
}
`, 'cl.go');
  expect(r.raw).toBe('0 main.g 17\n1 runtime.gopanic 884\n2 main.f 12\n');
  const s = runGo(`package main

import "runtime"

var t *struct{ c chan int }

func main() {
	defer func() {
		recover()
		for i := 0; ; i++ {
			pc, _, line, ok := runtime.Caller(i)
			if !ok || runtime.FuncForPC(pc).Name() == "main.h" {
				println("fault at", line)
				return
			}
		}
	}()
	h()
}

func h() {
	select {
	case <-t.c:
	}
}
`, 'sel.go');
  expect(s.raw).toBe('fault at 23\n');
});
