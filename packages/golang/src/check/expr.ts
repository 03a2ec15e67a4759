/**
 * Expressions: identifiers, literals, function literals, selectors, index expressions, unary operators.
 */
import type * as A from '../ast.js';
import type { VarObj } from '../objects.js';
import { unparen } from '../parser.js';
import type { Signature, SliceType, Type } from '../types.js';
import { intInfo, isBoolean, isComplex, isFloat, isInteger, isInterface, isString, isUntyped, layoutStruct, T, typeString, underlying } from '../types.js';
import type { FuncCtx } from './base.js';
import { runtimeSignature } from './call.js';
import { RangeMapChecker } from './range-map.js';
import { exprString } from './expr-string.js';
import { missingMethod } from './interface.js';
import { floatLit, isNumeric, negNumeric } from './float.js';

export abstract class ExprChecker extends RangeMapChecker {
  protected abstract sliceExpr(e: A.SliceExpr): void; // check/slice.ts
  protected abstract sliceLit(e: A.CompositeLit, u: SliceType): void;
  protected abstract dotsArray(e: A.CompositeLit, te: A.ArrayTypeExpr): Type;
  protected abstract elements(e: A.CompositeLit, elem: Type, maxLen: number): number;
  /**
   * Check `e`. `hint` is the type the context wants (used for elided composite-literal types). `allowNoValue`
   * permits calls without results and tuples. `lhs` means `e` is the target of a plain `=`: a variable
   * named there directly is not "used" (x++, x op= y, x[i] = y and x.f = y are uses of x).
   */
  expr(e: A.Expr, hint?: Type, allowNoValue = false, lhs = false): void {
    this.exprInner(e, hint, lhs);
    if (!allowNoValue) {
      if (e.mode === 'novalue') this.fail(e.pos, `${exprString(e)} (no value) used as value`);
      if (e.type?.kind === 'tuple') this.fail(e.pos, `multiple-value ${exprString(e)} (value of type ${typeString(e.type)}) in single-value context`);
    }
  }

  protected exprInner(e: A.Expr, hint: Type | undefined, lhs: boolean): void {
    switch (e.kind) {
      case 'Ident': {
        if (e.name === '_') this.fail(e.pos, 'cannot use _ as value');
        const obj = this.lookup(e);
        switch (obj.kind) {
          case 'var':
            if (!lhs) obj.used = true;
            this.useVar(e, obj);
            e.type = obj.type;
            e.mode = 'variable';
            return;
          case 'const':
            e.type = obj.type;
            e.mode = 'constant';
            e.constValue = obj.value;
            return;
          case 'typename': e.type = obj.type; e.mode = 'type'; return;
          case 'func': e.type = obj.type; e.mode = 'value'; return;
          case 'builtin': e.mode = 'builtin'; return;
          case 'nil': e.type = T.untypedNil; e.mode = 'nil'; return;
          case 'package': this.fail(e.pos, `use of package ${obj.name} not in selector`);
        }
        return;
      }
      case 'BasicLit': this.basicLit(e); return;
      case 'CompositeLit': this.compositeLit(e, hint); return;
      case 'FuncLit': this.funcLit(e); return;
      case 'ParenExpr':
        this.exprInner(e.x, hint, lhs);
        e.type = e.x.type;
        e.mode = e.x.mode;
        if (e.x.constValue) e.constValue = e.x.constValue;
        return;
      case 'SelectorExpr': this.selector(e); return;
      case 'IndexExpr': this.index(e); return;
      case 'SliceExpr': this.sliceExpr(e); return;
      case 'TypeAssertExpr': {
        if (!e.typeExpr) this.fail(e.pos, 'invalid syntax tree: use of .(type) outside type switch');
        this.expr(e.x);
        this.singleValue(e.x);
        if (!isInterface(e.x.type!)) this.fail(e.x.pos, `invalid operation: ${exprString(e.x)} (${this.describeKind(e.x)}) is not an interface`);
        const t = this.typeExpr(e.typeExpr);
        if (!isInterface(t) && !this.implements(t, e.x.type!)) this.fail(e.typeExpr.pos, `impossible type assertion: ${exprString(e)}\n\t${typeString(t)} does not implement ${typeString(e.x.type!)} ${missingMethod(t, e.x.type!) ?? ''}`);
        e.typeExpr.type = t;
        e.type = t;
        e.mode = 'value';
        return;
      }
      case 'CallExpr': this.call(e); return;
      case 'StarExpr': {
        this.exprInner(e.x, undefined, false);
        if (e.x.mode === 'type') {
          e.type = { kind: 'pointer', elem: e.x.type! };
          e.mode = 'type';
          return;
        }
        this.singleValue(e.x);
        if (e.x.mode === 'nil') this.fail(e.pos, 'invalid operation: cannot indirect nil');
        const u = underlying(e.x.type!);
        if (u.kind !== 'pointer') this.fail(e.pos, `invalid operation: cannot indirect ${this.describe(e.x)}`);
        e.type = u.elem;
        e.mode = 'variable';
        return;
      }
      case 'UnaryExpr': this.unary(e, hint); return;
      case 'BinaryExpr': this.expr(e.x); this.expr(e.y); this.binary(e, false); return;
      case 'KeyValueExpr': this.fail(e.pos, 'unexpected key:value expression');
      // falls through (unreachable)
      case 'ImplicitConv': return;
      case 'ArrayTypeExpr': case 'ChanTypeExpr': case 'FuncTypeExpr': case 'StructTypeExpr': case 'InterfaceTypeExpr':
      case 'MapTypeExpr':
        this.typeExpr(e);
        return;
    }
  }

  protected basicLit(e: A.BasicLit): void {
    e.mode = 'constant';
    switch (e.litKind) {
      case 'INT': {
        const raw = e.raw.replace(/_/g, '');
        let v: bigint;
        if (/^0[0-7]+$/.test(raw)) v = BigInt('0o' + raw.slice(1));
        else if (/^0[oO]/.test(raw)) v = BigInt('0o' + raw.slice(2));
        else v = BigInt(raw);
        e.constValue = { kind: 'int', value: v };
        e.type = T.untypedInt;
        return;
      }
      case 'CHAR':
        e.constValue = { kind: 'int', value: BigInt(e.rune ?? 0) };
        e.type = T.untypedRune;
        return;
      case 'STRING':
        e.constValue = { kind: 'string', value: e.str ?? '' };
        e.type = T.untypedString;
        return;
      default: {
        const cv = floatLit(e.raw, e.litKind === 'IMAG');
        if (!cv) this.fail(e.pos, `the constant ${e.raw} (exponent beyond gosim's exact range) is not supported by gosim`);
        e.constValue = cv;
        e.type = e.litKind === 'IMAG' ? T.untypedComplex : T.untypedFloat;
      }
    }
  }

  protected compositeLit(e: A.CompositeLit, hint: Type | undefined): void {
    let t: Type;
    if (e.typeExpr?.kind === 'ArrayTypeExpr' && e.typeExpr.dots) { this.dotsArray(e, e.typeExpr); return; }
    if (e.typeExpr) t = this.typeExpr(e.typeExpr);
    else if (hint && underlying(hint).kind === 'pointer') this.fail(e.pos, 'elided &T in composite literal elements is not supported by gosim');
    else if (hint) t = hint;
    else this.fail(e.pos, 'invalid composite literal type: missing type');
    e.type = t;
    e.mode = 'value';
    const u = underlying(t);
    if (u.kind === 'struct') {
      layoutStruct(u);
      e.fieldOf = [];
      if (e.elts.length === 0) return;
      const keyed = e.elts[0]!.kind === 'KeyValueExpr';
      if (keyed) {
        const seen = new Set<string>();
        e.elts.forEach((kv, i) => {
          if (kv.kind !== 'KeyValueExpr') this.fail(kv.pos, 'mixture of field:value and value elements in struct literal');
          if (kv.key.kind !== 'Ident') this.fail(kv.key.pos, `invalid field name ${exprString(kv.key)} in struct literal`);
          const f = u.fields.find((x) => x.name === (kv.key as A.Ident).name);
          if (!f) this.fail(kv.key.pos, `unknown field ${(kv.key as A.Ident).name} in struct literal of type ${typeString(t)}`);
          if (seen.has(f.name)) this.fail(kv.key.pos, `duplicate field name ${f.name} in struct literal`);
          seen.add(f.name);
          kv.key.type = f.type;
          kv.key.mode = 'novalue';
          this.expr(kv.value, f.type);
          kv.value = this.assign(kv.value, f.type, 'struct literal');
          kv.type = f.type;
          kv.mode = 'value';
          e.fieldOf!.push(f);
          void i;
        });
      } else {
        e.elts.forEach((v, i) => {
          if (v.kind === 'KeyValueExpr') this.fail(v.pos, 'mixture of field:value and value elements in struct literal');
          const f = u.fields[i];
          if (!f) this.fail(v.pos, `too many values in struct literal of type ${typeString(t)}`);
          this.expr(v, f.type);
          e.elts[i] = this.assign(v, f.type, 'struct literal');
          e.fieldOf!.push(f);
        });
        if (e.elts.length < u.fields.length) this.fail(e.rbrace, `too few values in struct literal of type ${typeString(t)}`);
      }
      return;
    }
    if (u.kind === 'array') { this.elements(e, u.elem, u.len); return; }
    if (u.kind === 'slice') { this.sliceLit(e, u); return; }
    if (u.kind === 'map') return this.mapLit(e, u);
    this.fail(e.pos, `invalid composite literal type ${typeString(t)}`);
  }

  protected abstract globalFuncLit(e: A.FuncLit, sig: Signature): void;

  protected funcLit(e: A.FuncLit): void {
    const outer = this.fn;
    const sig = this.signature(e.typeExpr);
    e.sig = sig;
    e.type = sig;
    e.mode = 'value';
    e.captures = [];
    if (!outer) {
      if (this.globalInitScope) return this.globalFuncLit(e, sig);
      this.fail(e.pos, 'function literal outside a function');
    }
    e.outer = outer.node;
    outer.closureCount++;
    const goName = outer.node.kind === 'FuncDecl' ? `${outer.goName}.func${outer.closureCount}` : `${outer.goName}.${outer.closureCount}`;
    e.goName = goName;
    this.funcLits.push(e);
    let top: FuncCtx = outer;
    while (top.outer) top = top.outer;
    const decl = top.node as A.FuncDecl;
    (decl.funcLits ??= []).push(e);
    this.enterFunc(e, e.typeExpr, sig, outer, goName, e.body);
  }

  protected selector(e: A.SelectorExpr): void {
    if (e.x.kind === 'Ident') {
      const obj = this.scope.lookup(e.x.name) ?? (e.x.name === 'runtime' ? this.runtimePkg : e.x.name === 'unsafe' ? this.unsafePkg : undefined);
      if (obj?.kind === 'package') {
        const m = this.qualified(e, obj);
        e.sel.obj = m;
        if (m.kind === 'typename') { e.type = m.type; e.mode = 'type'; } else if (m.kind === 'builtin' && obj.path === 'unsafe') e.mode = 'builtin';
        else if (m.kind === 'builtin') {
          // runtime functions are ordinary function values too (`useStackAndCall(i, runtime.Goexit)`)
          e.mode = 'value';
          e.type = runtimeSignature(m.name);
        } else if (m.kind === 'const') { e.mode = 'constant'; e.type = m.type; e.constValue = m.value; }
        else if (m.kind === 'var') { e.mode = 'variable'; e.type = m.type; }
        else if (m.kind === 'func') { e.mode = 'value'; e.type = m.type; }
        return;
      }
    }
    this.exprInner(e.x, undefined, false);
    this.memberSelector(e); // check/method.ts: fields, methods, embedding
  }

  protected index(e: A.IndexExpr): void {
    // assigning to x[i] or x.f uses x (only a plain `x = v` does not)
    this.exprInner(e.x, undefined, false);
    this.singleValue(e.x);
    const xt = e.x.type!;
    let u = underlying(xt);
    if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') {
      e.implicitDeref = true;
      u = underlying(u.elem);
    }
    if (u.kind === 'map') return this.mapIndex(e, u);
    this.expr(e.index);
    this.singleValue(e.index);
    if (!isInteger(e.index.type!)) this.fail(e.index.pos, `invalid argument: index ${this.describe(e.index)} must be integer`);
    const cv = e.index.constValue;
    if (cv?.kind === 'int' && cv.value < 0n) this.fail(e.index.pos, `invalid argument: index ${exprString(e.index)} (constant of type int) must not be negative`);
    this.convertUntyped(e.index, T.int, 'index');
    if (u.kind === 'array') {
      if (cv?.kind === 'int' && cv.value >= BigInt(u.len)) this.fail(e.index.pos, `invalid argument: index ${cv.value} out of bounds [0:${u.len}]`);
      e.type = u.elem;
      e.mode = e.implicitDeref || e.x.mode === 'variable' ? 'variable' : 'value';
      return;
    }
    if (u.kind === 'slice') {
      e.type = u.elem;
      e.mode = 'variable';
      return;
    }
    if (isString(xt)) {
      const sv = e.x.constValue;
      if (sv?.kind === 'string' && cv?.kind === 'int') {
        if (cv.value >= BigInt(sv.value.length)) this.fail(e.index.pos, `invalid argument: index ${cv.value} out of bounds [0:${sv.value.length}]`);
        e.mode = 'constant';
        e.constValue = { kind: 'int', value: BigInt(sv.value.charCodeAt(Number(cv.value))) };
        e.type = T.uint8;
        this.convertUntyped(e.x, T.string, 'index');
        return;
      }
      this.convertUntyped(e.x, T.string, 'index');
      e.type = T.uint8;
      e.mode = 'value';
      return;
    }
    this.fail(e.x.pos, `invalid operation: cannot index ${this.describe(e.x)}`);
  }

  protected unary(e: A.UnaryExpr, hint: Type | undefined): void {
    if (e.op === '&') {
      const x = unparen(e.x);
      if (x.kind === 'CompositeLit') {
        this.expr(e.x, hint && underlying(hint).kind === 'pointer' ? (underlying(hint) as { elem: Type }).elem : undefined);
        e.type = { kind: 'pointer', elem: e.x.type! };
        e.mode = 'value';
        return;
      }
      this.expr(e.x);
      if (e.x.mode !== 'variable') this.fail(e.pos, `invalid operation: cannot take address of ${this.describe(e.x)}`);
      const root = addressRoot(e.x);
      if (root) root.addrTaken = true;
      e.type = { kind: 'pointer', elem: e.x.type! };
      e.mode = 'value';
      return;
    }
    if (e.op === '<-') {
      this.expr(e.x);
      this.singleValue(e.x);
      const u = underlying(e.x.type!);
      if (u.kind !== 'chan') this.fail(e.pos, `invalid operation: cannot receive from non-channel ${this.describe(e.x)}`);
      if (u.dir === 'send') this.fail(e.pos, `invalid operation: cannot receive from send-only channel ${this.describe(e.x)}`);
      e.type = u.elem;
      e.mode = 'value';
      return;
    }
    this.expr(e.x);
    this.singleValue(e.x);
    const t = e.x.type!;
    const ok = e.op === '!' ? isBoolean(t) : e.op === '^' ? isInteger(t) : isNumeric(t);
    if (!ok) this.fail(e.pos, `invalid operation: operator ${e.op} not defined on ${this.describe(e.x)}`);
    e.type = t;
    e.mode = 'value';
    const cv = e.x.constValue;
    if (e.x.mode === 'constant' && cv) {
      e.mode = 'constant';
      if (cv.kind === 'bool') e.constValue = { kind: 'bool', value: !cv.value };
      else if (cv.kind === 'float' || cv.kind === 'complex') e.constValue = this.numericConstIn(e, e.op === '-' ? negNumeric(cv) : cv, t);
      else if (cv.kind === 'int' && (isFloat(t) || isComplex(t))) e.constValue = this.numericConstIn(e, e.op === '-' ? { kind: 'int', value: -cv.value } : cv, t);
      else if (cv.kind === 'int') {
        let v = e.op === '-' ? -cv.value : e.op === '+' ? cv.value : ~cv.value;
        if (e.op === '^' && !isUntyped(t) && !intInfo(t).signed) v = BigInt.asUintN(intInfo(t).bits, v);
        this.checkOverflow(e, v, t);
        e.constValue = { kind: 'int', value: v };
      }
    }
  }
}

/** The variable whose storage `&e` points into, if the address stays within it (x, x.f, x[i] of arrays). */
export function addressRoot(e: A.Expr): VarObj | undefined {
  const x = unparen(e);
  switch (x.kind) {
    case 'Ident': return x.obj?.kind === 'var' ? x.obj : undefined;
    case 'SelectorExpr': return x.implicitDeref || x.selKind !== 'field' ? undefined : addressRoot(x.x);
    case 'IndexExpr': return x.implicitDeref || underlying(x.x.type!).kind !== 'array' ? undefined : addressRoot(x.x);
    default: return undefined;
  }
}
