// Float and complex arithmetic: + - * / on float32, float64, complex64, complex128 with values at the edges
// (signed zeros, NaN and ±Inf made at run time, the largest and smallest magnitudes, values that round in float32),
// comparisons (NaN unordered), conversions to and from integers of every width and between float widths, and
// complex/real/imag. Every expression holds a variable, so nothing folds to a constant `go build` would reject
// (overflow, division by a constant zero).
import { Builder, indent, quote } from './builder.js';
import { intTypes } from './gen-arith.js';
import type { Rng } from './rng.js';

const floatTypes = ['float32', 'float64'] as const;
const complexTypes = ['complex64', 'complex128'] as const;
type NumType = (typeof floatTypes)[number] | (typeof complexTypes)[number];

/** Literal values, biased to where rounding and IEEE special cases live (all finite in float32 after rounding). */
const literals = ['0', '1', '-1', '0.1', '0.5', '1.5', '-2.25', '3', '1e-3', '1e10', '16777217', '1e-40', '3.4e38', '1e300', '-1e-300', '0x1p-149', '123456.789'];

const fits32 = (lit: string): boolean => !['1e300', '-1e-300'].includes(lit);

interface Var { readonly name: string; readonly type: NumType }

class Floats {
  readonly vars: Var[] = [];
  readonly body: string[] = [];
  constructor(readonly b: Builder, readonly rng: Rng, readonly tag: string) {}

  literal(t: NumType): string {
    const is32 = t === 'float32' || t === 'complex64';
    const pool = is32 ? literals.filter(fits32) : literals;
    const x = this.rng.pick(pool);
    if (t.startsWith('complex')) return `complex(${x}, ${this.rng.pick(pool)})`;
    return x.startsWith('-') ? `(${x})` : x;
  }

  declare(t: NumType): Var {
    const v = { name: this.b.fresh('f'), type: t };
    this.body.push(`var ${v.name} ${t} = ${this.literal(t)}`);
    this.vars.push(v);
    return v;
  }

  varOf(t: NumType): Var {
    const same = this.vars.filter((v) => v.type === t);
    return same.length > 0 && this.rng.chance(0.75) ? this.rng.pick(same) : this.declare(t);
  }

  /** An expression of type t (`needVar`: it must not be constant). */
  expr(t: NumType, depth: number, needVar = true): string {
    if (depth <= 0 || this.rng.chance(0.3)) {
      const r = this.rng.int(10);
      if (!needVar && r < 3) return this.literal(t);
      if (r < 5) return this.converted(t);
      return this.varOf(t).name;
    }
    const k = this.rng.int(10);
    if (k < 1) return `-${this.paren(this.expr(t, depth - 1))}`;
    const op = this.rng.pick(['+', '-', '*', '/', '+', '*']);
    const leftVar = this.rng.chance(0.5);
    return `${this.paren(this.expr(t, depth - 1, leftVar))} ${op} ${this.paren(this.expr(t, depth - 1, !leftVar))}`;
  }

  /** A value of t converted from another numeric variable. */
  converted(t: NumType): string {
    if (t.startsWith('complex')) {
      const from = this.rng.pick(complexTypes);
      return from === t ? this.varOf(t).name : `${t}(${this.varOf(from).name})`;
    }
    if (this.rng.chance(0.5)) return `${t}(${this.varOf(this.rng.pick(floatTypes)).name})`;
    const it = this.rng.pick(intTypes);
    const n = this.b.fresh('n');
    this.body.push(`var ${n} ${it.name} = ${this.rng.pick(['0', '1', '7', '100', it.signed ? '-3' : '3'])}`);
    this.body.push(`${n} = ${n}*${n}*${n} + ${n}`);
    this.body.push(`_ = ${n}`);
    return `${t}(${n})`;
  }

  paren(e: string): string {
    return /^[\w.]+$/.test(e) ? e : `(${e})`;
  }

  print(label: string, e: string): void {
    this.body.push(`println(${quote(this.tag)}, ${quote(label)}, ${e})`);
  }

  statement(i: number): void {
    const t = this.rng.pick([...floatTypes, ...floatTypes, ...complexTypes]);
    const k = this.rng.int(10);
    if (k < 4) return this.print(`e${i}`, this.expr(t, this.rng.range(1, 3)));
    if (k < 5) {
      // NaN, ±Inf and -0 made at run time
      const z = this.varOf(t.startsWith('complex') ? 'float64' : t);
      const zero = `(${z.name} - ${z.name})`;
      return this.print(`s${i}`, `${zero} / ${zero}, 1 / ${zero}, -1 / ${zero}, -${zero}, 1 / -${zero}`);
    }
    if (k < 7) {
      const v = this.varOf(t);
      const op = this.rng.pick(['+=', '-=', '*=', '/=', '++', '--']);
      if (op === '++' || op === '--') this.body.push(`${v.name}${op}`);
      else this.body.push(`${v.name} ${op} ${this.expr(t, 1, false)}`);
      return this.print(`a${i}`, v.name);
    }
    if (k < 8) {
      const cmp = t.startsWith('complex') ? this.rng.pick(['==', '!=']) : this.rng.pick(['==', '!=', '<', '<=', '>', '>=']);
      return this.print(`c${i}`, `${this.paren(this.expr(t, 1))} ${cmp} ${this.paren(this.expr(t, 1, false))}`);
    }
    if (k < 9 && t.startsWith('complex')) {
      const c = this.expr(t, 1);
      return this.print(`r${i}`, `real(${c}), imag(${c})`);
    }
    // to an integer: small magnitudes only (out of range is implementation-specific beyond amd64's)
    const f = this.varOf(t.startsWith('complex') ? 'float64' : t);
    const to = this.rng.pick(intTypes);
    const g = this.b.fresh('g');
    this.body.push(`${g} := ${f.name}`);
    this.body.push(`if ${g} != ${g} || ${g} > 100 || ${g} < -100 {`, `\t${g} = 42.75`, '}');
    if (!to.signed) this.body.push(`if ${g} < 0 {`, `\t${g} = -${g}`, '}');
    this.print(`x${i}`, `${to.name}(${g})`);
  }
}

/** A function of float and complex arithmetic that main calls under protect. */
export function floatScenario(b: Builder, name: string): void {
  const a = new Floats(b, b.rng, name);
  const n = b.rng.range(4, 10);
  for (let i = 0; i < n; i++) a.statement(i);
  a.body.push(`println(${quote(name)}, ${a.vars.map((v) => v.name).join(', ')})`);
  b.decl([`func ${name}() {`, ...indent(a.body), '}']);
  b.mainBody.push(`protect(${quote(name)}, ${name})`);
}
