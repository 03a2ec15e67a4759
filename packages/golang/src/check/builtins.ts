/**
 * Calls of the built-in functions and of the runtime functions the subset models.
 */
import type * as A from '../ast.js';
import type { BuiltinName } from '../objects.js';
import type { Signature, Type } from '../types.js';
import { defaultType, emptyInterface, isInteger, isString, isUntyped, T, typeString, underlying } from '../types.js';
import { unparen } from '../parser.js';
import { apiSignature } from './runtime-api.js';
import { endCol } from './call.js';
import { UnsafeChecker } from './unsafe.js';
import { exprString } from './expr-string.js';

export abstract class BuiltinChecker extends UnsafeChecker {
  protected abstract sliceBuiltin(e: A.CallExpr, name: 'append' | 'copy'): void; // check/slice.ts
  /** `delete(m, k)` (check/map.ts). */
  protected abstract deleteCall(e: A.CallExpr): void;

  protected builtinCall(e: A.CallExpr, b: { name: BuiltinName }): void {
    const name = b.name;
    if (name.startsWith('unsafe.')) return this.unsafeBuiltin(e, name); // check/unsafe.ts
    e.callKind = 'builtin';
    e.builtin = name;
    const nargs = (min: number, max: number): void => {
      if (e.args.length < min) this.fail(e.args.length === 0 ? { ...e.lparen, col: endCol(e), offset: e.lparen.offset } : e.pos, `not enough arguments for ${exprString(e)} (expected ${min}, found ${e.args.length})`);
      if (e.args.length > max) this.fail(e.args[max]!.pos, `too many arguments for ${exprString(e)} (expected ${max}, found ${e.args.length})`);
    };
    const value = (i: number, hint?: Type): A.Expr => {
      const a = e.args[i]!;
      this.expr(a, hint);
      this.singleValue(a);
      return a;
    };
    e.mode = 'value';
    switch (name) {
      case 'len': case 'cap': {
        nargs(1, 1);
        const x = value(0);
        let t = x.type!;
        let u = underlying(t);
        if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') { t = u.elem; u = underlying(t); }
        const ok = u.kind === 'array' || u.kind === 'slice' || u.kind === 'chan' || (name === 'len' && (isString(t) || u.kind === 'map'));
        if (!ok) this.fail(x.pos, `invalid argument: ${this.describe(x)} for ${name}`);
        e.type = T.int;
        if (isString(t) && x.constValue?.kind === 'string') { e.mode = 'constant'; e.constValue = { kind: 'int', value: BigInt(x.constValue.value.length) }; this.convertUntyped(x, T.string, 'len'); }
        else if (u.kind === 'array' && !containsCallOrRecv(x)) { e.mode = 'constant'; e.constValue = { kind: 'int', value: BigInt(u.len) }; }
        return;
      }
      case 'close': {
        nargs(1, 1);
        const x = value(0);
        const u = underlying(x.type!);
        if (u.kind !== 'chan') this.fail(x.pos, `invalid operation: non-chan argument ${this.describe(x)} to close`);
        if (u.dir === 'recv') this.fail(x.pos, `invalid operation: cannot close receive-only channel ${this.describe(x)}`);
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'make': {
        if (e.args.length === 0) this.fail(e.pos, `not enough arguments for make() (expected 1, found 0)`);
        const t = this.typeExpr(e.args[0]!);
        const u = underlying(t);
        e.typeArg = t;
        e.type = t;
        if (u.kind === 'chan') nargs(1, 2);
        else if (u.kind === 'slice') nargs(2, 3);
        else if (u.kind === 'map') nargs(1, 2);
        else this.fail(e.args[0]!.pos, `invalid argument: cannot make ${exprString(e.args[0]!)}; type must be slice, map, or channel`);
        for (let i = 1; i < e.args.length; i++) {
          const a = value(i);
          if (!isInteger(a.type!)) this.fail(a.pos, `cannot convert ${this.describe(a)} to type int`);
          if (a.constValue?.kind === 'int' && a.constValue.value < 0n) this.fail(a.pos, `invalid argument: index ${exprString(a)} (constant of type int) must not be negative`);
          this.convertUntyped(a, T.int, 'make');
        }
        return;
      }
      case 'new': {
        nargs(1, 1);
        const t = this.typeExpr(e.args[0]!);
        e.typeArg = t;
        e.type = { kind: 'pointer', elem: t };
        return;
      }
      case 'panic': {
        nargs(1, 1);
        const x = value(0, emptyInterface);
        if (x.mode === 'nil') { x.type = emptyInterface; }
        const conv = this.assign(x, emptyInterface, 'argument to panic');
        // go reports the boxing of a constant panic value at the call's parenthesis
        if (conv.kind === 'ImplicitConv' && x.mode === 'constant') conv.pos = e.lparen;
        e.args[0] = conv;
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'print': case 'println': {
        if (e.args.length === 1 && e.args[0]!.kind === 'CallExpr') {
          // print(f()) prints each of f's results
          const a = e.args[0]!;
          this.expr(a, undefined, true);
          if (a.type?.kind === 'tuple' && a.mode !== 'novalue') {
            for (const t of a.type.types) {
              const u = underlying(t);
              if (u.kind === 'struct' || u.kind === 'array') this.fail(a.pos, `illegal types for operand: print\n\t${typeString(t)}`);
            }
            e.mode = 'novalue';
            e.type = { kind: 'tuple', types: [] };
            return;
          }
        }
        e.args.forEach((_, i) => {
          const a = e.args[i]!.type ? (this.singleValue(e.args[i]!), e.args[i]!) : value(i);
          if (a.mode === 'nil') this.fail(a.pos, 'use of untyped nil in argument to built-in print');
          this.convertUntyped(a, defaultType(a.type!), `argument to ${name}`);
          const u = underlying(a.type!);
          if (u.kind === 'struct' || u.kind === 'array') this.fail(a.pos, `illegal types for operand: print\n\t${typeString(a.type!)}`);
        });
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
      case 'recover':
        nargs(0, 0);
        e.type = emptyInterface;
        return;
      case 'runtime.Goexit': case 'runtime.GC': case 'runtime.Gosched':
        nargs(0, 0);
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      case 'runtime.Callers': {
        nargs(2, 2);
        const skip = value(0, T.int);
        e.args[0] = this.assign(skip, T.int, 'argument to runtime.Callers');
        const pc = value(1);
        const slice: Type = { kind: 'slice', elem: T.uintptr };
        e.args[1] = this.assign(pc, slice, 'argument to runtime.Callers');
        e.type = T.int;
        e.sig = { kind: 'func', params: [T.int, slice], results: [T.int], variadic: false };
        return;
      }
      case 'append': case 'copy': this.sliceBuiltin(e, name); return;
      case 'complex': case 'real': case 'imag': this.complexBuiltin(e, name); return;
      case 'delete': this.deleteCall(e); return;
      default: {
        const api = apiSignature(name);
        if (api) { this.apiCall(e, name, api); return; }
        this.fail(e.fun.pos, `${name} is not supported by gosim`);
      }
    }
  }

  /**
   * A call of a runtime API function or method (check/runtime-api.ts), checked as an ordinary call of its
   * signature; a method's receiver (the selector's operand, already checked) becomes the first argument.
   */
  private apiCall(e: A.CallExpr, name: BuiltinName, sig: Signature): void {
    const f = unparen(e.fun);
    const isMethod = name.startsWith('runtime.(');
    const params = isMethod ? sig.params.slice(1) : sig.params;
    const shown = isMethod && f.kind === 'SelectorExpr' ? exprString(f) : name;
    e.args.forEach((a, i) => { if (!a.type) this.expr(a, params[i]); this.singleValue(a); });
    if (e.args.length !== params.length) {
      const have = e.args.map((a) => (a.mode === 'constant' && isUntyped(a.type!) ? 'number' : a.mode === 'nil' ? 'nil' : typeString(a.type!)));
      const few = e.args.length < params.length;
      const last = e.args[e.args.length - 1];
      const pos = few ? (last ? last.pos : { ...e.lparen, col: endCol(e), offset: e.lparen.offset + 1 }) : e.args[params.length]!.pos;
      this.fail(pos, `${few ? 'not enough' : 'too many'} arguments in call to ${shown}\n\thave (${have.join(', ')})\n\twant (${params.map(typeString).join(', ')})`);
    }
    e.args.forEach((a, i) => { e.args[i] = this.assign(a, params[i]!, `argument to ${shown}`); });
    if (isMethod && f.kind === 'SelectorExpr') e.args.unshift(f.x);
    e.sig = sig;
    if (sig.results.length === 0) { e.mode = 'novalue'; e.type = { kind: 'tuple', types: [] }; }
    else if (sig.results.length === 1) e.type = sig.results[0]!;
    else e.type = { kind: 'tuple', types: sig.results };
  }
}


function containsCallOrRecv(e: A.Expr): boolean {
  let found = false;
  const visit = (x: A.Expr): void => {
    if (found) return;
    switch (x.kind) {
      case 'CallExpr': if (x.callKind !== 'conversion' && !(x.callKind === 'builtin' && (x.builtin === 'len' || x.builtin === 'cap'))) found = true; x.args.forEach(visit); visit(x.fun); break;
      case 'UnaryExpr': if (x.op === '<-') found = true; visit(x.x); break;
      case 'ParenExpr': case 'StarExpr': visit(x.x); break;
      case 'SelectorExpr': visit(x.x); break;
      case 'IndexExpr': visit(x.x); visit(x.index); break;
      case 'BinaryExpr': visit(x.x); visit(x.y); break;
      default: break;
    }
  };
  visit(e);
  return found;
}
