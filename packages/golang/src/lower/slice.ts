/**
 * Slices and strings: slice literals (backing array on the stack or the heap, as escape analysis decided), slice
 * expressions (SLICE: bounds checks and the new header), append (GROWSLICE when the capacity is short, then the
 * stores), copy, the string conversions, and the implicit slice of a variadic call.
 */
import { Op, SliceFlag } from '@gosim/program';
import type * as A from '../ast.js';
import { T, sizeof, underlying, type ArrayType, type PointerType, type Signature, type SliceType, type Type } from '../types.js';
import { multi } from './assign.js';
import { evalList } from './call.js';
import { allocInit, val } from './expr.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { index, place, placeAddr, store } from './place.js';
import { isSigned } from './typeinfo.js';

/** A slice header {p, n, n} in a fresh temporary. */
function header(fn: FnLower, t: Type, p: Loc, n: number): Loc {
  const d = fn.tmp(t);
  fn.f.emit(Op.MOV, d, p);
  fn.imm(n, at(d, 8));
  fn.f.emit(Op.MOV, at(d, 16), at(d, 8));
  return d;
}

/** A new backing array of n elements (stack slot or heap) holding the values, as a slice of type t. */
function backed(fn: FnLower, t: Type, n: number, heap: boolean, items: { idx: number; v: Loc; t: Type }[]): Loc {
  const elem = (underlying(t) as SliceType).elem;
  const arr: ArrayType = { kind: 'array', len: n, elem };
  const p = allocInit(fn, arr, heap);
  const es = sizeof(elem);
  for (const it of items) store(fn, { k: 'mem', base: p, off: it.idx * es }, elem, it.v);
  return header(fn, t, p, n);
}

/** `[]T{...}`: the elements are evaluated first, then the array is allocated and filled. */
export function sliceLit(fn: FnLower, e: A.CompositeLit): Loc {
  const elts = e.elts.map((x) => (x.kind === 'KeyValueExpr' ? x.value : x));
  const vals = elts.map((v) => fn.own(val(fn, v), v.type!));
  const elem = (underlying(e.type!) as SliceType).elem;
  return backed(fn, e.type!, e.litLen ?? elts.length, e.heap !== false, vals.map((v, i) => ({ idx: e.indexOf?.[i] ?? i, v, t: elem })));
}

/** f(a, b, c) of a variadic f(a T0, xs ...T): the arguments with the extras packed into a slice (nil if none). */
export function variadicArgs(fn: FnLower, e: A.CallExpr, sig: Signature): Loc[] {
  const n = sig.params.length;
  const st = sig.params[n - 1]!;
  const tuple = e.args.length === 1 && e.args[0]!.type?.kind === 'tuple' ? e.args[0]!.type.types : undefined;
  // f(g()): g's results, each converted to its parameter's (or the element's) type
  const vals = tuple ? multi(fn, e.args[0]!, tuple.map((_, i) => (i < n - 1 ? sig.params[i]! : (underlying(st) as SliceType).elem))) : evalList(fn, e.args);
  const extras = vals.slice(n - 1);
  const elem = (underlying(st) as SliceType).elem;
  const packed = extras.length === 0 ? fn.zeroValue(st) : backed(fn, st, extras.length, e.heap !== false, extras.map((v, i) => ({ idx: i, v, t: elem })));
  return [...vals.slice(0, n - 1), packed];
}

/** x[i:j] and x[i:j:k] of a string, slice, addressable array or pointer to an array. */
export function sliceExpr(fn: FnLower, e: A.SliceExpr): Loc {
  const f = fn.f;
  const xt = underlying(e.x.type!);
  const blk = f.tmp(48, [0]);
  let flags = 0;
  let es = 1;
  if (xt.kind === 'basic') {
    const s = val(fn, e.x);
    f.emit(Op.MOVN, blk, s, 16);
    flags |= SliceFlag.LenBound | SliceFlag.Str;
  } else if (xt.kind === 'slice') {
    f.emit(Op.MOVN, blk, val(fn, e.x), 24);
    es = sizeof(xt.elem);
  } else {
    let arr: ArrayType;
    if (xt.kind === 'pointer') {
      arr = underlying(xt.elem) as ArrayType;
      const p = val(fn, e.x);
      f.emit(Op.LOAD1, fn.noOperand(), p, 0); // nil check
      f.emit(Op.MOV, blk, p);
    } else {
      arr = xt as ArrayType;
      f.emit(Op.MOV, blk, placeAddr(fn, place(fn, e.x)));
    }
    fn.imm(arr.len, at(blk, 8));
    f.emit(Op.MOV, at(blk, 16), at(blk, 8));
    flags |= SliceFlag.LenBound;
    es = sizeof(arr.elem);
  }
  const idx = (x: A.Expr | undefined, off: number, unsignedBit: number, dflt: number | undefined): void => {
    if (x) {
      f.emit(Op.MOV, at(blk, off), index(fn, x));
      if (!isSigned(x.type!)) flags |= unsignedBit;
    } else if (dflt === undefined) f.emit(Op.MOV, at(blk, off), at(blk, 8));
    else fn.imm(dflt, at(blk, off));
  };
  idx(e.low, 24, SliceFlag.UnsignedI, 0);
  idx(e.high, 32, SliceFlag.UnsignedJ, undefined);
  if (e.max) {
    idx(e.max, 40, SliceFlag.UnsignedK, undefined);
    flags |= SliceFlag.Three;
  }
  const d = fn.tmp(e.type!);
  f.emit(Op.SLICE, d, blk, flags | (es << SliceFlag.ElemShift));
  return d;
}

/** (*[N]T)(s): s's array pointer once len(s) >= N is checked (SLICE with Convert: Go's panicSliceConvert). */
export function sliceToArrayPointer(fn: FnLower, x: A.Expr, t: Type): Loc {
  const f = fn.f;
  const arr = underlying((underlying(t) as PointerType).elem) as ArrayType;
  const blk = f.tmp(48, [0]);
  f.emit(Op.MOVN, blk, val(fn, x), 24);
  fn.imm(arr.len, at(blk, 32));
  const d = fn.ptrTmp();
  f.emit(Op.SLICE, d, blk, SliceFlag.Convert);
  return d;
}

/** append(s, x...) and copy(dst, src). */
export function sliceBuiltin(fn: FnLower, e: A.CallExpr): Loc[] {
  const f = fn.f;
  const tuple = e.args[0]!.type!.kind === 'tuple' ? e.args[0]!.type!.types : undefined; // append(f())
  const st = tuple ? (e.builtin === 'copy' ? tuple[0]! : e.type!) : e.args[0]!.type!;
  const elem = (underlying(st) as SliceType).elem;
  const es = sizeof(elem);
  const vals = !tuple ? evalList(fn, e.args) : multi(fn, e.args[0]!, e.builtin === 'copy' ? tuple : tuple.map((_, i) => (i === 0 ? st : elem)));
  if (e.builtin === 'copy') return [emitCopy(fn, vals[0]!, vals[1]!, es)];
  const s = fn.tmp(st);
  fn.copyReg(s, vals[0]!, st);
  if (!e.ellipsis && vals.length === 1) return [s];
  const oldLen = fn.word();
  f.emit(Op.MOV, oldLen, at(s, 8));
  const newLen = fn.word();
  if (e.ellipsis) f.emit(Op.ADD, newLen, oldLen, at(vals[1]!, 8));
  else f.emit(Op.ADDI, newLen, oldLen, vals.length - 1);
  const fits = fn.byte();
  const done = f.label();
  f.emit(Op.LEU, fits, newLen, at(s, 16));
  f.emit(Op.JNZ, fits, done);
  f.emit(Op.GROWSLICE, s, fn.typeId(elem), newLen);
  f.bind(done);
  // the first new element's address (after growslice: the array may be new)
  const base = fn.ptrTmp();
  if (es === 1) f.emit(Op.ADD, base, s, oldLen);
  else {
    const o = fn.word();
    f.emit(Op.MUL, o, oldLen, fn.imm(es));
    f.emit(Op.ADD, base, s, o);
  }
  if (e.ellipsis) {
    const blk = f.tmp(32, [0, 2]);
    f.emit(Op.MOV, blk, base);
    f.emit(Op.MOV, at(blk, 8), at(vals[1]!, 8));
    f.emit(Op.MOVN, at(blk, 16), vals[1]!, 16);
    f.emit(Op.SLICECOPY, fn.word(), blk, es);
  } else {
    vals.slice(1).forEach((v, i) => store(fn, { k: 'mem', base, off: i * es }, elem, v));
  }
  f.emit(Op.MOV, at(s, 8), newLen);
  return [s];
}

/** copy(dst, src) of evaluated operands (src a slice or a string): the count copied. */
export function emitCopy(fn: FnLower, dst: Loc, src: Loc, es: number): Loc {
  const blk = fn.f.tmp(32, [0, 2]);
  fn.f.emit(Op.MOVN, blk, dst, 16);
  fn.f.emit(Op.MOVN, at(blk, 16), src, 16);
  const n = fn.word();
  fn.f.emit(Op.SLICECOPY, n, blk, es);
  return n;
}

/** string(i), string(bytes), string(runes), []byte(s), []rune(s). */
export function stringConversion(fn: FnLower, e: A.CallExpr): Loc {
  const f = fn.f;
  const x = e.args[0]!;
  const t = e.typeArg ?? e.type!;
  const stackBuf = (bytes: number): Loc | number => (e.heap === false ? f.local('perm', bytes, [], 'buf') : -1);
  switch (e.convKind!) {
    case 'intToString': {
      const d = fn.tmp(T.string);
      f.emit(Op.RUNETOSTR, d, fn.toWord(val(fn, x), x.type!));
      return d;
    }
    case 'stringToBytes': {
      const cv = x.constValue;
      if (cv?.kind === 'string') {
        // a constant: an array of exactly its length, filled from the data segment
        const n = cv.value.length;
        const s = fn.stringConst(cv.value);
        const arr: ArrayType = { kind: 'array', len: n, elem: T.uint8 };
        const p = allocInit(fn, arr, e.heap !== false || n > 64 * 1024);
        const blk = f.tmp(32, [0, 2]);
        f.emit(Op.MOV, blk, p);
        fn.imm(n, at(blk, 8));
        f.emit(Op.MOVN, at(blk, 16), s, 16);
        f.emit(Op.SLICECOPY, fn.word(), blk, 1);
        return header(fn, t, p, n);
      }
      const d = fn.tmp(t);
      f.emit(Op.STRTOBYTES, d, val(fn, x), stackBuf(32));
      return d;
    }
    case 'stringToRunes': {
      const d = fn.tmp(t);
      f.emit(Op.STRTORUNES, d, val(fn, x), stackBuf(128));
      return d;
    }
    case 'bytesToString': case 'runesToString': {
      const d = fn.tmp(T.string);
      f.emit(e.convKind === 'bytesToString' ? Op.BYTESTOSTR : Op.RUNESTOSTR, d, val(fn, x));
      return d;
    }
  }
}
