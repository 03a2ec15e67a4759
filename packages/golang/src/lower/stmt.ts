/** Statements: blocks, declarations, control flow, return, switch and type switch. */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { VarObj } from '../objects.js';
import { isInterface, sizeof, underlying, type Type } from '../types.js';
import { multi, assign } from './assign.js';
import { call, evalList, clearDeadTemps } from './call.js';
import { deferOrGo } from './defer.js';
import { gotoStmt, labeledStmt } from './labels.js';
import { selectStmt } from './select.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import { hoist, statementOperands, statementOwn } from './order.js';
import type { Loc } from './frame.js';
import { operand, compareVals, cond } from './ops.js';
import { varPlace, load, store, storeFrame, place } from './place.js';
import { rangeStmt } from './range.js';
import { isMidInt, ptrWords, regSize } from './typeinfo.js';
import { caseIfaceValue, implementsCase, toEface } from './iface.js';
import { floatIncDec, isFloaty } from './float.js';
import { unparen, alignUp8 } from './util.js';
import { isMapIndex } from '../check/map-index.js';
import { mapOpAssign } from './map.js';

export function block(fn: FnLower, stmts: A.Stmt[]): void {
  for (const s of stmts) stmt(fn, s);
}

function stmt(fn: FnLower, s: A.Stmt): void {
  const f = fn.f;
  fn.pos = s.pos;
  f.line = s.pos.line;
  const mk = f.mark();
  try {
    hoist(fn, statementOperands(s), statementOwn(s));
    stmt1(fn, s);
  } finally {
    fn.hoisted.clear();
    f.release(mk);
  }
}

function stmt1(fn: FnLower, s: A.Stmt): void {
  const f = fn.f;
  switch (s.kind) {
    case 'EmptyStmt': return;
    case 'BlockStmt': {
      // a block whose only statement is a block adds nothing: follow such chains in a loop, not by recursion
      let b = s;
      while (b.stmts.length === 1 && b.stmts[0]!.kind === 'BlockStmt') b = b.stmts[0]!;
      return block(fn, b.stmts);
    }
    case 'ExprStmt': {
      const x = unparen(s.x);
      if (x.kind === 'UnaryExpr' && x.op === '<-') {
        // the validator rejects RECV's "no destination" -1 (shape SSs), so receive into a scratch temporary
        const et = x.type!;
        const ch = val(fn, x.x);
        f.emit(Op.RECV, fn.f.tmp(Math.max(sizeof(et), 1), ptrWords(et)), ch, -1);
        return;
      }
      if (x.kind === 'CallExpr') {
        call(fn, x);
        return;
      }
      val(fn, x);
      return;
    }
    case 'SendStmt': {
      const ch = operand(fn, s.chan, s.value);
      const v = val(fn, s.value);
      f.emit(Op.SEND, ch, v);
      clearDeadTemps(fn, [v]); // the value is in the channel (or the receiver): its temporary is dead
      return;
    }
    case 'IncDecStmt': {
      if (isMapIndex(s.x)) return mapOpAssign(fn, s.x, s.op === '++' ? '+' : '-', undefined);
      const t = s.x.type!;
      const p = place(fn, s.x);
      if (isFloaty(t)) return floatIncDec(fn, p, t, s.op === '++');
      const x = fn.toWord(load(fn, p, t), t);
      const w = fn.word();
      f.emit(Op.ADDI, w, x, s.op === '++' ? 1 : -1);
      store(fn, p, t, fn.fromWord(w, t));
      return;
    }
    case 'AssignStmt': return assign(fn, s);
    case 'DeclStmt':
      for (const sp of s.specs) if (sp.kind === 'VarSpec') varSpec(fn, sp);
      return;
    case 'GoStmt': return deferOrGo(fn, s.call, true);
    case 'DeferStmt': return deferOrGo(fn, s.call, false, s.topLevel === true);
    case 'ReturnStmt': return returnStmt(fn, s);
    case 'BranchStmt': {
      if (s.tok === 'fallthrough') {
        return;
      }
      if (s.tok === 'goto') return gotoStmt(fn, s);
      const b = s.target ? fn.branches.get(s.target) : undefined;
      if (!b) return fn.fail(`${s.tok} outside a loop or switch`);
      if (s.tok === 'break') f.jmp(b.brk);
      else if (s.tok === 'continue' && b.cont) f.jmp(b.cont);
      else fn.fail(`${s.tok} is not supported by gosim`);
      return;
    }
    case 'IfStmt': {
      if (s.init) stmt(fn, s.init);
      f.line = s.pos.line;
      const els = f.label();
      const end = f.label();
      cond(fn, s.cond, els, false);
      block(fn, s.then.stmts);
      if (s.else) {
        f.jmp(end);
        f.bind(els);
        stmt(fn, s.else);
        f.bind(end);
      } else f.bind(els);
      return;
    }
    case 'ForStmt': {
      if (s.init) stmt(fn, s.init);
      const top = f.label();
      const cont = f.label();
      const end = f.label();
      fn.branches.set(s, { brk: end, cont });
      f.bind(top);
      f.line = s.pos.line;
      if (s.cond) cond(fn, s.cond, end, false);
      block(fn, s.body.stmts);
      f.bind(cont);
      if (s.post) stmt(fn, s.post);
      f.line = s.pos.line;
      f.jmp(top);
      f.bind(end);
      return;
    }
    case 'SwitchStmt': return switchStmt(fn, s);
    case 'TypeSwitchStmt': return typeSwitch(fn, s);
    case 'SelectStmt': return selectStmt(fn, s);
    case 'LabeledStmt': return labeledStmt(fn, s, stmt);
    case 'RangeStmt': return rangeStmt(fn, s);
    default: return fn.fail(`${(s as A.Stmt).kind} is not supported by gosim`);
  }
}

export function varSpec(fn: FnLower, sp: A.VarSpec): void {
  const vars = sp.names.map((n) => (n.obj?.kind === 'var' ? n.obj : undefined));
  if (sp.values.length === 0) {
    for (const v of vars) if (v) declare(fn, v);
    return;
  }
  let vals: Loc[];
  // `var a, b = x, f()` assigns one name after another (gc lowers it as a = x; b = f()): evalList orders each value
  if (sp.values.length === 1 && sp.names.length > 1) vals = multi(fn, sp.values[0]!, vars.map((v) => v?.type));
  else vals = evalList(fn, sp.values);
  if (vars.length > 1) vals = vals.map((v, i) => fn.own(v, vars[i]?.type ?? sp.values[i]!.type!));
  vars.forEach((v, i) => {
    if (v) declare(fn, v, vals[i]);
  });
}

/** A variable comes into scope: a fresh heap cell if it escapes; its initial (or zero) value. */
export function declare(fn: FnLower, v: VarObj, init?: Loc): void {
  const h = fn.homes.get(v);
  if (!h) {
    const g = fn.L.globals.get(v);
    if (g !== undefined && init) store(fn, varPlace(fn, v), v.type, init);
    return;
  }
  if ('heap' in h) {
    fn.f.emit(Op.NEW, h.heap, fn.typeId(v.type));
    if (init) store(fn, { k: 'mem', base: h.heap, off: 0 }, v.type, init);
    return;
  }
  if (init) storeFrame(fn, h.frame, v.type, init);
  else fn.zeroFrame(h.frame, v.type);
}

function returnStmt(fn: FnLower, s: A.ReturnStmt): void {
  const rv = fn.resultVars;
  if (s.results.length > 0) {
    let vals: Loc[];
    if (s.results.length === 1 && rv.length > 1) vals = multi(fn, s.results[0]!, rv.map((v) => v.type));
    else vals = evalList(fn, s.results);
    if (rv.length > 1) vals = vals.map((v, i) => fn.own(v, rv[i]!.type));
    rv.forEach((v, i) => store(fn, varPlace(fn, v), v.type, vals[i]!));
  }
  fn.ret();
}

function switchStmt(fn: FnLower, s: A.SwitchStmt): void {
  const f = fn.f;
  if (s.init) stmt(fn, s.init);
  f.line = s.pos.line;
  const end = f.label();
  fn.branches.set(s, { brk: end });
  let tag: Loc | undefined;
  const tt = s.tag?.type;
  hoist(fn, [s.tag]);
  if (s.tag) tag = fn.own(val(fn, s.tag), tt!);
  const bodies = s.cases.map(() => f.label());
  let def = -1;
  s.cases.forEach((c, ci) => {
    if (c.isDefault) def = ci;
    for (const e of c.list) {
      f.line = e.pos.line;
      const mk = f.mark();
      if (tag) {
        const eq = compareWith(fn, tag, tt!, e);
        f.emit(Op.JNZ, eq, bodies[ci]!);
      } else cond(fn, e, bodies[ci]!, true);
      f.release(mk);
    }
  });
  f.jmp(def >= 0 ? bodies[def]! : end);
  s.cases.forEach((c, ci) => {
    f.bind(bodies[ci]!);
    block(fn, c.body);
    const last = c.body[c.body.length - 1];
    if (last?.kind === 'BranchStmt' && last.tok === 'fallthrough' && ci + 1 < s.cases.length) f.jmp(bodies[ci + 1]!);
    else f.jmp(end);
  });
  f.bind(end);
}

/** tag == e, for a switch case. */
function compareWith(fn: FnLower, tag: Loc, tt: Type, e: A.Expr): Loc {
  hoist(fn, [e]);
  const y = e.mode === 'nil' ? fn.zeroValue(tt) : val(fn, e);
  return compareVals(fn, '==', tag, y, isInterface(tt) ? tt : e.mode === 'nil' ? tt : e.type!);
}

function typeSwitch(fn: FnLower, s: A.TypeSwitchStmt): void {
  const f = fn.f;
  if (s.init) stmt(fn, s.init);
  f.line = s.pos.line;
  const end = f.label();
  fn.branches.set(s, { brk: end });
  hoist(fn, [s.guard.x]);
  const x = fn.own(val(fn, s.guard.x), s.guard.x.type!);
  const xe = toEface(fn, x, s.guard.x.type!); // lower/iface.ts
  const tw = fn.word();
  f.emit(Op.ETYPE, tw, xe);
  const bodies = s.cases.map(() => f.label());
  let def = -1;
  s.cases.forEach((c, ci) => {
    if (c.isDefault) def = ci;
    (c.caseTypes ?? []).forEach((ct) => {
      const mk = f.mark();
      const b = fn.byte();
      if (!ct) {
        f.emit(Op.EQ, b, tw, fn.imm(-1));
      } else if (isInterface(ct)) {
        const u = underlying(ct);
        if (u.kind === 'interface' && u.methods.length === 0) f.emit(Op.NE, b, tw, fn.imm(-1));
        else implementsCase(fn, b, xe, ct);
      } else f.emit(Op.EQ, b, tw, fn.imm(fn.typeId(ct)));
      f.emit(Op.JNZ, b, bodies[ci]!);
      f.release(mk);
    });
  });
  f.jmp(def >= 0 ? bodies[def]! : end);
  s.cases.forEach((c, ci) => {
    f.bind(bodies[ci]!);
    const mk = f.mark();
    const v = c.implicitVar;
    if (v && fn.homes.has(v)) {
      const ct = c.caseTypes?.length === 1 ? c.caseTypes[0] : undefined;
      if (ct && !isInterface(ct)) {
        const d = fn.f.tmp(Math.max(alignUp8(sizeof(ct)), regSize(ct), 8), ptrWords(ct));
        if (isMidInt(ct)) f.emit(Op.IMM, d, 0);
        f.emit(Op.ASSERT, d, xe, fn.typeId(ct));
        declare(fn, v, isMidInt(ct) ? load(fn, { k: 'frame', loc: d }, ct) : d);
      } else declare(fn, v, ct ? caseIfaceValue(fn, x, xe, s.guard.x.type!, ct) : x);
    }
    f.release(mk);
    block(fn, c.body);
    f.jmp(end);
  });
  f.bind(end);
}
