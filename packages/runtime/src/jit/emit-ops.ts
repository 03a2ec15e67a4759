// Straight-line JS for the interpreter's non-control ops, specialised on their operands. Each emitter
// mirrors interp.ts's case exactly; a check that would throw there deopts here instead (the interpreter
// re-runs the instruction and raises), so every error takes interp.ts's path at the same ip.
// Returns undefined for ops not compiled (the caller emits a deopt).

import { Op, TextBase } from '@gosim/program';

/**
 * The JS that stores the registers compiled code keeps in locals (sp, budget) into g and m, with g.pc at instruction
 * k (a number or a JS expression). The closure context and deferproc's return stay in g.ctxt and g.ret throughout.
 */
export const save = (k: number | string): string => `g.pc = ${TextBase} + ${k} * 4; g.sp = sp; m.budget = budget;`;

/** What a compiled function returns other than a RET's budget (>= 0) to its compiled caller. */
export const Exit = { Deopt: -1, Trampoline: -2, Parked: -4, Part: -5 } as const;

/**
 * The JS that hands instruction k back to the interpreter: a jump to the function's one exit (compile.ts's
 * `source`), which saves the registers there. One shared exit keeps the code small and V8's feedback for it warm.
 */
export const deopt = (k: number | string): string => `{ ip = ${k}; break X; }`;

const S = (x: number): string => `(sp + ${x})`;
const W = (x: number): string => `((sp + ${x}) >>> 2)`;
const small = (x: number): string => `((i32[${W(x)} + 1] + 0x200000) >>> 0) < 0x400000`;

export function emitOp(op: number, a: number, b: number, c: number, k: number, isExtPure: boolean): string | undefined {
  switch (op) {
    case Op.NOP: return '';
    case Op.MOV: return `{ const d = ${W(a)}, x = ${W(b)}; i32[d] = i32[x]; i32[d + 1] = i32[x + 1]; }`;
    case Op.MOV1: case Op.TRUNC1: return `u8[${S(a)}] = u8[${S(b)}];`;
    case Op.MOVN: return `u8.copyWithin(${S(a)}, ${S(b)}, sp + ${b + c});`;
    case Op.ZERO: // sp is 8-aligned: an aligned run of up to 8 words is zeroed by unrolled 8-byte stores
      if (((a | b) & 7) === 0 && b <= 64) {
        let z = '';
        for (let o = a; o < a + b; o += 8) z += `f64[(sp + ${o}) >>> 3] = 0; `;
        return z;
      }
      return `s.zeroUnchecked(${S(a)}, ${b});`;
    case Op.IMM: return `{ const d = ${W(a)}; i32[d] = ${b}; i32[d + 1] = ${b < 0 ? -1 : 0}; }`;
    case Op.IMM1: return `u8[${S(a)}] = ${b};`;
    case Op.CONST: return `{ const d = ${W(a)}; i32[d] = constLo[${b}]; i32[d + 1] = constHi[${b}]; }`;
    case Op.LEA: return `writeWord(i32, ${S(a)}, sp + ${b});`;
    case Op.DATA: return `writeWord(i32, ${S(a)}, m.dataBase + ${b});`;
    case Op.FUNCVAL: return `writeWord(i32, ${S(a)}, m.dataBase + funcvalOffset[${b}]);`;
    case Op.CTXT: return `writeWord(i32, ${S(a)}, g.ctxt);`;
    case Op.LOAD: return `{ const p = readWord(i32, ${S(b)}) + ${c}; if ((p >>> 0) !== p || (p & 7) !== 0 || pages[p >>> 12] !== 1) ${deopt(k)}
      const d = ${W(a)}; i32[d] = i32[p >>> 2]; i32[d + 1] = i32[(p >>> 2) + 1]; }`;
    case Op.LOAD1: return `{ const p = readWord(i32, ${S(b)}) + ${c}; if ((p >>> 0) !== p || pages[p >>> 12] !== 1) ${deopt(k)}
      u8[${S(a)}] = u8[p]; }`;
    case Op.STORE: return `{ const p = readWord(i32, ${S(a)}) + ${b}; if ((p >>> 0) !== p || (p & 7) !== 0 || pages[p >>> 12] !== 1) ${deopt(k)}
      const x = ${W(c)}; i32[p >>> 2] = i32[x]; i32[(p >>> 2) + 1] = i32[x + 1]; }`;
    case Op.STORE1: return `{ const p = readWord(i32, ${S(a)}) + ${b}; if ((p >>> 0) !== p || pages[p >>> 12] !== 1) ${deopt(k)}
      u8[p] = u8[${S(c)}]; }`;
    case Op.LOADN: return `{ const p = readWord(i32, ${S(b)}); if (!s.isRangeMapped(p, ${c}) || (p >>> 0) !== p) ${deopt(k)}
      u8.copyWithin(${S(a)}, p, p + ${c}); }`;
    case Op.STOREN: return `{ const p = readWord(i32, ${S(a)}); if (!s.isRangeMapped(p, ${c}) || (p >>> 0) !== p) ${deopt(k)}
      u8.copyWithin(p, ${S(b)}, sp + ${b + c}); }`;
    case Op.ADDI: return `{ const d = ${W(a)}, x = ${W(b)}; const xl = i32[x], lo = (xl + ${c | 0}) | 0;
      i32[d] = lo; i32[d + 1] = i32[x + 1] + ${c < 0 ? -1 : 0} + ((lo >>> 0) < (xl >>> 0) ? 1 : 0); }`;
    case Op.EXT1: return `writeWord(i32, ${S(a)}, u8[${S(b)}]);`;
    case Op.ADD: return `{ const d = ${W(a)}, x = ${W(b)}, y = ${W(c)}; const xl = i32[x], lo = (xl + i32[y]) | 0;
      i32[d + 1] = i32[x + 1] + i32[y + 1] + ((lo >>> 0) < (xl >>> 0) ? 1 : 0); i32[d] = lo; }`;
    case Op.SUB: return `{ const d = ${W(a)}, x = ${W(b)}, y = ${W(c)}; const xl = i32[x], yl = i32[y];
      i32[d + 1] = i32[x + 1] - i32[y + 1] - ((xl >>> 0) < (yl >>> 0) ? 1 : 0); i32[d] = (xl - yl) | 0; }`;
    case Op.MUL: return `{ const d = ${W(a)}, x = ${W(b)}, y = ${W(c)}; const xl = i32[x], yl = i32[y];
      const hi = mulhiu(xl, yl) + Math.imul(i32[x + 1], yl) + Math.imul(xl, i32[y + 1]); i32[d] = Math.imul(xl, yl); i32[d + 1] = hi; }`;
    case Op.DIV: case Op.MOD:
      return `{ if (i32[${W(c)}] === 0 && i32[${W(c)} + 1] === 0) ${deopt(k)}
        if (${small(b)} && ${small(c)}) { const x = readWord(i32, ${S(b)}), y = readWord(i32, ${S(c)}); const r = x % y;
          writeWord(i32, ${S(a)}, (${op === Op.MOD ? 'r' : '(x - r) / y'}) + 0); }
        else arith(s, ${op}, ${S(a)}, ${S(b)}, ${S(c)}); }`;
    case Op.DIVU: case Op.MODU:
      return `{ const yh = i32[${W(c)} + 1]; if (i32[${W(c)}] === 0 && yh === 0) ${deopt(k)}
        if ((i32[${W(b)} + 1] >>> 0) < 0x200000 && (yh >>> 0) < 0x200000) { const x = readWord(i32, ${S(b)}), y = readWord(i32, ${S(c)}); const r = x % y;
          writeWord(i32, ${S(a)}, ${op === Op.MODU ? 'r' : '(x - r) / y'}); }
        else arith(s, ${op}, ${S(a)}, ${S(b)}, ${S(c)}); }`;
    case Op.AND: case Op.OR: case Op.XOR: case Op.ANDNOT: {
      const f = (x: string, y: string): string =>
        op === Op.AND ? `${x} & ${y}` : op === Op.OR ? `${x} | ${y}` : op === Op.XOR ? `${x} ^ ${y}` : `${x} & ~${y}`;
      return `{ const d = ${W(a)}, x = ${W(b)}, y = ${W(c)}; i32[d] = ${f('i32[x]', 'i32[y]')}; i32[d + 1] = ${f('i32[x + 1]', 'i32[y + 1]')}; }`;
    }
    case Op.SHL: case Op.SHR: case Op.SHRU: return `shift(i32, ${op}, ${S(a)}, ${S(b)}, ${S(c)});`;
    case Op.CHKSHIFT: return `if (i32[${W(a)} + 1] < 0) ${deopt(k)}`;
    case Op.NEG: return `if (${small(b)}) writeWord(i32, ${S(a)}, 0 - readWord(i32, ${S(b)})); else s.store64Big(${S(a)}, BigInt.asIntN(64, -s.load64Big(${S(b)})));`;
    case Op.COM: return `{ const d = ${W(a)}, x = ${W(b)}; i32[d] = ~i32[x]; i32[d + 1] = ~i32[x + 1]; }`;
    case Op.NOT1: return `u8[${S(a)}] = u8[${S(b)}] ? 0 : 1;`;
    case Op.EQ: case Op.NE:
      return `{ const x = ${W(b)}, y = ${W(c)}; u8[${S(a)}] = (i32[x] === i32[y] && i32[x + 1] === i32[y + 1]) ? ${op === Op.EQ ? '1 : 0' : '0 : 1'}; }`;
    case Op.LT: case Op.LE: return `{ const x = ${W(b)}, y = ${W(c)}, xh = i32[x + 1], yh = i32[y + 1];
      u8[${S(a)}] = xh < yh || (xh === yh && (i32[x] >>> 0) ${op === Op.LT ? '<' : '<='} (i32[y] >>> 0)) ? 1 : 0; }`;
    case Op.LTU: return `u8[${S(a)}] = compareUnsigned(i32, ${S(b)}, ${S(c)}) < 0 ? 1 : 0;`;
    case Op.LEU: return `u8[${S(a)}] = compareUnsigned(i32, ${S(b)}, ${S(c)}) <= 0 ? 1 : 0;`;
    case Op.EQ1: return `u8[${S(a)}] = u8[${S(b)}] === u8[${S(c)}] ? 1 : 0;`;
    case Op.BOUNDS: return `{ const i = readWord(i32, ${S(a)}); if (!(i >= 0 && i < readWord(i32, ${S(b)}))) ${deopt(k)} }`;
    case Op.BOUNDSI: return `{ const i = readWord(i32, ${S(a)}); if (!(i >= 0 && i < ${b})) ${deopt(k)} }`;
    case Op.STRLEN: return `writeWord(i32, ${S(a)}, readWord(i32, sp + ${b + 8}));`;
    case Op.STRINDEX: return `{ const i = readWord(i32, ${S(c)}); if (i < 0 || i >= readWord(i32, sp + ${b + 8})) ${deopt(k)}
      u8[${S(a)}] = u8[readWord(i32, ${S(b)}) + i]; }`;
    case Op.FADD64: case Op.FSUB64: case Op.FMUL64: case Op.FDIV64:
      return `f64[(sp + ${a}) >>> 3] = f64[(sp + ${b}) >>> 3] ${'+-*/'[op - Op.FADD64]} f64[(sp + ${c}) >>> 3];`;
    case Op.FADD32: case Op.FSUB32: case Op.FMUL32: case Op.FDIV32:
      return `f32[(sp + ${a}) >>> 2] = f32[(sp + ${b}) >>> 2] ${'+-*/'[op - Op.FADD32]} f32[(sp + ${c}) >>> 2];`;
    case Op.FEQ64: case Op.FLT64: case Op.FLE64:
      return `u8[${S(a)}] = f64[(sp + ${b}) >>> 3] ${['===', '<', '<='][op - Op.FEQ64]} f64[(sp + ${c}) >>> 3] ? 1 : 0;`;
    case Op.FEQ32: case Op.FLT32: case Op.FLE32:
      return `u8[${S(a)}] = f32[(sp + ${b}) >>> 2] ${['===', '<', '<='][op - Op.FEQ32]} f32[(sp + ${c}) >>> 2] ? 1 : 0;`;
    default:
      // an extension op that is not a safe point: the same handler; views re-read (it may map memory)
      if (isExtPure) return `at = ${k}; extOps[${op}].run(m, g, sp, ${a}, ${b}, ${c}); i32 = s.i32; u8 = s.u8; pages = s.pages;`;
      return undefined;
  }
}
