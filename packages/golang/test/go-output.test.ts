// What the runtime prints when a program ends badly, compared line by line with go1.19.8 linux/amd64
// (GOTRACEBACK=single). Hex numbers (pcs offsets, pointers, argument words) are blanked to 0x? on both sides;
// Go's GOROOT is written $GOROOT.
import { policies, runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

/** Hex blanked; goroutine ids other than 1 (Go's depend on its runtime's own goroutines) written "?". */
const blank = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0x?').replace(/^goroutine (?!1 )\d+ /gm, 'goroutine ? ');

function run(src: string, file = '/tmp/x.go', opts: RunOptions = {}): { exit: number; stdout: string; stderr: string } {
  const c = compile(src, file);
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
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

/**
 * Whole stderr of small programs, as go1.19.8 printed it (built binary; //go:noinline keeps Go from inlining
 * f, which gosim never does, and the frames here take no arguments: see the report on argument words).
 */
const programs: { name: string; src: string; stderr: string }[] = [
  {
    name: 'nested',
    src: `package main

type myint int

//go:noinline
func f() {
	defer func() {
		panic("second")
	}()
	panic(myint(1))
}

func main() {
	f()
}
`,
    stderr: `panic: main.myint(1)
	panic: second

goroutine 1 [running]:
main.f.func1()
	/tmp/o/tb/nested.go:8 +0x?
panic({0x?, 0x?})
	$GOROOT/src/runtime/panic.go:884 +0x?
main.f()
	/tmp/o/tb/nested.go:10 +0x?
main.main()
	/tmp/o/tb/nested.go:14 +0x?
`,
  },
  {
    name: 'nilderef',
    src: `package main

type T struct{ x int }

var p *T

//go:noinline
func f() {
	println(p.x)
}

func main() {
	f()
}
`,
    stderr: `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]

goroutine 1 [running]:
main.f()
	/tmp/o/tb/nilderef.go:9 +0x?
main.main()
	/tmp/o/tb/nilderef.go:13 +0x?
`,
  },
  {
    name: 'divide',
    src: `package main

var z int

//go:noinline
func f() {
	println(1 / z)
}

func main() {
	f()
}
`,
    stderr: `panic: runtime error: integer divide by zero

goroutine 1 [running]:
main.f()
	/tmp/o/tb/divide.go:7 +0x?
main.main()
	/tmp/o/tb/divide.go:11 +0x?
`,
  },
  {
    name: 'index',
    src: `package main

var i = 5

//go:noinline
func f() {
	a := make([]int, 3)
	println(a[i])
}

func main() {
	f()
}
`,
    stderr: `panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
main.f()
	/tmp/o/tb/index.go:8 +0x?
main.main()
	/tmp/o/tb/index.go:12 +0x?
`,
  },
  {
    name: 'deadlock',
    src: `package main

var ch = make(chan int)

//go:noinline
func g() {
	ch <- 1
}

func main() {
	go g()
	c2 := make(chan int)
	<-c2
}
`,
    stderr: `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive]:
main.main()
	/tmp/o/tb/deadlock.go:13 +0x?

goroutine ? [chan send]:
main.g()
	/tmp/o/tb/deadlock.go:7 +0x?
created by main.main
	/tmp/o/tb/deadlock.go:11 +0x?
`,
  },
  {
    name: 'goexitdead',
    src: `package main

import "runtime"

var ch = make(chan int)

//go:noinline
func g() {
	<-ch
}

func main() {
	go g()
	runtime.Goexit()
}
`,
    stderr: `fatal error: all goroutines are asleep - deadlock!

goroutine ? [chan receive]:
main.g()
	/tmp/o/tb/goexitdead.go:9 +0x?
created by main.main
	/tmp/o/tb/goexitdead.go:13 +0x?
`,
  },
  {
    name: 'goexitnone',
    src: `package main

import "runtime"

func main() {
	defer println("deferred")
	runtime.Goexit()
}
`,
    stderr: `deferred
fatal error: no goroutines (main called runtime.Goexit) - deadlock!
`,
  },
  {
    // Go reuses a dead g (gfput/gfget) without clearing its signal state: the goroutine after one that died in
    // a Goexit during a nil-dereference panic prints that fault's [signal] line under its own uncaught panic.
    name: 'stalesig',
    src: `package main

import "runtime"

func main() {
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer runtime.Goexit()
		var p *int
		println(*p)
	}()
	<-done
	c := make(chan int)
	go func() {
		panic("boom")
	}()
	<-c
}
`,
    stderr: `panic: boom
[signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]

goroutine ? [running]:
main.main.func2()
	/tmp/o/tb/stalesig.go:16 +0x?
created by main.main
	/tmp/o/tb/stalesig.go:15 +0x?
`,
  },
  {
    name: 'gopanic',
    src: `package main

//go:noinline
func g() {
	panic("in goroutine")
}

func main() {
	done := make(chan int)
	go g()
	<-done
}
`,
    stderr: `panic: in goroutine

goroutine ? [running]:
main.g()
	/tmp/o/tb/gopanic.go:5 +0x?
created by main.main
	/tmp/o/tb/gopanic.go:10 +0x?
`,
  },
  {
    name: 'goexitpanic',
    src: `package main

import "runtime"

func main() {
	done := make(chan int)
	go func() {
		defer func() {
			defer func() { panic("second") }()
			runtime.Goexit()
		}()
		panic("first")
	}()
	<-done
}
`,
    stderr: `panic: first
	panic: second

goroutine ? [running]:
main.main.func1.1.1()
	/tmp/o/tb/goexitpanic.go:9 +0x?
runtime.Goexit()
	$GOROOT/src/runtime/panic.go:522 +0x?
main.main.func1.1()
	/tmp/o/tb/goexitpanic.go:10 +0x?
panic({0x?, 0x?})
	$GOROOT/src/runtime/panic.go:884 +0x?
main.main.func1()
	/tmp/o/tb/goexitpanic.go:12 +0x?
created by main.main
	/tmp/o/tb/goexitpanic.go:7 +0x?
`,
  },
];

describe('tracebacks show the frames Go 1.19 shows by default', () => {
  it.each(programs.map((p) => [p.name, p] as const))('%s: stderr line by line as go1.19.8 (hex blanked)', (_n, p) => {
    const r = run(p.src, `/tmp/o/tb/${p.name}.go`);
    expect(r.exit).toBe(2);
    expect(r.stderr).toBe(p.stderr);
  });
});

describe('a recover during Goexit does not stop the Goexit (Go 1.14+), under every policy', () => {
  const inGoroutine = `package main

import "runtime"

func main() {
	done := make(chan int)
	go func() {
		defer func() { println("outer defer"); done <- 1 }()
		func() {
			defer func() { println("recovered", recover().(string)) }()
			defer func() { panic("boom") }()
			runtime.Goexit()
		}()
		println("after Goexit call: must not run")
	}()
	<-done
	println("main done")
}
`;
  const inMain = `package main

import "runtime"

func main() {
	defer func() { println("main defer") }()
	func() {
		defer func() { println("recovered", recover().(string)) }()
		defer func() { panic("boom") }()
		runtime.Goexit()
	}()
	println("after Goexit call: must not run")
}
`;
  const innerRecover = `package main

import "runtime"

func main() {
	done := make(chan int)
	go func() {
		defer func() { done <- 1 }()
		defer println("second defer still runs")
		defer func() {
			defer func() { println("recovered inside", recover().(string)) }()
			panic("inner")
		}()
		runtime.Goexit()
	}()
	<-done
	println("main done")
}
`;
  for (const name of ['new', 'old'] as const) {
    const opts = { policy: policies[name] };
    it(`${name}: the goroutine exits after its remaining defers; code after the call that Goexited never runs`, () => {
      expect(run(inGoroutine, '/tmp/x.go', opts)).toEqual({ exit: 0, stdout: '', stderr: 'recovered boom\nouter defer\nmain done\n' });
    });
    it(`${name}: in main, the Goexit goes on and ends in "no goroutines" deadlock`, () => {
      expect(run(inMain, '/tmp/x.go', opts)).toEqual({
        exit: 2,
        stdout: '',
        stderr: 'recovered boom\nmain defer\nfatal error: no goroutines (main called runtime.Goexit) - deadlock!\n',
      });
    });
    it(`${name}: a panic recovered inside the deferred call itself returns to Goexit normally`, () => {
      expect(run(innerRecover, '/tmp/x.go', opts)).toEqual({
        exit: 0,
        stdout: '',
        stderr: 'recovered inside inner\nsecond defer still runs\nmain done\n',
      });
    });
  }
});
