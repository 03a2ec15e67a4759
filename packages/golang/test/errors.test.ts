import { errors } from './helpers';

// Each expected line is what go 1.19.8 `go build` printed for the same file (checked by hand here).
describe('type errors are positioned like go build', () => {
  test('mismatched types', () => {
    expect(errors('package main\n\nfunc main() {\n\tx := 1\n\ty := "a"\n\tprintln(x + y)\n}\n', './e1.go'))
      .toEqual(['./e1.go:6:10: invalid operation: x + y (mismatched types int and string)']);
  });
  test('declared but not used', () => {
    expect(errors('package main\n\nfunc main() {\n\tx := 1\n}\n', './e2.go')).toEqual(['./e2.go:4:2: x declared but not used']);
  });
  test('undefined', () => {
    expect(errors('package main\n\nfunc main() {\n\tprintln(z)\n}\n', './e3.go')).toEqual(['./e3.go:4:10: undefined: z']);
  });
  test('cannot use constant in assignment', () => {
    expect(errors('package main\n\nfunc main() {\n\tvar s string\n\ts = 5\n\tprintln(s)\n}\n', './e4.go'))
      .toEqual(['./e4.go:5:6: cannot use 5 (untyped int constant) as string value in assignment']);
    expect(errors('package main\n\nfunc main() {\n\tvar i int = "a"\n\tprintln(i)\n}\n', './e4.go'))
      .toEqual(['./e4.go:4:14: cannot use "a" (untyped string constant) as int value in variable declaration']);
  });
  test('not enough arguments, cannot use variable', () => {
    // (gosim reports the first error of each function; go reports more: both are in different functions here)
    const src = 'package main\n\nfunc f(a, b int) int {\n\treturn a\n}\n\nfunc main() {\n\tprintln(f(1))\n}\nfunc g() {\n\tvar x int\n\tvar s string = x\n\tprintln(s)\n}\n';
    expect(errors(src, './e6.go')).toEqual([
      './e6.go:8:12: not enough arguments in call to f\n\thave (number)\n\twant (int, int)',
      './e6.go:12:17: cannot use x (variable of type int) as type string in variable declaration',
    ]);
  });
  test('unused import', () => {
    expect(errors('package main\n\nimport "runtime"\n\nfunc main() {\n\tfor {\n\t}\n}\n', './e7.go'))
      .toEqual(['./e7.go:3:8: imported and not used: "runtime"']);
  });
  test('missing return, break outside loop, non-bool condition', () => {
    expect(errors('package main\nfunc f() int {\n\tprintln()\n}\nfunc main() { f() }\n')).toEqual(['x.go:4:1: missing return']);
    expect(errors('package main\nfunc main() {\n\tbreak\n}\n')).toEqual(['x.go:3:2: break is not in a loop, switch, or select']);
    expect(errors('package main\nfunc main() {\n\tif 1 {\n\t}\n}\n')).toEqual(['x.go:3:5: non-boolean condition in if statement']);
  });
  test('outside the subset: positioned error', () => {
    expect(errors('package main\nimport "plugin"\nfunc main() { plugin.Open() }\n')[0]).toBe('x.go:2:8: package plugin is not supported by gosim');
    expect(errors('package main\nfunc main() {\n\tx := 1e99999\n\t_ = x\n}\n')).toEqual(["x.go:3:7: the constant 1e99999 (exponent beyond gosim's exact range) is not supported by gosim"]);
  });
});

describe('syntax errors', () => {
  test('missing paren in call (go 1.19 wording)', () => {
    expect(errors('package main\n\nfunc main() {\n\tx := 1\n\tif x == 1 {\n\t\tprintln(x\n\t}\n}\n', './e5.go'))
      .toEqual(['./e5.go:6:12: syntax error: unexpected newline in argument list; possibly missing comma or )']);
  });
  test('statement outside function, unterminated string', () => {
    expect(errors('package main\nx := 1\n')).toEqual(['x.go:2:1: syntax error: non-declaration statement outside function body']);
    expect(errors('package main\nfunc main() {\n\tprintln("abc)\n}\n')).toEqual(['x.go:3:10: string literal not terminated']);
  });
});
