/**
 * Escape analysis of `unsafe.Pointer(u)` where u is a uintptr expression (Go's escape.unsafeValue): the pointers
 * u was computed from keep their flow, so `unsafe.Pointer(uintptr(p) + off)` leaks p as the result would.
 * They are the unsafe.Pointer operands of conversions to uintptr, through unary and arithmetic operators; any
 * other uintptr operand (a variable, a call) carries no pointer.
 */
import type * as A from './ast.js';
import { isUnsafePointer } from './types.js';

/** Calls `flow` on each unsafe.Pointer operand u's value comes from, `discard` on the other operands. */
export function unsafeValue(u: A.Expr, flow: (p: A.Expr) => void, discard: (x: A.Expr) => void): void {
  switch (u.kind) {
    case 'ParenExpr': unsafeValue(u.x, flow, discard); return;
    case 'CallExpr':
      if (u.callKind === 'conversion' && u.args.length === 1 && isUnsafePointer(u.args[0]!.type!)) flow(u.args[0]!);
      else discard(u);
      return;
    case 'UnaryExpr':
      if (u.op === '+' || u.op === '-' || u.op === '^') unsafeValue(u.x, flow, discard);
      else discard(u);
      return;
    case 'BinaryExpr':
      if (u.op === '<<' || u.op === '>>') { unsafeValue(u.x, flow, discard); discard(u.y); return; }
      if (['+', '-', '|', '^', '*', '/', '%', '&', '&^'].includes(u.op)) { unsafeValue(u.x, flow, discard); unsafeValue(u.y, flow, discard); return; }
      discard(u);
      return;
    default: discard(u);
  }
}
