// Programs that exercise the lowering, each run on the runtime and compared with the output real Go
// (go1.19.8 linux/amd64) prints for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, formatDiagnostic } from '../src/index';
import { runGo } from './run-helpers';

const prog = (name: string): string => readFileSync(join(__dirname, 'fixtures/lower', name), 'utf8');

function expectRun(name: string, stdout: string, exit = 0): void {
  const got = runGo(prog(name), `./${name}`);
  expect({ exit: got.exit, out: got.stdout + got.raw }).toEqual({ exit, out: stdout });
}

describe('lowering: copies of values that are not word aligned', () => {
  it('copying a [2]uint32 field at offset 4 of a global struct (D.c = S.c) copies it, through globals, locals and pointers', () => {
    expectRun('array_field_copy.go', '7 9\n5\n5\n5\n2\n9\n');
  });
  it('[2]uint32 fields inside arrays of structs inside structs copy through pointers, parameters, results and whole values', () => {
    expectRun('array_field_nested.go', '10 12 11\n99 12 false false\n7 8\n');
  });
  it('a [8]byte field at offset 1 copies and zeroes byte-exact in frames and in memory', () => {
    expectRun('unaligned_words.go', '4 8\n4 8 11\n0 0\n8\n9 false false\n11\n');
  });
});

describe('package initialization order', () => {
  it('package-level variables initialise in dependency order, through functions and their return statements, ties by declaration order', () => {
    // var c = b; var b = f(); var d, e = g(), a; var a = 3 ... (g -> h -> c)
    expectRun('init_order.go', 'f 3\ng\n3 4 4 40 3 1\n');
  });
  it('var a, b = c, f() initialises each name on its own in dependency order (a after c, c after b)', () => {
    expectRun('init_order_per_name.go', 'one\n1 1 1 1 2 5\n');
  });
  it('an initialization loop through a function is the error Go reports, with the chain of references', () => {
    const c = compile(prog('init_loop.go'), 'init_loop.go');
    expect(c.module).toBeUndefined();
    expect(c.diagnostics.map(formatDiagnostic)).toEqual([
      'init_loop.go:3:5: initialization loop for x\n\tinit_loop.go:3:5: x refers to\n\tinit_loop.go:5:6: f refers to\n\tinit_loop.go:3:5: x',
    ]);
  });
});

describe('multi-value assignments into interface-typed variables', () => {
  it('var a, b interface{} = x.(int) boxes the int and the bool; likewise v, ok = x.(T) and <-ch into existing interface vars', () => {
    expectRun('commaok_iface.go', '7 true\ntrue false\n7 true\n5 true\n7 true\n');
  });
  it('var a, b interface{} = f() and return f() into interface results box each result', () => {
    expectRun('multi_iface.go', '3 true\n3 true\n');
  });
});

describe('order of evaluation (as gc orders it)', () => {
  it('x += f(), x + f(), a[i] += f() where f changes x / a / i: the call runs first, then the operands are read', () => {
    expectRun('order_calls_first.go', '11\n11\n21\n11\n11\n11\n100 1\n101\n52\n48\n11\nzzb\nfalse false\n10 1 10\n');
  });
  it('send, if, switch, for conditions and assignments run their calls first; && runs its right side only when needed', () => {
    expectRun('order_statements.go', 'false 10\nif ok\nswitch ok\nloop 0\nloop 5\nloop 10\n11\n0 1\n1 3\ngo 1 1\nshow 1 1\n');
  });
  it('a, b := x, f() reads x after f; var c, d = x, f() assigns one name after another; tuples, literals, receives', () => {
    expectRun('order_tuples.go', '10 1\n1 1\n10 1\n0 5 1\n2 3 20\n7 7\n10 1\n5\n11 1\n');
  });
  it('a[i] = <-ch receives before it reads i (the sender changed i); receives as statements and comma-ok receive once', () => {
    expectRun('order_receive.go', '0 5\n8 true\n10\n3 true\n0 false\n');
  });
  it('go and defer evaluate their arguments one after another: defer show(x, f()) passes the old x', () => {
    expectRun('order_defer_args.go', '1 1\nlit 1 1\nshow 1 11\nshow 11 10\n');
  });
});

describe('large globals', () => {
  it('a 100 MiB global array (var big [100 << 20]byte) is zero-initialised in the data segment and runs', () => {
    expectRun('big_global.go', '3 7 104857600\n');
  });
  it('a global past the linker limit of one symbol is the error Go reports', () => {
    const c = compile(prog('global_too_large.go'), 'global_too_large.go');
    expect(c.diagnostics.map(formatDiagnostic)).toEqual([
      'global_too_large.go:3:5: main.big: symbol too large (2147483648 bytes > 2000000000 bytes)',
    ]);
  });
});

describe('comma-ok into interface globals in initialization order (Go test fixedbugs/issue53619)', () => {
  it('var a, b interface{} = x.(bool) referenced by earlier globals: both are boxed false, no frame overrun in main.init', () => {
    expectRun('init_commaok_iface.go', 'true true true true\n');
  });
});

describe('deep nesting does not overflow the JavaScript stack in escape analysis and lowering', () => {
  const main = (body: string): string => `package main\n\nfunc main() {\n${body}}\n`;
  const run = (src: string): string => {
    const got = runGo(src, './deep.go');
    return `${got.exit} ${got.stdout}${got.raw}`;
  };
  it('2 000 + terms, 2 000 && terms, 2 000 || terms and a 2 000-term string concatenation compile and run', () => {
    expect(run(main(`\tx := 1\n\tprintln(${Array(2000).fill('x').join(' + ')})\n`))).toBe('0 2000\n');
    expect(run(main(`\tx := 1\n\tprintln(${Array(2000).fill('x > 0').join(' && ')})\n`))).toBe('0 true\n');
    expect(run(main(`\tx := 1\n\tif ${Array(2000).fill('x < 0').join(' || ')} {\n\t\tprintln(1)\n\t}\n\tprintln(2)\n`))).toBe('0 2\n');
    expect(run(main(`\tx := "a"\n\tprintln(len(${Array(2000).fill('x').join(' + ')}))\n`))).toBe('0 2000\n');
  });
  it('nested ifs, blocks, parentheses and func literals as deep as the front end accepts compile and run', () => {
    expect(run(main(`\tx := 1\n${'if x > 0 {\n'.repeat(500)}println(x)\n${'}\n'.repeat(500)}`))).toBe('0 1\n');
    expect(run(main(`\tx := 1\n${'{\n'.repeat(1000)}x++\n${'}\n'.repeat(1000)}println(x)\n`))).toBe('0 2\n');
    expect(run(main(`\tx := 1\n\tprintln(${'('.repeat(1000)}x${')'.repeat(1000)})\n`))).toBe('0 1\n');
    expect(run(main(`\tx := 1\n${'func() {\n'.repeat(300)}x++\n${'}()\n'.repeat(300)}println(x)\n`))).toBe('0 2\n');
  });
});

describe('recursive types', () => {
  it('type Peano *Peano registers its descriptor once (no endless recursion) and runs: count of a 5-deep chain', () => {
    expectRun('recursive_pointer_type.go', '5\n');
  });
});

describe('order of the checks of an index through a pointer to an array', () => {
  it('a nil *[4]int indexed out of range panics with the nil dereference, not the bounds error (nil check first)', () => {
    expectRun('nil_array_pointer_index.go', 'runtime error: invalid memory address or nil pointer dereference\nruntime error: invalid memory address or nil pointer dereference\nruntime error: index out of range [9] with length 4\n3\n');
  });
});
