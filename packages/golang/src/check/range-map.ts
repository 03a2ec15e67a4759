/**
 * `for k, v := range m` over a map (go/types rangeStmt, map case). The key and value variables are declared
 * once for the loop, outside its body (Go 1.19), in a scope of their own; with `=` they are assignable
 * expressions. The body is a loop for break/continue (`RangeStmt` in FuncCtx.loops).
 */
import type * as A from '../ast.js';
import type { MapType, Type } from '../types.js';
import { isInterface, typeString } from '../types.js';
import { exprString } from './expr-string.js';
import { MapChecker } from './map.js';

export abstract class RangeMapChecker extends MapChecker {

  /** Checks a range over a map whose range expression s.x has been checked (u: its map type). */
  protected rangeMap(s: A.RangeStmt, u: MapType): void {
    const fn = this.fn!;
    this.withScope(() => {
      const vars: [A.Expr | undefined, Type][] = [[s.key, u.key], [s.value, u.elem]];
      for (const [x, t] of vars) {
        if (!x) continue;
        if (s.tok === ':=') {
          if (x.kind !== 'Ident') this.fail(x.pos, `non-name ${exprString(x)} on left side of :=`);
          this.declareLocal(x, t);
        } else {
          if (x.kind === 'Ident' && x.name === '_') { x.mode = 'novalue'; continue; }
          this.expr(x, undefined, false, true);
          this.checkAssignable(x);
          if (!this.assignableType(t, x.type!)) this.fail(x.pos, `cannot use ${exprString(x)} (value of type ${typeString(t)}) as ${typeString(x.type!)} value in range`);
          if (isInterface(x.type!) && !isInterface(t)) this.fail(x.pos, 'range assigning a map key or element to an interface variable is not supported by gosim');
        }
      }
      fn.loopDepth++;
      try {
        this.loopBody(s);
      } finally {
        fn.loopDepth--;
      }
    });
  }
}
