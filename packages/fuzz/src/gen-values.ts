// Value scenarios: closures sharing and capturing variables (also after a defer took them), multiple results,
// switches and type switches over interface values, interface comparison (same and different dynamic types),
// strings with multi-byte characters and an index one past the end, fan-out to
// goroutines each answering on its own channel (read in a fixed order, so output stays deterministic).
import { Builder, indent, quote } from './builder.js';

type Scenario = (b: Builder, name: string) => void;

function protected_(b: Builder, name: string, body: string[]): void {
  b.decl([`func ${name}() {`, ...indent(body), '}']);
  b.mainBody.push(`protect(${quote(name)}, ${name})`);
}

const closures: Scenario = (b, name) => {
  const mk = `${name}counter`;
  b.decl([`func ${mk}(start int) (func() int, func(int)) {`, '\tc := start', '\treturn func() int {', '\t\tc++', '\t\treturn c', '\t}, func(d int) { c += d }', '}']);
  const n = b.rng.range(1, 5);
  protected_(b, name, [`next, add := ${mk}(${b.rng.range(-5, 5)})`, 'x := 1',
    `defer func() { println(${quote(`${name} deferred sees`)}, x, next()) }()`,
    `defer println(${quote(`${name} deferred arg`)}, x)`,
    `for i := 0; i < ${n}; i++ {`, '\tadd(i)', `\tprintln(${quote(name)}, next())`, '\tx += i', '}',
    'f := func(p *int) func() {', '\treturn func() { *p = *p * 2 }', '}(&x)', 'f()', 'f()',
    `println(${quote(name)}, x)`]);
};

const multi: Scenario = (b, name) => {
  const f = `${name}divmod`;
  b.decl([`func ${f}(a, b int) (q, r int, ok bool) {`, '\tif b == 0 {', '\t\treturn', '\t}', '\treturn a / b, a % b, true', '}']);
  const body: string[] = [];
  for (let i = 0; i < b.rng.range(1, 4); i++) body.push(`q${i}, r${i}, ok${i} := ${f}(${b.rng.range(-50, 50)}, ${b.rng.pick([0, 1, -1, 3, -7, 10])})`, `println(${quote(name)}, q${i}, r${i}, ok${i})`);
  protected_(b, name, body);
};

const switches: Scenario = (b, name) => {
  const vals = ['1', '"one"', 'myint(2)', 'int8(-3)', 'true', '[2]int{1, 2}', 'nil', 'uint16(65535)', '&sink'];
  const picked = Array.from({ length: b.rng.range(2, 5) }, () => b.rng.pick(vals));
  const body = [`vals := [${picked.length}]interface{}{${picked.join(', ')}}`, `for i := 0; i < ${picked.length}; i++ {`,
    '\tswitch v := vals[i].(type) {', '\tcase int, int8:', `\t\tprintln(${quote(`${name} small int`)}, i, v != nil)`, '\tcase string:', `\t\tprintln(${quote(`${name} string`)}, v, len(v))`,
    '\tcase myint:', `\t\tprintln(${quote(`${name} myint`)}, int(v)+1)`, '\tcase [2]int:', `\t\tprintln(${quote(`${name} array`)}, v[0]+v[1])`,
    '\tcase nil:', `\t\tprintln(${quote(`${name} nil`)})`, '\tcase *int:', `\t\tprintln(${quote(`${name} pointer`)}, v == &sink)`,
    '\tdefault:', `\t\tprintln(${quote(`${name} other`)}, i)`, '\t}', '\tswitch {', `\tcase vals[i] == vals[0]:`, `\t\tprintln(${quote(`${name} same as first`)}, i)`,
    '\t\tfallthrough', '\tcase i > 1:', `\t\tprintln(${quote(`${name} late`)}, i)`, '\t}', '}'];
  if (b.rng.chance(0.4)) body.push('var u interface{} = vals[0]', `s, ok := u.(string)`, `println(${quote(name)}, s, ok)`, `println(${quote(name)}, u.(int))`);
  protected_(b, name, body);
};

const strings: Scenario = (b, name) => {
  const words = ['go', 'sim', '', 'stack', 'ß', 'défer'];
  const a = b.rng.pick(words);
  const c = b.rng.pick(words);
  protected_(b, name, [`s := ${quote(a)}`, `t := ${quote(c)}`, `for i := 0; i < ${b.rng.range(0, 4)}; i++ {`, '\ts = s + t + "-"', '}',
    `println(${quote(name)}, s, len(s), s == t, s < t, s > t)`, 'if len(s) > 0 {', `\tprintln(${quote(name)}, s[0], s[len(s)-1])`, '}',
    `i := len(t) + ${b.rng.range(-1, 2)}`, `println(${quote(name)}, t[i])`]);
};

const fanOut: Scenario = (b, name) => {
  const n = b.rng.range(1, 6);
  protected_(b, name, [`var outs [${n}]chan int`, `for i := 0; i < ${n}; i++ {`, '\touts[i] = make(chan int)', '\tgo func(id int, out chan int) {',
    '\t\tdefer func() {', '\t\t\tif r := recover(); r != nil {', '\t\t\t\tout <- -1', '\t\t\t}', '\t\t}()',
    `\t\tif id == ${b.rng.int(n + 2)} {`, '\t\t\tvar z int', '\t\t\tout <- id / z', '\t\t}', `\t\tout <- deep(id*${b.rng.pick([1, 20, 200])}, id)`, '\t}(i, outs[i])', '}',
    'sum := 0', `for i := 0; i < ${n}; i++ {`, '\tv := <-outs[i]', `\tprintln(${quote(name)}, i, v)`, '\tsum += v', '}', `println(${quote(`${name} sum`)}, sum)`]);
};

export const valueScenarios: readonly Scenario[] = [closures, multi, switches, strings, fanOut];
