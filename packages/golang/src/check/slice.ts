/**
 * Slices and strings (go/types index.go, builtins.go, conversions.go): slice literals and `[...]T{}` arrays,
 * slice expressions, append and copy, the string <-> []byte / []rune / rune conversions, and variadic calls.
 */
import type * as A from '../ast.js';
import { utf8ByteString } from '../lexer.js';
import { unparen } from '../parser.js';
import type { ArrayType, Signature, SliceType, Type } from '../types.js';
import { identical, isInteger, isString, isUntyped, T, typeString, underlying } from '../types.js';
import { addressRoot, ExprChecker } from './expr.js';
import { exprString } from './expr-string.js';

export abstract class SliceChecker extends ExprChecker {
  /** The elements of an array or slice literal of element type elem: their indices; returns the length. */
  protected elements(e: A.CompositeLit, elem: Type, maxLen: number): number {
    e.indexOf = [];
    let idx = 0;
    let len = 0;
    const seen = new Set<number>();
    e.elts.forEach((el, i) => {
      let v = el;
      if (el.kind === 'KeyValueExpr') {
        this.expr(el.key);
        const cv = el.key.constValue;
        if (el.key.mode !== 'constant' || cv?.kind !== 'int') this.fail(el.key.pos, `index ${exprString(el.key)} must be integer constant`);
        if (cv.value < 0n) this.fail(el.key.pos, `index ${exprString(el.key)} must be non-negative integer constant`);
        idx = Number(cv.value);
        v = el.value;
      }
      if (idx >= maxLen) this.fail(v.pos, `index ${idx} out of bounds [0:${maxLen}]`);
      if (seen.has(idx)) this.fail(el.pos, `duplicate index ${idx} in array or slice literal`);
      seen.add(idx);
      // an elided `{...}` of a pointer element type is `&T{...}`
      if (v.kind === 'CompositeLit' && !v.typeExpr && underlying(elem).kind === 'pointer') v = { kind: 'UnaryExpr', pos: v.pos, op: '&', x: v };
      this.expr(v, elem);
      const conv = this.assign(v, elem, 'array or slice literal');
      if (el.kind === 'KeyValueExpr') { el.value = conv; el.type = elem; el.mode = 'value'; } else e.elts[i] = conv;
      e.indexOf!.push(idx);
      idx++;
      len = Math.max(len, idx);
    });
    return len;
  }

  /** `[]T{...}`: the backing array's length is one past the largest index. */
  protected sliceLit(e: A.CompositeLit, u: SliceType): void {
    e.litLen = this.elements(e, u.elem, 2 ** 31);
  }

  /** `[...]T{...}`: an array type whose length is the literal's. */
  protected dotsArray(e: A.CompositeLit, te: A.ArrayTypeExpr): Type {
    const elem = this.typeExpr(te.elem);
    const t: ArrayType = { kind: 'array', len: 0, elem };
    t.len = this.elements(e, elem, 2 ** 31);
    te.type = t;
    te.mode = 'type';
    e.type = t;
    e.mode = 'value';
    return t;
  }

  protected sliceExpr(e: A.SliceExpr): void {
    this.exprInner(e.x, undefined, false);
    this.singleValue(e.x);
    const xt = e.x.type!;
    let u = underlying(xt);
    let length = -1;
    if (isString(xt)) {
      if (e.max) this.fail(e.max.pos, `invalid operation: 3-index slice of string`);
      const cv = e.x.constValue;
      if (cv?.kind === 'string') length = cv.value.length;
      if (isUntyped(xt)) this.convertUntyped(e.x, T.string, 'slice expression');
      e.type = isUntyped(xt) ? T.string : xt;
    } else if (u.kind === 'array') {
      if (e.x.mode !== 'variable') this.fail(e.x.pos, `invalid operation: ${exprString(e.x)} (${this.describeKind(e.x)}) (slice of unaddressable value)`);
      const root = addressRoot(e.x);
      if (root) root.addrTaken = true;
      length = u.len;
      e.type = { kind: 'slice', elem: u.elem };
    } else if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') {
      u = underlying(u.elem) as ArrayType;
      length = u.len;
      e.type = { kind: 'slice', elem: u.elem };
    } else if (u.kind === 'slice') {
      e.type = xt;
    } else this.fail(e.x.pos, `invalid operation: cannot slice ${this.describe(e.x)}`);
    e.mode = 'value';
    const consts: (bigint | undefined)[] = [];
    for (const ix of [e.low, e.high, e.max]) {
      if (!ix) { consts.push(undefined); continue; }
      this.expr(ix);
      this.singleValue(ix);
      if (!isInteger(ix.type!)) this.fail(ix.pos, `invalid argument: index ${this.describe(ix)} must be integer`);
      const cv = ix.constValue;
      if (cv?.kind === 'int') {
        if (cv.value < 0n) this.fail(ix.pos, `invalid argument: index ${exprString(ix)} (constant of type int) must not be negative`);
        if (length >= 0 && cv.value > BigInt(length)) this.fail(ix.pos, `invalid argument: index ${cv.value} out of bounds [0:${length + 1}]`);
        consts.push(cv.value);
      } else consts.push(undefined);
      this.convertUntyped(ix, T.int, 'index');
    }
    // constant indices must be in order
    const idxs = [e.low, e.high, e.max];
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        const a = consts[i];
        const b = consts[j];
        if (a !== undefined && b !== undefined && a > b) this.fail(idxs[j]!.pos, `invalid slice indices: ${b} < ${a}`);
      }
    }
  }

  /** append(s, x...) and copy(dst, src) (builtinCall's dispatch). */
  protected sliceBuiltin(e: A.CallExpr, name: 'append' | 'copy'): void {
    e.callKind = 'builtin';
    e.builtin = name;
    if (e.args.length === 0) this.fail(e.pos, `invalid operation: not enough arguments for ${exprString(e)} (expected 1, found 0)`);
    const s = e.args[0]!;
    if (e.args.length === 1 && !e.ellipsis && unparen(s).kind === 'CallExpr') {
      this.expr(s, undefined, true);
      if (s.type?.kind === 'tuple' && s.mode !== 'novalue') return name === 'append' ? this.appendTuple(e, s.type.types) : this.copyTuple(e, s.type.types);
    }
    this.expr(s);
    this.singleValue(s);
    if (name === 'copy') {
      if (e.ellipsis) this.fail(e.ellipsis, `invalid operation: invalid use of ... with built-in copy`);
      if (e.args.length !== 2) this.fail(e.args.length < 2 ? e.pos : e.args[2]!.pos, `${e.args.length < 2 ? 'not enough' : 'too many'} arguments for ${exprString(e)} (expected 2, found ${e.args.length})`);
      const src = e.args[1]!;
      this.expr(src);
      this.singleValue(src);
      const du = underlying(s.type!);
      const su = underlying(src.type!);
      const strSrc = isString(src.type!) && du.kind === 'slice' && underlying(du.elem) === T.uint8;
      if (du.kind !== 'slice' || (!strSrc && (su.kind !== 'slice' || !identical(du.elem, su.elem)))) {
        this.fail(s.pos, `invalid argument: copy expects slice arguments; found ${this.describe(s)} and ${this.describe(src)}`);
      }
      if (strSrc && isUntyped(src.type!)) this.convertUntyped(src, T.string, 'argument to copy');
      e.type = T.int;
      e.mode = 'value';
      return;
    }
    if (s.mode === 'nil') this.fail(s.pos, `first argument to append must be a typed slice; found untyped nil`);
    const st = s.type!;
    const su = underlying(st);
    if (su.kind !== 'slice') this.fail(s.pos, `first argument to append must be a slice; have ${this.describe(s)}`);
    e.type = st;
    e.mode = 'value';
    if (e.ellipsis) {
      if (e.args.length !== 2) this.fail(e.pos, `can only use ... with final argument in list`);
      const t = e.args[1]!;
      this.expr(t, st);
      this.singleValue(t);
      if (underlying(su.elem) === T.uint8 && isString(t.type!)) {
        if (isUntyped(t.type!)) this.convertUntyped(t, T.string, 'argument to append');
        return;
      }
      e.args[1] = this.assign(t, { kind: 'slice', elem: su.elem }, 'argument to append');
      return;
    }
    for (let i = 1; i < e.args.length; i++) {
      const a = e.args[i]!;
      this.expr(a, su.elem);
      this.singleValue(a);
      e.args[i] = this.assign(a, su.elem, 'argument to append');
    }
  }

  /** copy(f()): f's two results are dst and src (lower/slice.ts takes the tuple). */
  private copyTuple(e: A.CallExpr, ts: Type[]): void {
    const s = e.args[0]!;
    const [du, su] = ts.map((t) => underlying(t));
    const strSrc = ts.length === 2 && isString(ts[1]!) && du?.kind === 'slice' && underlying(du.elem) === T.uint8;
    if (ts.length !== 2 || du?.kind !== 'slice' || (!strSrc && (su?.kind !== 'slice' || !identical(du.elem, su.elem)))) {
      this.fail(s.pos, `invalid argument: copy expects slice arguments; found ${exprString(s)} (value of type ${typeString(s.type!)})`);
    }
    e.type = T.int;
    e.mode = 'value';
  }

  /** append(f()): f's first result is the slice, the others its new elements (lower/slice.ts takes the tuple). */
  private appendTuple(e: A.CallExpr, ts: Type[]): void {
    const s = e.args[0]!;
    const st = ts[0]!;
    const su = underlying(st);
    if (su.kind !== 'slice') this.fail(s.pos, `first argument to append must be a slice; have ${exprString(s)} (value of type ${typeString(st)})`);
    for (const t of ts.slice(1)) {
      if (!this.assignableType(t, su.elem)) this.fail(s.pos, `cannot use ${exprString(s)} (value of type ${typeString(t)}) as ${typeString(su.elem)} value in argument to append`);
    }
    e.type = st;
    e.mode = 'value';
  }

  /**
   * string(i), string(bytes), string(runes), []byte(s), []rune(s): returns false if t from x is none of these.
   * A constant integer gives a constant string (an invalid code point is "\uFFFD").
   */
  protected stringConversion(e: A.CallExpr, x: A.Expr, t: Type): boolean {
    const xt = x.type!;
    if (isString(t) && isInteger(xt)) {
      const cv = x.constValue;
      if (x.mode === 'constant' && cv?.kind === 'int') {
        const v = cv.value;
        const cp = v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn) ? 0xfffd : Number(v);
        e.mode = 'constant';
        e.constValue = { kind: 'string', value: utf8ByteString(cp) };
        return true;
      }
      if (isUntyped(xt)) this.convertUntyped(x, T.int, 'conversion');
      e.convKind = 'intToString';
      return true;
    }
    if (isByteOrRuneSlice(t) && isString(xt)) {
      if (isUntyped(xt)) this.convertUntyped(x, T.string, 'conversion');
      e.convKind = isByteSlice(t) ? 'stringToBytes' : 'stringToRunes';
      return true;
    }
    if (isString(t) && isByteOrRuneSlice(xt)) {
      e.convKind = isByteSlice(xt) ? 'bytesToString' : 'runesToString';
      return true;
    }
    return false;
  }

  /** Arguments of a call of a variadic function: f(a, b, c...) packs the extras; f(a, s...) passes s. */
  protected variadicArgs(e: A.CallExpr, u: Signature, name: string): void {
    const n = u.params.length;
    const last = u.params[n - 1] as SliceType;
    const fixed = u.params.slice(0, n - 1);
    e.args.forEach((a, i) => { if (!a.type) this.expr(a, i < n - 1 ? fixed[i] : e.ellipsis ? last : last.elem); this.singleValue(a); });
    const few = e.ellipsis ? e.args.length < n : e.args.length < n - 1;
    if (few || (e.ellipsis && e.args.length > n)) {
      const have = e.args.map((a) => (a.mode === 'constant' && isUntyped(a.type!) ? 'number' : a.mode === 'nil' ? 'nil' : typeString(a.type!)));
      const want = [...fixed.map(typeString), `...${typeString(last.elem)}`];
      const lastArg = e.args[e.args.length - 1];
      this.fail(few ? (lastArg ? lastArg.pos : e.pos) : e.args[n]!.pos, `${few ? 'not enough' : 'too many'} arguments in call to ${name}\n\thave (${have.join(', ')})\n\twant (${want.join(', ')})`);
    }
    e.args.forEach((a, i) => {
      const t = i < n - 1 ? fixed[i]! : e.ellipsis ? last : last.elem;
      e.args[i] = this.assign(a, t, `argument to ${name}`);
    });
  }
}

/** []byte or []rune (possibly named, with possibly named elements): the slice types a string converts to and from. */
export function isByteOrRuneSlice(t: Type): boolean {
  const u = underlying(t);
  if (u.kind !== 'slice') return false;
  const e = underlying(u.elem);
  return e === T.uint8 || e === T.int32;
}

function isByteSlice(t: Type): boolean {
  return underlying((underlying(t) as SliceType).elem) === T.uint8;
}

