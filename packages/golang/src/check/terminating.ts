/** The Go spec's "terminating statement" rule, for `missing return`. */
import type * as A from '../ast.js';

export function isTerminatingList(stmts: A.Stmt[]): boolean {
  for (let i = stmts.length - 1; i >= 0; i--) {
    const s = stmts[i]!;
    if (s.kind === 'EmptyStmt') continue;
    return isTerminating(s);
  }
  return false;
}

export function isTerminating(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'ReturnStmt': return true;
    case 'BranchStmt': return s.tok === 'goto' || s.tok === 'fallthrough';
    case 'ExprStmt': {
      const x = s.x;
      return x.kind === 'CallExpr' && x.callKind === 'builtin' && x.builtin === 'panic';
    }
    case 'BlockStmt': return isTerminatingList(s.stmts);
    case 'IfStmt': return s.else !== undefined && isTerminatingList(s.then.stmts) && isTerminating(s.else);
    case 'ForStmt': return s.cond === undefined && !hasBreak(s.body.stmts, s, true);
    case 'LabeledStmt': return isTerminating(s.stmt);
    case 'SwitchStmt': case 'TypeSwitchStmt':
      return s.cases.some((c) => c.isDefault) &&
        s.cases.every((c) => !hasBreak(c.body, s, true) && isTerminatingList(c.body));
    case 'SelectStmt': return s.cases.every((c) => !hasBreak(c.body, s, true) && isTerminatingList(c.body));
    default: return false;
  }
}

/** Does a `break` (unlabelled at this nesting, or labelled anywhere inside) leave `target`? */
function hasBreak(stmts: A.Stmt[], target: A.Stmt, top: boolean): boolean {
  for (const s of stmts) {
    switch (s.kind) {
      case 'BranchStmt': if (s.tok === 'break' && (s.target === target || (top && !s.target))) return true; break;
      case 'BlockStmt': if (hasBreak(s.stmts, target, top)) return true; break;
      case 'IfStmt':
        if (hasBreak(s.then.stmts, target, top)) return true;
        if (s.else && hasBreak([s.else], target, top)) return true;
        break;
      case 'LabeledStmt': if (hasBreak([s.stmt], target, top)) return true; break;
      // nested breakable statements capture unlabelled breaks; a labelled one may still leave target
      case 'ForStmt': case 'RangeStmt': if (hasBreak(s.body.stmts, target, false)) return true; break;
      case 'SwitchStmt': case 'TypeSwitchStmt': case 'SelectStmt':
        if (s.cases.some((c) => hasBreak(c.body, target, false))) return true;
        break;
      default: break;
    }
  }
  return false;
}
