// Package runtime's API (check/runtime-api.ts, lower/rtapi.ts, runtime/src/rtapi.ts, finalizer.ts, memstats.ts).
// The fixtures' .out files are go1.19.8's combined output of `go run x.go` in /tmp/rtapi_x (the programs print
// only what does not depend on the machine), so each program is compiled under that path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

const FIX = join(__dirname, 'fixtures/rtapi');
const PATH = '/tmp/rtapi_x/x.go';

// the finalizer tests opt in to runtime.SetFinalizer (refused by default: see CheckOptions.finalizers)
function run(src: string, opts: RunOptions = {}): { exit: number; out: string } {
  const c = compile(src, PATH, { finalizers: true });
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { exit: r.exitCode, out: r.stdout + r.stderr };
}

const fixture = (name: string): { src: string; want: string } => ({
  src: readFileSync(join(FIX, `${name}.go`), 'utf8'),
  want: readFileSync(join(FIX, `${name}.out`), 'utf8'),
});

const prog = (body: string, decls = ''): string => `package main\n\nimport "runtime"\n${decls}\nfunc main() {\n${body}\n}\n`;

describe('runtime API: callers, frames, funcs', () => {
  it('Callers, CallersFrames/Next, Caller, FuncForPC and the Func methods as go prints them', () => {
    const { src, want } = fixture('callers');
    expect(run(src)).toEqual({ exit: 0, out: want });
  });
  it('the same under forced stack moves and collections', () => {
    const { src, want } = fixture('callers');
    expect(run(src, { copyStackEvery: 3, gcEvery: 5 })).toEqual({ exit: 0, out: want });
  });
});

describe('runtime API: MemStats', () => {
  it('ReadMemStats fills Go 1.19\'s MemStats from the heap\'s figures; GOOS, GOARCH, Version, GOMAXPROCS, NumCPU, NumGoroutine', () => {
    const { src, want } = fixture('memstats');
    expect(run(src)).toEqual({ exit: 0, out: want });
  });
});

describe('runtime API: finalizers', () => {
  it('a finalizer runs once on the finalizer goroutine after its object is unreachable; its referents survive; SetFinalizer(p, nil) removes it', () => {
    const { src, want } = fixture('finalizer');
    expect(run(src)).toEqual({ exit: 0, out: want });
  });
  it('the same under forced collections and stack moves at every few safe points', () => {
    const { src, want } = fixture('finalizer');
    expect(run(src, { copyStackEvery: 2, gcEvery: 3 })).toEqual({ exit: 0, out: want });
    expect(run(src, { copyStackEvery: 7, gcEvery: 1 })).toEqual({ exit: 0, out: want });
  });
  it('the GC keeps a finalized object that is still reachable, and queues it once it is not', () => {
    const r = run(prog('\tsetup()\n\tfor i := 0; i < 3; i++ {\n\t\truntime.GC()\n\t}\n\tprintln(ran)\n\tp = nil\n\truntime.GC()\n\tprintln(<-done, ran)',
      '\nvar p *[8]int\nvar ran bool\nvar done = make(chan int, 1)\n\nfunc setup() {\n\tp = new([8]int)\n\tp[7] = 42\n\truntime.SetFinalizer(p, func(q *[8]int) {\n\t\tran = true\n\t\tdone <- q[7]\n\t})\n}\n'));
    expect(r).toEqual({ exit: 0, out: 'false\n42 true\n' });
  });
  it('the finalizer goroutine is not counted for deadlock nor listed', () => {
    const r = run(prog('\tp := new(int)\n\truntime.SetFinalizer(p, func(*int) {})\n\tc := make(chan int)\n\t<-c'));
    expect(r.exit).toBe(2);
    expect(r.out).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[chan receive\]:\nmain.main\(\)\n\t\/tmp\/rtapi_x\/x.go:9 \+0x[0-9a-f]+\n$/);
  });
  it('bad arguments are go\'s throws', () => {
    const first = (body: string): [number, string] => {
      const r = run(prog(body, '\nvar g int\n'));
      return [r.exit, r.out.split('\n')[0]!];
    };
    expect(first('\truntime.SetFinalizer(5, nil)')).toEqual([2, 'fatal error: runtime.SetFinalizer: first argument is int, not pointer']);
    expect(first('\truntime.SetFinalizer(nil, nil)')).toEqual([2, 'fatal error: runtime.SetFinalizer: first argument is nil']);
    expect(first('\truntime.SetFinalizer(new(int), 5)')).toEqual([2, 'fatal error: runtime.SetFinalizer: second argument is int, not a function']);
    expect(first('\truntime.SetFinalizer(new(int), func(int) {})')).toEqual([2, 'fatal error: runtime.SetFinalizer: cannot pass *int to finalizer func(int)']);
    expect(first('\truntime.SetFinalizer(new(int), func(...*int) {})')).toEqual([2, 'fatal error: runtime.SetFinalizer: cannot pass *int to finalizer func(...*int) because dotdotdot']);
    expect(first('\tp := new(int)\n\truntime.SetFinalizer(p, func(*int) {})\n\truntime.SetFinalizer(p, func(*int) {})')).toEqual([2, 'fatal error: runtime.SetFinalizer: finalizer already set']);
    // a global is accepted and ignored, as go does
    expect(first('\truntime.SetFinalizer(&g, func(*int) {})\n\tprintln("ok")')).toEqual([0, 'ok']);
  });
});

describe('runtime API: the rest', () => {
  it('Breakpoint is SIGTRAP: every goroutine with runtime frames, exit 2', () => {
    const r = run(prog('\tprintln("hi")\n\truntime.Breakpoint()'));
    expect(r.exit).toBe(2);
    expect(r.out).toMatch(/^hi\nSIGTRAP: trace trap\nPC=0x[0-9a-f]+ m=0 sigcode=128\n\ngoroutine 1 \[running\]:\nruntime.Breakpoint\(\)\n/);
  });
  it('MemProfileRate is a variable: 0, as go\'s linker leaves it in a program without MemProfile', () => {
    expect(run(prog('\tprintln(runtime.MemProfileRate)\n\truntime.MemProfileRate = 7\n\tp := &runtime.MemProfileRate\n\t*p++\n\tprintln(runtime.MemProfileRate)'))).toEqual({ exit: 0, out: '0\n8\n' });
  });
  it('the API functions are functions: values, defer and go of them (and of methods) run as go\'s do', () => {
    const body = '\tp := new(int)\n\tdefer runtime.KeepAlive(p)\n\tgo runtime.GC()\n\tk := runtime.KeepAlive\n\tk(p)\n\tf()\n\tc := runtime.Caller\n\t_, _, line, ok := c(0)\n\tprintln(line, ok)\n\tfs := runtime.CallersFrames(nil)\n\tdefer fs.Next()';
    const f = '\nfunc f() {\n\tvar pcs [8]uintptr\n\tdefer func() {\n\t\tfr := runtime.CallersFrames(pcs[:])\n\t\ta, _ := fr.Next()\n\t\tb, _ := fr.Next()\n\t\tprintln(a.Function, b.Function, b.Line)\n\t}()\n\tdefer runtime.Callers(0, pcs[:])\n}\n';
    expect(run(prog(body, f))).toEqual({ exit: 0, out: 'runtime.Callers main.f 14\n24 true\n' });
  });
  it('calls are checked against the functions\' signatures', () => {
    const diag = (src: string): string => compile(src, 'x.go').diagnostics.map(formatDiagnostic).join('\n');
    expect(diag(prog('\truntime.Caller()'))).toBe('x.go:6:17: not enough arguments in call to runtime.Caller\n\thave ()\n\twant (int)');
    expect(diag(prog('\tvar s string\n\truntime.ReadMemStats(s)'))).toBe('x.go:7:23: cannot use s (variable of type string) as type *runtime.MemStats in argument to runtime.ReadMemStats');
    expect(diag(prog('\tvar f *runtime.Func\n\t_ = f.Name(1)'))).toBe('x.go:7:13: too many arguments in call to f.Name\n\thave (number)\n\twant ()');
  });
});

test('runtime.SetFinalizer is refused without the finalizers option, with the reason', () => {
  const c = compile(prog('\truntime.SetFinalizer(new(int), nil)'), PATH);
  expect(c.module).toBeUndefined();
  expect(c.diagnostics.map(formatDiagnostic)).toEqual([
    `${PATH}:6:10: runtime.SetFinalizer is not supported by gosim without --finalizers (a frame keeps its pointers live until it returns, so finalizers would run later than Go's)`,
  ]);
});

