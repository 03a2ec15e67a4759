/** Small AST and frame-operand helpers shared by the lowering's files. */
import type * as A from '../ast.js';
import type { Loc } from './frame.js';

export function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

export function sameLoc(a: Loc, b: Loc): boolean {
  return a.s === b.s && a.o === b.o;
}

export function alignUp8(n: number): number {
  return (n + 7) & ~7;
}

/** May evaluating e run code that changes variables or moves the stack (calls, receives)? */
export function sideEffects(e: A.Expr): boolean {
  let found = false;
  const visit = (x: A.Expr | undefined): void => {
    if (!x || found) return;
    switch (x.kind) {
      case 'CallExpr':
        if (x.callKind === 'conversion' || (x.callKind === 'builtin' && (x.builtin === 'len' || x.builtin === 'cap'))) x.args.forEach(visit);
        else found = true;
        return;
      case 'UnaryExpr': if (x.op === '<-') found = true; else visit(x.x); return;
      case 'BinaryExpr': visit(x.x); visit(x.y); return;
      case 'ParenExpr': case 'StarExpr': case 'ImplicitConv': visit(x.x); return;
      case 'SelectorExpr': visit(x.x); return;
      case 'IndexExpr': visit(x.x); visit(x.index); return;
      case 'TypeAssertExpr': visit(x.x); return;
      case 'CompositeLit': x.elts.forEach(visit); return;
      case 'KeyValueExpr': visit(x.value); return;
      default: return;
    }
  };
  visit(e);
  return found;
}

/** Does a function body contain a defer statement (not counting nested function literals)? */
export function containsDefer(b: A.BlockStmt): boolean {
  let found = false;
  const visit = (s: A.Stmt | undefined): void => {
    if (!s || found) return;
    switch (s.kind) {
      case 'DeferStmt': found = true; return;
      case 'BlockStmt': s.stmts.forEach(visit); return;
      case 'IfStmt': visit(s.init); visit(s.then); visit(s.else); return;
      case 'ForStmt': visit(s.init); visit(s.post); visit(s.body); return;
      case 'SwitchStmt': visit(s.init); s.cases.forEach((c) => c.body.forEach(visit)); return;
      case 'TypeSwitchStmt': visit(s.init); s.cases.forEach((c) => c.body.forEach(visit)); return;
      default: return;
    }
  };
  visit(b);
  return found;
}
