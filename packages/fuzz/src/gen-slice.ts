// Slices and strings: make (with and without a capacity), literals, slices of local arrays (a backing array on
// the stack), append within and past the capacity (growslice's new capacity is printed), copy (overlapping, from a
// string), 2- and 3-index slicing that aliases, range, nil slices, slices of slices, of pointers and of structs;
// strings indexed, sliced, ranged over (multi-byte and invalid UTF-8), converted to and from []byte and []rune,
// string(rune) of valid and invalid code points, concatenation and comparison. A scenario may end in a bounds
// panic (index, slice, 3-index, makeslice) whose message Go prints exactly. Bounds are computed at run time from a
// non-constant k ≥ 0, so every slicing expression is in range by construction until the deliberate last one.
import { Builder, quote } from './builder.js';
import type { Rng } from './rng.js';

/** An element type: how to make one from an int expression and how to fold one back into an int. */
interface Elem {
  readonly type: string;
  readonly decls: (name: string) => string[];
  readonly mk: (k: string) => string;
  readonly dig: string[];
}

function elems(name: string): Elem[] {
  return [
    { type: 'int', decls: () => [], mk: (k) => k, dig: ['return x'] },
    { type: 'byte', decls: () => [], mk: (k) => `byte(${k})`, dig: ['return int(x)'] },
    { type: 'int16', decls: () => [], mk: (k) => `int16(${k} * 1000)`, dig: ['return int(x)'] },
    { type: 'string', decls: (n) => [`var ${n}words = [4]string{"x", "yy", "", "zzz"}`], mk: (k) => `${name}words[(${k})%4]`, dig: ['return len(x) + 1'] },
    {
      type: `${name}T`,
      decls: (n) => [`type ${n}T struct {`, '\ta int', '\ts string', '\tp *int', '}'],
      mk: (k) => `${name}T{a: ${k}, s: "t", p: ${name}box(${k})}`,
      dig: ['if x.p == nil {', '\treturn x.a + len(x.s)', '}', 'return x.a + *x.p*3 + len(x.s)'],
    },
    { type: '*int', decls: () => [], mk: (k) => `${name}box(${k})`, dig: ['if x == nil {', '\treturn -1', '}', 'return *x'] },
  ];
}

class Slices {
  readonly body: string[] = [];
  private vars: string[] = [];
  constructor(readonly b: Builder, readonly rng: Rng, readonly tag: string, readonly e: Elem) {}

  get name(): string {
    return this.tag;
  }

  show(label: string, v: string): void {
    this.body.push(`println(${quote(`${this.tag} ${label}`)}, len(${v}), cap(${v}), ${this.tag}sum(${v}))`);
  }

  lit(n: number): string {
    return `[]${this.e.type}{${Array.from({ length: n }, (_, i) => this.e.mk(`k+${i}`)).join(', ')}}`;
  }

  /** A new slice variable: make, a literal, a nil slice, or a slice of a local array. */
  fresh(): string {
    const v = this.b.fresh('sl');
    const r = this.rng;
    const k = r.int(5);
    if (k === 0) {
      const len = r.range(0, 4);
      this.body.push(r.chance(0.5) ? `${v} := make([]${this.e.type}, ${len}, ${len + r.range(0, 5)})` : `${v} := make([]${this.e.type}, k+${len})`);
    } else if (k === 1) this.body.push(`${v} := ${this.lit(r.range(0, 6))}`);
    else if (k === 2) this.body.push(`var ${v} []${this.e.type}`, `println(${quote(`${this.tag} nil`)}, ${v} == nil, len(${v}), cap(${v}))`);
    else {
      const arr = this.b.fresh('arr');
      const n = r.range(1, 9);
      const lo = r.range(0, n);
      const hi = r.range(lo, n);
      this.body.push(`var ${arr} [${n}]${this.e.type}`, `for i := range ${arr} {`, `\t${arr}[i] = ${this.e.mk('i*7+k')}`, '}', `${v} := ${arr}[${lo}:${hi}]`);
      this.after.push(`println(${quote(`${this.tag} ${arr}`)}, ${this.tag}sum(${arr}[:]))`);
    }
    this.body.push(`_ = ${v}`);
    this.vars.push(v);
    return v;
  }

  /** Lines printed at the end (what the aliasing did to local arrays). */
  readonly after: string[] = [];

  pick(): string {
    return this.vars.length > 0 && this.rng.chance(0.7) ? this.rng.pick(this.vars) : this.fresh();
  }

  /** Run-time bounds lo ≤ hi ≤ max ≤ cap(v), declared as fresh variables; returns their names. */
  bounds(v: string): [string, string, string] {
    const [lo, hi, mx] = [this.b.fresh('lo'), this.b.fresh('hi'), this.b.fresh('mx')];
    const r = this.rng;
    this.body.push(`${lo} := (k + ${r.range(0, 5)}) % (len(${v}) + 1)`, `${hi} := ${lo} + (k+${r.range(0, 5)})%(len(${v})-${lo}+1)`,
      `${mx} := ${hi} + (k+${r.range(0, 5)})%(cap(${v})-${hi}+1)`);
    return [lo, hi, mx];
  }

  op(i: number): void {
    const r = this.rng;
    const v = this.pick();
    const k = r.int(11);
    if (k < 3) {
      const n = r.range(1, 5);
      this.body.push(`${v} = append(${v}, ${Array.from({ length: n }, (_, j) => this.e.mk(`k*${i + 2}+${j}`)).join(', ')})`);
      return this.show(`append${i}`, v);
    }
    if (k < 4) {
      const w = this.pick();
      this.body.push(`${v} = append(${v}, ${w}...)`);
      return this.show(`appendall${i}`, v);
    }
    if (k < 6) {
      const [lo, hi, mx] = this.bounds(v);
      const c = this.b.fresh('sub');
      this.body.push(r.chance(0.5) ? `${c} := ${v}[${lo}:${hi}:${mx}]` : `${c} := ${v}[${lo}:${hi}]`, `_ = ${mx}`);
      this.body.push(`if len(${c}) > 0 {`, `\t${c}[0] = ${this.e.mk(`k+${100 + i}`)}`, '}', `${c} = append(${c}, ${this.e.mk(`k+${200 + i}`)})`);
      this.show(`sub${i}`, c);
      this.vars.push(c);
      return this.show(`alias${i}`, v);
    }
    if (k < 7) {
      const w = this.pick();
      const n = this.b.fresh('n');
      const from = r.chance(0.5) ? `${v}[(k+${r.range(0, 3)})%(len(${v})+1):]` : v;
      this.body.push(`${n} := copy(${from}, ${w})`, `println(${quote(`${this.tag} copy${i}`)}, ${n})`);
      return this.show(`copied${i}`, v);
    }
    if (k < 8) {
      const s = this.b.fresh('acc');
      this.body.push(`${s} := 0`, `for i, x := range ${v} {`, `\t${s} += i * ${this.tag}dig(x)`, `\tif i == 0 {`, `\t\t${v} = append(${v}, x)`, '\t}', '}',
        `println(${quote(`${this.tag} range${i}`)}, ${s})`);
      return this.show(`ranged${i}`, v);
    }
    if (k < 9) {
      const g = this.b.fresh('grid');
      const n = r.range(1, 5);
      this.body.push(`${g} := make([][]${this.e.type}, ${n})`, `for i := range ${g} {`, `\t${g}[i] = append(${g}[i], ${v}[:i%(len(${v})+1)]...)`,
        `\t${g}[i] = append(${g}[i], ${this.e.mk('i')})`, '}', `${g} = append(${g}[1:], ${g}[0])`, 'runtime.GC()',
        `for i := range ${g} {`, `\tprintln(${quote(`${this.tag} ${g}`)}, i, len(${g}[i]), ${this.tag}sum(${g}[i]))`, '}');
      return;
    }
    if (k < 10 && r.chance(0.5)) {
      // range over an array ranges over a copy; over a pointer to it or a slice of it, over the array itself
      const a = this.b.fresh('ra');
      const over = r.pick([a, `&${a}`, `${a}[:]`]);
      this.body.push(`var ${a} [4]int`, `for i, x := range ${over} {`, '	if i+1 < len(' + a + ') {', `		${a}[i+1] = x + i + k`, '	}', `	println(${quote(`${this.tag} ${a}`)}, i, x)`, '}');
      return;
    }
    if (k < 10 && r.chance(0.5)) {
      // the index operands on the left are evaluated before any assignment; append may move the overlapping tail
      this.body.push(`if len(${v}) > 2 {`, '	j := 0', `	j, ${v}[j] = 1, ${v}[1]`, `	${v} = append(${v}[:1], ${v}[2:]...)`, '}');
      return this.show(`shift${i}`, v);
    }
    if (k < 10) {
      this.body.push(`${v} = ${v}[:0]`, `${v} = append(${v}, ${this.e.mk('k')})`);
      return this.show(`reset${i}`, v);
    }
    this.body.push(`for i := len(${v}) - 1; i > 0; i-- {`, `\t${v}[i], ${v}[i-1] = ${v}[i-1], ${v}[i]`, '}');
    this.show(`rotate${i}`, v);
  }

  /** A deliberate bounds or makeslice panic (k ≥ 0 is not constant, so go build accepts it). */
  panicking(): void {
    const v = this.pick();
    const r = this.rng;
    const j = r.range(1, 4);
    this.body.push(r.pick([
      `println(${quote(this.tag)}, ${this.tag}dig(${v}[len(${v})+k+${j - 1}]))`,
      `println(${quote(this.tag)}, len(${v}[k+len(${v})+${j}:]))`,
      `println(${quote(this.tag)}, len(${v}[:cap(${v})+k+${j}]))`,
      `println(${quote(this.tag)}, len(${v}[k+${j}:k]))`,
      `println(${quote(this.tag)}, len(${v}[0:0:cap(${v})+k+${j}]))`,
      `println(${quote(this.tag)}, len(${v}[k:k+${j}:k]))`,
      `println(${quote(this.tag)}, len(make([]${this.e.type}, k-${j + 9})))`,
      `println(${quote(this.tag)}, len(make([]${this.e.type}, k+${j + 9}, k)))`,
      `println(${quote(this.tag)}, ${this.tag}dig(${v}[k-${j + 9}]))`,
    ]));
  }
}

/** Operations on slices of one element type; main calls the function under protect. */
export function sliceScenario(b: Builder, name: string): void {
  const r = b.rng;
  const e = r.pick(elems(name));
  if (e.decls(name).length > 0) b.decl(e.decls(name));
  b.decl([`func ${name}box(k int) *int {`, '\tp := new(int)', '\t*p = k', '\treturn p', '}']);
  b.decl([`func ${name}dig(x ${e.type}) int {`, ...e.dig.map((l) => `\t${l}`), '}']);
  b.decl([`func ${name}sum(xs []${e.type}) int {`, '\ts := 0', '\tfor i, x := range xs {', `\t\ts += (i + 1) * ${name}dig(x)`, '\t}', '\treturn s', '}']);
  const s = new Slices(b, r, name, e);
  s.body.push(`k := sink - sink + ${r.range(0, 6)}`, '_ = k');
  const n = r.range(2, 7);
  for (let i = 0; i < n; i++) s.op(i);
  if (r.chance(0.4)) s.panicking();
  b.scenario(name, [...s.body, ...s.after]);
}

const words = ['go', 'héllo', '世界', '', 'a\\xffb', 'ßü', '\\U0001F600x', 'plain'];

/** Strings: range with UTF-8, conversions, slicing, concatenation, and maybe a bounds panic. */
export function stringScenario(b: Builder, name: string): void {
  const r = b.rng;
  const t = (l: string): string => quote(`${name} ${l}`);
  const w = (): string => `"${r.pick(words)}"`;
  const body = [`k := sink - sink + ${r.range(0, 4)}`, `s := ${w()} + ${w()}`, `for i := 0; i < k%3; i++ {`, `\ts += ${w()}`, '}', `println(${t('len')}, len(s))`];
  const n = r.range(2, 6);
  for (let i = 0; i < n; i++) {
    switch (r.int(9)) {
      case 0:
        body.push(`for i, c := range s {`, `\tprintln(${t(`range${i}`)}, i, c)`, '}');
        break;
      case 1:
        body.push(`rs${i} := []rune(s)`, `println(${t(`runes${i}`)}, len(rs${i}))`, `if len(rs${i}) > 0 {`, `\trs${i}[0] = ${r.pick(["'Z'", "'é'", '0x10FFFF', '-1'])}`, '}',
          `s${i} := string(rs${i})`, `println(${t(`back${i}`)}, len(s${i}), s${i} == s)`);
        break;
      case 2:
        body.push(`bs${i} := []byte(s)`, `if len(bs${i}) > 1 {`, `\tbs${i}[1] = ${r.pick(['0xff', "'q'", '0xc3'])}`, '}', `b${i} := 0`,
          `for _, c := range string(bs${i}) {`, `\tb${i} = b${i}*31 + int(c)`, '}', `println(${t(`bytes${i}`)}, len(bs${i}), b${i}, string(bs${i}) == s)`);
        break;
      case 3:
        body.push(`lo${i} := (k + ${r.range(0, 5)}) % (len(s) + 1)`, `hi${i} := lo${i} + (k+${r.range(0, 9)})%(len(s)-lo${i}+1)`,
          `sub${i} := s[lo${i}:hi${i}]`, `println(${t(`sub${i}`)}, lo${i}, hi${i}, len(sub${i}), sub${i} < s, sub${i} == s[:hi${i}-lo${i}])`);
        break;
      case 4: {
        const c = r.pick(['65', '0xe9', '0x4e16', '0x1F600', '0xD800', '0x110000', '-1', '0x7f']);
        body.push(`r${i} := rune(k + ${c})`, `c${i} := string(r${i})`, `println(${t(`rune${i}`)}, len(c${i}), []rune(c${i})[0], c${i}[0])`);
        break;
      }
      case 5:
        body.push(`h${i} := 0`, `for j := 0; j < len(s); j++ {`, `\th${i} = h${i}*7 + int(s[j])`, '}', `println(${t(`hash${i}`)}, h${i})`);
        break;
      case 6:
        body.push(`cp${i} := make([]byte, k+${r.range(0, 5)})`, `n${i} := copy(cp${i}, s)`, `cp${i} = append(cp${i}, s...)`,
          `println(${t(`copy${i}`)}, n${i}, len(cp${i}), string(cp${i}[:n${i}]) == s[:n${i}])`);
        break;
      case 7:
        body.push(`s = s + string(s[len(s)/2:]) + ${w()}`, `println(${t(`grow${i}`)}, len(s), s > "m", s != "")`);
        break;
      default:
        body.push(`var sb${i} []byte`, `for _, c := range s {`, `\tif c < 128 {`, `\t\tsb${i} = append(sb${i}, byte(c))`, '\t}', '}',
          `println(${t(`ascii${i}`)}, string(sb${i}), len(sb${i}))`);
    }
  }
  if (r.chance(0.4)) {
    body.push(r.pick([`println(${t('oob')}, s[len(s)+k])`, `println(${t('oob')}, s[k:len(s)+k+1])`, `println(${t('oob')}, s[k+1:k])`,
      `println(${t('oob')}, len(s[len(s)+k+1:]))`]));
  }
  b.scenario(name, body);
}
