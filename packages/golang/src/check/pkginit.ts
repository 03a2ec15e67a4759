/**
 * Package initialization's functions: `func init()` (any number; Go names them main.init.0, main.init.1, ... and
 * runtime.main runs them after the variable initializers, before main.main) and function literals in
 * package-level variable initializers (main.glob..func1, ...; nested ones main.glob..func1.1).
 */
import type * as A from '../ast.js';
import type { FuncObj } from '../objects.js';
import type { Signature } from '../types.js';
import { SelectChecker } from './select.js';

export abstract class PkgInitChecker extends SelectChecker {
  private initCount = 0;
  private globCount = 0;

  /** init is not declared in the package scope: it cannot be referred to. */
  protected initFunc(d: A.FuncDecl): void {
    if (d.typeExpr.params.length > 0 || d.typeExpr.results.length > 0) {
      this.fail(d.name.pos, 'func init must have no arguments and no return values');
    }
    const obj: FuncObj = { kind: 'func', name: 'init', type: { kind: 'func', params: [], results: [], variadic: false }, pos: d.name.pos, decl: d };
    d.obj = obj;
    d.goName = `${this.pkgPath}.init.${this.initCount++}`;
    this.funcs.push(d);
    d.sig = obj.type as Signature;
  }

  protected globalFuncLit(e: A.FuncLit, sig: Signature): void {
    e.goName = `${this.pkgPath}.glob..func${++this.globCount}`;
    this.funcLits.push(e);
    const saved = this.globalInitScope;
    this.globalInitScope = false;
    try {
      this.enterFunc(e, e.typeExpr, sig, undefined, e.goName, e.body);
    } finally {
      this.globalInitScope = saved;
    }
  }
}
