// Functions: closures capturing loop variables (Go 1.19: one variable per loop, so every closure of a loop sees
// its last value, unless the body copies it), closures deferred in a loop, variadic functions (no arguments, a
// list, a spread slice the callee writes through, interface{} elements with nil), multiple results passed on as
// f(g()) (also into a variadic parameter and through return f()), and init functions with package variables
// initialized in dependency order (printed before main runs).
import { Builder, quote } from './builder.js';

function declare(b: Builder, n: string): void {
  const r = b.rng;
  b.decl([`func ${n}sum(base int, xs ...int) int {`, '\tfor i, x := range xs {', '\t\tbase += x * (i + 1)', '\t}', '\treturn base', '}']);
  b.decl([`func ${n}zero(xs ...int) int {`, '\tif len(xs) > 0 {', '\t\txs[0] = 0', '\t}', '\treturn len(xs)', '}']);
  b.decl([`func ${n}count(xs ...interface{}) (int, int) {`, '\tnils := 0', '\tfor _, x := range xs {', '\t\tif x == nil {', '\t\t\tnils++', '\t\t}', '\t}', '\treturn len(xs), nils', '}']);
  b.decl([`func ${n}pair(k int) (int, string) {`, `\treturn k * ${r.range(2, 9)}, ${quote(r.pick(['p', 'pq', '']))}`, '}']);
  b.decl([`func ${n}take(a int, s string) int {`, '\treturn a + len(s)*100', '}']);
  b.decl([`func ${n}swap(a, b int) (int, int) {`, '\treturn b, a', '}']);
  b.decl([`func ${n}three(k int) (int, int, int) {`, '\treturn k, k + 1, k * k', '}']);
  b.decl([`func ${n}fwd(k int) (int, int) {`, `\treturn ${n}swap(${n}swap(k, -k))`, '}']);
}

/** Package variables in an order Go must sort by dependency, and init functions that use them. */
function inits(b: Builder, n: string): string {
  const r = b.rng;
  const g = `${n}g`;
  b.decl([`var ${g}a = ${g}b*2 + ${g}c`, `var ${g}b = ${n}sum(${g}c, 1, 2)`, `var ${g}c = ${r.range(1, 9)}`]);
  const count = r.range(1, 3);
  for (let i = 0; i < count; i++) b.decl(['func init() {', `\t${g}a += ${i + 1}`, `\tprintln(${quote(`${n} init ${i}`)}, ${g}a, ${g}b, ${g}c)`, '}']);
  return `println(${quote(`${n} globals`)}, ${g}a, ${g}b, ${g}c)`;
}

function blocks(n: string, t: (l: string) => string, r: Builder['rng']): string[][] {
  const m = r.range(1, 5);
  return [
    ['var fs []func() int', `for i := 0; i < ${m}; i++ {`, '\tfs = append(fs, func() int { return i * 10 })', '}', 'for _, f := range fs {', `\tprintln(${t('shared i')}, f())`, '}'],
    ['var fs []func() int', `for i := 0; i < ${m}; i++ {`, '\ti := i', '\tfs = append(fs, func() int { return i * 10 })', '}', 'for _, f := range fs {', `\tprintln(${t('copied i')}, f())`, '}'],
    ['var fs [3]func() string', 'for i, s := range []string{"x", "yy", "zzz"} {', '\tfs[i] = func() string { return s }', '}', `println(${t('range value')}, fs[0](), fs[2]())`],
    [`for i := 0; i < ${m}; i++ {`, `\tdefer func() { println(${t('deferred shared')}, i) }()`, `\tdefer func(j int) { println(${t('deferred arg')}, j) }(i)`, '}'],
    ['acc := 0', 'add := func(d int) { acc += d }', `for i := 0; i < ${m}; i++ {`, '\tadd(i + k)', '}', `println(${t('accumulated')}, acc)`],
    [`ys := []int{k, 2, 3}`, `println(${t('variadic')}, ${n}sum(1), ${n}sum(1, 2), ${n}sum(1, ys...), ${n}sum(0, ys[1:]...))`,
      `println(${t('spread')}, ${n}zero(ys[0], ys[1]), ys[0], ${n}zero(ys...), ys[0], ${n}zero())`],
    ['var ns []interface{}', `a0, b0 := ${n}count()`, `a1, b1 := ${n}count(nil)`, `a2, b2 := ${n}count(ns...)`, `a3, b3 := ${n}count(1, nil, "s", nil)`,
      `println(${t('count')}, a0, b0, a1, b1, a2, b2, a3, b3)`],
    [`println(${t('f(g())')}, ${n}take(${n}pair(k)), ${n}sum(${n}three(k)), ${n}sum(${n}swap(k, 3)))`, `x, y := ${n}swap(${n}swap(1, k))`, `u, v := ${n}fwd(k + 1)`,
      `println(${t('swapped')}, x, y, u, v)`],
    ['f := func(xs ...int) (int, int) { return len(xs), cap(xs) }', `println(${t('literal variadic')}, ${n}sum(f(k, k, k)))`,
      `g := ${n}sum`, `println(${t('func value')}, g(k, 1, 1))`],
  ];
}

/** Closures, variadic and multi-value calls, maybe init functions; main calls the function under protect. */
export function funcScenario(b: Builder, name: string): void {
  const r = b.rng;
  declare(b, name);
  const t = (l: string): string => quote(`${name} ${l}`);
  const body = [`k := sink - sink + ${r.range(0, 5)}`, '_ = k'];
  if (r.chance(0.4)) body.push(inits(b, name));
  const all = blocks(name, t, r);
  const n = r.range(2, 5);
  for (let i = 0; i < n; i++) body.push('func() {', ...r.pick(all).map((l) => `\t${l}`), '}()');
  b.scenario(name, body);
}
