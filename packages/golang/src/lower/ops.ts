/** Operators: arithmetic, comparison (structs and arrays: lower/compare.ts), and short-circuit conditions. */
import { Op } from '@gosim/program';
import type * as A from '../ast.js';
import { T, isString, underlying, type Type } from '../types.js';
import { val } from './expr.js';
import type { FnLower } from './fn.js';
import { Lbl, type Loc } from './frame.js';
import { hoist } from './order.js';
import { isSigned, regSize } from './typeinfo.js';
import { sideEffects, unparen } from './util.js';
import { floatArith, floatBinary, floatCompare, isFloaty } from './float.js';
import { eqAggregate } from './compare.js';

export function binary(fn: FnLower, e: A.BinaryExpr): Loc {
  const f = fn.f;
  const op = e.op;
  if (op === '&&' || op === '||') {
    const d = fn.byte();
    const done = f.label();
    const skip = f.label();
    cond(fn, e, skip, false);
    f.emit(Op.IMM1, d, 1);
    f.jmp(done);
    f.bind(skip);
    f.emit(Op.IMM1, d, 0);
    f.bind(done);
    return d;
  }
  if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return compare(fn, e);
  if (isFloaty(e.type)) return floatBinary(fn, e);
  // a left-deep chain a + b + c + ... (as deep as the source) is lowered in a loop, innermost first
  const chain: A.BinaryExpr[] = [e];
  for (let x = unparen(e.x); isArith(x); x = unparen(x.x)) chain.push(x);
  let acc = val(fn, chain[chain.length - 1]!.x);
  for (let i = chain.length - 1; i >= 0; i--) {
    const b = chain[i]!;
    const x = sideEffects(b.y) ? fn.own(acc, b.x.type!) : acc;
    acc = arithConst(fn, b, x) ?? arith(fn, b.op, b.type!, x, b.x.type!, val(fn, b.y), b.y);
  }
  return acc;
}

/** A non-constant arithmetic (not comparison, not logical) binary expression. */
function isArith(x: A.Expr): x is A.BinaryExpr {
  if (x.kind !== 'BinaryExpr' || (x.constValue && x.mode === 'constant')) return false;
  const op = x.op;
  return op !== '&&' && op !== '||' && op !== '==' && op !== '!=' && op !== '<' && op !== '<=' && op !== '>' && op !== '>=';
}

/** x ± constant: one ADDI instead of materialising the constant (same wraparound for every width). */
function arithConst(fn: FnLower, e: A.BinaryExpr, x: Loc): Loc | undefined {
  const k = e.y.constValue;
  if ((e.op !== '+' && e.op !== '-') || k?.kind !== 'int' || isString(e.type!)) return undefined;
  const add = e.op === '+' ? k.value : -k.value;
  if (add < -(1n << 31n) || add >= 1n << 31n) return undefined;
  const w = fn.word();
  fn.f.emit(Op.ADDI, w, fn.toWord(x, e.x.type!), Number(add));
  return fn.fromWord(w, e.type!);
}

/** x op y for operands already evaluated (x of type xt, y of type yt), of result type t: `x + y`, `x <<= y`. */
/** x op y of type t; ye is y's expression (its type, and whether a shift count is a checked constant). */
export function arith(fn: FnLower, op: A.BinaryOp, t: Type, x: Loc, xt: Type, y: Loc, ye: A.Expr): Loc {
  const yt = ye.type!;
  const f = fn.f;
  if (isFloaty(t)) return floatArith(fn, op, t, x, y);
  if (isString(t)) {
    const d = fn.tmp(T.string);
    f.emit(Op.CONCAT, d, x, y);
    return d;
  }
  const xw = fn.toWord(x, xt);
  const yw = fn.toWord(y, yt);
  const w = fn.word();
  const unsigned = !isSigned(t);
  const opc = ({
    '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': unsigned ? Op.DIVU : Op.DIV, '%': unsigned ? Op.MODU : Op.MOD,
    '&': Op.AND, '|': Op.OR, '^': Op.XOR, '&^': Op.ANDNOT, '<<': Op.SHL, '>>': unsigned ? Op.SHRU : Op.SHR,
  } as Record<string, number>)[op];
  if (opc === undefined) return fn.fail(`operator ${op} is not supported by gosim`);
  // a negative signed count panics at run time; a constant count was checked by the compiler
  if ((op === '<<' || op === '>>') && isSigned(yt) && ye.constValue === undefined) f.emit(Op.CHKSHIFT, yw);
  f.emit(opc, w, xw, yw);
  return fn.fromWord(w, t);
}

/** Evaluate the left operand; keep it in its own temporary when the right one may change it. */
export function operand(fn: FnLower, x: A.Expr, later: A.Expr): Loc {
  const v = val(fn, x);
  return sideEffects(later) ? fn.own(v, x.type!) : v;
}

function compare(fn: FnLower, e: A.BinaryExpr): Loc {
  const xnil = e.x.mode === 'nil';
  const ynil = e.y.mode === 'nil';
  const t = xnil ? e.y.type! : e.x.type!;
  const x = xnil ? fn.zeroValue(t) : operand(fn, e.x, e.y);
  const y = ynil ? fn.zeroValue(t) : val(fn, e.y);
  return compareVals(fn, e.op, x, y, t);
}

export function compareVals(fn: FnLower, op0: A.BinaryOp, x: Loc, y: Loc, t: Type): Loc {
  const f = fn.f;
  let op = op0;
  const d = fn.byte();
  const u = underlying(t);
  const swap = (): void => {
    const s = x;
    x = y;
    y = s;
    op = op === '>' ? '<' : op === '>=' ? '<=' : op;
  };
  if (op === '>' || op === '>=') swap();
  const neg = (): void => f.emit(Op.NOT1, d, d);
  if (isFloaty(t)) return floatCompare(fn, op, x, y, t, d);
  if (isString(t)) {
    if (op === '==' || op === '!=') {
      f.emit(Op.STREQ, d, x, y);
      if (op === '!=') neg();
    } else if (op === '<') f.emit(Op.STRLT, d, x, y);
    else {
      f.emit(Op.STRLT, d, y, x); // x <= y  ==  !(y < x)
      neg();
    }
    return d;
  }
  if (u.kind === 'interface') {
    f.emit(Op.EFACEEQ, d, x, y);
    if (op === '!=') neg();
    return d;
  }
  if (u.kind === 'struct' || u.kind === 'array') {
    eqAggregate(fn, d, x, y, t); // lower/compare.ts
    if (op === '!=') neg();
    return d;
  }
  if (u.kind === 'slice') { // only against nil: the array pointer word
    f.emit(op === '==' ? Op.EQ : Op.NE, d, x, y);
    return d;
  }
  const n = regSize(t);
  if (n === 1 && (op === '==' || op === '!=')) {
    f.emit(Op.EQ1, d, x, y);
    if (op === '!=') neg();
    return d;
  }
  const xw = fn.toWord(x, t);
  const yw = fn.toWord(y, t);
  const unsigned = u.kind === 'basic' && !isSigned(t);
  switch (op) {
    case '==': f.emit(Op.EQ, d, xw, yw); break;
    case '!=': f.emit(Op.NE, d, xw, yw); break;
    case '<': f.emit(unsigned ? Op.LTU : Op.LT, d, xw, yw); break;
    case '<=': f.emit(unsigned ? Op.LEU : Op.LE, d, xw, yw); break;
  }
  return d;
}

/** Jump to `target` when e is `when` (short-circuit conditions). */
export function cond(fn: FnLower, e: A.Expr, target: Lbl, when: boolean): void {
  const f = fn.f;
  while (e.kind === 'ParenExpr') e = e.x;
  if (e.constValue?.kind === 'bool') {
    if (e.constValue.value === when) f.jmp(target);
    return;
  }
  if (e.kind === 'UnaryExpr' && e.op === '!') return cond(fn, e.x, target, !when);
  if (e.kind === 'BinaryExpr' && (e.op === '&&' || e.op === '||')) {
    // a left-deep chain a && b && c (as deep as the source) as one list of operands, in a loop
    const op = e.op;
    const terms: A.Expr[] = [e.y];
    let x = unparen(e.x);
    for (; x.kind === 'BinaryExpr' && x.op === op && !(x.constValue?.kind === 'bool'); x = unparen(x.x)) terms.push(x.y);
    terms.push(x);
    terms.reverse();
    if ((op === '&&') !== when) {
      // (a && b) false: a false or b false; (a || b) true: a true or b true
      for (const t of terms) cond(fn, t, target, when);
    } else {
      // (a && b) true: a true and b true; (a || b) false: both false
      const skip = f.label();
      terms.forEach((t, i) => (i < terms.length - 1 ? cond(fn, t, skip, !when) : cond(fn, t, target, when)));
      f.bind(skip);
    }
    return;
  }
  const m = f.mark();
  hoist(fn, [e]);
  const v = val(fn, e);
  f.emit(when ? Op.JNZ : Op.JZ, v, target);
  f.release(m);
}
