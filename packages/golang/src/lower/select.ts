/**
 * select, as Go 1.19's walkSelectCases: no cases blocks forever; one case and no default is that case's
 * operation; otherwise the channels and send values are evaluated in source order, the frame gets the scase
 * array (sends first) and the order array, SELECTGO picks a case, and a dispatch on its index runs the case's
 * receive assignment (left side evaluated only then) and body.
 */
import { MaxSelectCases, Op, Scase, selectFrameBytes, selectShape } from '@gosim/program';
import type * as A from '../ast.js';
import { commRecv } from '../check/select.js';
import { isInterface, sizeof } from '../types.js';
import { box, val } from './expr.js';
import type { FnLower } from './fn.js';
import { at, type Loc } from './frame.js';
import { hoist } from './order.js';
import { load, place, store } from './place.js';
import { block, declare } from './stmt.js';
import { isMidInt, ptrWords } from './typeinfo.js';
import { unparen } from './util.js';

interface Case {
  clause: A.CommClause;
  comm: A.Stmt;
  recv: A.UnaryExpr | undefined;
  ch?: Loc;
  /** The value to send, or the receive buffer (undefined: the received value is not used). */
  elem?: Loc;
}

export function selectStmt(fn: FnLower, s: A.SelectStmt): void {
  const f = fn.f;
  const end = f.label();
  fn.branches.set(s, { brk: end });
  const def = s.cases.find((c) => !c.comm);
  const cases: Case[] = s.cases.filter((c) => c.comm).map((c) => ({ clause: c, comm: c.comm!, recv: commRecv(c.comm!) }));
  if (cases.length > MaxSelectCases) fn.fail(`a select with more than ${MaxSelectCases} cases is not supported by gosim`);
  if (cases.length === 1 && !def) {
    block(fn, [cases[0]!.comm, ...cases[0]!.clause.body]);
    f.bind(end);
    return;
  }
  if (cases.length === 0 && def) {
    block(fn, def.body);
    f.bind(end);
    return;
  }
  // evaluate the channels and the values to send, in source order
  for (const c of cases) {
    const chExpr = c.recv ? c.recv.x : (c.comm as A.SendStmt).chan;
    f.line = chExpr.pos.line; // a fault evaluating a case's operands is at its line, as gc places it
    hoist(fn, [chExpr]);
    c.ch = fn.own(val(fn, chExpr), chExpr.type!);
    if (!c.recv) {
      const v = (c.comm as A.SendStmt).value;
      hoist(fn, [v]);
      c.elem = fn.own(val(fn, v), v.type!);
    } else if (receivesValue(c.comm)) {
      const et = c.recv.type!;
      c.elem = f.tmp(Math.max(sizeof(et), 1), ptrWords(et));
      if (isMidInt(et)) f.emit(Op.IMM, c.elem, 0);
    }
  }
  f.line = s.pos.line;
  const order = [...cases.filter((c) => !c.recv), ...cases.filter((c) => c.recv)];
  const n = order.length;
  const ptr: number[] = [];
  for (let i = 0; i < n; i++) ptr.push(2 * i, 2 * i + 1);
  const scases = f.tmp(selectFrameBytes(n), ptr);
  order.forEach((c, i) => {
    f.emit(Op.MOV, at(scases, i * Scase.size + Scase.c), c.ch!);
    if (c.elem) f.emit(Op.LEA, at(scases, i * Scase.size + Scase.elem), c.elem);
    else f.emit(Op.IMM, at(scases, i * Scase.size + Scase.elem), 0);
  });
  const dst = f.tmp(16, []);
  const nsends = cases.filter((c) => !c.recv).length;
  f.emit(Op.SELECTGO, dst, scases, selectShape(nsends, n - nsends, !def));
  const bodies = order.map(() => f.label());
  const defBody = f.label();
  order.forEach((_, i) => {
    const b = fn.byte();
    f.emit(Op.EQ, b, dst, fn.imm(i));
    f.emit(Op.JNZ, b, bodies[i]!);
  });
  f.jmp(def ? defBody : end);
  order.forEach((c, i) => {
    f.bind(bodies[i]!);
    f.line = c.clause.pos.line;
    if (c.recv && c.comm.kind === 'AssignStmt') assignReceived(fn, c.comm, c.recv, c.elem, at(dst, 8));
    block(fn, c.clause.body);
    f.jmp(end);
  });
  if (def) {
    f.bind(defBody);
    block(fn, def.body);
  }
  f.bind(end);
}

const blank = (e: A.Expr): boolean => {
  const x = unparen(e);
  return x.kind === 'Ident' && x.name === '_';
};

/** Does the case use the received value (Go passes a nil elem for `case <-c:` and `case _ = <-c:`)? */
function receivesValue(comm: A.Stmt): boolean {
  return comm.kind === 'AssignStmt' && !blank(comm.lhs[0]!);
}

/** `v[, ok] = <-c` / `:=` after the case was chosen: the left side is evaluated now. */
function assignReceived(fn: FnLower, s: A.AssignStmt, recv: A.UnaryExpr, buf: Loc | undefined, ok: Loc): void {
  const et = recv.type!;
  const vals: (Loc | undefined)[] = [buf && (isMidInt(et) ? load(fn, { k: 'frame', loc: buf }, et) : buf), ok];
  s.lhs.forEach((lhs, i) => {
    if (blank(lhs)) return;
    let v = vals[i]!;
    const to = lhs.type!;
    if (i === 0 && isInterface(to) && !isInterface(et)) {
      const conv = s.rhs[0]!;
      v = fn.own(box(fn, v, et, conv.kind === 'ImplicitConv' ? conv.heap ?? true : true), to);
    }
    const x = unparen(lhs);
    if (s.tok === ':=' && s.declares?.[i] && x.kind === 'Ident' && x.obj?.kind === 'var') declare(fn, x.obj, v);
    else store(fn, place(fn, lhs), to, v);
  });
}
