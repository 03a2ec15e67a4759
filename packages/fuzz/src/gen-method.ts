// Methods and interfaces: value and pointer receivers (called through values, pointers and promotion), method
// values (bound to a copy, or to a pointer) and method expressions, defer and go of methods, embedded structs by
// value and by pointer with promoted fields and methods (and a method that shadows a promoted one), a named slice
// type with methods, interfaces with methods and embedded interfaces, dynamic dispatch, assertions to concrete and
// interface types, type switches, interface comparison (equal, different dynamic types, and the `comparing
// uncomparable type` panic), the error type (nil, non-nil, a typed nil pointer in an interface). A scenario may
// end in a panic: an error value, a nil embedded interface, a value method through a nil pointer.
import { Builder, quote } from './builder.js';

/** The package-level types and methods of scenario `n`. */
function declare(b: Builder, n: string): void {
  const r = b.rng;
  b.decl([`type ${n}A struct {`, '\tx   int', '\ttag string', '}']);
  b.decl([`func (a ${n}A) Get() int {`, `\treturn a.x*${r.range(1, 4)} + len(a.tag)`, '}']);
  b.decl([`func (a *${n}A) Inc(d int) {`, '\ta.x += d', '}']);
  b.decl([`func (a ${n}A) Name() string {`, '\treturn a.tag', '}']);
  b.decl([`func (a *${n}A) Send(c chan int, d int) {`, '\tc <- a.x + d', '}']);
  b.decl([`type ${n}B struct {`, `\t${n}A`, '\ty int', '}']);
  b.decl([`type ${n}C struct {`, `\t*${n}A`, '\tz [3]int', '}']);
  b.decl([`func (c ${n}C) Get() int {`, `\treturn c.${n}A.Get()*10 + c.z[0]`, '}']);
  b.decl([`type ${n}N int`]);
  b.decl([`func (v ${n}N) Get() int {`, '\treturn int(v) * 2', '}']);
  b.decl([`func (v ${n}N) Name() string {`, '\tif v < 0 {', '\t\treturn "neg"', '\t}', '\treturn "nonneg"', '}']);
  b.decl([`type ${n}L []int`]);
  b.decl([`func (l ${n}L) Get() int {`, '\ts := 0', '\tfor _, v := range l {', '\t\ts += v', '\t}', '\treturn s', '}']);
  b.decl([`func (l *${n}L) Push(v int) {`, '\t*l = append(*l, v)', '}']);
  b.decl([`type ${n}I interface {`, '\tGet() int', '}']);
  b.decl([`type ${n}J interface {`, `\t${n}I`, '\tName() string', '}']);
  b.decl([`type ${n}W struct {`, `\t${n}I`, '\tw int', '}']);
  b.decl([`type ${n}S struct {`, '\txs []int', '}']);
  b.decl([`type ${n}E struct {`, '\tcode int', '}']);
  b.decl([`func (e *${n}E) Error() string {`, '\tif e == nil {', '\t\treturn "nil E"', '\t}', `\treturn "E" + ${n}L(make([]int, e.code)).digits()`, '}']);
  b.decl([`func (l ${n}L) digits() string {`, '\ts := ""', '\tfor i := 0; i < len(l) && i < 9; i++ {', '\t\ts += "#"', '\t}', '\treturn s', '}']);
  b.decl([`func ${n}do(n int) error {`, '\tswitch n % 3 {', '\tcase 0:', '\t\treturn nil', '\tcase 1:', `\t\treturn &${n}E{n}`, '\t}', `\tvar p *${n}E`, '\treturn p', '}']);
  b.decl([`func ${n}kind(i interface{}) string {`, '\tswitch v := i.(type) {', `\tcase ${n}J:`, '\t\treturn "J " + v.Name()', `\tcase *${n}A:`, '\t\treturn "*A"',
    `\tcase ${n}I:`, '\t\treturn "I"', '\tcase error:', '\t\treturn "error " + v.Error()', '\tcase nil:', '\t\treturn "nil"', '\t}', '\treturn "other"', '}']);
}

/** The statement blocks; each uses a (an A), p (= &a) and k (a non-constant int ≥ 0). */
function blocks(n: string, t: (l: string) => string): string[][] {
  return [
    ['a.Inc(3)', 'p.Inc(k)', `println(${t('recv')}, a.Get(), p.Get(), a.x, p.Name())`],
    ['f := a.Get', 'g := p.Inc', 'h := p.Get', 'a.Inc(5)', 'g(2)', `println(${t('method values')}, f(), h(), a.Get())`],
    [`println(${t('method exprs')}, ${n}A.Get(a), (*${n}A).Get(p))`, `(*${n}A).Inc(p, 4)`, `fe := ${n}A.Name`, `println(${t('expr')}, fe(a), a.x)`],
    [`defer println(${t('deferred value')}, a.Get())`, 'defer p.Inc(100)', `defer func() { println(${t('deferred closure')}, a.x) }()`, 'defer a.Inc(1000)', 'a.Inc(1)'],
    ['c := make(chan int)', 'go p.Send(c, 1)', `println(${t('go method')}, <-c)`, 'go a.Send(c, 2)', `println(${t('go method')}, <-c)`],
    [`bb := ${n}B{${n}A{k, "bb"}, 2}`, 'bb.Inc(1)', 'bb.x += 10', 'q := &bb', 'q.Inc(2)',
      `println(${t('embedded')}, bb.Get(), bb.x, bb.y, q.Name(), bb.${n}A.x)`],
    [`cc := ${n}C{p, [3]int{k, 1, 2}}`, 'cc.Inc(7)', 'cc.x++', `println(${t('embedded ptr')}, cc.Get(), cc.${n}A.Get(), a.x, cc.tag)`],
    [`var l ${n}L`, 'for i := 0; i < k+3; i++ {', '\tl.Push(i * i)', '}', 'pl := &l', 'pl.Push(1)', `println(${t('named slice')}, l.Get(), len(l), pl.Get())`],
    [`xs := []${n}I{a, p, ${n}B{a, 1}, &${n}B{a, 2}, ${n}C{p, [3]int{}}, ${n}N(k - 3), ${n}L{1, 2, k}}`, 'tot := 0', 'for i, x := range xs {',
      `\tprintln(${t('dispatch')}, i, x.Get(), ${n}kind(x))`, '\ttot += x.Get()', '}', `println(${t('total')}, tot)`],
    [`var i ${n}I = a`, `if j, ok := i.(${n}J); ok {`, `\tprintln(${t('is J')}, j.Name(), j.Get())`, '}', `v, ok := i.(${n}A)`, `pv, pok := i.(*${n}A)`,
      `println(${t('assert')}, v.x, ok, pv == nil, pok)`, 'i = p', `_, ok = i.(${n}J)`, `println(${t('ptr is J')}, ok, i.(*${n}A) == p)`],
    [`var e1, e2 interface{} = a, ${n}A{a.x, a.tag}`, `var i1, i2 ${n}I = ${n}N(k), ${n}N(k)`, `var i3 ${n}I = ${n}B{a, 0}`,
      `println(${t('compare')}, e1 == e2, i1 == i2, i1 == i3, e1 != nil, e1 == interface{}(p), interface{}(p) == interface{}(&a))`],
    [`for i := 0; i < ${5}; i++ {`, `\terr := ${n}do(i + k)`, `\tprintln(${t('error')}, i, err == nil, ${n}kind(err))`, '\tif err != nil {', `\t\tprintln(${t('message')}, err.Error())`, '\t}', '}'],
    [`var i ${n}I = ${n}L{k, 2}`, 'f := i.Get', `i = ${n}N(k)`, `g := ${n}I.Get`, `var j ${n}J = a`, 'jn := j.Name', 'a.tag = "changed"',
      `println(${t('iface method values')}, f(), i.Get(), g(i), g(j), jn(), ${n}J.Name(p))`],
    ['z := float64(k - k)', `pair := [2]interface{}{z / z, ${n}A{k, "s"}}`, 'var e interface{} = pair', `f := struct {`, '	v float64', '	s string', `}{-z, "f"}`,
      'g := f', 'g.v = z', `println(${t('struct compare')}, e == e, pair[1] == pair[1], f == g, [2]string{"a", a.tag} == [2]string{"a", "tag"})`],
    [`var w ${n}W`, `w.${n}I = p`, 'w.w = 3', `println(${t('embedded iface')}, w.Get()+w.w)`, `var wi ${n}I = w`, `println(${t('embedded iface')}, wi.Get(), ${n}kind(wi))`],
  ];
}

/** Endings that panic (main's protect prints them). */
function panics(n: string, t: (l: string) => string): string[][] {
  return [
    [`var e1, e2 interface{} = ${n}S{}, ${n}S{}`, `println(${t('unreachable')}, e1 == e2)`],
    ['var e1, e2 interface{} = []int{k}, []int{k}', `println(${t('unreachable')}, e1 == e2)`],
    [`var e1 interface{} = map[int]int{}`, `println(${t('unreachable')}, e1 == e1)`],
    [`panic(${n}do(1 + 3*k))`],
    [`var w ${n}W`, `println(${t('unreachable')}, w.Get())`],
    [`var np *${n}A`, `println(${t('unreachable')}, np.Get())`],
    [`var i ${n}I = ${n}N(k)`, `println(${t('unreachable')}, i.(${n}A).x)`],
  ];
}

/** Methods, embedding and interfaces; main calls the function under protect. */
export function methodScenario(b: Builder, name: string): void {
  const r = b.rng;
  declare(b, name);
  const t = (l: string): string => quote(`${name} ${l}`);
  const body = [`k := sink - sink + ${r.range(0, 5)}`, `a := ${name}A{k + ${r.range(0, 9)}, ${quote(r.pick(['a', 'tag', '', 'ab']))}}`, 'p := &a', '_ = p'];
  const all = blocks(name, t);
  const n = r.range(2, 6);
  for (let i = 0; i < n; i++) {
    const blk = r.pick(all);
    // each block in a function literal of its own, so names do not clash and deferred calls run at its end
    body.push('func() {', ...blk.map((l) => `\t${l}`), '}()');
  }
  if (r.chance(0.35)) body.push(...r.pick(panics(name, t)));
  b.scenario(name, body);
}
