// The IR the lowering produces for the CL's programs: frame reads, argument blocks, stack-allocated defers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disassemble, Op, type Program } from '@gosim/program';
import { loadProgram, policies, runModule } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';
import { CONFORMANCE_DIR } from './run-helpers';

function build(file: string): Program {
  const c = compile(readFileSync(join(CONFORMANCE_DIR, file), 'utf8'), `./${file}`);
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  return loadProgram(c.module, policies.new.deferpanic);
}

/** The instructions of a function as [op, a, b, c] tuples. */
function code(p: Program, name: string): number[][] {
  const f = p.func(name)!;
  const out: number[][] = [];
  for (let i = f.entryIndex; i < f.endIndex; i++) out.push([...p.code.slice(4 * i, 4 * i + 4)]);
  return out;
}

describe('lowering of the CL programs', () => {
  test('b[99] of a local [1024]byte is read from the frame (no pointer load)', () => {
    const p = build('25_defer_ptrs_goexit.go');
    const f = p.func('main.useStackAndCall')!;
    const ins = code(p, 'main.useStackAndCall');
    const zero = ins.find((x) => x[0] === Op.ZERO && x[2] === 1024);
    expect(zero).toBeDefined(); // var b [1024]byte is zeroed in the frame
    const bSlot = zero![1]!;
    // the byte at b+99 is read straight from its frame slot (EXT1 / MOV1 from the frame)
    expect(ins.some((x) => (x[0] === Op.EXT1 || x[0] === Op.MOV1) && x[2] === bSlot + 99)).toBe(true);
    expect(ins.some((x) => x[0] === Op.LOAD1 || x[0] === Op.LOADN)).toBe(false);
    expect(f.frameSize).toBeGreaterThanOrEqual(1024);
    expect(disassemble(p, 'main.useStackAndCall')).toContain(`${bSlot + 99}(SP)`);
  });

  test('setBig(p *int, x int, b bigBuf) has a 4112-byte argument block, deferred with DEFERPROC 4112', () => {
    const p = build('25_defer_ptrs_goexit.go');
    expect(p.func('main.setBig')!.argSize).toBe(4112);
    const ins = code(p, 'main.testDeferPtrsGoexit');
    expect(ins.some((x) => x[0] === Op.DEFERPROC && x[2] === 4112)).toBe(true);
    expect(p.func('main.testDeferPtrsGoexit')!.frameSize).toBeGreaterThanOrEqual(4112);
  });

  test.each([
    ['24_defer_ptrs_stack_growth.go', 'main.testDeferPtrs'],
    ['25_defer_ptrs_goexit.go', 'main.testDeferPtrsGoexit'],
  ])('%s: the deferred closure and &y stay on the stack (LEA, no NEW)', (file, fn) => {
    const p = build(file);
    const ins = code(p, fn);
    expect(ins.some((x) => x[0] === Op.NEW)).toBe(false);
    expect(ins.filter((x) => x[0] === Op.LEA).length).toBeGreaterThanOrEqual(2); // &y and the closure
    // the closure is deferred through a frame address (its LEA'd slot)
    const dp = ins.find((x) => x[0] === Op.DEFERPROC && x[2] === 0)!;
    expect(ins.some((x) => x[0] === Op.LEA && x[1] === dp[1])).toBe(true);
  });

  test('a heap-escaping variable is a NEW cell (48: counter)', () => {
    const p = build('48_closures_state.go');
    expect(code(p, 'main.counter').some((x) => x[0] === Op.NEW)).toBe(true);
  });

  test('functions carry the file name and per-instruction lines', () => {
    const p = build('17_divide_by_zero_uncaught.go');
    const f = p.func('main.div')!;
    expect(f.file).toBe('./17_divide_by_zero_uncaught.go');
    const lines = [...p.lines.slice(f.entryIndex, f.endIndex)];
    expect(lines.every((l) => l > 0)).toBe(true);
  });
});

describe('compile()', () => {
  test('syntax and type errors come back as diagnostics', () => {
    const r = compile('package main\nfunc main() { x := 1 }\n', 'bad.go');
    expect(r.module).toBeUndefined();
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['bad.go:2:15: x declared but not used']);
  });

  test('the escape report comes with the module', () => {
    const r = compile(readFileSync(join(CONFORMANCE_DIR, '48_closures_state.go'), 'utf8'), './48.go');
    expect(r.module).toBeDefined();
    expect(r.escapes).toContain('./48.go:7:2: moved to heap: n');
  });

  test('never throws on garbage', () => {
    for (const src of ['', 'package', 'package main\nfunc main() { for { } }\n', 'package main\nfunc main() {\n\tvar a [3]int\n\ta[5] = 1\n}\n']) {
      expect(() => compile(src, 'g.go')).not.toThrow();
    }
  });

  test('small programs run: sized integers, structs, strings, switches', () => {
    const src = `package main

type pt struct {
	x, y int32
	ok   bool
}

func swap(a, b int) (int, int) { return b, a }

func main() {
	var i8 int8 = 127
	i8++
	var u16 uint16 = 65535
	u16 += 2
	var i32 int32 = -5
	i32 = i32 * 3
	p := &pt{x: 1, y: i32, ok: true}
	q := *p
	q.x += 10
	a, b := swap(1, 2)
	s := "go" + "sim"
	var e interface{} = q
	v, isPt := e.(pt)
	switch {
	case a > b && s == "gosim":
		println("ok", i8, u16, i32, p.x, q.x, p.y, a, b, s[1], len(s), v.ok, isPt, q == *p)
	}
}
`;
    const c = compile(src, 'p.go');
    if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
    const r = runModule(c.module);
    expect(r.stderr).toBe('ok -128 1 -15 1 11 -15 2 1 111 5 true true false\n');
    expect(r.exitCode).toBe(0);
  });
});
