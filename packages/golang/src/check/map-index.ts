/** Map facts the checker, the escape analysis and the lowering share (no checker classes: no import cycles). */
import type * as A from '../ast.js';
import { unparen } from '../parser.js';
import type { Type } from '../types.js';
import { underlying } from '../types.js';

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

/** Whether e is a map index expression `m[k]` (after checking). */
export function isMapIndex(e: A.Expr): e is A.IndexExpr {
  const x = unparen(e);
  return x.kind === 'IndexExpr' && x.mapIndex === true;
}
