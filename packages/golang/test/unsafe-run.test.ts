// Package unsafe at run time (lower/unsafe.ts, runtime/src/slice.ts: UNSAFESLICE): conversions between pointers,
// unsafe.Pointer and uintptr, pointer arithmetic, unsafe.Add and unsafe.Slice on simulated addresses; an
// unsafe.Pointer is a pointer word, so copystack adjusts it and the GC keeps its target alive. Expected outputs:
// go1.19.8 (`go run`).
import type { RunOptions } from '@gosim/runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileOk } from './helpers';
import { runGo } from './run-helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 3, gcEvery: 5 };

describe('unsafe at run time', () => {
  test.each([['default', {}], ['stacks moving every 3 safe points, GC every 5', harsh]] as [string, RunOptions][])(
    'conversions, arithmetic, Sizeof/Offsetof values, Add, Slice (%s)', (_, opts) => {
      const r = runGo(fixture('unsafe_ops.go'), 'unsafe_ops.go', opts);
      expect(r.exit).toBe(0);
      expect(r.raw).toBe(fixture('unsafe_ops.out'));
    });

  test.each([['default', {}], ['stacks moving every 3 safe points, GC every 5', harsh]] as [string, RunOptions][])(
    'a stack move adjusts an unsafe.Pointer into the frame; the GC keeps what unsafe.Pointers point at (%s)', (_, opts) => {
      const r = runGo(fixture('unsafe_gc.go'), 'unsafe_gc.go', opts);
      expect(r.exit).toBe(0);
      expect(r.raw).toBe('true\n7 true\n77 0\n5 6 6\n8 77\n');
    });

  test('unsafe.Slice: a negative length panics as Go 1.19 does (in the caller\'s frame)', () => {
    const src = 'package main\n\nimport "unsafe"\n\nfunc main() {\n\tvar x [4]int\n\ts := unsafe.Slice(&x[0], 4)\n\tprintln(len(s), cap(s))\n\tn := -1\n\ts = unsafe.Slice(&x[0], n)\n\tprintln(len(s))\n}\n';
    const r = runGo(src, '/tmp/slice1.go');
    expect(r.exit).toBe(2);
    expect(r.raw).toMatch(/^4 4\npanic: runtime error: unsafe\.Slice: len out of range\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\t\/tmp\/slice1\.go:10 \+0x[0-9a-f]+\n$/);
  });

  test('unsafe.Slice: a nil pointer with a length, a length past the address space', () => {
    const nil = 'package main\n\nimport "unsafe"\n\nfunc main() {\n\tvar p *int\n\tn := 3\n\ts := unsafe.Slice(p, n)\n\tprintln(len(s))\n}\n';
    expect(runGo(nil, '/tmp/slice2.go').raw).toMatch(/^panic: runtime error: unsafe\.Slice: ptr is nil and len is not zero\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\t\/tmp\/slice2\.go:8 /);
    const over = 'package main\n\nimport "unsafe"\n\nfunc main() {\n\tvar x int\n\tn := 1 << 62\n\tdefer func() { println(recover().(error).Error()) }()\n\t_ = unsafe.Slice(&x, n)\n}\n';
    expect(runGo(over, 'o.go').raw).toBe('runtime error: unsafe.Slice: len out of range\n');
    const zero = 'package main\n\nimport "unsafe"\n\nfunc main() {\n\tvar e struct{}\n\ts := unsafe.Slice(&e, 1<<40)\n\tprintln(len(s), unsafe.Slice((*int)(nil), 0) == nil)\n}\n';
    expect(runGo(zero, 'z.go').raw).toBe('1099511627776 true\n');
  });

  test('escape analysis: unsafe.Pointer keeps the flow, uintptr does not (go build -gcflags=\'-m -l\' of go1.19.8)', () => {
    const src = "package main\n\nimport \"unsafe\"\n\nvar sink unsafe.Pointer\n\nfunc f() unsafe.Pointer {\n\tx := 1\n\treturn unsafe.Pointer(&x)\n}\n\nfunc g() uintptr {\n\tx := 2\n\treturn uintptr(unsafe.Pointer(&x))\n}\n\nfunc h(p *int) unsafe.Pointer {\n\treturn unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 8)\n}\n\nfunc k(p *[4]int) {\n\tsink = unsafe.Add(unsafe.Pointer(p), 8)\n}\n\nfunc s(p *int) []int {\n\treturn unsafe.Slice(p, 2)\n}\n\nfunc main() {\n\tvar a [4]int\n\tk(&a)\n\tb := 3\n\tprintln(*(*int)(f()), g() != 0, h(&b) != nil, len(s(&b)))\n}\n";
    expect(compileOk(src, './esc.go').escapes).toEqual([
      './esc.go:8:2: moved to heap: x',
      './esc.go:17:8: leaking param: p to result ~r0 level=0',
      './esc.go:21:8: leaking param: p',
      './esc.go:25:8: leaking param: p to result ~r0 level=0',
      './esc.go:30:6: moved to heap: a',
    ]);
    expect(runGo(src, 'esc.go').raw).toBe('1 true true 2\n');
  });
});
