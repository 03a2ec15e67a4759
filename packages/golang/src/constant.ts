/** Compile-time constant values: exact integers (bigint), booleans and byte strings. */
import type { Rat } from './constant-float.js';
import { ratString } from './constant-float.js';
import type { Type } from './types.js';
import { intInfo, underlying } from './types.js';

export type ConstValue =
  | { kind: 'int'; value: bigint }
  | { kind: 'bool'; value: boolean }
  /** A byte string: one JS char per byte (0..255). */
  | { kind: 'string'; value: string }
  /** An exact rational (untyped float; a typed float constant holds its rounded value). */
  | { kind: 'float'; value: Rat }
  | { kind: 'complex'; re: Rat; im: Rat };

export function intConst(v: bigint | number): ConstValue {
  return { kind: 'int', value: BigInt(v) };
}

/** Does v fit in t (an integer type)? Untyped kinds are unbounded. */
export function representable(v: bigint, t: Type): boolean {
  const { bits, signed } = intInfo(t);
  if (bits === 0) return true;
  if (signed) {
    const lim = 1n << BigInt(bits - 1);
    return v >= -lim && v < lim;
  }
  return v >= 0n && v < 1n << BigInt(bits);
}

export function constString(c: ConstValue): string {
  switch (c.kind) {
    case 'int': return c.value.toString();
    case 'bool': return String(c.value);
    case 'string': return JSON.stringify(c.value);
    case 'float': return ratString(c.value);
    case 'complex': return `(${ratString(c.re)} + ${ratString(c.im)}i)`;
  }
}

/** Wrap an integer to the width of t (for typed constant conversions that Go allows only when representable). */
export function wrapInt(v: bigint, t: Type): bigint {
  const u = underlying(t);
  const { bits, signed } = intInfo(u);
  if (bits === 0) return v;
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}
