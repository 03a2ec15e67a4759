/**
 * defer and go statements: DEFERPROC / GO with the evaluated arguments; wrappers for builtins. Under a codegen
 * with stack defers (Go 1.13), a defer outside any loop (escape analysis: `topLevel`) gets its record as a frame
 * temporary of its own and DEFERPROCSTACK instead.
 */
import { Op, align8 } from '@gosim/program';
import type * as A from '../ast.js';
import type { Pos } from '../diagnostics.js';
import { emptyInterface, sizeof, underlying, type Signature, type SliceType, type Type } from '../types.js';
import { callArgs, clearDeadTemps, copyArgs, evalList, panicWith, emitPrint } from './call.js';
import { val, funcval } from './expr.js';
import { argShape } from './argshape.js';
import { FnLower } from './fn.js';
import { hoist } from './order.js';
import { at, type Loc } from './frame.js';
import { load } from './place.js';
import { emitCopy } from './slice.js';
import { ptrWords } from './typeinfo.js';
import { methodValue } from './method.js';
import { mapDeleteArgs } from './map.js';

export function deferOrGo(fn: FnLower, call: A.CallExpr, isGo: boolean, topLevel = false): void {
  const f = fn.f;
  let fv: Loc;
  let sig: Signature;
  let args: Loc[];
  if (call.callKind === 'builtin') {
    if (call.builtin === 'runtime.Goexit') {
      fv = funcval(fn, 'runtime.Goexit');
      sig = { kind: 'func', params: [], results: [], variadic: false };
      args = [];
    } else if (call.sig && call.builtin!.startsWith('runtime.')) {
      // the API's functions and methods are runtime functions with frames (runtime/src/rtapi.ts)
      fv = funcval(fn, call.builtin!);
      sig = call.sig;
      args = callArgs(fn, call, sig);
    } else {
      const w = builtinWrapper(fn, call, isGo);
      fv = w.fv;
      sig = w.sig;
      args = w.args;
    }
  } else if (call.callKind === 'call') {
    let fun = call.fun;
    while (fun.kind === 'ParenExpr') fun = fun.x;
    sig = call.sig ?? (underlying(fun.type!) as Signature);
    if (call.callee) fv = funcval(fn, call.callee.decl.goName!);
    else if (fun.kind === 'SelectorExpr' && fun.selKind === 'method') fv = fn.own(methodValue(fn, fun), fun.type!); // i.M-fm, i evaluated now
    else {
      hoist(fn, [fun]);
      const v = val(fn, fun);
      fv = fn.own(v, fun.type!);
    }
    args = callArgs(fn, call, sig);
  } else return void fn.fail('conversion in defer/go');
  const { size } = copyArgs(fn, sig, args);
  const stack = fn.L.codegen.stackDefers;
  if (isGo) f.emit(Op.GO, fv, size);
  else {
    if (stack && topLevel) {
      // the record: all scalars (no pointer map covers it: copystack and the GC reach it through g._defer), a
      // slot of its own that no temporary reuses, so it stays live to the end of the function (gc's VarLive)
      const d = f.local('perm', stack.recordHeader + align8(size), [], 'defer');
      f.emit(Op.DEFERPROCSTACK, d, fv, size);
    } else f.emit(Op.DEFERPROC, fv, size);
    fn.needEpi = true;
    f.emit(Op.JRET, fn.epi);
  }
  // the arguments now live in the record (or the new goroutine's stack)
  clearDeadTemps(fn, [fv, ...args]);
}

/** `defer println(...)`, `go close(c)`, ...: a wrapper function taking the evaluated arguments. */
function builtinWrapper(fn: FnLower, call: A.CallExpr, isGo: boolean): { fv: Loc; sig: Signature; args: Loc[] } {
  const b = call.builtin!;
  let types: Type[];
  let args: Loc[];
  if (b === 'panic') {
    types = [emptyInterface];
    hoist(fn, call.args);
    args = [val(fn, call.args[0]!)];
  } else {
    types = call.args.map((a) => a.type!);
    args = evalList(fn, call.args);
  }
  const outer = fn.name;
  const wname = fn.L.wrapperName(outer, isGo ? 'gowrap' : 'deferwrap');
  const sig: Signature = { kind: 'func', params: types, results: [], variadic: false };
  const w = new FnLower(fn.L, undefined, wname);
  genBuiltinWrapper(w, b, types, call.pos);
  return { fv: funcval(fn, wname), sig, args };
}

function genBuiltinWrapper(fn: FnLower, b: string, types: Type[], pos: Pos): void {
  const f = fn.f;
  f.line = pos.line;
  const ps = types.map((t, i) => f.arg(sizeof(t), ptrWords(t), `a${i}`, argShape(t)));
  const mk = f.mark();
  switch (b) {
    case 'print': case 'println':
      emitPrint(fn, ps.map((loc, i) => ({ loc: load(fn, { k: 'frame', loc }, types[i]!), t: types[i]! })), b === 'println');
      break;
    case 'panic': panicWith(fn, ps[0]!); break;
    case 'close': f.emit(Op.CLOSE, ps[0]!); break;
    case 'delete': mapDeleteArgs(fn, types[0]!, ps[0]!, ps[1]!); break;
    case 'recover': f.emit(Op.RECOVER, fn.tmp(emptyInterface), 0, 1); break; // recovers for the deferring function
    case 'runtime.GC': f.emit(Op.GC); break;
    case 'runtime.Gosched': f.emit(Op.NOP); break;
    case 'copy': emitCopy(fn, ps[0]!, ps[1]!, sizeof((underlying(types[0]!) as SliceType).elem)); break;
    default: fn.fail(`defer/go of ${b} is not supported by gosim`);
  }
  f.release(mk);
  f.emit(Op.RET);
  f.finish(fn.m);
}
