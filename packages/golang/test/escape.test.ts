import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuncLit } from '../src/index';
import { SHARED, compileOk, func, localVar } from './helpers';

const conformance = (f: string): string => readFileSync(join(SHARED, 'conformance', f), 'utf8');

describe('the CL scenarios keep y on the stack', () => {
  test('24_defer_ptrs_stack_growth: y in testDeferPtrs is a stack variable', () => {
    const r = compileOk(conformance('24_defer_ptrs_stack_growth.go'));
    const f = func(r, 'testDeferPtrs');
    const y = localVar(f, 'y');
    expect(y.escapes).toBe(false);
    expect(y.addrTaken).toBe(true);
    expect(y.captured).toBe(true);
    const lit = f.funcLits![0]!;
    expect(lit.heap).toBe(false);
    expect(lit.captures!.map((c) => [c.v.name, c.byRef])).toEqual([['result', true], ['y', true]]);
    expect(localVar(func(r, 'growStackIter'), 'x').escapes).toBe(false);
  });

  test('25_defer_ptrs_goexit: y in testDeferPtrsGoexit is a stack variable', () => {
    const r = compileOk(conformance('25_defer_ptrs_goexit.go'));
    const f = func(r, 'testDeferPtrsGoexit');
    expect(localVar(f, 'y').escapes).toBe(false);
    const lit = f.funcLits![0]!;
    expect(lit.heap).toBe(false);
    // c is never reassigned: captured by value; y's address is taken: by reference
    expect(lit.captures!.map((c) => [c.v.name, c.byRef])).toEqual([['c', false], ['y', true]]);
    expect(r.escapes).not.toContain(expect.stringContaining('moved to heap'));
  });
});

function varEscapes(src: string, fn: string, name: string): boolean {
  return localVar(func(compileOk(src), fn), name).escapes;
}

describe('things that must escape', () => {
  test('address sent on a channel', () => {
    expect(varEscapes(`package main
func f(c chan *int) {
	x := 1
	c <- &x
}
func main() { c := make(chan *int, 1); f(c); println(*<-c) }
`, 'f', 'x')).toBe(true);
  });
  test('address returned', () => {
    expect(varEscapes(`package main
func f() *int {
	x := 1
	return &x
}
func main() { println(*f()) }
`, 'f', 'x')).toBe(true);
  });
  test('captured by a go closure', () => {
    const r = compileOk(`package main
func main() {
	x := 0
	done := make(chan bool)
	go func() { x = 1; done <- true }()
	<-done
	println(x)
}
`);
    expect(localVar(func(r, 'main'), 'x').escapes).toBe(true);
    expect(func(r, 'main').funcLits![0]!.heap).toBe(true);
  });
  test('address stored in a global', () => {
    expect(varEscapes(`package main
var g *int
func f() {
	x := 1
	g = &x
}
func main() { f(); println(*g) }
`, 'f', 'x')).toBe(true);
  });
  test('address passed to a leaking parameter (stored through a pointer)', () => {
    const r = compileOk(`package main
type box struct{ p *int }
func put(b *box, p *int) { b.p = p }
func main() {
	var b box
	x := 1
	put(&b, &x)
	println(*b.p)
}
`);
    expect(localVar(func(r, 'main'), 'x').escapes).toBe(true);
    expect(localVar(func(r, 'main'), 'b').escapes).toBe(false);
    expect(r.escapes).toContain('prog.go:3:18: leaking param: p');
    expect(r.escapes).toContain('prog.go:3:10: b does not escape');
  });
  test('deferred call in a loop: its arguments escape', () => {
    expect(varEscapes(`package main
func set(p *int) { *p = 1 }
func main() {
	x := 0
	for i := 0; i < 2; i++ {
		defer set(&x)
	}
}
`, 'main', 'x')).toBe(true);
  });
  test('a closure that is returned carries its by-reference captures to the heap', () => {
    const r = compileOk(`package main
func counter() func() int {
	n := 0
	return func() int { n++; return n }
}
func main() { println(counter()()) }
`);
    const f = func(r, 'counter');
    expect(localVar(f, 'n').escapes).toBe(true);
    const lit: FuncLit = f.funcLits![0]!;
    expect(lit.heap).toBe(true);
    expect(lit.captures![0]!.byRef).toBe(true);
  });
});

// Expected -m lines in this file were checked against go 1.19.8 (go build -gcflags='-m -l').
describe('things that stay on the stack', () => {
  test('a pointer parameter that is only dereferenced does not leak', () => {
    const r = compileOk(`package main
func set(p *int, v int) { *p = v }
func main() {
	x := 0
	set(&x, 3)
	println(x)
}
`);
    expect(localVar(func(r, 'main'), 'x').escapes).toBe(false);
    expect(r.escapes).toContain('prog.go:2:10: p does not escape');
  });
  test('top-level defer: closure and arguments do not escape', () => {
    const r = compileOk(`package main
func set(p *int, v int) { *p = v }
func main() {
	var y int
	defer func() { println(y) }()
	defer set(&y, 42)
}
`);
    expect(localVar(func(r, 'main'), 'y').escapes).toBe(false);
    expect(func(r, 'main').funcLits![0]!.heap).toBe(false);
  });
  test('new(T) and &T{} that do not escape are stack allocated; interface boxing for panic is heap', () => {
    const r = compileOk(`package main
type pt struct{ x, y int }
func main() {
	p := new(pt)
	q := &pt{1, 2}
	println(p.x + q.y)
	panic(1)
}
`);
    expect(r.escapes).toEqual([
      'prog.go:4:10: new(pt) does not escape',
      'prog.go:5:7: &pt{...} does not escape',
      'prog.go:7:7: 1 escapes to heap',
    ]);
  });
});
