// Control-flow scenarios: defers in loops and closures, big (array) and pointer arguments, named results changed
// by defers, panics and recovers at every depth (direct, and indirect: recover in a nested call returns nil),
// nested panics, runtime errors, Goexit, goroutines joined through unbuffered channels, deep recursion.
// Output is deterministic: a goroutine other than main prints only while main waits for its next send.
import { Builder, indent, quote } from './builder.js';

type Scenario = (b: Builder, name: string) => void;

function protected_(b: Builder, name: string, body: string[]): void {
  b.decl([`func ${name}() {`, ...indent(body), '}']);
  b.mainBody.push(`protect(${quote(name)}, ${name})`);
}

/** Statements that panic, or fault at run time (`n` is a non-constant int in scope). */
export function panicking(b: Builder, tag: string, n: string): string[] {
  const k = b.rng.int(10);
  switch (!b.allows('panic-values') && k >= 2 && k <= 4 ? 1 : k) {
    case 0: return [`panic(${quote(`${tag} boom`)})`];
    case 1: return [`panic(${n} + ${b.rng.range(0, 99)})`];
    case 2: return [`panic(myint(${n}))`];
    case 3: return [`panic(mystr(${quote(tag)}))`];
    case 4: return [`panic(int8(${n}) - ${b.rng.range(1, 9)})`];
    case 5: return [`println(${quote(tag)}, 10/(${n}-${n}))`];
    case 6: return ['var np *[4]int', `println(${quote(tag)}, np[${n}%4])`];
    case 7: return ['var ia [3]int', `println(${quote(tag)}, ia[${n}+3])`];
    case 8: return [`var ei interface{} = ${quote(tag)}`, `println(ei.(int) + ${n})`];
    default: return ['var cc chan int', `if ${n} >= 0 {`, '\tclose(cc)', '}'];
  }
}

const deferLoop: Scenario = (b, name) => {
  const n = b.rng.range(1, 6);
  const body = [`for i := 0; i < ${n}; i++ {`, `\tdefer println(${quote(`${name} loop`)}, i)`];
  if (b.rng.chance(0.6)) body.push(`\tdefer func() { println(${quote(`${name} shared`)}, i) }()`);
  if (b.rng.chance(0.6)) body.push(`\tdefer func(j int) { println(${quote(`${name} arg`)}, j*j) }(i)`);
  if (b.rng.chance(0.3)) body.push(`\tif i == ${b.rng.int(n)} {`, `\t\tdefer func() { show(${quote(`${name} rec`)}, recover()) }()`, '\t}');
  body.push('}');
  if (b.rng.chance(0.5)) body.push(...panicking(b, name, 'k'));
  protected_(b, name, [`k := ${n}`, '_ = k', ...body]);
};

const bigArgs: Scenario = (b, name) => {
  const k = b.rng.pick([1, 3, 16, 64, 200]);
  const sum = `${name}sum`;
  b.decl([`func ${sum}(x [${k}]int, tag string) {`, '\ts := 0', `\tfor i := 0; i < ${k}; i++ {`, '\t\ts += x[i] * (i + 1)', '\t}', '\tprintln(tag, s)', '}']);
  const body = [`var arr [${k}]int`, `for i := 0; i < ${k}; i++ {`, `\tarr[i] = i*${b.rng.range(1, 9)} - ${b.rng.range(0, 50)}`, '}',
    `x := ${b.rng.range(-5, 5)}`, 'p := &x',
    `defer ${sum}(arr, ${quote(`${name} copy`)})`,
    `defer func(q *int, a [${k}]int) { println(${quote(`${name} ptr`)}, *q, a[${k - 1}]) }(p, arr)`,
    `defer func() { println(${quote(`${name} captured`)}, arr[0], x) }()`,
    'arr[0] = 999', 'x = 77'];
  if (b.rng.chance(0.5)) body.push('runtime.GC()');
  if (b.rng.chance(0.5)) body.push(`println(${quote(name)}, deep(${b.rng.pick([10, 100, 1000])}, 0))`);
  if (b.rng.chance(0.3)) body.push(...panicking(b, name, 'x'));
  protected_(b, name, body);
};

const namedResult: Scenario = (b, name) => {
  const f = `${name}f`;
  const lines = [`func ${f}(n int) (r int, s string) {`, '\tdefer func() {', `\t\tr = r*${b.rng.range(2, 5)} + 1`, '\t\ts += "!"', '\t}()'];
  if (b.rng.chance(0.7)) lines.push('\tdefer func() {', '\t\tif e := recover(); e != nil {', '\t\t\tr = -1', `\t\t\tshow(${quote(`${name} rec`)}, e)`, '\t\t}', '\t}()');
  if (b.rng.chance(0.4)) lines.push('\tdefer func() { r++ }()');
  lines.push(`\tif n > ${b.rng.range(0, 4)} {`, ...indent(panicking(b, name, 'n'), 2), '\t}', '\tr = n', '\ts = "ok"');
  lines.push(b.rng.chance(0.5) ? '\treturn r + 10, s + "?"' : '\treturn', '}');
  b.decl(lines);
  const body: string[] = [];
  for (let i = 0; i < b.rng.range(1, 3); i++) {
    body.push(`a${i}, s${i} := ${f}(${b.rng.range(0, 6)})`, `println(${quote(name)}, a${i}, s${i})`);
  }
  protected_(b, name, body);
};

const panicChain: Scenario = (b, name) => {
  const depth = b.rng.range(1, 6);
  const help = `${name}help`;
  b.decl([`func ${help}() {`, `\tshow(${quote(`${name} indirect`)}, recover())`, '}']);
  for (let d = depth; d >= 0; d--) {
    const fn = `${name}_${d}`;
    const lines = [`func ${fn}(n int) int {`];
    const defers = b.rng.range(0, 3);
    for (let j = 0; j < defers; j++) {
      const k = b.rng.int(6);
      if (k === 0) lines.push(`\tdefer println(${quote(`${fn} defer`)}, n)`);
      else if (k === 1) lines.push(`\tdefer func() { show(${quote(`${fn} rec`)}, recover()) }()`);
      else if (k === 2) lines.push(`\tdefer func() { ${help}() }()`);
      else if (k === 3) lines.push(`\tdefer ${help}()`);
      else if (k === 4) lines.push('\tdefer func() {', `\t\tif r := recover(); r != nil {`, `\t\t\tshow(${quote(`${fn} repanic`)}, r)`, `\t\t\tpanic(${quote(`${fn} again`)})`, '\t\t}', '\t}()');
      else lines.push(`\tdefer func() { panic(${quote(`${fn} in defer`)}) }()`);
    }
    if (d === depth) lines.push(...indent(panicking(b, fn, 'n')), '\treturn n');
    else lines.push(`\treturn ${name}_${d + 1}(n+1) + 1`);
    lines.push('}');
    b.decl(lines);
  }
  protected_(b, name, [`println(${quote(name)}, ${name}_0(${b.rng.range(0, 5)}))`]);
};

const goexit: Scenario = (b, name) => {
  const g = [`defer func() { done <- ${b.rng.range(1, 9)} }()`, `defer println(${quote(`${name} g defer`)})`];
  if (b.rng.chance(0.5)) g.push(`defer func() { show(${quote(`${name} g rec`)}, recover()) }()`);
  if (b.rng.chance(0.4)) g.push('defer func() {', `\tdefer func() { show(${quote(`${name} inner rec`)}, recover()) }()`, `\tpanic(${quote(`${name} during goexit`)})`, '}()');
  const d = b.rng.range(0, 20);
  // a deferred Goexit while the goroutine panics: the panic is abandoned, the goroutine exits
  if (b.rng.chance(0.3)) g.push('defer runtime.Goexit()', `gd := ${d}`, '_ = gd', ...panicking(b, name, 'gd'));
  g.push(`goexitAt(${d})`, `println(${quote(`${name} unreachable`)})`);
  protected_(b, name, ['done := make(chan int)', 'go func() {', ...indent(g), '}()', `println(${quote(`${name} joined`)}, <-done)`]);
};

const pingPong: Scenario = (b, name) => {
  const n = b.rng.range(1, 8);
  const worker = ['defer func() { fin <- true }()', `defer println(${quote(`${name} worker exits`)})`, 'for {', '\tv, ok := <-req', '\tif !ok {', '\t\treturn', '\t}',
    `\tprintln(${quote(`${name} worker`)}, v)`];
  if (b.rng.chance(0.3)) worker.push(`\tif v == ${b.rng.int(n)} {`, '\t\tfunc() {', `\t\t\tdefer func() { show(${quote(`${name} worker rec`)}, recover()) }()`, `\t\t\tpanic(v)`, '\t\t}()', '\t}');
  worker.push(`\tresp <- v*${b.rng.range(2, 9)} + deep(${b.rng.pick([1, 50, 300])}, v)`, '}');
  protected_(b, name, ['req := make(chan int)', 'resp := make(chan int)', 'fin := make(chan bool)', 'go func() {', ...indent(worker), '}()',
    `for i := 0; i < ${n}; i++ {`, '\treq <- i', `\tprintln(${quote(`${name} main`)}, <-resp)`, '}', 'close(req)', '<-fin', `println(${quote(`${name} done`)})`]);
};

const pipeline: Scenario = (b, name) => {
  const n = b.rng.range(1, 10);
  const cap = b.rng.pick([0, 0, 1, 3]);
  protected_(b, name, [`src := make(chan [4]int, ${cap})`, 'out := make(chan int)',
    'go func() {', `\tfor i := 0; i < ${n}; i++ {`, '\t\tsrc <- [4]int{i, i * i, -i, 7}', '\t}', '\tclose(src)', '}()',
    'go func() {', '\tdefer close(out)', '\tfor {', '\t\ta, ok := <-src', '\t\tif !ok {', '\t\t\treturn', '\t\t}', '\t\tout <- a[0] + a[1]*a[3] - a[2]', '\t}', '}()',
    'total := 0', 'for {', '\tv, ok := <-out', '\tif !ok {', '\t\tbreak', '\t}', `\tprintln(${quote(name)}, v)`, '\ttotal += v', '}', `println(${quote(`${name} total`)}, total)`]);
};

const recursion: Scenario = (b, name) => {
  const k = b.rng.pick([1, 8, 64, 256]);
  const depth = b.rng.pick([10, 100, 1000, 5000]);
  const rec = `${name}rec`;
  const lines = [`func ${rec}(n int, acc [${k}]byte) int {`, '\tif n == 0 {', `\t\treturn int(acc[0]) + int(acc[${k - 1}])`, '\t}',
    `\tacc[n%${k}]++`, `\tvar local [${b.rng.pick([1, 4, 32])}]int`, '\tlocal[0] = n'];
  if (b.rng.chance(0.4)) lines.push(`\tif n%${b.rng.pick([7, 100, 999])} == 0 {`, `\t\tdefer func(m int) { sink = sink + m }(n)`, '\t}');
  lines.push(`\treturn ${rec}(n-1, acc) + local[0]%3`, '}');
  b.decl(lines);
  protected_(b, name, [`var a [${k}]byte`, `println(${quote(name)}, ${rec}(${depth}, a), sink)`]);
};

const structs: Scenario = (b, name) => {
  const t = `${name}T`;
  const g = `${name}G`;
  const vars = `var ${g}, ${g}2 ${t}`;
  const global = b.allows('global-structs');
  b.decl([`type ${t} struct {`, '\ta byte', '\tc [2]uint32', '\ts string', '\tp *int', '\tn int16', '}', ...(global ? [vars] : [])]);
  protected_(b, name, [...(global ? [] : [vars]), `x := ${b.rng.range(-9, 9)}`, `${g}.a = ${b.rng.range(0, 255)}`, `${g}.c = [2]uint32{${b.rng.range(0, 9)}, 4294967295}`, `${g}.s = ${quote(name)} + "s"`, `${g}.p = &x`, `${g}.n = -${b.rng.range(1, 32768)}`,
    `${g}2.c = ${g}.c`, `v := ${g}`, 'v.c[1]++', '*v.p += 5', `q := &${g}2`, 'q.s = v.s + "!"',
    `println(${quote(name)}, ${g}.a, ${g}.c[0], ${g}.c[1], v.c[1], ${g}2.c[1], q.s, len(q.s), q.s[0], x, *${g}.p, ${g}.n)`,
    `println(${quote(name)}, ${g}.c == ${g}2.c, v == ${g}, ${g}.s < q.s, ${g}2.p == nil)`]);
};

export const scenarios: readonly Scenario[] = [deferLoop, bigArgs, namedResult, panicChain, panicChain, goexit, pingPong, pipeline, recursion, structs];
