// The ops the compile tier runs on the frame cache (frame-cache.ts): moves, constants, integer and float
// arithmetic, compares and address constants whose operands are frame words or flags. Each computes exactly what
// interp.ts's case leaves in memory: int64 values as int32 halves with carries, flags as 0/1 bytes, float64 as
// IEEE doubles. Returns false for any other op, or for operands the cache does not hold (the caller clears the
// cache and emits the memory form).

import { Op, type Program } from '@gosim/program';
import { FrameCache } from './frame-cache.js';

const lit = (x: number): string => String(x | 0);

/**
 * 1 when uint32(x) < uint32(y), else 0: the carry of lo = x' + y' (as carry(lo, x')) or the borrow of x - y.
 * Every operation of the int64 halves stays in int32 (a sum wrapped by `| 0`, compares of `>>> 0` values), so
 * V8 types them from their operands and never deopts when a sum first leaves the small-integer range.
 */
const carry = (x: string, y: string): string => `((${x} >>> 0) < (${y} >>> 0) ? 1 : 0)`;

export function emitCached(c: FrameCache, prog: Program, op: number, a: number, b: number, d: number): boolean {
  const word = FrameCache.word;
  switch (op) {
    case Op.NOP:
      return true;
    case Op.MOV:
      if (!word(a) || !word(b)) return false;
      if (c.kindOf(b) === 'f') c.writeF(a, c.readF(b));
      else c.writeI(a, ...c.readI(b));
      return true;
    case Op.IMM:
      if (!word(a)) return false;
      c.writeI(a, lit(b), b < 0 ? '-1' : '0');
      return true;
    case Op.CONST:
      if (!word(a)) return false;
      c.writeI(a, lit(prog.constLo[b]!), lit(prog.constHi[b]!));
      return true;
    case Op.IMM1:
      c.writeB(a, String(b & 255));
      return true;
    case Op.MOV1:
    case Op.TRUNC1:
      c.writeB(a, c.readB(b));
      return true;
    case Op.NOT1:
      c.writeB(a, `(${c.readB(b)} ? 0 : 1)`);
      return true;
    case Op.EQ1:
      c.writeB(a, `(${c.readB(b)} === ${c.readB(d)} ? 1 : 0)`);
      return true;
    case Op.EXT1:
      if (!word(a)) return false;
      c.writeI(a, c.readB(b), '0');
      return true;
    case Op.LEA:
      if (!word(a)) return false;
      c.writeI(a, `((sp + ${b}) | 0)`, '0'); // a stack address: below 2^32
      return true;
    case Op.DATA:
      if (!word(a)) return false;
      c.writeI(a, `((m.dataBase + ${b}) | 0)`, '0');
      return true;
    case Op.FUNCVAL:
      if (!word(a)) return false;
      c.writeI(a, `((m.dataBase + ${prog.funcvalOffset[b]!}) | 0)`, '0');
      return true;
    case Op.CTXT:
      if (!word(a)) return false;
      c.writeI(a, '(g.ctxt | 0)', '0'); // a funcval address or 0
      return true;
    case Op.STRLEN:
      if (!word(a) || !word(b + 8)) return false;
      c.writeI(a, ...c.readI(b + 8));
      return true;
    case Op.ADDI: {
      if (!word(a) || !word(b)) return false;
      const [xl, xh] = c.readI(b);
      c.writeI(a, 't0', `(${xh} + ${d < 0 ? -1 : 0} + ${carry('t0', xl)}) | 0`, `const t0 = (${xl} + ${d | 0}) | 0;`);
      return true;
    }
    case Op.ADD:
    case Op.SUB: {
      if (!word(a) || !word(b) || !word(d)) return false;
      const [xl, xh] = c.readI(b);
      const [yl, yh] = c.readI(d);
      if (op === Op.ADD) c.writeI(a, 't0', `(${xh} + ${yh} + ${carry('t0', xl)}) | 0`, `const t0 = (${xl} + ${yl}) | 0;`);
      else c.writeI(a, 't0', `(${xh} - ${yh} - ${carry(xl, yl)}) | 0`, `const t0 = (${xl} - ${yl}) | 0;`);
      return true;
    }
    case Op.MUL: {
      // Go's wrapping int64 multiply on the halves: lo = imul(xl, yl); hi = mulhiu(xl, yl) + xh*yl + xl*yh (mod 2^32)
      if (!word(a) || !word(b) || !word(d)) return false;
      const [xl, xh] = c.readI(b);
      const [yl, yh] = c.readI(d);
      c.writeI(a, `Math.imul(${xl}, ${yl})`, `(mulhiu(${xl}, ${yl}) + Math.imul(${xh}, ${yl}) + Math.imul(${xl}, ${yh})) | 0`);
      return true;
    }
    case Op.AND:
    case Op.OR:
    case Op.XOR:
    case Op.ANDNOT: {
      if (!word(a) || !word(b) || !word(d)) return false;
      const [xl, xh] = c.readI(b);
      const [yl, yh] = c.readI(d);
      const f = (x: string, y: string): string =>
        op === Op.AND ? `(${x} & ${y})` : op === Op.OR ? `(${x} | ${y})` : op === Op.XOR ? `(${x} ^ ${y})` : `(${x} & ~${y})`;
      c.writeI(a, f(xl, yl), f(xh, yh));
      return true;
    }
    case Op.EQ:
    case Op.NE:
    case Op.LT:
    case Op.LE: {
      if (!word(b) || !word(d)) return false;
      const [xl, xh] = c.readI(b);
      const [yl, yh] = c.readI(d);
      const t =
        op === Op.EQ ? `${xl} === ${yl} && ${xh} === ${yh}`
        : op === Op.NE ? `!(${xl} === ${yl} && ${xh} === ${yh})`
        : `${xh} < ${yh} || (${xh} === ${yh} && (${xl} >>> 0) ${op === Op.LT ? '<' : '<='} (${yl} >>> 0))`;
      c.writeB(a, `(${t} ? 1 : 0)`);
      return true;
    }
    case Op.FADD64:
    case Op.FSUB64:
    case Op.FMUL64:
    case Op.FDIV64:
      if (!word(a) || !word(b) || !word(d)) return false;
      c.writeF(a, `${c.readF(b)} ${'+-*/'[op - Op.FADD64]} ${c.readF(d)}`);
      return true;
    case Op.FEQ64:
    case Op.FLT64:
    case Op.FLE64:
      if (!word(b) || !word(d)) return false;
      c.writeB(a, `(${c.readF(b)} ${['===', '<', '<='][op - Op.FEQ64]} ${c.readF(d)} ? 1 : 0)`);
      return true;
    default:
      return false;
  }
}
