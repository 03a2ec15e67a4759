// A whole random program: a fixed prelude of helpers, a few scenarios that main runs under protect (so one
// scenario's panic does not end the program), and an ending: return, an uncaught panic of some value or runtime
// error (possibly nested in a deferred call), a panic in a goroutine, Goexit in main, or a deadlock.
import { Builder, indent, quote, type Feature } from './builder.js';
import { arithScenario } from './gen-arith.js';
import { floatScenario } from './gen-float.js';
import { panicking, scenarios } from './gen-control.js';
import { funcScenario } from './gen-func.js';
import { mapScenario } from './gen-map.js';
import { methodScenario } from './gen-method.js';
import { selectScenario } from './gen-select.js';
import { sliceScenario, stringScenario } from './gen-slice.js';
import { valueScenarios } from './gen-values.js';
import { Rng } from './rng.js';

const prelude = `package main

import "runtime"

type myint int
type mystr string

func (s mystr) String() string { return "mystr " + string(s) }
type mybool bool

var sink int

type myerr struct{ s string }

func (e myerr) Error() string { return "myerr " + e.s }

// show prints a recovered value without its address (println of an interface prints two words).
func show(tag string, r interface{}) {
	switch v := r.(type) {
	case nil:
		println(tag, "nil")
	case int:
		println(tag, "int", v)
	case int8:
		println(tag, "int8", v)
	case string:
		println(tag, "string", v)
	case myint:
		println(tag, "myint", int(v))
	case mystr:
		println(tag, "mystr", string(v))
	case runtime.Error:
		println(tag, "runtime.Error", v.Error())
	case error:
		println(tag, "error", v.Error())
	default:
		println(tag, "other")
	}
}

func protect(tag string, f func()) {
	defer func() {
		show(tag+" protect", recover())
	}()
	f()
}

func deep(n int, acc int) int {
	if n == 0 {
		return acc
	}
	var pad [8]int
	pad[n%8] = n
	return deep(n-1, acc+pad[n%8]%7)
}

func goexitAt(n int) {
	if n == 0 {
		runtime.Goexit()
	}
	if n%5 == 0 {
		defer println("goexitAt", n)
	}
	goexitAt(n - 1)
}
`;

function ending(b: Builder): string[] {
  const r = b.rng;
  const n = ['n := sink - sink + ' + r.range(-3, 9), '_ = n'];
  const k = r.int(12);
  if (k < 5) return [`println("main returns")`];
  if (k < 7) {
    const out = [...n, `defer println("main defer")`];
    if (r.chance(0.3)) out.push(`defer func() { panic(${quote('main second')}) }()`);
    // recovered, then a new panic: Go prints the first as "[recovered]" above the second
    else if (r.chance(0.3)) out.push(`defer func() {`, `\tshow("main rec", recover())`, `\tpanic(${quote('main again')})`, '}()');
    const plainValues = ['n', '"main boom"', 'runtime.Error(nil)'];
    const v = r.pick(b.allows('panic-values') ? [...plainValues, 'myint(n)', 'mystr("x")', 'mybool(n > 2)', 'int8(n) - 12', 'uint8(n) + 250', 'myerr{"main"}', 'error(myerr{"e"})'] : plainValues);
    return [...out, ...(v === 'runtime.Error(nil)' ? ['var e runtime.Error', 'panic(e)'] : [`panic(${v})`])];
  }
  if (k < 8) return [...n, 'defer println("main defer")', ...panicking(b, 'main', 'n')];
  if (k < 9) return ['c := make(chan int)', 'go func() {', '\tdefer println("goroutine defer")', `\tpanic(${quote('goroutine boom')})`, '}()', '<-c'];
  if (k < 10) return ['defer println("main defer before Goexit")', 'runtime.Goexit()'];
  if (k < 11 || !b.allows('goexit-blocked')) return ['c := make(chan int)', 'go func() {', '\tc <- 1', '}()', '<-c', '<-c'];
  return ['c := make(chan bool)', 'go func() {', '\tprintln("waiting goroutine")', '\tc <- true', '\t<-c', '}()', '<-c', 'runtime.Goexit()'];
}

/** The program seeded `seed`: the same seed gives the same text. */
export function generateProgram(seed: number, without: ReadonlySet<Feature> = new Set()): string {
  const b = new Builder(new Rng(seed), without);
  const count = b.rng.range(2, 6);
  for (let i = 0; i < count; i++) {
    const name = b.fresh('s');
    const k = b.rng.int(20);
    if (k < 4) arithScenario(b, name);
    else if (k < 6) floatScenario(b, name);
    else if (k < 8) sliceScenario(b, name);
    else if (k < 9) stringScenario(b, name);
    else if (k < 11) mapScenario(b, name);
    else if (k < 13) methodScenario(b, name);
    else if (k < 14) selectScenario(b, name);
    else if (k < 15) funcScenario(b, name);
    else b.rng.pick([...scenarios, ...valueScenarios])(b, name);
    if (b.rng.chance(0.15)) b.mainBody.push('runtime.GC()');
  }
  const main = ['func main() {', ...indent([...b.mainBody, ...ending(b)]), '}'];
  return `${prelude}\n${[...b.decls, main.join('\n')].join('\n\n')}\n`;
}
