/** Calls: arguments into the outgoing area, results out of it; conversions; builtins; print. */
import { Op, PrintKind, layoutSlots } from '@gosim/program';
import type * as A from '../ast.js';
import { T, emptyInterface, isInterface, isString, isUnsafePointer, sizeof, underlying, type Signature, type Type } from '../types.js';
import { multi } from './assign.js';
import { val, box, allocInit } from './expr.js';
import type { FnLower } from './fn.js';
import { hoist } from './order.js';
import { at, out, type Loc } from './frame.js';
import { load, storeFrame } from './place.js';
import { isMidInt, isSigned, ptrWords } from './typeinfo.js';
import { sliceBuiltin, sliceToArrayPointer, stringConversion, variadicArgs } from './slice.js';
import { complexBuiltin, floatConversion, isFloaty, printFloatKind } from './float.js';
import { sideEffects } from './util.js';
import { convIface, ifaceCall } from './iface.js';
import { makeMap, mapDelete, mapLen } from './map.js';
import { apiCall } from './rtapi.js';
import { unsafeBuiltin, unsafeConversion } from './unsafe.js';
import { intrinsicCall } from './intrinsics.js';

/** Lower a call; returns its results (each in its own temporary). */
export function call(fn: FnLower, e: A.CallExpr): Loc[] {
  const done = fn.hoisted.get(e);
  if (done) return done;
  const f = fn.f;
  const saved = f.line;
  f.line = e.lparen.line;
  try {
    if (e.callKind === 'conversion') return [conversion(fn, e)];
    if (e.callKind === 'builtin') return builtin(fn, e);
    const intr = intrinsicCall(fn, e); // lower/intrinsics.ts
    if (intr) return [intr];
    // interface method: v.Error()
    let fun = e.fun;
    while (fun.kind === 'ParenExpr') fun = fun.x;
    if (fun.kind === 'SelectorExpr' && fun.selKind === 'method') return ifaceCall(fn, e, fun); // lower/iface.ts
    const sig = e.sig ?? (underlying(fun.type!) as Signature);
    let target: { fid: number } | { fv: Loc };
    if (e.callee) target = { fid: fn.m.declare(e.callee.decl.goName!) };
    else if (fun.kind === 'FuncLit' && (fun.captures ?? []).length === 0) {
      fn.L.enqueueLit(fun);
      target = { fid: fn.m.declare(fun.goName!) };
    } else {
      const fv = val(fn, fun);
      target = { fv: e.args.some(sideEffects) ? fn.own(fv, fun.type!) : fv };
    }
    const args = callArgs(fn, e, sig);
    const { resOffs } = copyArgs(fn, sig, args);
    clearDeadTemps(fn, args);
    if ('fid' in target) f.emit(Op.CALL, target.fid);
    else f.emit(Op.CALLCLOSURE, target.fv);
    return callResults(fn, sig, resOffs);
  } finally {
    f.line = saved;
  }
}

/**
 * Once a call's arguments are in the outgoing area (or a defer record, or a new goroutine's stack) their
 * temporaries are dead, as Go's liveness analysis would report: clear their pointer words rather than keep
 * their referents alive for the rest of the statement (gosim's frames have one pointer map per function).
 */
export function clearDeadTemps(fn: FnLower, locs: readonly Loc[]): void {
  for (const l of locs) {
    if (l.s?.kind !== 'tmp') continue;
    for (const w of l.s.ptr) fn.f.emit(Op.IMM, at({ s: l.s, o: 0 }, w * 8), 0);
  }
}

/** The results of the call just made, each copied out of the outgoing area into its own temporary. */
export function callResults(fn: FnLower, sig: Signature, resOffs: number[]): Loc[] {
  return sig.results.map((rt, i) => {
    const d = fn.tmp(rt);
    if (isMidInt(rt)) fn.copyReg(d, load(fn, { k: 'frame', loc: out(resOffs[i]!) }, rt), rt);
    else storeFrame(fn, d, rt, out(resOffs[i]!));
    return d;
  });
}

/** Evaluate call arguments into operands (spreading a multi-value call). */
export function callArgs(fn: FnLower, e: A.CallExpr, sig: Signature): Loc[] {
  if (e.args.length === 1 && e.args[0]!.type?.kind === 'tuple') {
    if (sig.variadic && !e.ellipsis) return variadicArgs(fn, e, sig);
    return multi(fn, e.args[0]!, sig.params);
  }
  if (sig.variadic && !e.ellipsis) return variadicArgs(fn, e, sig);
  const vals: Loc[] = [];
  e.args.forEach((a, i) => {
    hoist(fn, [a]); // a deferred call's arguments are ordered one by one (a no-op once the statement is)
    const v = val(fn, a);
    const rest = e.args.slice(i + 1);
    vals.push(rest.some(sideEffects) ? fn.own(v, sig.params[i] ?? a.type!) : v);
  });
  return vals;
}

/** Copy evaluated arguments into the outgoing area; zero pointer words of the results. */
export function copyArgs(fn: FnLower, sig: Signature, args: Loc[]): { resOffs: number[]; size: number } {
  const specs = [
    ...sig.params.map((t, i) => ({ name: `p${i}`, size: sizeof(t) })),
    ...sig.results.map((t, i) => ({ name: `r${i}`, size: sizeof(t) })),
  ];
  const lay = layoutSlots(specs);
  fn.f.useOut(lay.size);
  sig.params.forEach((t, i) => {
    const v = args[i]!;
    const o = lay.offsets.get(`p${i}`)!;
    const n = sizeof(t);
    if (isMidInt(t)) fn.f.emit(Op.MOV, out(o), v);
    else if (n > 0) storeFrame(fn, out(o), t, v);
  });
  const resOffs = sig.results.map((_, i) => lay.offsets.get(`r${i}`)!);
  sig.results.forEach((t, i) => {
    if (ptrWords(t).length > 0) fn.f.emit(Op.ZERO, out(resOffs[i]!), sizeof(t));
  });
  return { resOffs, size: lay.size };
}

function conversion(fn: FnLower, e: A.CallExpr): Loc {
  if (e.convKind) return stringConversion(fn, e);
  const t = e.typeArg ?? e.type!;
  const x = e.args[0]!;
  const xt = x.type!;
  if (isInterface(t)) {
    if (x.mode === 'nil') return val(fn, x);
    return convIface(fn, val(fn, x), xt, t, e.heap !== false); // lower/iface.ts
  }
  if (isFloaty(t) || isFloaty(xt)) return floatConversion(fn, x, t);
  if (isUnsafePointer(t) || isUnsafePointer(xt)) return unsafeConversion(fn, x, t); // lower/unsafe.ts
  const ut = underlying(t);
  const ux = underlying(xt);
  if (ut.kind === 'pointer' && ux.kind === 'slice') return sliceToArrayPointer(fn, x, t); // lower/slice.ts
  if (ut.kind === 'basic' && ux.kind === 'basic' && ut.name !== 'string' && ut.name !== 'bool' && ux.name !== 'string') {
    const w = fn.toWord(val(fn, x), xt);
    return fn.fromWord(w, t);
  }
  return val(fn, x);
}

function builtin(fn: FnLower, e: A.CallExpr): Loc[] {
  const f = fn.f;
  const name = e.builtin!;
  switch (name) {
    case 'len': case 'cap': {
      const x = e.args[0]!;
      const xt = underlying(x.type!);
      const d = fn.word();
      if (isString(xt)) f.emit(Op.STRLEN, d, val(fn, x));
      else if (xt.kind === 'slice') f.emit(Op.MOV, d, at(val(fn, x), name === 'len' ? 8 : 16));
      else if (xt.kind === 'chan') f.emit(name === 'len' ? Op.CHANLEN : Op.CHANCAP, d, val(fn, x));
      else if (xt.kind === 'map') mapLen(fn, x, d);
      else if (xt.kind === 'array') fn.imm(xt.len, d);
      else if (xt.kind === 'pointer' && underlying(xt.elem).kind === 'array') {
        val(fn, x);
        fn.imm((underlying(xt.elem) as { len: number }).len, d);
      } else return fn.fail(`${name} of this type is not supported by gosim`);
      return [d];
    }
    case 'close': {
      f.emit(Op.CLOSE, val(fn, e.args[0]!));
      return [];
    }
    case 'make': {
      const t = e.typeArg!;
      const u = underlying(t);
      if (u.kind === 'chan') {
        const n = e.args[1] ? fn.toWord(val(fn, e.args[1]), e.args[1].type!) : fn.imm(0);
        const d = fn.ptrTmp();
        f.emit(Op.MAKECHAN, d, fn.typeId(u.elem), n);
        return [d];
      }
      if (u.kind === 'slice') {
        const n = fn.own(fn.toWord(val(fn, e.args[1]!), e.args[1]!.type!), T.int);
        const c = e.args[2] ? fn.own(fn.toWord(val(fn, e.args[2]), e.args[2].type!), T.int) : n;
        const d = fn.tmp(t);
        const es = sizeof(u.elem);
        const cv = (e.args[2] ?? e.args[1])!.constValue;
        if (e.heap === false && cv?.kind === 'int') {
          const count = Number(cv.value);
          if (e.args[2] && e.args[1]!.constValue?.kind !== 'int') {
            // a len outside [0, cap] reaches MAKESLICE, whose checks raise Go's makeslice panic
            const fits = fn.byte();
            const ok = f.label();
            f.emit(Op.LEU, fits, n, c);
            f.emit(Op.JNZ, fits, ok);
            f.emit(Op.MOV, at(d, 8), n);
            f.emit(Op.MAKESLICE, d, fn.typeId(u.elem), c);
            f.bind(ok);
          }
          const slot = f.local('perm', Math.max(count * es, 1), ptrWords({ kind: 'array', len: count, elem: u.elem }), 'array');
          if (count * es > 0) f.emit(Op.ZERO, slot, count * es);
          f.emit(Op.LEA, d, slot);
          f.emit(Op.MOV, at(d, 8), n);
          f.emit(Op.MOV, at(d, 16), c);
          return [d];
        }
        f.emit(Op.MOV, at(d, 8), n);
        f.emit(Op.MAKESLICE, d, fn.typeId(u.elem), c);
        return [d];
      }
      if (u.kind === 'map') return [makeMap(fn, e)];
      return fn.fail('make of this type is not supported by gosim');
    }
    case 'new': return [allocInit(fn, e.typeArg!, e.heap !== false)];
    case 'append': case 'copy': return sliceBuiltin(fn, e);
    case 'complex': case 'real': case 'imag': return [complexBuiltin(fn, e)];
    case 'delete': mapDelete(fn, e); return [];
    case 'panic': {
      const v = fn.own(val(fn, e.args[0]!), emptyInterface);
      panicWith(fn, v);
      return [];
    }
    case 'print': case 'println': {
      const a0 = e.args[0];
      if (e.args.length === 1 && a0!.type!.kind === 'tuple') {
        const ts = (a0!.type as { types: Type[] }).types;
        emitPrint(fn, call(fn, a0 as A.CallExpr).map((l, i) => ({ loc: l, t: ts[i]! })), name === 'println');
        return [];
      }
      const items = evalList(fn, e.args);
      emitPrint(fn, items.map((l, i) => ({ loc: l, t: e.args[i]!.type! })), name === 'println');
      return [];
    }
    case 'recover': {
      const d = fn.tmp(emptyInterface);
      f.emit(Op.RECOVER, d);
      return [d];
    }
    case 'runtime.Goexit':
      f.emit(Op.CALL, fn.m.declare('runtime.Goexit'));
      return [];
    case 'runtime.GC':
      f.emit(Op.GC);
      return [];
    case 'runtime.Gosched':
      f.emit(Op.NOP);
      return [];
    case 'runtime.Callers': return apiCall(fn, e);
    case 'unsafe.Add': case 'unsafe.Slice': return [unsafeBuiltin(fn, e)]; // lower/unsafe.ts
    default:
      if (e.sig && name.startsWith('runtime.')) return apiCall(fn, e); // lower/rtapi.ts
      return fn.fail(`${name} is not supported by gosim`);
  }
}

export function evalList(fn: FnLower, es: A.Expr[]): Loc[] {
  return es.map((a, i) => {
    hoist(fn, [a]);
    const v = val(fn, a);
    return es.slice(i + 1).some(sideEffects) ? fn.own(v, a.type!) : v;
  });
}

export function panicWith(fn: FnLower, iface: Loc): void {
  fn.f.useOut(16);
  fn.f.emit(Op.MOVN, out(0), iface, 16);
  fn.f.emit(Op.CALL, fn.m.declare('runtime.gopanic'));
}

export function emitPrint(fn: FnLower, items: { loc: Loc; t: Type }[], ln: boolean): void {
  const f = fn.f;
  items.forEach((it, i) => {
    if (ln && i > 0) f.emit(Op.PRINT, PrintKind.Space, fn.noOperand());
    const u = underlying(it.t);
    let kind: number;
    let v = it.loc;
    if (isFloaty(u)) return void f.emit(Op.PRINTF, printFloatKind(u), v);
    if (u.kind === 'basic') {
      if (u.name === 'bool' || u.name === 'untyped bool') kind = PrintKind.Bool;
      else if (u.name === 'string' || u.name === 'untyped string') kind = PrintKind.String;
      else if (u.name === 'uint8') kind = PrintKind.Byte;
      else if (u.name === 'unsafe.Pointer') kind = PrintKind.Pointer;
      else if (isSigned(u)) {
        kind = PrintKind.Int;
        v = fn.toWord(v, u);
      } else kind = PrintKind.Uint;
    } else if (u.kind === 'interface') kind = PrintKind.Eface;
    else if (u.kind === 'slice') {
      f.emit(Op.PRINT, PrintKind.String, fn.stringConst('['));
      f.emit(Op.PRINT, PrintKind.Int, at(v, 8));
      f.emit(Op.PRINT, PrintKind.String, fn.stringConst('/'));
      f.emit(Op.PRINT, PrintKind.Int, at(v, 16));
      f.emit(Op.PRINT, PrintKind.String, fn.stringConst(']'));
      kind = PrintKind.Pointer;
    } else kind = PrintKind.Pointer;
    f.emit(Op.PRINT, kind, v);
  });
  if (ln) f.emit(Op.PRINT, PrintKind.Newline, fn.noOperand());
}
