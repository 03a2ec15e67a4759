/**
 * Maps (go/types): `map[K]V` types, index expressions `m[k]` (and `v, ok := m[k]`), map literals, `delete`.
 * A map index expression has mode 'value' and `IndexExpr.mapIndex`: it may be assigned to but not addressed.
 */
import type * as A from '../ast.js';
import type { MapType, Type } from '../types.js';
import { identical, T, typeString, underlying } from '../types.js';
import { comparableType } from './map-index.js';
import { startPos } from './base.js';
import { BuiltinChecker } from './builtins.js';
import { exprString } from './expr-string.js';
import { constKey } from './float.js';

export abstract class MapChecker extends BuiltinChecker {

  protected mapType(e: A.MapTypeExpr, lazy: boolean): Type {
    const key = this.typeExpr(e.key, true);
    const elem = this.typeExpr(e.value, true);
    // a key type still being declared is checked once it is complete (go/types delays this check too)
    const pendingKey = key.kind === 'named' && key.underlying === undefined;
    if (!pendingKey && !comparableType(key)) this.fail(e.key.pos, `invalid map key type ${typeString(key)}`);
    void lazy;
    return { kind: 'map', key, elem };
  }

  /** `m[k]`: k is assigned to the key type. */
  protected mapIndex(e: A.IndexExpr, u: MapType): void {
    this.expr(e.index, u.key);
    this.singleValue(e.index);
    e.index = this.assign(e.index, u.key, 'map index');
    e.mapIndex = true;
    e.type = u.elem;
    e.mode = 'value';
  }

  /** `v, ok := m[k]` (and `=`, `var`): the types of the two values, or undefined if v is no map index. */
  protected mapCommaOk(v: A.Expr, x: A.IndexExpr, declType: Type | undefined): Type[] {
    this.expr(v);
    if (!x.mapIndex) this.fail(v.pos, 'assignment mismatch: 2 variables but 1 value');
    x.commaOk = true;
    if (!declType) return [x.type!, T.bool];
    if (!this.assignableType(x.type!, declType)) this.fail(startPos(v), `cannot use ${exprString(v)} (${this.describeKind(v)}) as type ${typeString(declType)} in assignment`);
    if (!this.assignableType(T.untypedBool, declType)) this.fail(startPos(v), `cannot use ${exprString(v)} (untyped bool value) as ${typeString(declType)} value in assignment`);
    return [declType, declType];
  }

  /** `map[K]V{k: v, ...}`: keys and values may elide their composite types. */
  protected mapLit(e: A.CompositeLit, u: MapType): void {
    const seen = new Set<string>();
    for (const el of e.elts) {
      if (el.kind !== 'KeyValueExpr') this.fail(el.pos, 'missing key in map literal');
      this.expr(el.key, u.key);
      this.singleValue(el.key);
      const cv = el.key.constValue;
      if (el.key.mode === 'constant' && cv) {
        const id = `${cv.kind}:${constKey(cv)}`;
        if (seen.has(id)) this.fail(el.key.pos, `duplicate key ${exprString(el.key)} in map literal`);
        seen.add(id);
      }
      el.key = this.assign(el.key, u.key, 'map literal');
      this.expr(el.value, u.elem);
      this.singleValue(el.value);
      el.value = this.assign(el.value, u.elem, 'map literal');
      el.type = u.elem;
      el.mode = 'value';
    }
  }

  /** `delete(m, k)`. */
  protected deleteCall(e: A.CallExpr): void {
    const a0 = e.args[0];
    if (e.args.length === 1 && a0!.kind === 'CallExpr') {
      // delete(f()): f's results are the map and the key (lower/map.ts takes the tuple)
      this.expr(a0!, undefined, true);
      const ts = a0!.type?.kind === 'tuple' ? a0!.type.types : undefined;
      if (ts?.length === 2) {
        const u = underlying(ts[0]!);
        if (u.kind !== 'map') this.fail(a0!.pos, `invalid argument: ${exprString(a0!)} (value of type ${typeString(ts[0]!)}) is not a map`);
        if (!identical(ts[1]!, u.key)) this.fail(a0!.pos, `delete(f()) with a key of another type than the map's is not supported by gosim`);
        e.mode = 'novalue';
        e.type = { kind: 'tuple', types: [] };
        return;
      }
    }
    if (e.args.length !== 2) this.fail(e.pos, `${e.args.length < 2 ? 'not enough' : 'too many'} arguments for ${exprString(e)} (expected 2, found ${e.args.length})`);
    const m = e.args[0]!;
    this.expr(m);
    this.singleValue(m);
    const u = underlying(m.type!);
    if (u.kind !== 'map') this.fail(m.pos, `invalid argument: ${this.describe(m)} is not a map`);
    const k = e.args[1]!;
    this.expr(k, u.key);
    this.singleValue(k);
    e.args[1] = this.assign(k, u.key, 'argument to delete');
    e.mode = 'novalue';
    e.type = { kind: 'tuple', types: [] };
  }
}
