// deferpanic=go1.22 (Go 1.22's _panic iterator) with its traceback=go1.22: Go programs whose expected output is
// what go1.19.8 prints (the same as 1.22 for them), under forced stack moves and GCs during the iteration, and
// the mechanism read from the event stream.
import { compile } from '@gosim/golang';
import { parsePolicy, policies, runModule, type Policy, type RunOptions, type RuntimeEvent } from '@gosim/runtime';

const go122 = parsePolicy('deferpanic=go1.22,traceback=go1.22');

const run = (src: string, policy: Policy, opts: RunOptions = {}) => {
  const c = compile(src, '/tmp/x.go');
  if (!c.module) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const events: RuntimeEvent[] = [];
  const r = runModule(c.module, { policy, onEvent: (e) => events.push(e), ...opts });
  return { ...r, events };
};

/** Nested panics, a recover in a deferred call of a deferred call, Goexit with a panic recovered inside it. */
const nested = `package main

import "runtime"

func inner() {
	defer func() { println("inner recovered", recover().(string)) }()
	panic("second")
}

func a() {
	defer func() { println("a defer 1", recover() != nil) }()
	defer func() {
		defer func() { println("deferred-of-deferred recovered", recover().(string)) }()
		panic("in defer")
	}()
	defer inner()
	panic("first")
}

func g2(done chan bool) {
	defer func() { done <- true }()
	defer func() { println("goexit defer recovers", recover() != nil) }()
	defer func() {
		defer func() { println("recovered in goexit", recover().(string)) }()
		panic("panic during goexit")
	}()
	runtime.Goexit()
}

func g3(done chan bool) {
	defer func() { done <- true }()
	defer func() { println("after the bypass, recover is", recover() != nil) }()
	func() {
		defer func() { println("recovered above Goexit", recover().(string)) }()
		defer func() { panic("passes Goexit") }()
		runtime.Goexit()
	}()
	println("not reached: Goexit resumes")
}

func main() {
	a()
	done := make(chan bool)
	go g2(done)
	<-done
	go g3(done)
	<-done
	defer println("main defer")
	defer func() { panic("again") }()
	panic("last")
}
`;
const nestedOut = [
  'inner recovered second',
  'deferred-of-deferred recovered in defer',
  'a defer 1 true',
  'recovered in goexit panic during goexit',
  'goexit defer recovers false',
  'recovered above Goexit passes Goexit',
  'after the bypass, recover is false',
  'main defer',
  'panic: last',
  '\tpanic: again',
  '',
  'goroutine 1 [running]:',
].join('\n');

/** Deferred calls that grow the stack and run the GC while the panic walks the frames that deferred them. */
const iter = `package main

import "runtime"

type obj struct{ v [8]int }

func burn(n int) int {
	var pad [128]int
	pad[n%128] = n
	if n == 0 {
		return pad[0]
	}
	return burn(n-1) + pad[n%128]
}

func level(n int, o *obj, x *int) {
	var local [32]int
	local[0] = n
	defer func(o *obj, p *int) {
		burn(40)
		runtime.GC()
		*p += o.v[0] + local[0]
	}(o, x)
	if n == 0 {
		panic("bottom")
	}
	level(n-1, &obj{v: [8]int{n}}, x)
}

func main() {
	x := 0
	func() {
		defer func() { println("recovered", recover().(string)) }()
		level(6, &obj{v: [8]int{100}}, &x)
	}()
	println("x =", x)
}
`;
const iterOut = 'recovered bottom\nx = 142\n';

/** A frame above sigpanic whose only deferred call recovers and writes a result through the closure. */
const sigpanic = `package main

func nilIntPtr(p *int) (res int) {
	defer func() {
		if recover() != nil {
			res = -2
		}
	}()
	return *p
}

func main() { println("nilIntPtr:", nilIntPtr(nil)) }
`;

describe('deferpanic=go1.22', () => {
  test.each([
    ['plain', {}],
    ['a stack move at every safe point (poisoned, faulting on free)', { copyStackEvery: 1, stackPoisonCopy: true, stackFaultOnFree: true }],
    ['a GC at every safe point (clobbered frees)', { gcEvery: 1, clobberFree: true }],
  ] as [string, RunOptions][])('nested panics, recover in a deferred call of a deferred call, Goexit: Go\'s output (%s)', (_w, opts) => {
    const r = run(nested, go122, opts);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.startsWith(nestedOut)).toBe(true);
    expect(r.stderr).toBe(run(nested, policies.new, opts).stderr);
  });

  test('no started flag and no abort: every record leaves the list before its deferred function runs', () => {
    const r = run(nested, go122);
    expect(r.events.some((e) => e.kind === 'panic-aborted')).toBe(false);
    expect(run(nested, policies.new).events.some((e) => e.kind === 'panic-aborted')).toBe(true);
    // a started record is unlinked (at reflectcall's argument copy) before any other defer or panic step of its goroutine
    const step = (x: RuntimeEvent) => /^(defer|panic)-/.test(x.kind) && 'goid' in x;
    let checked = 0;
    r.events.forEach((e, i) => {
      if (e.kind !== 'defer-started') return;
      const next = r.events.slice(i + 1).find((x) => step(x) && (x as { goid: number }).goid === e.goid);
      expect(next).toMatchObject({ kind: 'defer-unlinked', d: e.d, why: 'run' });
      checked++;
    });
    expect(checked).toBeGreaterThan(10);
  });

  test('stack copies during the iteration: the walk goes on over the moved frames', () => {
    const r = run(iter, go122, { stackPoisonCopy: true, stackFaultOnFree: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(iterOut);
    const pushed = r.events.findIndex((e) => e.kind === 'panic-pushed');
    const recovered = r.events.findIndex((e) => e.kind === 'panic-recovered');
    const moves = r.events.slice(pushed, recovered).filter((e) => e.kind === 'stack-copied').length;
    expect(moves).toBeGreaterThan(0);
    // and with a move at every safe point, and with a GC at every one
    expect(run(iter, go122, { copyStackEvery: 1, stackPoisonCopy: true }).stderr).toBe(iterOut);
    expect(run(iter, go122, { gcEvery: 1, clobberFree: true }).stderr).toBe(iterOut);
  });

  test('the GC runs during the iteration and keeps the deferred calls\' arguments', () => {
    const r = run(iter, go122, { clobberFree: true });
    const pushed = r.events.findIndex((e) => e.kind === 'panic-pushed');
    const recovered = r.events.findIndex((e) => e.kind === 'panic-recovered');
    expect(r.events.slice(pushed, recovered).filter((e) => e.kind === 'gc-cycle').length).toBeGreaterThan(0);
    expect(r.stderr).toBe(iterOut);
  });

  test('mixed with traceback=new, a faulted frame is dead while its last deferred call runs: a move loses its result', () => {
    const mixed = parsePolicy('deferpanic=go1.22');
    expect(run(sigpanic, mixed).stderr).toBe('nilIntPtr: -2\n');
    expect(run(sigpanic, mixed, { copyStackEvery: 1 }).stderr).toBe('nilIntPtr: 0\n');
    expect(run(sigpanic, go122, { copyStackEvery: 1, stackPoisonCopy: true }).stderr).toBe('nilIntPtr: -2\n');
    expect(run(sigpanic, policies.new, { copyStackEvery: 1 }).stderr).toBe('nilIntPtr: -2\n');
  });
});
