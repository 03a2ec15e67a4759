/** Small AST and frame-operand helpers shared by the lowering's files. */
import type * as A from '../ast.js';
import type { Module } from '@gosim/program';
import type { Loc } from './frame.js';

export function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** e without the parentheses its value does not depend on (a constant's keep its converted value). */
export function valueExpr(e: A.Expr): A.Expr {
  while (e.kind === 'ParenExpr' && !(e.constValue && e.mode === 'constant')) e = e.x;
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
  // an explicit work list: the depth of an expression follows the source
  const work: (A.Expr | undefined)[] = [e];
  while (work.length > 0) {
    const x = work.pop();
    if (!x) continue;
    switch (x.kind) {
      case 'CallExpr':
        if (x.callKind === 'conversion' || (x.callKind === 'builtin' && (x.builtin === 'len' || x.builtin === 'cap'))) work.push(...x.args);
        else return true;
        break;
      case 'UnaryExpr':
        if (x.op === '<-') return true;
        work.push(x.x);
        break;
      case 'BinaryExpr': work.push(x.x, x.y); break;
      case 'ParenExpr': case 'StarExpr': case 'ImplicitConv': case 'SelectorExpr': case 'TypeAssertExpr': work.push(x.x); break;
      case 'IndexExpr': work.push(x.x, x.index); break;
      case 'SliceExpr': work.push(x.x, x.low, x.high, x.max); break;
      case 'CompositeLit': work.push(...x.elts); break;
      case 'KeyValueExpr': work.push(x.value); break;
      default: break;
    }
  }
  return false;
}

/** Does a function body contain a defer statement (not counting nested function literals)? */
export function containsDefer(b: A.BlockStmt): boolean {
  const work: (A.Stmt | undefined)[] = [b];
  while (work.length > 0) {
    const s = work.pop();
    if (!s) continue;
    switch (s.kind) {
      case 'DeferStmt': return true;
      case 'BlockStmt': work.push(...s.stmts); break;
      case 'IfStmt': work.push(s.init, s.then, s.else); break;
      case 'ForStmt': work.push(s.init, s.post, s.body); break;
      case 'RangeStmt': work.push(s.body); break;
      case 'SwitchStmt': case 'TypeSwitchStmt': work.push(s.init); for (const c of s.cases) work.push(...c.body); break;
      case 'SelectStmt': for (const c of s.cases) work.push(...c.body); break;
      case 'LabeledStmt': work.push(s.stmt); break;
      default: break;
    }
  }
  return false;
}

/** The data offset of a string constant's bytes (one JS char per byte): shared with equal UTF-8 text, else its own. */
export function dataBytes(m: Module, s: string): number {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && new TextEncoder().encode(text).length === bytes.length) return m.string(text);
  const off = m.global(bytes.length);
  m.data.set(bytes, off);
  return off;
}
