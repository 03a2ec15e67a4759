/** select statements: each case is a send, a receive, or a receive assigned (`v := <-c`, `v, ok = <-c`). */
import type * as A from '../ast.js';
import { unparen } from '../parser.js';
import { LocalTypeChecker } from './localtype.js';

export abstract class SelectChecker extends LocalTypeChecker {
  protected selectStmt(s: A.SelectStmt): void {
    const fn = this.fn!;
    const defs = s.cases.filter((c) => !c.comm);
    if (defs.length > 1) this.fail(defs[1]!.pos, 'multiple defaults in select');
    fn.breakables.unshift(s);
    try {
      for (const c of s.cases) {
        this.withScope(() => {
          if (c.comm) {
            if (!isComm(c.comm)) {
              const x = c.comm.kind === 'ExprStmt' ? unparen(c.comm.x) : undefined;
              this.fail(x?.kind === 'BinaryExpr' ? x.opPos : c.comm.pos, 'select case must be send or receive (possibly with assignment)');
            }
            this.stmt(c.comm);
          }
          for (const st of c.body) this.stmt(st);
        });
      }
    } finally {
      fn.breakables.shift();
    }
  }
}

const isRecv = (e: A.Expr): boolean => {
  const x = unparen(e);
  return x.kind === 'UnaryExpr' && x.op === '<-';
};

function isComm(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'SendStmt': return true;
    case 'ExprStmt': return isRecv(s.x);
    case 'AssignStmt': return (s.tok === '=' || s.tok === ':=') && s.rhs.length === 1 && s.lhs.length <= 2 && isRecv(s.rhs[0]!);
    default: return false;
  }
}

/** The receive of a select case's comm (undefined for a send). */
export function commRecv(s: A.Stmt): A.UnaryExpr | undefined {
  let x = s.kind === 'ExprStmt' ? unparen(s.x) : s.kind === 'AssignStmt' ? unparen(s.rhs[0]!) : undefined;
  if (x?.kind === 'ImplicitConv') x = unparen(x.x);
  return x?.kind === 'UnaryExpr' && x.op === '<-' ? x : undefined;
}
