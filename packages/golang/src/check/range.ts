/**
 * Range loops (go/types stmt.go rangeStmt): over strings, arrays, pointers to arrays, slices and channels, with
 * no variables, one or two, declared (`:=`) or assigned (`=`). Go 1.19: one variable for the whole loop.
 */
import type * as A from '../ast.js';
import type { Type } from '../types.js';
import { isString, isUntyped, T, typeString, underlying } from '../types.js';
import { exprString } from './expr-string.js';
import { StmtChecker } from './stmt.js';

export abstract class RangeChecker extends StmtChecker {
  protected rangeStmt(s: A.RangeStmt): void {
    const fn = this.fn!;
    this.withScope(() => {
      this.expr(s.x);
      this.singleValue(s.x);
      const xt = s.x.type!;
      let u = underlying(xt);
      if (u.kind === 'pointer' && underlying(u.elem).kind === 'array') u = underlying(u.elem);
      let kt: Type;
      let vt: Type | undefined;
      if (isString(xt)) {
        if (isUntyped(xt)) this.convertUntyped(s.x, T.string, 'range');
        kt = T.int;
        vt = T.int32;
      } else if (u.kind === 'array' || u.kind === 'slice') {
        kt = T.int;
        vt = u.elem;
      } else if (u.kind === 'chan') {
        if (u.dir === 'send') this.fail(s.x.pos, `cannot range over ${this.describe(s.x)} (receive from send-only channel)`);
        if (s.value) this.fail(s.value.pos, `range over ${this.describe(s.x)} permits only one iteration variable`);
        kt = u.elem;
      } else if (u.kind === 'map') {
        this.rangeMap(s, u); // check/range-map.ts
        return;
      } else this.fail(s.x.pos, `cannot range over ${this.describe(s.x)}`);
      const vars: [A.Expr | undefined, Type | undefined][] = [[s.key, kt], [s.value, vt]];
      if (s.tok === ':=') {
        let anyNew = false;
        for (const [lhs, t] of vars) {
          if (!lhs) continue;
          if (lhs.kind !== 'Ident') this.fail(lhs.pos, `non-name ${exprString(lhs)} on left side of :=`);
          if (lhs.name !== '_') anyNew = true;
          this.declareLocal(lhs, t!);
        }
        if (!anyNew && (s.key || s.value)) this.fail(s.pos, 'no new variables on left side of :=');
      } else {
        for (const [lhs, t] of vars) {
          if (!lhs || (lhs.kind === 'Ident' && lhs.name === '_')) continue;
          this.expr(lhs, undefined, false, true);
          this.checkAssignable(lhs);
          if (!this.assignableType(t!, lhs.type!)) this.fail(lhs.pos, `cannot use ${exprString(lhs)} (value of type ${typeString(t!)}) as ${typeString(lhs.type!)} value in range`);
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
