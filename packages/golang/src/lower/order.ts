/**
 * Order of evaluation as gc's order phase fixes it: before a statement (or a condition) uses its operands, every
 * function call and channel receive in them runs, innermost first and left to right, into temporaries; variables,
 * index operands and dereferences are read only afterwards. So `x += f()`, `x + f()` and `a[i] += f()` see what
 * f stored. The right operand of `&&` / `||` runs only when needed, so it is ordered where it is evaluated
 * (`cond`), and function literal bodies are their own functions.
 *
 * A hoisted expression's values are kept in `fn.hoisted`; `call` and the receive in `val` return them when
 * the statement's lowering reaches that expression again.
 */
import type * as A from '../ast.js';
import { call } from './call.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import { unparen } from './util.js';
import { underlying, type Type } from '../types.js';

/**
 * Run the calls and receives inside `roots` (and the roots themselves) now, in gc's order; a receive that its
 * statement lowers itself (`<-c` alone, `v, ok = <-c`) is the statement's, not hoisted.
 */
export function hoist(fn: FnLower, roots: readonly (A.Expr | undefined)[], own?: A.Expr): void {
  // iterative post-order (operands before the call that uses them): nesting depth follows the source
  const stack: { e: A.Expr; after: boolean }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const r = roots[i];
    if (r) stack.push({ e: r, after: false });
  }
  while (stack.length > 0) {
    const it = stack.pop()!;
    const e = it.e;
    if (fn.hoisted.has(e)) continue; // already run, with everything inside it
    if (it.after) {
      if (e.kind === 'CallExpr' && e.callKind === 'call') fn.hoisted.set(e, call(fn, e));
      else if (e.kind === 'CallExpr' && orderedBuiltin(e)) fn.hoisted.set(e, call(fn, e).map((l, i) => fn.own(l, resultType(e, i))));
      else if (e.kind === 'UnaryExpr' && e.op === '<-' && e !== own) fn.hoisted.set(e, [val(fn, e)]);
      continue;
    }
    stack.push({ e, after: true });
    const kids = operands(e);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push({ e: k, after: false });
    }
  }
}

/** Builtin calls whose value gc evaluates in order with the calls around them (bug491: `a, b := len(x), f()`). */
const ordered = new Set(['append', 'cap', 'complex', 'copy', 'imag', 'len', 'make', 'real']);
function orderedBuiltin(e: A.CallExpr): boolean {
  return e.callKind === 'builtin' && e.mode === 'value' && ordered.has(e.builtin!);
}
function resultType(e: A.CallExpr, i: number): Type {
  return e.type!.kind === 'tuple' ? e.type!.types[i]! : e.type!;
}

/** The operands of e in evaluation order (none for the parts evaluated later or elsewhere). */
function operands(e: A.Expr): (A.Expr | undefined)[] {
  switch (e.kind) {
    case 'CallExpr': return e.callKind === 'call' ? [e.fun, ...e.args] : e.args;
    case 'BinaryExpr': return e.op === '&&' || e.op === '||' ? [e.x] : [e.x, e.y];
    case 'UnaryExpr': case 'ParenExpr': case 'StarExpr': case 'ImplicitConv': case 'SelectorExpr': case 'TypeAssertExpr':
      return [e.x];
    case 'IndexExpr': return [e.x, e.index];
    case 'SliceExpr': return [e.x, e.low, e.high, e.max];
    case 'CompositeLit': return e.type && underlying(e.type).kind === 'map' ? [] : e.elts; // a map literal orders its entries itself (lower/map.ts)
    case 'KeyValueExpr': return [e.value];
    default: return [];
  }
}

/** The receive a statement lowers itself: `<-c` as a statement, the right side of `v, ok = <-c`. */
export function statementOwn(s: A.Stmt): A.Expr | undefined {
  if (s.kind === 'ExprStmt') return unparen(s.x);
  if (s.kind === 'AssignStmt' && s.rhs.length === 1 && s.lhs.length === 2) return unparen(s.rhs[0]!);
  return undefined;
}

/** The expressions a simple statement evaluates before it acts (control statements order their own). */
export function statementOperands(s: A.Stmt): (A.Expr | undefined)[] {
  switch (s.kind) {
    case 'ExprStmt': return [s.x];
    case 'SendStmt': return [s.chan, s.value];
    case 'IncDecStmt': return [s.x];
    case 'AssignStmt': return [...s.lhs, ...s.rhs];
    case 'ReturnStmt': return s.results;
    // go and defer evaluate the function value, then each argument in turn, as separate steps (defer.ts)
    default: return [];
  }
}
