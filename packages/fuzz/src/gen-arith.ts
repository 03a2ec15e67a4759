// Typed integer arithmetic of every width: + - * / % << >> & | ^ &^, unary - ^, conversions, comparisons,
// op-assignments, wraparound at the edges (min, max, -1, 0), shifts by counts past the width and by negative
// counts, untyped constant shifts typed by their context. Every expression holds at least one variable, so
// nothing folds to a constant that `go build` would reject (overflow, division by a constant zero).
import { Builder, indent, quote } from './builder.js';
import type { Rng } from './rng.js';

export interface IntType {
  readonly name: string;
  readonly bits: number;
  readonly signed: boolean;
}

export const intTypes: readonly IntType[] = [
  { name: 'int8', bits: 8, signed: true },
  { name: 'int16', bits: 16, signed: true },
  { name: 'int32', bits: 32, signed: true },
  { name: 'int64', bits: 64, signed: true },
  { name: 'int', bits: 64, signed: true },
  { name: 'uint8', bits: 8, signed: false },
  { name: 'uint16', bits: 16, signed: false },
  { name: 'uint32', bits: 32, signed: false },
  { name: 'uint64', bits: 64, signed: false },
  { name: 'uint', bits: 64, signed: false },
  { name: 'uintptr', bits: 64, signed: false },
];

export function minOf(t: IntType): bigint {
  return t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
}

export function maxOf(t: IntType): bigint {
  return t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
}

/** A value of t, biased to the edges where wraparound and sign bugs live. */
export function valueOf(rng: Rng, t: IntType): bigint {
  const lo = minOf(t);
  const hi = maxOf(t);
  const edges = [0n, 1n, 2n, 7n, hi, hi - 1n, lo, lo + 1n, t.signed ? -1n : hi >> 1n, t.signed ? -2n : (hi >> 1n) + 1n];
  if (rng.chance(0.55)) return rng.pick(edges);
  const span = hi - lo + 1n;
  const small = BigInt(rng.range(-300, 300));
  const v = rng.chance(0.5) ? small : rng.u64();
  return lo + ((((v - lo) % span) + span) % span);
}

interface Var {
  readonly name: string;
  readonly type: IntType;
}

class Arith {
  readonly vars: Var[] = [];
  readonly body: string[] = [];
  constructor(readonly b: Builder, readonly rng: Rng, readonly tag: string) {}

  declare(t: IntType, value = valueOf(this.rng, t)): Var {
    const v = { name: this.b.fresh('v'), type: t };
    this.body.push(`var ${v.name} ${t.name} = ${value}`);
    this.vars.push(v);
    return v;
  }

  varOf(t: IntType): Var {
    const same = this.vars.filter((v) => v.type === t);
    return same.length > 0 && this.rng.chance(0.8) ? this.rng.pick(same) : this.declare(t);
  }

  /** A literal of t (never zero when it will divide). */
  literal(t: IntType, nonzero: boolean): string {
    let v = valueOf(this.rng, t);
    if (nonzero && v === 0n) v = 1n;
    return v < 0n ? `(${v})` : `${v}`;
  }

  /** An expression of type t; `needVar` = it must not be constant. */
  expr(t: IntType, depth: number, needVar = true, divisor = false): string {
    if (depth <= 0 || this.rng.chance(0.3)) {
      const r = this.rng.int(10);
      if (!needVar && r < 2) return this.literal(t, divisor);
      if (r < 4) {
        const from = this.rng.pick(intTypes);
        return from === t ? this.varOf(t).name : `${t.name}(${this.varOf(from).name})`;
      }
      return this.varOf(t).name;
    }
    const k = this.rng.int(12);
    if (k < 1) return `${this.rng.pick(['-', '^', '+'])}(${this.expr(t, depth - 1)})`;
    if (k < 3) return `${this.paren(this.expr(t, depth - 1))} ${this.rng.pick(['<<', '>>'])} ${this.shiftCount()}`;
    const op = this.divOK(t, this.rng.pick(['+', '-', '*', '/', '%', '&', '|', '^', '&^', '+', '-', '*']));
    const leftVar = this.rng.chance(0.5);
    const l = this.expr(t, depth - 1, leftVar);
    const r = this.expr(t, depth - 1, !leftVar, op === '/' || op === '%');
    return `${this.paren(l)} ${op} ${this.paren(r)}`;
  }

  /** The operator, or `-` for a division the run leaves out. */
  divOK(t: IntType, op: string): string {
    return !t.signed && /^[/%]=?$/.test(op) && !this.b.allows('unsigned-div') ? op.replace(/[/%]/, '-') : op;
  }

  paren(e: string): string {
    return /^[\w().-]+$/.test(e) ? e : `(${e})`;
  }

  /** A shift count: a small constant, an unsigned variable up to past 64, or (rarely) a signed one. */
  shiftCount(constantOK = true): string {
    const r = this.rng.range(constantOK ? 0 : 3, 9);
    if (r < 3) return `${this.rng.range(0, 63)}`;
    const t = r < 9 ? this.rng.pick(intTypes.filter((x) => !x.signed)) : this.rng.pick(intTypes.filter((x) => x.signed));
    const v = this.declare(t, r < 9 ? BigInt(this.rng.pick([0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 200].filter((n) => BigInt(n) <= maxOf(t)))) : BigInt(this.rng.range(-2, 9)));
    return v.name;
  }

  print(label: string, e: string): void {
    if (this.rng.chance(0.15)) this.body.push(`print(${quote(`${this.tag} ${label} `)}, ${e}, "\\n")`);
    else this.body.push(`println(${quote(this.tag)}, ${quote(label)}, ${e})`);
  }

  statement(i: number): void {
    const t = this.rng.pick(intTypes);
    const k = this.rng.int(10);
    if (k < 5) return this.print(`e${i}`, this.expr(t, this.rng.range(1, 3)));
    if (k < 7) {
      const v = this.varOf(t);
      const op = this.divOK(t, this.rng.pick(['+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '&^=', '<<=', '>>=', '++', '--']));
      if (op === '++' || op === '--') this.body.push(`${v.name}${op}`);
      else if (op === '<<=' || op === '>>=') this.body.push(`${v.name} ${op} ${this.shiftCount()}`);
      else this.body.push(`${v.name} ${op} ${this.expr(t, 1, false, op === '/=' || op === '%=')}`);
      return this.print(`a${i}`, v.name);
    }
    if (k < 8) {
      const cmp = this.rng.pick(['==', '!=', '<', '<=', '>', '>=']);
      return this.print(`c${i}`, `${this.paren(this.expr(t, 1))} ${cmp} ${this.paren(this.expr(t, 1, false))}`);
    }
    if (k < 9 && this.b.allows('untyped-shift')) {
      // An untyped constant shifted by a variable takes the type of its context.
      const z = this.b.fresh('z');
      this.body.push(`var ${z} ${t.name} = ${this.rng.pick(maxOf(t) >= 255n ? ['1', '3', '255'] : ['1', '3'])} << ${this.shiftCount(false)}`);
      return this.print(`u${i}`, z);
    }
    const to = this.rng.pick(intTypes);
    this.print(`x${i}`, `${to.name}(${this.expr(t, 1)})`);
  }
}

/** A function of typed arithmetic that main calls under protect (a division by zero or negative shift ends it). */
export function arithScenario(b: Builder, name: string): void {
  const a = new Arith(b, b.rng, name);
  const n = b.rng.range(4, 12);
  for (let i = 0; i < n; i++) a.statement(i);
  // Every variable is used at least once, as go build demands.
  a.body.push(`println(${quote(name)}, ${a.vars.map((v) => v.name).join(', ')})`);
  b.decl([`func ${name}() {`, ...indent(a.body), '}']);
  b.mainBody.push(`protect(${quote(name)}, ${name})`);
}
