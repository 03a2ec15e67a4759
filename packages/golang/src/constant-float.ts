/**
 * Untyped float and complex constants as exact rationals over bigint (go/constant's ratVal), their rounding to
 * IEEE float32/float64 (round to nearest even, as big.Float does) and their printing in messages (%.6g).
 * Invariant: a Rat has den > 0 and gcd(|num|, den) = 1.
 */

export interface Rat { readonly num: bigint; readonly den: bigint }

/** Largest decimal/binary exponent gosim folds exactly; beyond it a literal is refused. */
export const MaxConstExp = 10000;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) { const t = a % b; a = b; b = t; }
  return a;
}

export function rat(num: bigint, den = 1n): Rat {
  if (den < 0n) { num = -num; den = -den; }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ratZero: Rat = { num: 0n, den: 1n };
export const ratAdd = (a: Rat, b: Rat): Rat => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratSub = (a: Rat, b: Rat): Rat => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const ratMul = (a: Rat, b: Rat): Rat => rat(a.num * b.num, a.den * b.den);
/** b must be non-zero. */
export const ratQuo = (a: Rat, b: Rat): Rat => rat(a.num * b.den, a.den * b.num);
export const ratNeg = (a: Rat): Rat => ({ num: -a.num, den: a.den });
export const ratCmp = (a: Rat, b: Rat): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const ratIsInt = (a: Rat): boolean => a.den === 1n;

function bitLen(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** IEEE formats: mantissa bits (with the hidden one), minimum and maximum exponent of the leading bit. */
export const F64 = { p: 53, emin: -1022, emax: 1023 } as const;
export const F32 = { p: 24, emin: -126, emax: 127 } as const;
export type FloatFormat = typeof F64 | typeof F32;

/** The value of r rounded to nearest even in format f, or ±Infinity when it overflows. */
export function ratToFloat(r: Rat, f: FloatFormat = F64): number {
  if (r.num === 0n) return 0;
  const neg = r.num < 0n;
  const a = neg ? -r.num : r.num;
  const b = r.den;
  // q = floor(a * 2^s / b) with at least p + 2 bits, sticky = remainder != 0
  let s = f.p + 2 - (bitLen(a) - bitLen(b));
  let q = 0n;
  let sticky = false;
  for (;;) {
    const n = s >= 0 ? a << BigInt(s) : a;
    const d = s >= 0 ? b : b << BigInt(-s);
    q = n / d;
    sticky = n % d !== 0n;
    if (bitLen(q) >= f.p + 2) break;
    s++;
  }
  const e = bitLen(q) - 1 - s; // exponent of the leading bit
  if (e > f.emax) return neg ? -Infinity : Infinity;
  const lsb = Math.max(e - (f.p - 1), f.emin - (f.p - 1));
  const k = BigInt(lsb + s); // bits of q to drop (>= 2)
  let m = q >> k;
  const rest = q & ((1n << k) - 1n);
  const half = 1n << (k - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m++;
  const v = Number(m) * 2 ** lsb;
  const max = f === F64 ? Number.MAX_VALUE : 3.4028234663852886e38;
  if (v > max) return neg ? -Infinity : Infinity;
  return neg ? -v : v;
}

const f64buf = new DataView(new ArrayBuffer(8));

/** The exact rational value of a finite double. */
export function floatToRat(x: number): Rat {
  if (x === 0) return ratZero;
  f64buf.setFloat64(0, x);
  const bits = f64buf.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const ex = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (ex === 0) e = -1074;
  else { mant |= 1n << 52n; e = ex - 1075; }
  const n = neg ? -mant : mant;
  return e >= 0 ? rat(n << BigInt(e)) : rat(n, 1n << BigInt(-e));
}

/** IEEE bits of a double (as int64) and of a float32 (as a uint32 in a bigint). */
export function float64Bits(x: number): bigint {
  f64buf.setFloat64(0, x);
  return f64buf.getBigInt64(0);
}
export function float32Bits(x: number): bigint {
  f64buf.setFloat32(0, x);
  return BigInt(f64buf.getUint32(0));
}

/** A float literal (decimal or hexadecimal, `_` allowed), or undefined when its exponent is out of gosim's range. */
export function parseFloatLit(raw0: string): Rat | undefined {
  const raw = raw0.replace(/_/g, '').toLowerCase();
  if (raw.startsWith('0x')) {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(raw);
    if (!m) return undefined;
    const int = m[1] ?? '';
    const frac = m[2] ?? '';
    const exp = Number(m[3] ?? '0') - 4 * frac.length;
    if (Math.abs(exp) > MaxConstExp * 4) return undefined;
    const mant = BigInt('0x' + (int + frac || '0'));
    return exp >= 0 ? rat(mant << BigInt(exp)) : rat(mant, 1n << BigInt(-exp));
  }
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(raw);
  if (!m) return undefined;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') - frac.length;
  if (Math.abs(exp) > MaxConstExp) return undefined;
  const mant = BigInt(int + frac || '0');
  return exp >= 0 ? rat(mant * 10n ** BigInt(exp)) : rat(mant, 10n ** BigInt(-exp));
}

/** Go's %g with precision prec (shortest with `prec` significant digits, exponent at least two digits). */
export function formatG(x: number, prec = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [m0, e0] = x.toExponential(prec - 1).split('e') as [string, string];
  const exp = Number(e0);
  const digits = m0.replace(/\.?0+$/, '');
  if (exp < -4 || exp >= prec) {
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${digits}e${exp < 0 ? '-' : '+'}${es}`;
  }
  return String(Number(x.toPrecision(prec)));
}

/** A rational as go/constant prints a float constant: %.6g, also outside float64's range. */
export function ratString(r: Rat): string {
  const x = ratToFloat(r);
  if (Number.isFinite(x) && (x !== 0 || r.num === 0n)) return formatG(x);
  // out of range: the decimal exponent and a 6-digit mantissa from the exact value
  const neg = r.num < 0n;
  const a = neg ? -r.num : r.num;
  let e = a.toString().length - r.den.toString().length;
  const scaled = (k: number): Rat => (k >= 0 ? rat(a, r.den * 10n ** BigInt(k)) : rat(a * 10n ** BigInt(-k), r.den));
  let m = ratToFloat(scaled(e));
  if (m >= 10) { e++; m = ratToFloat(scaled(e)); }
  if (m < 1) { e--; m = ratToFloat(scaled(e)); }
  const ms = String(Number(m.toPrecision(6)));
  return `${neg ? '-' : ''}${ms}e${e < 0 ? '-' : '+'}${Math.abs(e) < 10 ? '0' : ''}${Math.abs(e)}`;
}
