/**
 * Unary constant overflow and binary operators: arithmetic, comparisons, shifts, with constant folding.
 */
import type * as A from '../ast.js';
import { representable } from '../constant.js';
import type { Type } from '../types.js';
import { defaultType, hasNil, isUnsafePointer, identical, isBoolean, isFloat, isInteger, isInterface, isString, isUntyped, T, typeString, underlying } from '../types.js';
import { NumericChecker } from './numeric.js';
import { compareNumeric, foldNumeric, intValued, isNumeric, isNumericConst, isZeroConst, untypedRank } from './float.js';
import { exprString } from './expr-string.js';
import { comparableType, incomparableCause } from './map-index.js';

export abstract class OperatorChecker extends NumericChecker {
  protected checkOverflow(e: A.Expr, v: bigint, t: Type): void {
    if (isUntyped(t)) {
      if (v > (1n << 512n) || v < -(1n << 512n)) this.fail(e.pos, 'constant overflow');
      return;
    }
    if (!representable(v, t)) this.fail(e.pos, `constant ${v} overflows ${typeString(t)}`);
  }

  /** Binary operator. When `opAssign`, `e.x` is the variable (its type is fixed). */
  protected binary(e: A.BinaryExpr, opAssign: boolean): void {
    this.singleValue(e.x);
    this.singleValue(e.y);
    const op = e.op;
    if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      this.comparison(e, false);
      return;
    }
    if (op === '<<' || op === '>>') {
      this.shift(e, opAssign);
      return;
    }
    if (op === '&&' || op === '||') {
      if (!isBoolean(e.x.type!)) this.fail(e.x.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.x)}`);
      if (!isBoolean(e.y.type!)) this.fail(e.y.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.y)}`);
    }
    this.matchOperands(e, opAssign);
    const t = e.x.type!;
    const okType = op === '&&' || op === '||' ? isBoolean(t) : op === '+' ? isNumeric(t) || isString(t) : op === '-' || op === '*' || op === '/' ? isNumeric(t) : isInteger(t);
    if (!okType) this.fail(e.x.pos, `invalid operation: operator ${op} not defined on ${this.describe(e.x)}`);
    e.type = t;
    e.mode = 'value';
    const a = e.x.constValue;
    const b = e.y.constValue;
    if ((op === '/' || op === '%') && isNumericConst(b) && isZeroConst(b) && e.y.mode === 'constant' && (isInteger(t) || e.x.mode === 'constant')) {
      this.fail(e.y.pos, 'invalid operation: division by zero');
    }
    if (!opAssign && e.x.mode === 'constant' && e.y.mode === 'constant' && a && b) {
      e.mode = 'constant';
      if (a.kind === 'string' && b.kind === 'string') { e.constValue = { kind: 'string', value: a.value + b.value }; return; }
      if (a.kind === 'bool' && b.kind === 'bool') { e.constValue = { kind: 'bool', value: op === '&&' ? a.value && b.value : a.value || b.value }; return; }
      if (isNumericConst(a) && isNumericConst(b) && !isInteger(t)) {
        e.constValue = this.numericConstIn(e, foldNumeric(op, a, b, t)!, t);
        return;
      }
      if (a.kind === 'int' && b.kind === 'int') {
        const v = intOp(op, a.value, b.value, t);
        this.checkOverflow(e, v, t);
        e.constValue = { kind: 'int', value: v };
      }
    }
  }

  /**
   * Make both operands of a binary operator the same type (untyped ones are converted). A comparison passes its
   * own `mismatch` and only needs the typed operands to be assignable one to the other.
   */
  protected matchOperands(e: A.BinaryExpr, opAssign: boolean, comparisonMismatch?: () => never): void {
    const xt = e.x.type!;
    const yt = e.y.type!;
    const mismatch = comparisonMismatch ?? ((): never => this.fail(opAssign ? e.opPos : e.x.pos, `invalid operation: ${opAssign ? `${exprString(e.x)} ${e.op}= ${exprString(e.y)}` : exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`));
    if (isUntyped(xt) && isUntyped(yt)) {
      if (xt === T.untypedNil || yt === T.untypedNil) this.fail(e.pos, `invalid operation: operator ${e.op} not defined on nil`);
      // untyped numeric kinds mix to the larger one (int < rune < float < complex); others must agree
      const rx = untypedRank(xt);
      const ry = untypedRank(yt);
      if (rx > 0 && ry > 0) { const top = rx >= ry ? xt : yt; e.x.type = top; e.y.type = top; return; }
      const kind = (t: Type): string => (t === T.untypedRune ? 'untyped int' : (t as { name: string }).name);
      if (kind(xt) !== kind(yt)) mismatch();
      if (xt === T.untypedRune || yt === T.untypedRune) { e.x.type = T.untypedRune; e.y.type = T.untypedRune; }
      return;
    }
    if (isUntyped(xt)) { if (opAssign) mismatch(); this.convertOperand(e.x, yt, e, mismatch); return; }
    if (isUntyped(yt)) { this.convertOperand(e.y, xt, e, mismatch); return; }
    if (comparisonMismatch ? !this.assignableType(xt, yt) && !this.assignableType(yt, xt) : !identical(xt, yt)) mismatch();
  }

  protected convertOperand(x: A.Expr, t: Type, e: A.BinaryExpr, mismatch: () => never): void {
    const xt = x.type!;
    if (xt === T.untypedNil) {
      if (!hasNil(t)) mismatch();
      x.type = t;
      return;
    }
    const u = underlying(t);
    if (u.kind === 'interface') {
      return; // handled by comparison
    }
    if (isUnsafePointer(t) && x.mode === 'constant') this.fail(x.pos, `cannot convert ${exprString(x)} (${this.describeKind(x)}) to unsafe.Pointer`);
    const compatible = (isBoolean(xt) && isBoolean(t)) || (isString(xt) && isString(t)) || ((xt === T.untypedInt || xt === T.untypedRune) && isInteger(t)) || (untypedRank(xt) > 0 && isNumeric(t) && x.mode === 'constant');
    if (!compatible) {
      if (x.mode === 'constant' && !e.op.match(/^[=!<>]/)) this.fail(x.pos, `cannot convert ${exprString(x)} (${this.describeKind(x)}) to type ${typeString(t)}`);
      mismatch();
    }
    this.convertUntyped(x, t, 'expression');
  }

  protected comparison(e: A.BinaryExpr, switchCase: boolean): void {
    const op = e.op;
    let xt = e.x.type!;
    let yt = e.y.type!;
    const mismatch = (): never => {
      if (switchCase) this.fail(e.y.pos, `invalid case ${exprString(e.y)} in switch on ${exprString(e.x)} (mismatched types ${typeString(yt)} and ${typeString(xt)})`);
      // go 1.19 reports a comparison's mismatched operands at the second one
      return this.fail(e.y.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(xt)} and ${typeString(yt)})`);
    };
    // interface vs concrete: the concrete operand is converted to the interface
    if (isInterface(xt) && !isInterface(yt) && yt !== T.untypedNil) {
      if (isUntyped(yt)) this.convertUntyped(e.y, defaultType(yt), 'comparison');
      if (!this.implements(e.y.type!, xt)) mismatch();
      e.y = this.wrapIface(e.y, xt);
      yt = xt;
    } else if (isInterface(yt) && !isInterface(xt) && xt !== T.untypedNil) {
      if (isUntyped(xt)) this.convertUntyped(e.x, defaultType(xt), 'comparison');
      if (!this.implements(e.x.type!, yt)) mismatch();
      e.x = this.wrapIface(e.x, yt);
      xt = yt;
    } else {
      this.matchOperands(e, false, mismatch);
      xt = e.x.type!;
      yt = e.y.type!;
    }
    const t = xt === T.untypedNil ? yt : xt;
    const u = underlying(t);
    if (xt === T.untypedNil && yt === T.untypedNil) this.fail(e.pos, `invalid operation: ${exprString(e)} (operator ${op} not defined on nil)`);
    if (op === '==' || op === '!=') {
      if (!comparableType(t)) {
        const nilOk = (u.kind === 'func' || u.kind === 'slice' || u.kind === 'map') && (e.x.type === T.untypedNil || e.y.type === T.untypedNil || e.x.mode === 'nil' || e.y.mode === 'nil');
        if (!nilOk) this.fail(e.x.pos, `invalid operation: ${exprString(e)} (${incomparableCause(t)})`);
      }
      if (e.x.type === T.untypedNil) e.x.type = t;
      if (e.y.type === T.untypedNil) e.y.type = t;
    } else if (!(isInteger(t) || isString(t) || isFloat(t))) {
      this.fail(e.x.pos, `invalid operation: ${exprString(e)} (operator ${op} not defined on ${this.describeKind(e.x).replace(/^variable of type /, '').replace(/^value of type /, '')})`);
    }
    e.type = T.bool;
    e.mode = 'value';
    const a = e.x.constValue;
    const b = e.y.constValue;
    if (!(e.x.mode === 'constant' && e.y.mode === 'constant')) {
      // untyped operands of a comparison that is not constant (`1<<s == 8`) get their default types
      if (isUntyped(e.x.type!)) this.convertUntyped(e.x, defaultType(e.x.type!), 'comparison');
      if (isUntyped(e.y.type!)) this.convertUntyped(e.y, defaultType(e.y.type!), 'comparison');
    }
    if (e.x.mode === 'constant' && e.y.mode === 'constant' && a && b && !switchCase) {
      let r: boolean;
      if (isNumericConst(a) && isNumericConst(b) && (a.kind !== 'int' || b.kind !== 'int')) r = compareNumeric(op, a, b);
      else if (a.kind === 'int' && b.kind === 'int') r = cmp(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      else if (a.kind === 'string' && b.kind === 'string') r = cmp(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      else if (a.kind === 'bool' && b.kind === 'bool') r = op === '==' ? a.value === b.value : a.value !== b.value;
      else r = false;
      e.mode = 'constant';
      e.type = T.untypedBool;
      e.constValue = { kind: 'bool', value: r };
    }
  }

  protected shift(e: A.BinaryExpr, opAssign: boolean): void {
    const yt = e.y.type!;
    if (!isInteger(yt)) this.fail(e.y.pos, `invalid operation: shift count ${this.describe(e.y)} must be integer`);
    const b = e.y.constValue;
    if (b?.kind === 'int' && b.value < 0n) this.fail(e.y.pos, `invalid operation: negative shift count ${exprString(e.y)}`);
    if (isUntyped(yt)) this.convertUntyped(e.y, T.uint, 'shift');
    // an untyped float constant with an integer value shifts as an untyped int (`2.0 << 3` is 16)
    if (untypedRank(e.x.type!) > 2 && intValued(e.x.constValue)?.kind === 'int') { e.x.constValue = intValued(e.x.constValue); e.x.type = T.untypedInt; }
    const xt = e.x.type!;
    if (!isInteger(xt)) this.fail(e.x.pos, `invalid operation: shifted operand ${this.describe(e.x)} must be integer`);
    const a = e.x.constValue;
    if (!opAssign && e.x.mode === 'constant' && e.y.mode === 'constant' && a?.kind === 'int' && b?.kind === 'int') {
      if (b.value > 10000n) this.fail(e.y.pos, `invalid shift count ${b.value}`);
      const v = e.op === '<<' ? a.value << b.value : a.value >> b.value;
      const t = xt;
      e.type = t;
      e.mode = 'constant';
      this.checkOverflow(e, v, t);
      e.constValue = { kind: 'int', value: v };
      return;
    }
    // a non-constant shift of an untyped constant stays untyped: the context gives it (and the constant) its
    // type, as if the shift were replaced by its left operand (`var x int64 = 1 << s` shifts an int64)
    e.type = e.x.type!;
    e.mode = 'value';
  }
}

function intOp(op: A.BinaryOp, a: bigint, b: bigint, t: Type): bigint {
  let v: bigint;
  switch (op) {
    case '+': v = a + b; break;
    case '-': v = a - b; break;
    case '*': v = a * b; break;
    case '/': v = a / b; break; // bigint division truncates toward zero, like Go
    case '%': v = a % b; break;
    case '&': v = a & b; break;
    case '|': v = a | b; break;
    case '^': v = a ^ b; break;
    case '&^': v = a & ~b; break;
    default: v = 0n;
  }
  void t;
  return v;
}

function cmp(op: A.BinaryOp, c: number): boolean {
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}
