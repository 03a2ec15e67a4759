/**
 * Go's static initialization (cmd/compile's staticinit): a package variable whose initializer is made only of
 * constants, nil, composite literals of them (arrays, structs, slices; not maps), &T{...} of such a literal and the
 * address of a package variable is laid out in the data segment by the compiler, and the package's init function
 * does not compute it. A slice's backing array and a &T{...} object get data of their own; pointers into the data
 * segment are words the loader rebases (Module.dataAddr). Anything else (calls, other variables' values,
 * interfaces, funcs, empty slices and zero-size objects, whose address Go gives as runtime.zerobase) stays init code.
 */
import type { Module } from '@gosim/program';
import type * as A from '../ast.js';
import type { VarObj } from '../objects.js';
import { intInfo, isBoolean, isComplex, isFloat, isInteger, isInterface, isString, sizeof, underlying, type Type } from '../types.js';
import { floatConstWords } from './float.js';
import { ptrWords } from './typeinfo.js';
import { dataBytes, valueExpr } from './util.js';

/** What static initialization needs of the lowering: the module and the package variables' data offsets. */
export interface StaticData {
  readonly m: Module;
  readonly globals: ReadonlyMap<VarObj, number>;
}

/** Lays out spec's variables in the data segment when every initializer is static; false (nothing written) if not. */
export function staticInit(L: StaticData, spec: A.VarSpec): boolean {
  if (spec.values.length !== spec.names.length) return false;
  const vars = spec.names.map((n) => (n.obj?.kind === 'var' ? n.obj : undefined));
  if (!vars.every((v, i) => v !== undefined && L.globals.has(v) && isStatic(L, spec.values[i]!, v.type))) return false;
  vars.forEach((v, i) => write(L, L.globals.get(v!)!, spec.values[i]!, v!.type));
  return true;
}

const elements = (e: A.CompositeLit): A.Expr[] => e.elts.map((x) => (x.kind === 'KeyValueExpr' ? x.value : x));

/** Can e, as a value of type t, be laid out by the compiler? */
function isStatic(L: StaticData, e: A.Expr, t: Type): boolean {
  e = valueExpr(e);
  if (isInterface(t)) return false;
  if (e.constValue && e.mode === 'constant') return isBoolean(t) || isInteger(t) || isFloat(t) || isComplex(t) || isString(t);
  if (e.mode === 'nil') return true;
  if (e.kind === 'UnaryExpr' && e.op === '&') {
    const x = valueExpr(e.x);
    if (x.kind === 'Ident') return x.obj?.kind === 'var' && L.globals.has(x.obj);
    return x.kind === 'CompositeLit' && sizeof(x.type!) > 0 && isStatic(L, x, x.type!);
  }
  if (e.kind !== 'CompositeLit') return false;
  const u = underlying(t);
  if (u.kind === 'struct') return elements(e).every((v, i) => isStatic(L, v, e.fieldOf![i]!.type));
  if (u.kind === 'array') return elements(e).every((v) => isStatic(L, v, u.elem));
  if (u.kind === 'slice') return (e.litLen ?? e.elts.length) > 0 && sizeof(u.elem) > 0 && elements(e).every((v) => isStatic(L, v, u.elem));
  return false;
}

/** Writes static e (isStatic) as a value of type t at data offset off (zero bytes there already). */
function write(L: StaticData, off: number, e: A.Expr, t: Type): void {
  const m = L.m;
  e = valueExpr(e);
  if (e.mode === 'nil') return;
  const c = e.constValue;
  if (c && e.mode === 'constant') {
    if (c.kind === 'string') {
      if (c.value.length > 0) m.dataAddr(off, dataBytes(m, c.value));
      putWord(m, off + 8, BigInt(c.value.length), 8);
    } else if (c.kind === 'bool') putWord(m, off, c.value ? 1n : 0n, 1);
    else if (isFloat(t) || isComplex(t)) floatConstWords(c, t).forEach((w, i) => putWord(m, off + 8 * i, w, Math.min(8, sizeof(t) - 8 * i)));
    else if (c.kind === 'int') putWord(m, off, BigInt.asUintN(intInfo(t).bits, c.value), sizeof(t));
    return;
  }
  if (e.kind === 'UnaryExpr') {
    const x = valueExpr(e.x);
    if (x.kind === 'Ident') return m.dataAddr(off, L.globals.get(x.obj as VarObj)!);
    const at = m.global(sizeof(x.type!), ptrWords(x.type!)); // &T{...}: a data object holding the literal
    write(L, at, x, x.type!);
    m.dataAddr(off, at);
    return;
  }
  const lit = e as A.CompositeLit;
  const u = underlying(t);
  if (u.kind === 'struct') {
    elements(lit).forEach((v, i) => {
      const fl = lit.fieldOf![i]!;
      if (fl.name !== '_') write(L, off + fl.offset, v, fl.type);
    });
  } else if (u.kind === 'array') {
    const es = sizeof(u.elem);
    elements(lit).forEach((v, i) => write(L, off + (lit.indexOf?.[i] ?? i) * es, v, u.elem));
  } else if (u.kind === 'slice') {
    const n = lit.litLen ?? lit.elts.length;
    m.dataAddr(off, backingArray(L, lit, u.elem, n));
    putWord(m, off + 8, BigInt(n), 8);
    putWord(m, off + 16, BigInt(n), 8);
  }
}

/** The data object a slice literal's n elements of type t live in. */
function backingArray(L: StaticData, lit: A.CompositeLit, t: Type, n: number): number {
  const es = sizeof(t);
  const ptrs: number[] = [];
  for (let i = 0; i < n; i++) ptrWords(t, i * es, ptrs);
  const at = L.m.global(n * es, ptrs);
  elements(lit).forEach((v, i) => write(L, at + (lit.indexOf?.[i] ?? i) * es, v, t));
  return at;
}

/** Stores the low `bytes` bytes of w (little-endian) at data offset off. */
function putWord(m: Module, off: number, w: bigint, bytes: number): void {
  const u = BigInt.asUintN(64, w);
  const d = m.data;
  for (let i = 0; i < bytes; i++) d[off + i] = Number((u >> BigInt(8 * i)) & 0xffn);
}
