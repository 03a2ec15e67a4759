// Go programs doing typed integer arithmetic of every width, compared with what go1.19.8 prints (fixed texts) and
// with BigInt reference semantics (random operands): wraparound, unsigned division, shifts, conversions.
import fc from 'fast-check';
import { runGo } from './run-helpers';

describe('integer arithmetic of Go programs is exact for every width and value', () => {
  it('uint64 division is unsigned: 6 / (2^64-1) is 0 (the issue\'s example and its neighbours)', () => {
    const src = `package main

func main() {
	var a uint64 = 6
	var b uint64 = 1<<64 - 1
	println(a / b, a % b, b / a, b % a)
	a /= b
	println(a)
	var u uint = 1<<63 + 5
	u %= 7
	println(u)
	var p uintptr = 1<<64 - 2
	println(p / 3, p % 1000)
	var x int64 = -1 << 63
	var m int64 = -1
	println(x / m, x % m)
	var s uint64 = 1 << 63
	println(uint64(1) << s, int64(-5) >> s, uint64(7) >> s)
	var i8 int8 = -128
	var m8 int8 = -1
	println(i8 / m8, i8 % m8)
	var big int64 = 0x7fffffffffffffff
	println(int8(big), uint8(big), int16(big), uint16(big), int32(big), uint32(big))
	println(big * big, big + big, -big - 2)
	var w uint32 = 1<<32 - 1
	println(w * w, w + w)
}
`;
    const r = runGo(src, 'div.go');
    // go1.19.8 linux/amd64
    expect(r.raw).toBe(`0 6 3074457345618258602 3
0
6
6148914691236517204 614
-9223372036854775808 0
0 -1 0
-128 0
-1 255 -1 65535 -1 4294967295
1 -2 9223372036854775807
1 4294967294
`);
    expect(r.exit).toBe(0);
  });

  it('a negative signed shift count panics; an unsigned count of 2^63 does not', () => {
    const src = `package main

func main() {
	var s uint64 = 1 << 63
	println(1 << s)
	n := -1
	println(1 << n)
}
`;
    const r = runGo(src, 'shift.go');
    expect(r.raw).toMatch(/^0\npanic: runtime error: negative shift amount\n/);
    expect(r.exit).toBe(2);
  });

  // go1.19.8's first line for each index (the slice, the array and the string of length 3)
  it.each([
    ['int64 = 1<<60 + 1', 'index out of range [1152921504606846977] with length 3'],
    ['uint64 = 1<<63 + 1', 'index out of range [9223372036854775809] with length 3'],
    ['int64 = -1<<62 - 3', 'index out of range [-4611686018427387907]'],
    ['uint = 1<<64 - 1', 'index out of range [18446744073709551615] with length 3'],
  ])('an index var i %s prints exactly in the bounds panic', (decl, msg) => {
    for (const [x, mk] of [['a', 'a := make([]int, 3)'], ['b', 'var b [3]int'], ['s', 's := "abc"']] as const) {
      const r = runGo(`package main\n\nfunc main() {\n\t${mk}\n\tvar i ${decl}\n\tprintln(${x}[i])\n}\n`, 'idx.go');
      expect(r.raw.split('\n')[0]).toBe(`panic: runtime error: ${msg}`);
    }
  });

  const widths = [
    ['int8', 8, true], ['int16', 16, true], ['int32', 32, true], ['int64', 64, true], ['int', 64, true],
    ['uint8', 8, false], ['uint16', 16, false], ['uint32', 32, false], ['uint64', 64, false], ['uint', 64, false],
    ['uintptr', 64, false],
  ] as const;
  const ops = ['+', '-', '*', '/', '%', '&', '|', '^', '&^', '<<', '>>'] as const;
  const word = fc.oneof(
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.integer({ min: -300, max: 300 }).map(BigInt),
    fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, -1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 53n + 1n, 127n, -128n),
  );
  const count = fc.oneof(fc.integer({ min: 0, max: 70 }).map(BigInt), fc.constantFrom(2n ** 63n, 2n ** 64n - 1n));

  it('every operator and conversion of every integer width matches BigInt reference semantics', () => {
    fc.assert(fc.property(fc.array(fc.tuple(word, word, count), { minLength: 1, maxLength: 12 }), (cases) => {
      const lines: string[] = [];
      const want: string[] = [];
      cases.forEach(([x, y, s], i) => {
        const ux = BigInt.asUintN(64, x);
        lines.push(`\tvar x${i} uint64 = ${ux}`, `\tvar y${i} uint64 = ${BigInt.asUintN(64, y)}`, `\tvar s${i} uint64 = ${s}`);
        for (const [t, bits, signed] of widths) {
          const conv = (v: bigint): bigint => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
          const a = conv(x);
          const b = conv(y);
          const cell: string[] = [];
          const got: string[] = [];
          for (const op of ops) {
            if ((op === '/' || op === '%') && b === 0n) continue;
            const sh = op === '<<' || op === '>>';
            const rhs = sh ? `s${i}` : `${t}(y${i})`;
            cell.push(`${t}(x${i}) ${op} ${rhs}`);
            const n = s >= 64n ? 64n : s;
            const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : op === '%' ? a % b
              : op === '&' ? a & b : op === '|' ? a | b : op === '^' ? a ^ b : op === '&^' ? a & ~b
                : op === '<<' ? a << n : a >> n;
            got.push(String(conv(r)));
          }
          lines.push(`\tprintln(${cell.join(', ')})`);
          want.push(got.join(' '));
          // the op-assign forms (another path of the lowering), unary - and ^, ++ and --, and every comparison
          const v = `v${i}_${t}`;
          lines.push(`\t${v} := ${t}(x${i})`);
          const seq: string[] = [];
          let cur = a;
          for (const op of ops) {
            if ((op === '/' || op === '%') && b === 0n) continue;
            const n = s >= 64n ? 64n : s;
            seq.push(`${v} ${op}= ${op === '<<' || op === '>>' ? `s${i}` : `${t}(y${i})`}`);
            cur = conv(op === '+' ? cur + b : op === '-' ? cur - b : op === '*' ? cur * b : op === '/' ? cur / b
              : op === '%' ? cur % b : op === '&' ? cur & b : op === '|' ? cur | b : op === '^' ? cur ^ b
                : op === '&^' ? cur & ~b : op === '<<' ? cur << n : cur >> n);
            if (cur === 0n) { seq.push(`${v} = ${t}(x${i})`); cur = a; }
          }
          seq.push(`${v}++`, `${v}--`, `${v}--`);
          cur = conv(cur - 1n);
          lines.push(`\t${seq.join('; ')}`);
          lines.push(`\tprintln(${v}, -${v}, ^${v}, ${t}(x${i}) < ${t}(y${i}), ${t}(x${i}) <= ${t}(y${i}), ${t}(x${i}) > ${t}(y${i}), ${t}(x${i}) >= ${t}(y${i}), ${t}(x${i}) == ${t}(y${i}), ${t}(x${i}) != ${t}(y${i}))`);
          want.push([cur, conv(-cur), conv(~cur), a < b, a <= b, a > b, a >= b, a === b, a !== b].join(' '));
        }
        lines.push(`\tprintln(int8(x${i}), uint8(x${i}), int16(x${i}), uint16(x${i}), int32(x${i}), uint32(x${i}), int64(x${i}), x${i})`);
        want.push([BigInt.asIntN(8, x), BigInt.asUintN(8, x), BigInt.asIntN(16, x), BigInt.asUintN(16, x),
          BigInt.asIntN(32, x), BigInt.asUintN(32, x), BigInt.asIntN(64, x), ux].join(' '));
      });
      const r = runGo(`package main\n\nfunc main() {\n${lines.join('\n')}\n}\n`, 'arith.go');
      expect(r.raw.split('\n')).toEqual([...want, '']);
    }), { numRuns: 12 });
  });
});
