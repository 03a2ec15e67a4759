// Every integer operator of the IR against BigInt reference semantics (Go's: two's complement int64 with
// wraparound, unsigned division for DIVU/MODU, unsigned shift counts), for random 64-bit operands.
import fc from 'fast-check';
import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../src/index.js';

const I = (v: bigint): bigint => BigInt.asIntN(64, v);
const U = (v: bigint): bigint => BigInt.asUintN(64, v);

/** Reference results, as the int64 the destination word holds (comparisons: 1n / 0n). */
const binary: Record<string, (x: bigint, y: bigint) => bigint> = {
  ADD: (x, y) => I(x + y),
  SUB: (x, y) => I(x - y),
  MUL: (x, y) => I(x * y),
  DIV: (x, y) => I(x / y),
  MOD: (x, y) => I(x % y),
  DIVU: (x, y) => I(U(x) / U(y)),
  MODU: (x, y) => I(U(x) % U(y)),
  AND: (x, y) => I(x & y),
  OR: (x, y) => I(x | y),
  XOR: (x, y) => I(x ^ y),
  ANDNOT: (x, y) => I(x & ~y),
  SHL: (x, y) => (U(y) >= 64n ? 0n : I(x << U(y))),
  SHR: (x, y) => x >> (U(y) >= 64n ? 63n : U(y)),
  SHRU: (x, y) => (U(y) >= 64n ? 0n : I(U(x) >> U(y))),
  EQ: (x, y) => (x === y ? 1n : 0n),
  NE: (x, y) => (x !== y ? 1n : 0n),
  LT: (x, y) => (x < y ? 1n : 0n),
  LE: (x, y) => (x <= y ? 1n : 0n),
  LTU: (x, y) => (U(x) < U(y) ? 1n : 0n),
  LEU: (x, y) => (U(x) <= U(y) ? 1n : 0n),
};
const unary: Record<string, (x: bigint) => bigint> = {
  NEG: (x) => I(-x),
  COM: (x) => I(~x),
};
const compares = new Set(['EQ', 'NE', 'LT', 'LE', 'LTU', 'LEU']);
const divides = new Set(['DIV', 'MOD', 'DIVU', 'MODU']);

/** Values near the edges of every width, where wraparound, sign and rounding bugs live. */
const edges = [0n, 1n, -1n, 2n, 63n, 64n, 65n, 2n ** 31n - 1n, -(2n ** 31n), 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n,
  2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n), -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n];
const word = fc.oneof(
  fc.constantFrom(...edges),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.integer({ min: -1000, max: 1000 }).map(BigInt),
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
);

/**
 * One program computing `op` on every pair and printing each result word (bytes for comparisons), one a line.
 * Operands come from the constant table (CONST), or IMM when they fit an immediate, as the lowering does.
 */
function program(op: string, pairs: readonly (readonly [bigint, bigint])[]): Module {
  const m = new Module();
  const f = m.func('main.main', { locals: [{ name: 'x', size: 8 }, { name: 'y', size: 8 }, { name: 'r', size: 8 }], outgoing: 0 });
  const load = (slot: number, v: bigint): void => {
    if (v >= -(2n ** 31n) && v < 2n ** 31n) f.emit(Op.IMM, slot, Number(v));
    else f.emit(Op.CONST, slot, m.constant(v));
  };
  const code = Op[op as keyof typeof Op];
  for (const [x, y] of pairs) {
    load(f.slot('x'), x);
    load(f.slot('y'), y);
    if (op in unary) f.emit(code, f.slot('r'), f.slot('x'));
    else f.emit(code, f.slot('r'), f.slot('x'), f.slot('y'));
    f.emit(Op.PRINT, compares.has(op) ? PrintKind.Byte : PrintKind.Int, f.slot('r'));
    f.emit(Op.PRINT, PrintKind.Newline, 0);
  }
  f.emit(Op.RET);
  f.end();
  return m;
}

function check(op: string, pairs: readonly (readonly [bigint, bigint])[]): void {
  const ref = binary[op] ?? ((x: bigint) => unary[op]!(x));
  const r = runModule(program(op, pairs));
  expect(r.exitCode).toBe(0);
  const got = r.stderr.split('\n').slice(0, -1);
  const want = pairs.map(([x, y]) => String(ref(x, y)));
  // report the first differing pair with its operands
  const i = got.findIndex((g, j) => g !== want[j]);
  expect(i < 0 ? 'all equal' : `${op}(${pairs[i]![0]}, ${pairs[i]![1]}) = ${got[i]}, want ${want[i]}`).toBe('all equal');
  expect(got.length).toBe(pairs.length);
}

describe('every int64 operator is exact over all 64-bit values (BigInt reference)', () => {
  for (const op of [...Object.keys(binary), ...Object.keys(unary)]) {
    it(`${op} matches BigInt.asIntN/asUintN semantics for random and edge operands`, () => {
      const y = divides.has(op) ? word.filter((v) => v !== 0n) : word;
      fc.assert(fc.property(fc.array(fc.tuple(word, y), { minLength: 1, maxLength: 200 }), (pairs) => check(op, pairs)),
        { numRuns: 25 });
      // every edge against every edge, once
      check(op, edges.flatMap((x) => edges.filter((v) => !divides.has(op) || v !== 0n).map((v) => [x, v] as const)));
    });
  }

  it('ADDI (word + int32 immediate) wraps exactly for every word', () => {
    const imm = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(-(2 ** 31), 2 ** 31 - 1, -1, 1, 0));
    fc.assert(fc.property(fc.array(fc.tuple(word, imm), { minLength: 1, maxLength: 200 }), (pairs) => {
      const m = new Module();
      const f = m.func('main.main', { locals: [{ name: 'x', size: 8 }, { name: 'r', size: 8 }], outgoing: 0 });
      for (const [x, c] of pairs) {
        f.emit(Op.CONST, f.slot('x'), m.constant(x)).emit(Op.ADDI, f.slot('r'), f.slot('x'), c);
        f.emit(Op.PRINT, PrintKind.Int, f.slot('r')).emit(Op.PRINT, PrintKind.Newline, 0);
      }
      f.emit(Op.RET);
      f.end();
      expect(runModule(m).stderr).toBe(pairs.map(([x, c]) => `${I(x + BigInt(c))}\n`).join(''));
    }), { numRuns: 25 });
  });

  it.each(['ADD', 'SUB', 'MUL', 'ADDI', 'DIV', 'MOD', 'DIVU', 'MODU'])('%s in compiled code (the frame cache\'s forms on int32 halves) matches BigInt before anything deopts', (op) => {
    // every result computed first, into its own slot, in straight-line code; the PRINTs after deopt
    const y = divides.has(op) ? word.filter((v) => v !== 0n) : word;
    fc.assert(fc.property(fc.array(fc.tuple(word, y), { minLength: 1, maxLength: 60 }), (pairs) => {
      const all = [...pairs, ...edges.map((x, i) => [x, edges[(i * 7) % edges.length]!] as const)].filter(([, v]) => !divides.has(op) || v !== 0n);
      const imm = (y: bigint): number => Number(BigInt.asIntN(32, y));
      const m = new Module();
      const locals = [{ name: 'x', size: 8 }, { name: 'y', size: 8 }, ...all.map((_, i) => ({ name: `r${i}`, size: 8 }))];
      const f = m.func('main.main', { locals, outgoing: 0 });
      all.forEach(([x, y], i) => {
        f.emit(Op.CONST, f.slot('x'), m.constant(x)).emit(Op.CONST, f.slot('y'), m.constant(y));
        if (op === 'ADDI') f.emit(Op.ADDI, f.slot(`r${i}`), f.slot('x'), imm(y));
        else f.emit(Op[op as 'ADD'], f.slot(`r${i}`), f.slot('x'), f.slot('y'));
      });
      all.forEach((_, i) => f.emit(Op.PRINT, PrintKind.Int, f.slot(`r${i}`)).emit(Op.PRINT, PrintKind.Newline, 0));
      f.emit(Op.RET);
      f.end();
      const ref = op === 'ADDI' ? (x: bigint, y: bigint) => I(x + BigInt(imm(y))) : binary[op]!;
      expect(runModule(m, { tier: 'compiled', compileAfter: 0 }).stderr).toBe(all.map(([x, y]) => `${ref(x, y)}\n`).join(''));
    }), { numRuns: 25 });
  });

  it('uint64 division is unsigned: 6 / (2^64-1) is 0, and 6 % (2^64-1) is 6', () => {
    const r = runModule(program('DIVU', [[6n, -1n]]));
    expect(r.stderr).toBe('0\n');
    expect(runModule(program('MODU', [[6n, -1n]])).stderr).toBe('6\n');
  });

  it('MinInt64 / -1 wraps to MinInt64 and MinInt64 % -1 is 0', () => {
    expect(runModule(program('DIV', [[-(2n ** 63n), -1n]])).stderr).toBe('-9223372036854775808\n');
    expect(runModule(program('MOD', [[-(2n ** 63n), -1n]])).stderr).toBe('0\n');
  });

  it('a shift by a huge unsigned count (2^63) shifts everything out instead of panicking', () => {
    expect(runModule(program('SHL', [[1n, -(2n ** 63n)]])).stderr).toBe('0\n');
    expect(runModule(program('SHR', [[-5n, -(2n ** 63n)]])).stderr).toBe('-1\n');
    expect(runModule(program('SHRU', [[-5n, -(2n ** 63n)]])).stderr).toBe('0\n');
  });

  for (const op of ['DIVU', 'MODU']) {
    it(`${op} by zero raises Go's integer divide by zero panic`, () => {
      const r = runModule(program(op, [[2n ** 63n, 0n]]));
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^panic: runtime error: integer divide by zero\n/);
    });
  }

  it('CHKSHIFT raises the negative shift amount panic for a negative signed count, and passes 0..2^63-1', () => {
    const m = new Module();
    const f = m.func('main.main', { locals: [{ name: 'y', size: 8 }], outgoing: 0 });
    f.emit(Op.CONST, f.slot('y'), m.constant(2n ** 63n - 1n)).emit(Op.CHKSHIFT, f.slot('y'));
    f.emit(Op.IMM, f.slot('y'), 0).emit(Op.CHKSHIFT, f.slot('y'));
    f.emit(Op.PRINT, PrintKind.Int, f.slot('y'));
    f.emit(Op.IMM, f.slot('y'), -1).emit(Op.CHKSHIFT, f.slot('y'));
    f.emit(Op.RET);
    f.end();
    const r = runModule(m);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^0panic: runtime error: negative shift amount\n/);
  });
});
