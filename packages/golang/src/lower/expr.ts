/** Expressions: evaluation into register-form frame operands; constants, conversions to interfaces, composite values, closures, type assertions. */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import { isApiFunc } from '../check/runtime-api.js';
import { T, emptyInterface, intInfo, isInterface, isString, sizeof, underlying, type Type } from '../types.js';
import { call } from './call.js';
import type { FnLower } from './fn.js';
import { FrameCode, at, type Loc } from './frame.js';
import { mapIndexVal, mapLit } from './map.js';
import { binary } from './ops.js';
import { varPlace, varAddr, placeAddr, placeAt, load, store, storeFrame, place, index, nilCheck, type Place } from './place.js';
import { sliceExpr, sliceLit } from './slice.js';
import { isDirectKind, isMidInt, isSigned, ptrWords, regSize, goTypeName } from './typeinfo.js';
import { alignUp8, valueExpr } from './util.js';
import { convIface, ifaceAssertion } from './iface.js';
import { methodValue } from './method.js';
import { floatConst, floatUnary, isFloaty } from './float.js';

/** Evaluate an expression to a register-form value. */
export function val(fn: FnLower, e: A.Expr): Loc {
  e = valueExpr(e);
  const f = fn.f;
  const t = e.type!;
  if (e.constValue && e.mode === 'constant') return constVal(fn, e.constValue, t);
  if (e.mode === 'nil') return fn.zeroValue(t);
  switch (e.kind) {
    case 'ParenExpr': return val(fn, e.x);
    case 'Ident': {
      const o = e.obj;
      if (!o) return fn.fail(`internal compiler error: unresolved ${e.name}`);
      if (o.kind === 'var') return load(fn, varPlace(fn, o), o.type);
      if (o.kind === 'func') return funcval(fn, o.decl.goName!);
      if (o.kind === 'nil') return fn.zeroValue(t);
      if (o.kind === 'const') return constVal(fn, o.value, t);
      if (o.kind === 'builtin') return builtinValue(fn, o.name);
      return fn.fail(`internal compiler error: value of ${e.name}`);
    }
    case 'BasicLit': return fn.fail('internal compiler error: non-constant literal');
    case 'FuncLit': return closure(fn, e);
    case 'CompositeLit': {
      if (underlying(t).kind === 'slice') return sliceLit(fn, e);
      if (underlying(t).kind === 'map') return mapLit(fn, e);
      const d = fn.tmp(t);
      compositeInto(fn, { k: 'frame', loc: d }, e, true);
      return d;
    }
    case 'SelectorExpr':
      if (e.selKind === 'qualified') {
        const o = e.sel.obj;
        if (o?.kind === 'builtin') return builtinValue(fn, o.name);
        if (o?.kind === 'var') return load(fn, place(fn, e), t); // runtime.MemProfileRate, an imported package's
        if (o?.kind === 'func') return funcval(fn, o.decl.goName!);
        return fn.fail(`${e.sel.name} is not supported as a value by gosim`);
      }
      if (e.selKind === 'method' || e.selKind === 'cmethod' || e.selKind === 'mexpr') return methodValue(fn, e); // lower/method.ts
      return load(fn, place(fn, e), t);
    case 'StarExpr':
      return load(fn, place(fn, e), t);
    case 'IndexExpr': {
      const xt = underlying(e.x.type!);
      if (xt.kind === 'map') return mapIndexVal(fn, e);
      if (isString(xt)) {
        const s = val(fn, e.x);
        const i = index(fn, e.index);
        const d = fn.byte();
        if (intInfo(e.index.type!).bits === 64 && !isSigned(e.index.type!)) f.emit(Op.BOUNDS, i, at(s, 8), 1); // shown unsigned
        f.emit(Op.STRINDEX, d, s, i);
        return d;
      }
      return load(fn, place(fn, e), t);
    }
    case 'CallExpr': {
      const r = call(fn, e);
      if (r.length !== 1) return fn.fail('internal compiler error: call used as a value has no single result');
      return r[0]!;
    }
    case 'UnaryExpr': return unary(fn, e);
    case 'BinaryExpr': return binary(fn, e);
    case 'ImplicitConv': return convIface(fn, val(fn, e.x), e.x.type!, e.type!, e.heap !== false); // lower/iface.ts
    case 'TypeAssertExpr': return assertion(fn, e)[0];
    case 'KeyValueExpr': return fn.fail('internal compiler error: key-value outside a composite literal');
    case 'SliceExpr': return sliceExpr(fn, e);
    default: return fn.fail(`${e.kind} is not supported by gosim`);
  }
}

function constVal(fn: FnLower, c: NonNullable<A.Expr['constValue']>, t: Type): Loc {
  if (isFloaty(t)) return floatConst(fn, c, t);
  switch (c.kind) {
    case 'float': case 'complex': return fn.fail('internal compiler error: untyped float constant');
    case 'bool': {
      const d = fn.byte();
      fn.f.emit(Op.IMM1, d, c.value ? 1 : 0);
      return d;
    }
    case 'string': return fn.stringConst(c.value);
    case 'int': {
      if (isInterface(t)) return fn.fail('internal compiler error: untyped constant in interface context');
      if (regSize(t) === 1) {
        const d = fn.byte();
        fn.f.emit(Op.IMM1, d, Number(BigInt.asUintN(8, c.value)));
        return d;
      }
      return fn.imm(c.value);
    }
  }
}

export function funcval(fn: FnLower, name: string): Loc {
  fn.m.funcval(name);
  const d = fn.ptrTmp();
  fn.f.emit(Op.FUNCVAL, d, fn.m.declare(name));
  return d;
}

/** runtime.Goexit / GC / Gosched used as a func value. */
function builtinValue(fn: FnLower, name: string): Loc {
  // runtime.Goexit and the API's package functions are runtime functions with frames (runtime/src/rtapi.ts)
  if (name === 'runtime.Goexit' || isApiFunc(name.slice('runtime.'.length))) return funcval(fn, name);
  // runtime.GC and runtime.Gosched as values: a one-instruction function (Gosched is a no-op here)
  const body = ({ 'runtime.GC': [Op.GC, '$GOROOT/src/runtime/mgc.go'], 'runtime.Gosched': [Op.NOP, '$GOROOT/src/runtime/proc.go'] } as const)[name];
  if (!body) return fn.fail(`${name} is not supported as a value by gosim`);
  fn.L.defineOnce(name, () => {
    const w = new FrameCode(name, body[1]);
    w.emit(body[0]);
    w.emit(Op.RET);
    w.finish(fn.m);
  });
  return funcval(fn, name);
}

export function box(fn: FnLower, v: Loc, xt: Type, heap: boolean): Loc {
  const f = fn.f;
  const d = fn.tmp(emptyInterface);
  const id = fn.typeId(xt);
  if (isDirectKind(xt)) {
    f.emit(Op.IMM, d, id + 1);
    f.emit(Op.MOV, at(d, 8), v);
  } else if (heap) {
    // (a 16/32-bit integer's memory form is the low bytes of its register word: little endian)
    f.emit(Op.BOX, d, id, v);
  } else {
    // a non-escaping conversion: the value is copied into a stack slot of this site
    const slot = f.local('perm', Math.max(sizeof(xt), 1), ptrWords(xt), 'box');
    storeFrame(fn, slot, xt, v);
    f.emit(Op.IMM, d, id + 1);
    f.emit(Op.LEA, at(d, 8), slot);
  }
  return d;
}

function unary(fn: FnLower, e: A.UnaryExpr): Loc {
  const f = fn.f;
  const t = e.type!;
  if (isFloaty(t) && (e.op === '-' || e.op === '+')) return floatUnary(fn, e);
  switch (e.op) {
    case '+': return val(fn, e.x);
    case '-': case '^': {
      const x = fn.toWord(val(fn, e.x), t);
      const w = fn.word();
      f.emit(e.op === '-' ? Op.NEG : Op.COM, w, x);
      return fn.fromWord(w, t);
    }
    case '!': {
      const x = val(fn, e.x);
      const d = fn.byte();
      f.emit(Op.NOT1, d, x);
      return d;
    }
    case '&': return addrOf(fn, e);
    case '<-': {
      const done = fn.hoisted.get(e);
      if (done) return done[0]!;
      const ch = val(fn, e.x);
      const et = t;
      const d = fn.f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
      if (isMidInt(et)) f.emit(Op.IMM, d, 0);
      f.emit(Op.RECV, d, ch, -1);
      return isMidInt(et) ? load(fn, { k: 'frame', loc: d }, et) : d;
    }
  }
}

function addrOf(fn: FnLower, e: A.UnaryExpr): Loc {
  let x = e.x;
  while (x.kind === 'ParenExpr') x = x.x;
  if (x.kind === 'CompositeLit') {
    const pt = underlying(e.type!);
    const et = pt.kind === 'pointer' ? pt.elem : x.type!;
    return allocInit(fn, et, e.heap !== false, (p) => compositeInto(fn, p, x as A.CompositeLit, false));
  }
  if (x.kind === 'Ident' && x.obj?.kind === 'var') return varAddr(fn, x.obj);
  // &*p, &p.f, &p[i]: Go checks p for nil even though nothing is read
  const p = place(fn, x);
  nilCheck(fn, p, true);
  return placeAddr(fn, p);
}

/**
 * A new zeroed object of type t on the heap (NEW) or in a stack slot of this site, initialized by `init`
 * (its values are evaluated before the allocation by the caller when they can reach a safe point).
 */
export function allocInit(fn: FnLower, t: Type, heap: boolean, init?: (p: Place) => void): Loc {
  const f = fn.f;
  if (heap) {
    // evaluate the initializer first (into a frame temporary), then allocate and copy: no half-built object
    // is live across the initializer's calls
    let tmp: Loc | undefined;
    if (init) {
      tmp = fn.f.tmp(Math.max(sizeof(t), 1), ptrWords(t));
      fn.zeroFrame(tmp, t);
      init({ k: 'frame', loc: tmp });
    }
    const p = fn.ptrTmp();
    f.emit(Op.NEW, p, fn.typeId(t));
    if (tmp) store(fn, { k: 'mem', base: p, off: 0 }, t, tmp);
    return p;
  }
  const slot = f.local('perm', Math.max(sizeof(t), 1), ptrWords(t), 'obj');
  fn.zeroFrame(slot, t);
  if (init) init({ k: 'frame', loc: slot });
  const p = fn.ptrTmp();
  f.emit(Op.LEA, p, slot);
  return p;
}

/** Fill a composite literal's elements into a (zeroed unless `zero`) place. */
function compositeInto(fn: FnLower, p: Place, e: A.CompositeLit, zero: boolean): void {
  const t = underlying(e.type!);
  if (zero && p.k === 'frame') fn.zeroFrame(p.loc, e.type!);
  if (t.kind === 'struct') {
    // evaluate every element first (they may call functions), then store
    const vals = e.elts.map((x) => {
      const v = x.kind === 'KeyValueExpr' ? x.value : x;
      return fn.own(val(fn, v), v.type!);
    });
    e.elts.forEach((_, i) => {
      const fl = e.fieldOf![i]!;
      if (fl.name !== '_') store(fn, placeAt(fn, p, fl.offset), fl.type, vals[i]!); // a blank field stays zero
    });
    return;
  }
  if (t.kind === 'slice') return store(fn, p, e.type!, sliceLit(fn, e));
  if (t.kind === 'array') {
    const es = sizeof(t.elem);
    const vals = e.elts.map((x) => {
      const v = x.kind === 'KeyValueExpr' ? x.value : x;
      return fn.own(val(fn, v), v.type!);
    });
    e.elts.forEach((_, i) => {
      const idx = e.indexOf?.[i] ?? i;
      store(fn, placeAt(fn, p, idx * es), t.elem, vals[i]!);
    });
    return;
  }
  fn.fail('composite literals of this type are not supported by gosim');
}

function closure(fn: FnLower, lit: A.FuncLit): Loc {
  const f = fn.f;
  fn.L.enqueueLit(lit);
  const caps = lit.captures ?? [];
  const fid = fn.m.declare(lit.goName!);
  if (caps.length === 0) return funcval(fn, lit.goName!);
  let size = 8;
  const ptrs: number[] = [];
  const names: string[] = ['F uintptr'];
  caps.forEach((c, i) => {
    if (c.byRef) {
      ptrs.push(size / 8);
      names.push(`X${i} *${goTypeName(c.v.type)}`);
      size += 8;
    } else {
      for (const w of ptrWords(c.v.type)) ptrs.push(size / 8 + w);
      names.push(`X${i} ${goTypeName(c.v.type)}`);
      size += alignUp8(sizeof(c.v.type));
    }
  });
  // captured values first (no safe point in these), then the object
  const vals = caps.map((c) => (c.byRef ? varAddr(fn, c.v) : load(fn, varPlace(fn, c.v), c.v.type)));
  const fv = fn.ptrTmp();
  f.emit(Op.FUNCVAL, fv, fid);
  fn.m.funcval(lit.goName!);
  const pc = fn.word();
  f.emit(Op.LOAD, pc, fv, 0);
  let obj: Place;
  let res: Loc;
  if (lit.heap !== false) {
    const tid = fn.m.type({ name: `struct { ${names.join('; ')} }`, kind: 'struct', size, ptrWords: ptrs, elem: -1 });
    // the captured values are in temporaries or variables: re-read variables after NEW is not needed since
    // NEW moves nothing but the stack, and frame operands are sp-relative
    res = fn.ptrTmp();
    f.emit(Op.NEW, res, tid);
    obj = { k: 'mem', base: res, off: 0 };
  } else {
    const slot = f.local('perm', size, ptrs, 'closure');
    obj = { k: 'frame', loc: slot };
    res = fn.ptrTmp();
    f.emit(Op.LEA, res, slot);
  }
  store(fn, obj, T.uintptr, pc);
  let off = 8;
  caps.forEach((c, i) => {
    if (c.byRef) {
      store(fn, placeAt(fn, obj, off), T.uintptr, vals[i]!);
      off += 8;
    } else {
      store(fn, placeAt(fn, obj, off), c.v.type, vals[i]!);
      off += alignUp8(sizeof(c.v.type));
    }
  });
  return res;
}

/** x.(T): [value] or [value, ok]. */
export function assertion(fn: FnLower, e: A.TypeAssertExpr, commaOk = false): [Loc, Loc?] {
  const r = ifaceAssertion(fn, e, commaOk); // lower/iface.ts: to interfaces, from interfaces with methods
  if (r) return r;
  const f = fn.f;
  const t = e.type!;
  const x = val(fn, e.x);
  if (isInterface(t)) {
    const ok = fn.byte();
    const u = underlying(t);
    if (u.kind === 'interface' && u.methods.length === 0) {
      const z = fn.word();
      f.emit(Op.IMM, z, 0);
      f.emit(Op.NE, ok, x, z);
    } else f.emit(Op.ISERROR, ok, x);
    const d = fn.tmp(t);
    const good = f.label();
    const done = f.label();
    f.emit(Op.JNZ, ok, good);
    if (!commaOk) {
      // not a runtime.Error: fail like an assertion to a concrete type would (message names the wrong type)
      const junk = fn.f.tmp(16, [1]);
      f.emit(Op.ASSERT, junk, x, fn.typeId(T.uintptr));
    }
    f.emit(Op.ZERO, d, 16);
    f.jmp(done);
    f.bind(good);
    f.emit(Op.MOVN, d, x, 16);
    f.bind(done);
    return [d, ok];
  }
  const n = sizeof(t);
  const a8 = alignUp8(Math.max(n, 1));
  const id = fn.typeId(t);
  if (commaOk) {
    const d = fn.f.tmp(a8 + 8, ptrWords(t));
    if (isMidInt(t)) f.emit(Op.IMM, d, 0);
    f.emit(Op.ASSERTOK, d, x, id);
    const v = isMidInt(t) ? load(fn, { k: 'frame', loc: d }, t) : { s: d.s, o: 0 };
    return [v, at(d, a8)];
  }
  const d = fn.f.tmp(Math.max(a8, regSize(t)), ptrWords(t));
  if (isMidInt(t)) f.emit(Op.IMM, d, 0);
  f.emit(Op.ASSERT, d, x, id);
  return [isMidInt(t) ? load(fn, { k: 'frame', loc: d }, t) : d];
}
