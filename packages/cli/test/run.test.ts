import { gosim, goFiles, lines } from './helpers.js';

const files = goFiles({
  'hello.go': `package main

func main() {
	x := 6
	println("hello", x*7)
}
`,
  'finalizer.go': `package main

import "runtime"

var done = make(chan int, 1)

func setup() {
	p := new([4]int)
	p[3] = 7
	runtime.SetFinalizer(p, func(q *[4]int) { done <- q[3] })
}

func main() {
	setup()
	runtime.GC()
	println("finalized", <-done)
}
`,
  'panic.go': `package main

func boom(n int) {
	if n == 0 {
		panic("boom")
	}
	boom(n - 1)
}

func main() {
	defer func() {
		println("deferred ran")
	}()
	boom(3)
}
`,
  'deep.go': `package main

func down(n int) int {
	var pad [512]byte
	if n == 0 {
		return int(pad[7])
	}
	return down(n-1) + 1 + int(pad[3])
}

func main() {
	println("depth", down(300))
}
`,
  'gc.go': `package main

import "runtime"

type node struct {
	next *node
	val  int
}

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head, val: i}
	}
	return head
}

func main() {
	l := build(50)
	runtime.GC()
	sum := 0
	for p := l; p != nil; p = p.next {
		sum += p.val
	}
	println("sum", sum)
}
`,
  'hog.go': `package main

type node struct {
	next *node
	buf  [1024]int
}

var head *node

func main() {
	for i := 0; i < 100000; i++ {
		n := new(node)
		n.next = head
		head = n
	}
	println("done")
}
`,
  'spin.go': `package main

func tick(n int) int {
	return n + 1
}

func main() {
	n := 0
	for {
		n = tick(n)
	}
}
`,
  'escape.go': `package main

var g *int

func main() {
	x := 1
	g = &x
	println(*g)
}
`,
  'syntax.go': `package main

func main() {
	println("a"
}
`,
  'type.go': `package main

func main() {
	var s string = 5
	println(s)
}
`,
});

afterAll(() => files.dispose());

const cwd = files.dir;

describe('gosim run', () => {
  test('runs a program: its output, exit 0', async () => {
    const r = await gosim(['run', 'hello.go'], cwd);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'hello 42\n' });
  });

  test('an uncaught panic exits 2 with Go\'s message and traceback header', async () => {
    const r = await gosim(['run', 'panic.go'], cwd);
    expect(r.status).toBe(2);
    const l = lines(r.stderr);
    expect(l.slice(0, 3)).toEqual(['deferred ran', 'panic: boom', '']);
    expect(l[3]).toBe('goroutine 1 [running]:');
    expect(r.stderr).toContain('main.boom');
  });

  test('runtime.SetFinalizer needs --finalizers; with it the finalizer runs on the finalizer goroutine', async () => {
    const refused = await gosim(['run', 'finalizer.go'], cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('# command-line-arguments\n./finalizer.go:10:10: runtime.SetFinalizer is not supported by gosim without --finalizers (a frame keeps its pointers live until it returns, so finalizers would run later than Go\'s)\n');
    expect(await gosim(['run', '--finalizers', 'finalizer.go'], cwd)).toEqual({ status: 0, stdout: '', stderr: 'finalized 7\n' });
  });

  test('an absolute path works too', async () => {
    const r = await gosim(['run', files.path('hello.go')]);
    expect(r.status).toBe(0);
  });

  describe('flag families', () => {
    const deepOut = 'depth 300\n';
    test.each([
      [['--policy', 'old']],
      [['--policy', 'new']],
      [['--policy', 'deferpanic=new,traceback=old,gc=old,copystack=old']],
      [['--stack-poison', '--stack-fault-on-free', '--clobber-free']],
      [['--copy-stack-every', '7']],
      [['--copy-stack-always']],
      [['--gc-every', '13']],
      [['--gc-every-safepoint']],
      [['--seed', '42']],
      [['--stack-min', '2048']],
      [['--stack-min', '16k']],
      [['--max-steps', '100000000', '--max-heap', '64m', '--max-stack', '1m']],
    ])('%j runs the program to the same result', async (flags) => {
      const deep = await gosim(['run', ...flags, 'deep.go'], cwd);
      expect(deep).toEqual({ status: 0, stdout: '', stderr: deepOut });
      const gc = await gosim(['run', ...flags, 'gc.go'], cwd);
      expect(gc).toEqual({ status: 0, stdout: '', stderr: 'sum 1225\n' });
    });

    test('flags may follow the file', async () => {
      const r = await gosim(['run', 'deep.go', '--copy-stack-every', '3'], cwd);
      expect(r.status).toBe(0);
    });

    test('-m prints the escape decisions before the program\'s output', async () => {
      const r = await gosim(['run', '-m', 'escape.go'], cwd);
      expect(r.status).toBe(0);
      const l = lines(r.stderr);
      expect(l.some((x) => /^\.\/escape\.go:6:2: moved to heap: x$/.test(x))).toBe(true);
      expect(l[l.length - 1]).toBe('1');
    });

    test('--trace prints stack-copied lines while deep recursion grows the stack', async () => {
      const r = await gosim(['run', '--trace', 'deep.go'], cwd);
      expect(r.status).toBe(0);
      const copies = lines(r.stderr).filter((l) => l.startsWith('[trace] stack-copied g1 '));
      expect(copies.length).toBeGreaterThanOrEqual(3);
      for (const c of copies) expect(c).toMatch(/^\[trace\] stack-copied g1 0x[0-9a-f]+-0x[0-9a-f]+ -> 0x[0-9a-f]+-0x[0-9a-f]+ used=\d+ size \S+ -> \S+ \(\w+\)$/);
      expect(lines(r.stderr)).toContain('depth 300');
    });

    test('--trace shows GC cycles and defer/panic steps', async () => {
      const gc = await gosim(['run', '--trace', 'gc.go'], cwd);
      expect(gc.stderr).toMatch(/^\[trace\] gc-cycle #\d+ roots=\d+ /m);
      const p = await gosim(['run', '--trace', 'panic.go'], cwd);
      expect(p.status).toBe(2);
      expect(p.stderr).toMatch(/^\[trace\] panic-pushed g1 /m);
      expect(p.stderr).toMatch(/^\[trace\] defer-started g1 .*by panic/m);
    });
  });

  describe('gosim\'s own failures: one line, their own statuses', () => {
    function oneLine(stderr: string, re: RegExp): void {
      const l = lines(stderr);
      expect(l).toHaveLength(1);
      expect(l[0]).toMatch(/^gosim: /);
      expect(l[0]).toMatch(re);
    }

    test('an unknown flag is bad usage (64)', async () => {
      const r = await gosim(['run', '--no-such-flag', 'hello.go'], cwd);
      expect(r.status).toBe(64);
      oneLine(r.stderr, /unknown option '--no-such-flag'/);
    });

    test('a misspelt flag gets a suggestion on the same line', async () => {
      const r = await gosim(['run', '--tracee', 'hello.go'], cwd);
      expect(r.status).toBe(64);
      oneLine(r.stderr, /--tracee.*Did you mean --trace\?/);
    });

    test('a bad flag value is bad usage (64)', async () => {
      for (const argv of [['--copy-stack-every', 'x'], ['--gc-every', '0'], ['--seed', '-1'], ['--stack-min', '1000'], ['--max-heap', 'lots']]) {
        const r = await gosim(['run', ...argv, 'hello.go'], cwd);
        expect(r.status).toBe(64);
        oneLine(r.stderr, new RegExp(argv[0]!));
      }
    });

    test('a bad policy spec is bad usage with the offending item named', async () => {
      const r = await gosim(['run', '--policy', 'deferpanic=old,gc=bogus', 'hello.go'], cwd);
      expect(r.status).toBe(64);
      oneLine(r.stderr, /--policy.*"gc=bogus": unknown gc piece "bogus": registered are old, new/);
    });

    test('an unknown policy piece is named', async () => {
      const r = await gosim(['run', '--policy', 'stack=old', 'hello.go'], cwd);
      expect(r.status).toBe(64);
      oneLine(r.stderr, /unknown policy piece "stack"/);
    });

    test('conflicting stride flags are bad usage', async () => {
      const r = await gosim(['run', '--copy-stack-always', '--copy-stack-every', '5', 'hello.go'], cwd);
      expect(r.status).toBe(64);
      oneLine(r.stderr, /cannot be used with/);
    });

    test('no command, an unknown command or extra arguments are bad usage', async () => {
      for (const argv of [[], ['frobnicate'], ['run', 'hello.go', 'extra.go'], ['--trace']]) {
        const r = await gosim(argv, cwd);
        expect(r.status).toBe(64);
        oneLine(r.stderr, /./);
      }
    });

    test('a syntax error is 2 (as go run\'s build failure) with a positioned go-style line and no stack', async () => {
      const r = await gosim(['run', 'syntax.go'], cwd);
      expect(r.status).toBe(2);
      const l = lines(r.stderr);
      expect(l[0]).toBe('# command-line-arguments');
      expect(l[1]).toMatch(/^\.\/syntax\.go:4:\d+: syntax error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    test('a type error is 2 with a positioned line', async () => {
      const r = await gosim(['run', 'type.go'], cwd);
      expect(r.status).toBe(2);
      expect(lines(r.stderr)[1]).toMatch(/^\.\/type\.go:4:\d+: cannot use 5 /);
    });

    test('the step limit is 75 with one line', async () => {
      const r = await gosim(['run', '--max-steps', '1000', 'spin.go'], cwd);
      expect(r.status).toBe(75);
      oneLine(r.stderr, /step limit reached/);
    });

    test('the heap limit is 75 with one line', async () => {
      const r = await gosim(['run', '--max-heap', '1m', 'hog.go'], cwd);
      expect(r.status).toBe(75);
      oneLine(r.stderr, /heap limit/);
    });
  });

  describe('help and version', () => {
    test('--help prints usage to stdout and exits 0', async () => {
      const r = await gosim(['run', '--help'], cwd);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: gosim run \[options\] \[file\]/);
      expect(r.stdout).toContain('--copy-stack-every <n>');
      expect(r.stderr).toBe('');
    });

    test('gosim --help lists the run command and the exit statuses', async () => {
      const r = await gosim(['--help'], cwd);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/run \[options\] \[file\]/);
      expect(r.stdout).toContain('75 step/heap limit');
    });

    test('--version prints the version', async () => {
      const r = await gosim(['--version'], cwd);
      expect(r).toEqual({ status: 0, stdout: '0.0.0\n', stderr: '' });
    });
  });
});
