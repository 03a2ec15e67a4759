// math.Sqrt, Floor, Ceil, Trunc and Abs are compiler intrinsics (lower/intrinsics.ts: FMATH, no call), as on
// amd64; a call through a func value runs package math's Go function. Both give go1.19.8's bits.
import { Op, type Program } from '@gosim/program';
import { loadProgram, policies } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';
import { runGo } from './run-helpers';

const src = `package main

import "math"

func main() {
	xs := []float64{2, -2, 0.5, -0.5, 1e308, -0.0, 5e-324, 2.5, -3.5}
	fs := []func(float64) float64{math.Sqrt, math.Floor, math.Ceil, math.Trunc, math.Abs}
	for _, x := range xs {
		println(math.Float64bits(math.Sqrt(x)), math.Float64bits(math.Floor(x)), math.Float64bits(math.Ceil(x)),
			math.Float64bits(math.Trunc(x)), math.Float64bits(math.Abs(x)))
		for _, f := range fs {
			print(math.Float64bits(f(x)), " ")
		}
		println()
	}
	println(math.Float64bits(math.Sqrt(math.NaN())), math.Float64bits(math.Abs(math.Float64frombits(0xfff8000000000001))))
}
`;

function build(text: string): Program {
  const c = compile(text, 'x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  return loadProgram(c.module, policies.new.deferpanic);
}

function ops(p: Program, name: string): number[] {
  const f = p.func(name)!;
  const out: number[] = [];
  for (let i = f.entryIndex; i < f.endIndex; i++) out.push(p.code[4 * i]!);
  return out;
}

describe('math intrinsics', () => {
  test('direct calls are FMATH instructions, not calls', () => {
    const p = build(src);
    const main = ops(p, 'main.main');
    expect(main.filter((o) => o === Op.FMATH).length).toBe(7); // five in the loop, Sqrt(NaN), Abs(NaN)
    expect(p.func('math.Sqrt')).toBeDefined(); // compiled still, for the func values
  });

  test('the same bits as go1.19.8, intrinsic or called', () => {
    // go run's output: each line of direct calls, then the same through func values
    const want = [
      '4609047870845172685 4611686018427387904 4611686018427387904 4611686018427387904 4611686018427387904',
      '18444492273895866368 13835058055282163712 13835058055282163712 13835058055282163712 4611686018427387904',
      '4604544271217802189 0 4607182418800017408 0 4602678819172646912',
      '18444492273895866368 13830554455654793216 9223372036854775808 9223372036854775808 4602678819172646912',
      '6910736104866537457 9214871658872686752 9214871658872686752 9214871658872686752 9214871658872686752',
      '0 0 0 0 0',
      '2188749418902061056 0 4607182418800017408 0 1',
      '4609799635418635091 4611686018427387904 4613937818241073152 4611686018427387904 4612811918334230528',
      '18444492273895866368 13839561654909534208 13837309855095848960 13837309855095848960 4615063718147915776',
    ];
    const r = runGo(src, 'x.go');
    expect(r.exit).toBe(0);
    const lines = r.raw.split('\n');
    want.forEach((w, i) => {
      expect(lines[2 * i]).toBe(w);
      expect(lines[2 * i + 1]).toBe(w + ' ');
    });
    expect(lines[18]).toBe('9221120237041090561 9221120237041090561');
  });
});
