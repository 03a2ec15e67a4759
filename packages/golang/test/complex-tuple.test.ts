// complex(f()) with f returning two floats of one type (check/numeric.ts, lower/float.ts). Expected: go1.19.8.
import { errors } from './helpers';
import { runGo } from './run-helpers';

const prog = `package main

func two() (float64, float64) { return 5, 7 }

func two32() (float32, float32) { return 1.5, -2 }

type F float64

func twoF() (F, F) { return 3, 4 }

func main() {
	c := complex(two())
	println(c == 5+7i, real(c), imag(c))
	d := complex(two32())
	println(d)
	e := complex(twoF())
	println(e)
	println(complex(two()) + complex(two()))
}
`;

describe('complex(f())', () => {
  test('the two results are the real and imaginary parts', () => {
    const r = runGo(prog, 'cplx.go');
    expect(r.exit).toBe(0);
    expect(r.raw.split('\n')).toEqual([
      'true +5.000000e+000 +7.000000e+000', '(+1.500000e+000-2.000000e+000i)', '(+3.000000e+000+4.000000e+000i)',
      '(+1.000000e+001+1.400000e+001i)', '',
    ]);
  });

  test.each([
    ['float64, float32', 'x.go:6:18: invalid operation: complex(two()) (mismatched types float64 and float32)'],
    ['int, int', 'x.go:6:18: invalid argument: arguments have type int, expected floating-point'],
  ])('results (%s): go\'s message', (results, want) => {
    expect(errors(`package main\n\nfunc two() (${results}) { return 5, 7 }\n\nfunc main() {\n\tprintln(complex(two()))\n}\n`)).toEqual([want]);
  });
});
