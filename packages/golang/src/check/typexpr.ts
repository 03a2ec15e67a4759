/**
 * Type expressions (go/types typexpr): named, pointer, array, slice, chan, func, struct and interface types.
 */
import type * as A from '../ast.js';
import type { TypeNameObj } from '../objects.js';
import type { Signature, StructType, Type } from '../types.js';
import { emptyInterface, isInteger, isUntyped, underlying } from '../types.js';
import { CheckerBase } from './base.js';
import { exprString } from './expr-string.js';

export abstract class TypeChecker extends CheckerBase {
  /**
   * The type `e` denotes. `lazy`: `e` is in a position where a named type's underlying type is not needed yet
   * (anywhere behind a pointer, slice or chan, in a parameter or result), so it may still be being declared.
   */
  protected typeExpr(e: A.Expr, lazy = false): Type {
    const t = this.typeExprInner(e, lazy);
    e.type = t;
    e.mode = 'type';
    return t;
  }

  protected typeExprInner(e: A.Expr, lazy: boolean): Type {
    switch (e.kind) {
      case 'Ident': case 'SelectorExpr': {
        const obj = this.resolveName(e, true);
        if (obj.kind !== 'typename') this.fail(e.pos, `${exprString(e)} is not a type`);
        if (this.pending.has(obj)) {
          if (lazy && obj.type.kind === 'named' && this.typeDeclDepth > 0) this.lazyTypes.push(obj);
          else this.force(obj, e.pos);
        }
        return obj.type;
      }
      case 'ParenExpr': return this.typeExpr(e.x, lazy);
      case 'StarExpr': return { kind: 'pointer', elem: this.typeExpr(e.x, true) };
      case 'ArrayTypeExpr': {
        if (!e.len) return { kind: 'slice', elem: this.typeExpr(e.elem, true) };
        this.expr(e.len);
        const cv = e.len.constValue;
        if (e.len.mode !== 'constant' || cv?.kind !== 'int') this.fail(e.len.pos, `array length ${exprString(e.len)} (${this.describeKind(e.len)}) must be constant`);
        if (cv.value < 0n) this.fail(e.len.pos, `invalid array length ${exprString(e.len)} (untyped int constant ${cv.value})`);
        if (!isUntyped(e.len.type!) && !isInteger(e.len.type!)) this.fail(e.len.pos, `array length ${exprString(e.len)} must be integer`);
        const elem = this.typeExpr(e.elem, lazy);
        return { kind: 'array', len: Number(cv.value), elem };
      }
      case 'ChanTypeExpr': return { kind: 'chan', dir: e.dir, elem: this.typeExpr(e.elem, true) };
      case 'FuncTypeExpr': return this.signature(e);
      case 'StructTypeExpr': {
        const s: StructType = { kind: 'struct', fields: [], laidOut: false };
        const seen = new Set<string>();
        for (const f of e.fields) {
          const ft = this.typeExpr(f.typeExpr, lazy);
          for (const n of f.names) {
            if (n.name !== '_' && seen.has(n.name)) this.fail(n.pos, `${n.name} redeclared`);
            seen.add(n.name);
            s.fields.push({ name: n.name, type: ft, offset: -1 });
          }
        }
        this.structs.push(s);
        return s;
      }
      case 'InterfaceTypeExpr':
        if (e.methods.length > 0) this.fail(e.pos, 'interfaces with methods are not supported by gosim (only interface{} and runtime.Error)');
        return emptyInterface;
      case 'MapTypeExpr': return this.mapType(e, lazy);
      default:
        this.fail(e.pos, `${exprString(e)} is not a type`);
    }
  }

  /** `map[K]V` (check/map.ts). */
  protected abstract mapType(e: A.MapTypeExpr, lazy: boolean): Type;

  protected signature(e: A.FuncTypeExpr): Signature {
    const params: Type[] = [];
    const results: Type[] = [];
    let variadic = false;
    e.params.forEach((f, i) => {
      const t = this.typeExpr(f.typeExpr, true);
      if (f.variadic) {
        if (i !== e.params.length - 1 || f.names.length > 1) this.fail(f.pos, 'can only use ... with final parameter in list');
        variadic = true;
        this.fail(f.pos, 'variadic functions are not supported by gosim');
      }
      for (let k = 0; k < Math.max(1, f.names.length); k++) params.push(t);
    });
    for (const f of e.results) {
      const t = this.typeExpr(f.typeExpr, true);
      for (let k = 0; k < Math.max(1, f.names.length); k++) results.push(t);
    }
    const sig: Signature = { kind: 'func', params, results, variadic };
    e.type = sig;
    e.mode = 'type';
    return sig;
  }
}
