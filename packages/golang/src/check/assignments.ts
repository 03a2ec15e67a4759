/**
 * Assignability and implicit conversion of untyped values, and the assignment forms: var specs, `=`, `:=`, `op=`.
 */
import type * as A from '../ast.js';
import { constString, representable, wrapInt } from '../constant.js';
import type { VarObj } from '../objects.js';
import { unparen } from '../parser.js';
import type { Type } from '../types.js';
import { defaultType, hasNil, identical, isBoolean, isInteger, isInterface, isString, isUntyped, T, typeString, underlying } from '../types.js';
import { startPos } from './base.js';
import { missingMethod } from './interface.js';
import { TypeChecker } from './typexpr.js';
import { isMapIndex } from './map-index.js';
import { exprString } from './expr-string.js';
import { isNumeric, isNumericConst, representNumeric } from './float.js';

export abstract class AssignChecker extends TypeChecker {
  protected implements(t: Type, iface: Type): boolean {
    return missingMethod(t, iface) === undefined; // (MethodChecker forces method signatures first)
  }

  protected assignableType(v: Type, t: Type): boolean {
    if (identical(v, t)) return true;
    const uv = underlying(v);
    const ut = underlying(t);
    if (isUntyped(v)) {
      if (v === T.untypedNil) return hasNil(t);
      if (ut.kind === 'interface') return this.implements(defaultType(v), t);
      if (v === T.untypedBool) return isBoolean(t);
      if (v === T.untypedString) return isString(t);
      return isNumeric(t);
    }
    if (ut.kind === 'interface') return this.implements(v, t);
    if ((v.kind !== 'named' || t.kind !== 'named') && identical(uv, ut) && (v.kind !== 'named' || t.kind !== 'named')) {
      return v.kind !== 'named' || t.kind !== 'named';
    }
    if (uv.kind === 'chan' && ut.kind === 'chan' && uv.dir === 'both' && identical(uv.elem, ut.elem) && (v.kind !== 'named' || t.kind !== 'named')) return true;
    return false;
  }

  /** Check `e` (already checked) can be assigned to `t`; returns the expression to store (maybe wrapped). */
  protected assign(e: A.Expr, t: Type, context: string): A.Expr {
    const v = e.type!;
    if (!this.assignableType(v, t)) {
      if (isUntyped(v) && v !== T.untypedNil && underlying(t).kind === 'basic') {
        this.fail(e.pos, `cannot use ${exprString(e)} (${this.describeKind(e)}) as ${typeString(t)} value in ${context}`);
      }
      let why = '';
      if (isInterface(t) && v !== T.untypedNil) why = `:\n\t${typeString(v)} does not implement ${typeString(t)} ${missingMethod(v, t) ?? ''}`;
      // go 1.19 (types2) says "as T value" for untyped operands (nil, untyped constants) and "as type T" for typed ones
      this.fail(e.pos, `cannot use ${this.describe(e)} as ${isUntyped(v) ? `${typeString(t)} value` : `type ${typeString(t)}`} in ${context}${why}`);
    }
    if (isUntyped(v)) {
      if (isInterface(t)) {
        if (v === T.untypedNil) { setType(e, t); return e; }
        this.convertUntyped(e, defaultType(v), context);
      } else {
        this.convertUntyped(e, t, context);
        return e;
      }
    }
    if (isInterface(t) && (!isInterface(e.type!) || !identical(underlying(t), underlying(e.type!)))) return this.wrapIface(e, t);
    return e;
  }

  protected wrapIface(e: A.Expr, t: Type): A.Expr {
    // go positions a composite literal (and so its conversion) at its {
    const w: A.ImplicitConv = { kind: 'ImplicitConv', pos: e.kind === 'CompositeLit' ? e.lbrace : e.pos, x: e, type: t, mode: 'value' };
    return w;
  }

  /** Give an untyped expression the type t (checking constant representability). */
  protected convertUntyped(e: A.Expr, t: Type, context: string): void {
    const v = e.type;
    if (!v || !isUntyped(v)) return;
    if (v === T.untypedNil) {
      if (!hasNil(t)) this.fail(e.pos, `cannot use nil as ${typeString(t)} value in ${context}`);
      setType(e, t);
      return;
    }
    if (isInterface(t)) t = defaultType(v);
    const cv = e.constValue;
    if (isNumericConst(cv) && (cv.kind !== 'int' || isNumeric(t) && !isInteger(t))) {
      const r = isNumeric(t) ? representNumeric(cv, t) : 'mismatch';
      if (typeof r === 'string') this.fail(e.pos, `cannot use ${exprString(e)} (${this.describeKind(e)}${e.mode === 'constant' && constString(cv) !== exprString(e) ? ' ' + constString(cv) : ''}) as ${typeString(t)} value in ${context}${r === 'mismatch' ? '' : ` (${r})`}`);
    } else if (cv?.kind === 'int') {
      if (!isInteger(t)) this.fail(e.pos, `cannot use ${exprString(e)} (${this.describeKind(e)}) as ${typeString(t)} value in ${context}`);
      if (!representable(cv.value, t)) {
        this.fail(e.pos, `cannot use ${exprString(e)} (untyped ${v === T.untypedRune ? 'rune' : 'int'} constant${cv.value.toString() === exprString(e) ? '' : ' ' + cv.value}) as ${typeString(t)} value in ${context} (overflows)`);
      }
    } else if (cv?.kind === 'string' && !isString(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped string constant) as ${typeString(t)} value in ${context}`);
    else if (cv?.kind === 'bool' && !isBoolean(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped bool constant) as ${typeString(t)} value in ${context}`);
    else if (!cv && v === T.untypedBool && !isBoolean(t)) this.fail(e.pos, `cannot use ${exprString(e)} (untyped bool value) as ${typeString(t)} value in ${context}`);
    else if (!cv && v !== T.untypedBool && !isInteger(t)) {
      // a non-constant shift of an untyped constant: the constant takes type t, which must be an integer type
      this.fail(e.pos, `cannot use ${exprString(e)} (${typeString(v)} value) as ${typeString(t)} value in ${context}`);
    }
    setType(e, t);
  }

  protected varSpec(spec: A.VarSpec, globals: VarObj[] | undefined): void {
    const declType = spec.typeExpr ? this.typeExpr(spec.typeExpr) : undefined;
    const n = spec.names.length;
    let types: Type[] = [];
    if (spec.values.length === 0) {
      types = spec.names.map(() => declType!);
    } else if (spec.values.length === n) {
      spec.values.forEach((v, i) => {
        this.expr(v, declType);
        this.singleValue(v);
        if (declType) {
          spec.values[i] = this.assign(v, declType, 'variable declaration');
          types.push(declType);
        } else {
          if (v.type === T.untypedNil) this.fail(v.pos, 'use of untyped nil in variable declaration');
          this.convertUntyped(v, defaultType(v.type!), 'variable declaration');
          types.push(v.type!);
        }
      });
    } else if (spec.values.length === 1) {
      const v = spec.values[0]!;
      types = this.multiValue(v, n, declType, 'variable declaration');
    } else {
      this.fail(spec.names[0]!.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${spec.values.length} value${spec.values.length > 1 ? 's' : ''}`);
    }
    spec.names.forEach((id, i) => {
      if (globals) {
        const g = globals[i]!;
        g.type = types[i]!;
        id.type = g.type;
      } else {
        this.declareLocal(id, types[i]!);
      }
    });
  }

  /** A single call / comma-ok expression on the right of an n-variable assignment; returns the value types. */
  /** `v, ok := m[k]` (check/map.ts). */
  protected abstract mapCommaOk(v: A.Expr, x: A.IndexExpr, declType: Type | undefined): Type[];

  protected multiValue(v: A.Expr, n: number, declType: Type | undefined, context: string): Type[] {
    const x = unparen(v);
    if (n === 2 && ((x.kind === 'UnaryExpr' && x.op === '<-') || (x.kind === 'TypeAssertExpr'))) {
      this.expr(v);
      x.commaOk = true;
      if (!declType) return [x.type!, T.bool];
      // each value is stored as if assigned to a variable of the declared type (the lowering converts them)
      // (go 1.19 says "assignment" here even in a declaration)
      if (!this.assignableType(x.type!, declType)) this.fail(startPos(v), `cannot use ${exprString(v)} (${this.describeKind(v)}) as type ${typeString(declType)} in assignment`);
      if (!this.assignableType(T.untypedBool, declType)) this.fail(startPos(v), `cannot use ${exprString(v)} (untyped bool value) as ${typeString(declType)} value in assignment`);
      return [declType, declType];
    }
    if (n === 2 && x.kind === 'IndexExpr') return this.mapCommaOk(v, x, declType);
    this.expr(v, undefined, true);
    const t = v.type;
    if (t?.kind !== 'tuple' || t.types.length !== n) {
      const count = t?.kind === 'tuple' ? t.types.length : v.mode === 'novalue' ? 0 : 1;
      const what = x.kind === 'CallExpr' ? `${exprString(x.fun)}() returns ${count} value${count === 1 ? '' : 's'}` : `1 value`;
      this.fail(v.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${what}`);
    }
    if (declType) for (const r of t.types) if (!this.assignableType(r, declType)) this.fail(v.pos, `cannot use ${exprString(v)} value of type ${typeString(r)} as ${typeString(declType)} value in ${context}`);
    return declType ? t.types.map(() => declType) : t.types;
  }

  protected assignStmt(s: A.AssignStmt): void {
    if (s.tok === ':=') {
      const idents = s.lhs.map((l) => {
        if (l.kind !== 'Ident') this.fail(l.pos, `non-name ${exprString(l)} on left side of :=`);
        return l;
      });
      let types: Type[];
      if (s.rhs.length === s.lhs.length) {
        types = s.rhs.map((r, i) => {
          this.expr(r);
          this.singleValue(r);
          if (r.type === T.untypedNil) this.fail(r.pos, 'use of untyped nil in assignment');
          // an existing variable on the left keeps its type
          const existing = this.scope.names.get(idents[i]!.name);
          if (existing?.kind === 'var') {
            s.rhs[i] = this.assign(r, existing.type, 'assignment');
            return existing.type;
          }
          this.convertUntyped(r, defaultType(r.type!), 'assignment');
          return r.type!;
        });
      } else if (s.rhs.length === 1) {
        types = this.multiValue(s.rhs[0]!, s.lhs.length, undefined, 'assignment');
      } else {
        this.fail(s.lhs[0]!.pos, `assignment mismatch: ${s.lhs.length} variable${s.lhs.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
      }
      let anyNew = false;
      s.declares = idents.map((id, i) => {
        const existing = id.name === '_' ? undefined : this.scope.names.get(id.name);
        if (existing) {
          if (existing.kind !== 'var') this.fail(id.pos, `cannot assign to ${id.name}`);
          id.obj = existing;
          id.type = existing.type;
          id.mode = 'variable';
          if (!this.assignableType(types[i]!, existing.type)) this.fail(s.rhs[i]?.pos ?? id.pos, `cannot use ${exprString(s.rhs[i] ?? s.rhs[0]!)} (value of type ${typeString(types[i]!)}) as ${typeString(existing.type)} value in assignment`);
          return false;
        }
        if (id.name !== '_') anyNew = true;
        this.declareLocal(id, types[i]!);
        return true;
      });
      if (!anyNew) this.fail(s.pos, 'no new variables on left side of :=');
      return;
    }
    if (s.tok !== '=') {
      // op-assign: x op= y
      const op = s.tok.slice(0, -1) as A.BinaryOp;
      const x = s.lhs[0]!;
      const y = s.rhs[0]!;
      this.expr(x);
      this.checkAssignable(x);
      this.expr(y);
      const tmp: A.BinaryExpr = { kind: 'BinaryExpr', pos: x.pos, op, opPos: s.pos, x, y };
      this.binary(tmp, true);
      s.rhs[0] = tmp.y;
      return;
    }
    // plain assignment
    for (const l of s.lhs) {
      if (l.kind === 'Ident' && l.name === '_') { l.mode = 'novalue'; continue; }
      this.expr(l, undefined, false, true);
      this.checkAssignable(l);
    }
    const lhsType = (i: number): Type | undefined => (s.lhs[i]!.mode === 'novalue' ? undefined : s.lhs[i]!.type);
    if (s.rhs.length === s.lhs.length) {
      s.rhs.forEach((r, i) => {
        const lt = lhsType(i);
        this.expr(r, lt);
        this.singleValue(r);
        if (lt) {
          s.rhs[i] = this.assign(r, lt, 'assignment');
          if (s.rhs[i]!.kind === 'ImplicitConv') s.rhs[i]!.pos = startPos(s.lhs[0]!); // go: at the assignment
        } else {
          if (r.type === T.untypedNil) this.fail(r.pos, 'use of untyped nil in assignment');
          this.convertUntyped(r, defaultType(r.type!), 'assignment');
        }
      });
    } else if (s.rhs.length === 1) {
      const types = this.multiValue(s.rhs[0]!, s.lhs.length, undefined, 'assignment');
      types.forEach((t, i) => {
        const lt = lhsType(i);
        if (lt && !this.assignableType(t, lt)) this.fail(s.rhs[0]!.pos, `cannot use ${typeString(t)} value as ${typeString(lt)} value in assignment`);
      });
    } else {
      this.fail(s.lhs[0]!.pos, `assignment mismatch: ${s.lhs.length} variable${s.lhs.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
    }
  }

  protected checkAssignable(x: A.Expr): void {
    if (x.mode === 'variable' || isMapIndex(x)) return;
    const u = unparen(x);
    if (u.kind === 'SelectorExpr' && !u.implicitDeref && isMapIndex(u.x)) this.fail(startPos(x), `cannot assign to struct field ${exprString(x)} in map`);
    if (u.kind === 'IndexExpr' && isString(u.x.type!)) this.fail(x.pos, `cannot assign to ${exprString(x)} (neither addressable nor a map index expression)`);
    if (x.mode === 'constant') this.fail(x.pos, `cannot assign to ${exprString(x)} (${this.describeKind(x)})`);
    this.fail(x.pos, `cannot assign to ${exprString(x)} (neither addressable nor a map index expression)`);
  }
}

/** Set the type of an untyped expression and of its untyped operands (Go's updateExprType). */
function setType(e: A.Expr, t: Type): void {
  e.type = t;
  switch (e.kind) {
    case 'ParenExpr': setType(e.x, t); break;
    case 'UnaryExpr': if (e.op !== '<-' && e.op !== '&' && e.x.type && isUntyped(e.x.type)) setType(e.x, t); break;
    case 'BinaryExpr':
      if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) break;
      if (e.x.type && isUntyped(e.x.type)) setType(e.x, t);
      if (e.op !== '<<' && e.op !== '>>' && e.y.type && isUntyped(e.y.type)) setType(e.y, t);
      break;
    default: break;
  }
  if (isNumericConst(e.constValue) && isNumeric(t) && (e.constValue.kind !== 'int' || !isInteger(t))) {
    const r = representNumeric(e.constValue, t);
    if (typeof r !== 'string') e.constValue = r;
  } else if (e.constValue?.kind === 'int' && !isUntyped(t) && isInteger(t)) e.constValue = { kind: 'int', value: wrapInt(e.constValue.value, t) };
}
