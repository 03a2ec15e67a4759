// Interfaces with methods: dispatch through itabs, embedded interfaces, conversions, assertions and type switches
// to concrete and interface types, comparisons, error values and runtime errors as errors. Outputs are go1.19.8's.
import { frames, runCombined as run, runGo } from './run-helpers';

const ifaces = "package main\n\nimport \"runtime\"\n\ntype Shape interface {\n\tArea() int\n\tPerim() int\n}\n\ntype Named interface{ Name() string }\n\ntype NamedShape interface {\n\tShape\n\tNamed\n}\n\ntype Rect struct{ w, h int }\n\nfunc (r Rect) Area() int     { return r.w * r.h }\nfunc (r Rect) Perim() int    { return 2 * (r.w + r.h) }\nfunc (r Rect) Name() string  { return \"rect\" }\n\ntype Circle struct{ r int }\n\nfunc (c *Circle) Area() int    { return 3 * c.r * c.r }\nfunc (c *Circle) Perim() int   { return 6 * c.r }\n\ntype E struct{ msg string }\n\nfunc (e E) Error() string { return \"E: \" + e.msg }\n\nfunc find(n int) error {\n\tif n < 0 {\n\t\treturn E{\"negative\"}\n\t}\n\treturn nil\n}\n\nfunc kind(x interface{}) string {\n\tswitch v := x.(type) {\n\tcase nil:\n\t\treturn \"nil\"\n\tcase NamedShape:\n\t\treturn \"namedshape \" + v.Name()\n\tcase Shape:\n\t\treturn \"shape\"\n\tcase error:\n\t\treturn \"error \" + v.Error()\n\tcase int:\n\t\treturn \"int\"\n\tdefault:\n\t\treturn \"other\"\n\t}\n}\n\nfunc try(f func()) {\n\tdefer func() {\n\t\tr := recover()\n\t\tif e, ok := r.(runtime.Error); ok {\n\t\t\tprintln(\"runtime.Error:\", e.Error())\n\t\t\treturn\n\t\t}\n\t\tprintln(\"panic:\", r.(error).Error())\n\t}()\n\tf()\n}\n\nfunc main() {\n\tvar s Shape = Rect{2, 3}\n\tprintln(s.Area(), s.Perim())\n\ts = &Circle{2}\n\tprintln(s.Area(), s.Perim())\n\tvar ns NamedShape = Rect{1, 4}\n\ts = ns\n\tvar n Named = ns\n\tprintln(s.Area(), n.Name())\n\tvar e interface{} = s\n\t_, isNamed := e.(Named)\n\tprintln(isNamed)\n\tprintln(kind(nil), kind(Rect{}), kind(&Circle{1}), kind(E{\"x\"}), kind(3), kind(\"s\"))\n\terr := find(-1)\n\tprintln(err != nil, err.Error())\n\tprintln(find(1) == nil)\n\tvar e1, e2 error = E{\"a\"}, E{\"a\"}\n\tprintln(e1 == e2, e1 != E{\"b\"})\n\tvar s1, s2 Shape = Rect{1, 2}, Rect{1, 2}\n\tprintln(s1 == s2, s1 == Shape(&Circle{1}))\n\ttry(func() { var x Shape; x.Area() })\n\ttry(func() { var x interface{} = Rect{}; _ = x.(error) })\n\ttry(func() { var x Shape = Rect{}; _ = x.(*Circle) })\n\ttry(func() { var x Shape; _ = x.(Named) })\n\ttry(func() { x := make([]int, 1); var a, b interface{} = x, x; println(a == b) })\n\ttry(func() { var a [2]int; i := 2; a[i] = 1 })\n\ttry(func() { panic(E{\"mine\"}) })\n}\n";

const throughItab = "package main\n\ntype T struct{ a int }\n\nfunc (t T) M(x int) int {\n\tif x > 1 {\n\t\tpanic(\"boom\")\n\t}\n\treturn t.a\n}\n\ntype I interface{ M(int) int }\n\nfunc main() {\n\tvar i I = T{7}\n\tprintln(i.M(1))\n\ti.M(2)\n}\n";

describe('interfaces with methods', () => {
  it('dispatch, iface->iface and iface->eface conversions, type switches, error, comparisons and the interface conversion panics', () => {
    expect(run(ifaces)).toEqual({
      exit: 0,
      out: '6 10\n12 12\n4 rect\ntrue\nnil namedshape rect shape error E: x int other\ntrue E: negative\ntrue\ntrue true\ntrue false\n' +
        'runtime.Error: runtime error: invalid memory address or nil pointer dereference\n' +
        'runtime.Error: interface conversion: main.Rect is not error: missing method Error\n' +
        'runtime.Error: interface conversion: main.Shape is main.Rect, not *main.Circle\n' +
        'runtime.Error: interface conversion: interface is nil, not main.Named\n' +
        'runtime.Error: runtime error: comparing uncomparable type []int\n' +
        'runtime.Error: runtime error: index out of range [2] with length 2\n' +
        'panic: E: mine\n',
    });
  });
  it('a value method called through an interface: the (*T).M wrapper in between is not shown', () => {
    const r = runGo(throughItab, '/tmp/x.go');
    expect(r.stderr).toBe('7\npanic: boom');
    expect(frames(r.raw)).toEqual(['main.T.M x.go:7', 'main.main x.go:17']);
  });
  it('a fatal panic prints an error value as its Error() and a Stringer as its String(), calling them first (preprintpanics)', () => {
    const r = runGo("package main\n\ntype E struct{ code int }\n\nfunc (e *E) Error() string { println(\"Error called\"); return \"E failure\" }\n\ntype S int\n\nfunc (s S) String() string { return \"S-string\" }\n\ntype Both struct{}\n\nfunc (Both) Error() string  { return \"both-error\" }\nfunc (Both) String() string { return \"both-string\" }\n\nfunc main() {\n\tdefer func() {\n\t\tr := recover()\n\t\tprintln(\"recovered\")\n\t\tdefer func() { panic(S(3)) }()\n\t\tpanic(r)\n\t}()\n\tpanic(&E{1})\n}\n", '/tmp/x.go');
    expect(r.exit).toBe(2);
    expect(r.stderr).toBe('recovered\nError called\nError called\npanic: E failure [recovered]\n\tpanic: E failure\n\tpanic: S-string');
    expect(frames(r.raw)).toEqual(['main.main.func1.1 x.go:20', 'panic panic.go:884', 'main.main.func1 x.go:21', 'panic panic.go:884', 'main.main x.go:23']);
  });
  it('the string a String() method returned survives a GC at every safe point before it is boxed, and its slot a stack copy (found by the fuzzer)', () => {
    const src = 'package main\n\ntype mystr string\n\nfunc (s mystr) String() string { return "mystr " + string(s) }\n\nfunc main() {\n\tdefer func() { panic("second") }()\n\tpanic(mystr("x"))\n}\n';
    for (const opts of [{ gcEvery: 1 }, { gcEvery: 2 }, { gcEvery: 3 }, { copyStackEvery: 1, stackPoisonCopy: true }]) {
      const r = runGo(src, '/tmp/x.go', { ...opts, clobberFree: true });
      expect(r.stderr).toBe('panic: mystr x\n\tpanic: second');
    }
  });
});
