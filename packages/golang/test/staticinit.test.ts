// Static initialization (lower/staticinit.ts): package variables made of constants and composite literals are laid
// out in the data segment, with no init code; the rest still runs in the package's init function, after them.
import { compile, formatDiagnostic } from '../src/index';
import { runGo } from './run-helpers';

const tables = `package main

import "runtime"

type R struct {
	Lo, Hi uint16
	F      float32
	G      float32
	Name   string
}

type Table struct {
	R16    []R
	Offset int
	Kids   []*Table
}

var T = &Table{R16: []R{{1, 2, 0.5, -1.25, "one"}, {3, 4, 0, 0, ""}}, Offset: 6, Kids: []*Table{{Offset: 7}}}
var gaps = []int8{3: -1, 5, 9: 7}
var arr = [...]string{2: "two", 0: "zero"}
var pa = &arr
var c = [2]complex64{1 + 2i, -3i}
var ps = &[]*[3]string{&arr, nil}

func main() {
	println(T.R16[0].Lo, T.R16[1].Hi, T.R16[0].F, T.R16[0].G, T.R16[0].Name, T.R16[1].Name == "", T.Offset, T.Kids[0].Offset)
	println(len(gaps), cap(gaps), gaps[3], gaps[4], gaps[9], arr[0], arr[1] == "", arr[2], pa == &arr, real(c[1]), imag(c[1]))
	println(len(*ps), (*ps)[0] == &arr, (*ps)[1] == nil)
	gaps[0] = 42
	T.Kids[0] = &Table{Offset: 8} // a heap object reachable only from static data
	for i := 0; i < 3; i++ {
		runtime.GC()
		_ = make([]*Table, 100)
	}
	println(gaps[0], T.Kids[0].Offset)
}
`;

const want =
  '1 4 +5.000000e-001 -1.250000e+000 one true 6 7\n' +
  '10 10 -1 5 7 zero true two true +0.000000e+000 -3.000000e+000\n' +
  '2 true true\n' +
  '42 8\n';

const compiled = (src: string) => {
  const c = compile(src, 'static.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  return c.module;
};

describe('static initialization', () => {
  it('lays the tables out in data: main has no variable initializer, and the loader rebases the pointers', () => {
    const m = compiled(tables);
    expect(m.inits).not.toContain('main.init');
    expect(m.funcIds.has('main.init')).toBe(false);
    // T, its R16 array, its Kids array and the kid, gaps, pa, and the strings of R16[0].Name and arr
    expect(m.dataRelocs.length).toBeGreaterThanOrEqual(8);
  });

  it('gives the values Go gives, under GC and forced stack moves, in both tiers', () => {
    for (const tier of ['interp', 'compiled'] as const) {
      expect(runGo(tables, 'static.go', { tier, compileAfter: 0 }).raw).toBe(want);
      expect(runGo(tables, 'static.go', { tier, compileAfter: 0, gcEvery: 1, copyStackEvery: 1 }).raw).toBe(want);
    }
  });

  it('keeps init code for what is not static, and runs it after the static variables are in place', () => {
    const src = `package main

var seen = first[1] // another variable's value: init code
var first = []int{10, 20}
var m = map[string]int{"a": 1}
var iface interface{} = 5
var empty = []int{}
var f = func() int { return 3 }

func main() {
	println(seen, m["a"], iface.(int), empty != nil, len(empty), f())
}
`;
    const m = compiled(src);
    expect(m.inits).toContain('main.init');
    expect(m.bodies[m.funcIds.get('main.init')!]!.code.length).toBeGreaterThan(4 * 10); // more than a RET
    expect(runGo(src, 'static.go').raw).toBe('20 1 5 true 0 3\n');
  });
});
