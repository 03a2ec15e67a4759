// What the runtime prints when a program ends badly, compared line by line with go1.19.8 linux/amd64
// (GOTRACEBACK=single). Hex numbers (pcs offsets, pointers, argument words) are blanked to 0x? on both sides;
// Go's GOROOT is written $GOROOT.
import { runModule } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

const blank = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0x?');

function run(src: string): { exit: number; stdout: string; stderr: string } {
  const c = compile(src, '/tmp/x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module);
  return { exit: r.exitCode, stdout: r.stdout, stderr: blank(r.stderr) };
}

/** The panic lines only (up to the blank line before the traceback). */
const panics = (src: string): string => run(src).stderr.split('\n\n')[0]!;

describe('printpanicval', () => {
  it('a defined type shows its name: main.myint(4), main.mystr("x"), main.mybool(true)', () => {
    const head = 'package main\ntype myint int\ntype mystr string\ntype mybool bool\nfunc main() {\n';
    expect(panics(head + 'panic(myint(4))\n}\n')).toBe('panic: main.myint(4)');
    expect(panics(head + 'panic(mystr("x"))\n}\n')).toBe('panic: main.mystr("x")');
    expect(panics(head + 'panic(mybool(true))\n}\n')).toBe('panic: main.mybool(true)');
  });

  it('sized integers print with their own width and sign: int8(-3) is -3, not 253', () => {
    const src = `package main
type myu8 uint8
type myi16 int16
type myu64 uint64
func main() {
	defer func() { panic(myu8(200)) }()
	defer func() { panic(myi16(-300)) }()
	defer func() { panic(myu64(18446744073709551615)) }()
	defer func() { panic(int64(-9223372036854775808)) }()
	defer func() { var x int8 = -3; panic(x) }()
	defer func() { var x int32 = -70000; panic(x) }()
	defer func() { var x uint32 = 4000000000; panic(x) }()
	panic(uint16(65535))
}
`;
    expect(panics(src)).toBe(
      [
        'panic: 65535',
        '\tpanic: 4000000000',
        '\tpanic: -70000',
        '\tpanic: -3',
        '\tpanic: -9223372036854775808',
        '\tpanic: main.myu64(18446744073709551615)',
        '\tpanic: main.myi16(-300)',
        '\tpanic: main.myu8(200)',
      ].join('\n'),
    );
  });

  it('panic(nil) prints "panic: nil"; a re-panicked runtime error and a struct value print as Go 1.19', () => {
    expect(panics('package main\nfunc main() {\n\tpanic(nil)\n}\n')).toBe('panic: nil');
    const src = `package main
type T struct{ a, b int }
func main() {
	defer func() {
		recover()
		panic(T{1, 2})
	}()
	defer func() {
		e := recover()
		panic(e)
	}()
	a := make([]int, 1)
	i := 5
	_ = a[i]
}
`;
    expect(panics(src)).toBe(
      [
        'panic: runtime error: index out of range [5] with length 1 [recovered]',
        '\tpanic: runtime error: index out of range [5] with length 1 [recovered]',
        '\tpanic: (main.T) 0x?',
      ].join('\n'),
    );
  });
});
