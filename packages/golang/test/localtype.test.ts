// Local type declarations (check/localtype.ts; lower/typeinfo.ts's typeKey): block scope from the name on, distinct
// types per declaration that still print as main.T, promoted methods satisfying interfaces, use in closures, map
// keys and elements, type switches and assertions. Expected output: go1.19.8's `go run`.
import type { RunOptions } from '@gosim/runtime';
import { errors } from './helpers';
import { runGo } from './run-helpers';

const prog = `package main

type U struct{ x int }

func (u U) M() int { return u.x }

type I interface{ M() int }

func f() interface{} {
	type T struct{ a int }
	return T{1}
}

func g() interface{} {
	type T struct{ a int }
	return T{1}
}

func deep(n int) int {
	var pad [32]int
	if n == 0 {
		return pad[3]
	}
	return deep(n-1) + pad[n%32]
}

func main() {
	type node struct {
		next *node
		v    int
	}
	var list *node
	for i := 0; i < 5; i++ {
		list = &node{next: list, v: i}
	}
	local := node{v: 40, next: list}
	deep(100)
	s := 0
	for p := &local; p != nil; p = p.next {
		s += p.v
	}
	println(s)
	type E struct {
		U
		n int
	}
	var i I = E{U{7}, 1}
	println(i.M())
	a, b := f(), g()
	println(a == a, a == b)
	m := map[interface{}]int{a: 1, b: 2}
	println(len(m))
	type A = int
	var x A = 3
	println(x + 1)
	cl := func(k int) node { return node{v: k + x} }
	println(cl(2).v)
	switch a.(type) {
	case node:
		println("node")
	default:
		println("other")
	}
	for j := 0; j < 2; j++ {
		type K struct{ s string; n int }
		mk := map[K][]K{{"a", j}: {{"b", 1}}}
		println(len(mk[K{"a", j}]), mk[K{"a", j}][0].s)
	}
	{
		type T int
		var t T = 5
		var e interface{} = t
		_, ok := e.(int)
		println(ok)
	}
	_ = b.(node)
}
`;

const shadow = `package main

type T int

func kind(x interface{}) string {
	switch x.(type) {
	case T:
		return "global T"
	}
	return "other"
}

func main() {
	type T string
	var a interface{} = T("s")
	println(kind(a), kind(3), kind(main_T()))
	defer func() {
		r := recover()
		println(kind(r))
		type T int
		panic(T(4))
	}()
	panic(T("x"))
}

func main_T() interface{} { return T(1) }
`;

const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 3, gcEvery: 7 };

describe('local type declarations', () => {
  test.each([['default', {}], ['stacks moving every 3 safe points, GC every 7', harsh]] as [string, RunOptions][])('run as go1.19.8 (%s)', (_, opts) => {
    const r = runGo(prog, '/tmp/lang/t/localtype.go', opts);
    expect(r.exit).toBe(2);
    expect(r.raw.split('\n').slice(0, 12)).toEqual([
      '50', '7', 'true false', '2', '4', '5', 'other', '1 b', '1 b', 'false',
      'panic: interface conversion: interface {} is main.T, not main.node', '',
    ]);
    expect(r.raw).toContain('main.main()\n\t/tmp/lang/t/localtype.go:76 +0x');
  });

  test.each([
    ['a later type is not in scope yet', 'type A struct{ b *B }\n\ttype B struct{ a *A }', ['x.go:4:20: undefined: B']],
    ['a type containing itself', 'type T struct{ t [2]T }', ['x.go:4:7: invalid recursive type T\n\tx.go:4:7: T refers to\n\tx.go:4:7: T']],
    ['redeclared in one block', 'type T int\n\ttype T string', ['x.go:5:7: T redeclared in this block\n\tx.go:4:7: other declaration of T']],
    ['out of scope past its block', '{\n\t\ttype T int\n\t}\n\tvar t T\n\t_ = t', ['x.go:7:8: undefined: T']],
  ])('%s: go\'s message', (_, body, want) => {
    expect(errors(`package main\n\nfunc main() {\n\t${body}\n}\n`)).toEqual(want);
  });

  test('a local T shadowing the package-level T is another type; panic values print main.T', () => {
    const r = runGo(shadow, '/tmp/lang/t/lt2.go');
    expect(r.exit).toBe(2);
    expect(r.raw.split('\n').slice(0, 6)).toEqual([
      'other other global T', 'other', 'panic: main.T("x") [recovered]', '\tpanic: main.T(4)', '', 'goroutine 1 [running]:',
    ]);
  });
});
