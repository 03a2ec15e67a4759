/** Map facts the checker, the escape analysis and the lowering share (no checker classes: no import cycles). */
import type * as A from '../ast.js';
import { unparen } from '../parser.js';
import type { Type } from '../types.js';
import { typeString, underlying } from '../types.js';

/** Whether values of type t can be compared with == (and so be map keys). */
export function comparableType(t: Type): boolean {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic': case 'pointer': case 'chan': case 'interface': return true;
    case 'array': return comparableType(u.elem);
    case 'struct': return u.fields.every((f) => comparableType(f.type));
    default: return false;
  }
}

/** Why t is not comparable, as go/types says it after `invalid operation: x == y (…)`. */
export function incomparableCause(t: Type): string {
  const u = underlying(t);
  switch (u.kind) {
    case 'slice': case 'map': case 'func': return `${u.kind} can only be compared to nil`;
    case 'struct': {
      const f = u.fields.find((fl) => !comparableType(fl.type));
      return `struct containing ${typeString(f!.type)} cannot be compared`;
    }
    case 'array': return `${typeString(u)} cannot be compared`;
    default: return `${typeString(t)} cannot be compared`;
  }
}

/** Whether e is a map index expression `m[k]` (after checking). */
export function isMapIndex(e: A.Expr): e is A.IndexExpr {
  const x = unparen(e);
  return x.kind === 'IndexExpr' && x.mapIndex === true;
}
