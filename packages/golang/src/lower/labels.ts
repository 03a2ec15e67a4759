/** Labelled statements and goto: one code label per labelled statement of the function being lowered. */
import type * as A from '../ast.js';
import type { FnLower } from './fn.js';
import type { Lbl } from './frame.js';

const labels = new WeakMap<FnLower, Map<A.LabeledStmt, Lbl>>();

function labelOf(fn: FnLower, s: A.LabeledStmt): Lbl {
  let m = labels.get(fn);
  if (!m) labels.set(fn, (m = new Map()));
  let l = m.get(s);
  if (!l) m.set(s, (l = fn.f.label()));
  return l;
}

export function labeledStmt(fn: FnLower, s: A.LabeledStmt, stmt: (fn: FnLower, s: A.Stmt) => void): void {
  fn.f.bind(labelOf(fn, s));
  stmt(fn, s.stmt);
}

export function gotoStmt(fn: FnLower, s: A.BranchStmt): void {
  if (!s.gotoTarget) return fn.fail('goto without a target');
  fn.f.jmp(labelOf(fn, s.gotoTarget));
}
