// Go 1.14's open-coded defers (deferpanic=go1.14, copystack=go1.14, gc=go1.13, traceback=go1.22): which functions
// the lowering open-codes and the exit code it emits, the funcdata, panic/recover/Goexit through open-coded calls
// (gopanic and Goexit find them by scanning the stack), a stack move with calls pending, and the mixtures that break.
import { compile } from '@gosim/golang';
import { DeferOp, Op, type Module, type OpenDeferInfo } from '@gosim/program';
import { codegenOf, mixPolicy, policies, runModule, type Policy, type RunOptions, type RuntimeEvent } from '@gosim/runtime';
import { explore } from '../src/explore.js';

const go114: Policy = mixPolicy({ deferpanic: 'go1.14', copystack: 'go1.14', gc: 'go1.13', traceback: 'go1.22' });

const build = (src: string, policy: Policy, file = 'x.go'): Module => {
  const c = compile(src, file, { codegen: codegenOf(policy) });
  if (!c.module) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  return c.module;
};
const run = (m: Module, policy: Policy, opts: RunOptions = {}) => {
  const events: RuntimeEvent[] = [];
  const r = runModule(m, { policy, onEvent: (e) => events.push(e), ...opts });
  return { ...r, events };
};
const body = (m: Module, fn: string) => m.bodies[m.funcIds.get(fn)!]!;
const ops = (m: Module, fn: string): number[] => {
  const code = body(m, fn).code;
  const out: number[] = [];
  for (let i = 0; i < code.length; i += 4) out.push(code[i]!);
  return out;
};
const linked = (events: RuntimeEvent[]) => events.filter((e): e is Extract<RuntimeEvent, { kind: 'defer-linked' }> => e.kind === 'defer-linked');

const rules = `package main

func h(x int) {}

func two(x int, s string) int {
	defer h(x)
	defer println(s)
	if x > 0 {
		defer h(-x)
	}
	return x
}

func loop() {
	for i := 0; i < 1; i++ {
		defer h(i)
	}
	defer h(9)
}

func nine() {
	defer h(1)
	defer h(2)
	defer h(3)
	defer h(4)
	defer h(5)
	defer h(6)
	defer h(7)
	defer h(8)
	defer h(9)
}

func returns(x int) int {
	defer h(1)
	defer h(2)
	if x == 1 {
		return 1
	}
	if x == 2 {
		return 2
	}
	if x == 3 {
		return 3
	}
	if x == 4 {
		return 4
	}
	if x == 5 {
		return 5
	}
	if x == 6 {
		return 6
	}
	if x == 7 {
		return 7
	}
	return 8
}

func escaping() (r int) {
	defer h(1)
	p := &r
	_ = p
	go func() { *p = 2 }()
	return 1
}

func main() {
	two(1, "a")
	loop()
	nine()
	returns(1)
	escaping()
}
`;

describe('go1.14 open-coded defers: the lowering', () => {
  const m = build(rules, go114);

  test('a function with at most 8 defers, none in a loop, returns × defers <= 15, no heap result, open-codes them', () => {
    expect(body(m, 'main.two').openDefer).toBeDefined();
    expect(ops(m, 'main.two')).not.toContain(Op.DEFERPROC);
    expect(ops(m, 'main.two')).not.toContain(DeferOp.DEFERPROCSTACK);
    expect(ops(m, 'main.two').filter((o) => o === DeferOp.DEFERBITSET)).toHaveLength(3);
    // a defer in a loop: no open-coding; the loop's defer is a heap record, the other one a stack record (Go 1.13's)
    expect(body(m, 'main.loop').openDefer).toBeUndefined();
    expect(ops(m, 'main.loop')).toContain(Op.DEFERPROC);
    expect(ops(m, 'main.loop')).toContain(DeferOp.DEFERPROCSTACK);
    // 9 defers (deferBits is a uint8); 8 returns × 2 defers = 16 > 15; a result moved to the heap (extra exit code)
    for (const fn of ['main.nine', 'main.returns', 'main.escaping']) {
      expect(body(m, fn).openDefer).toBeUndefined();
      expect(ops(m, fn)).toContain(DeferOp.DEFERPROCSTACK);
      expect(ops(m, fn)).not.toContain(DeferOp.DEFERBITSET);
    }
    // the stock codegen never open-codes
    expect(body(build(rules, policies.new), 'main.two').openDefer).toBeUndefined();
  });

  test('the exit: for each defer from the last, test its bit, clear it, lay out the arguments, call the closure; then the deferreturn segment', () => {
    const code = ops(m, 'main.two');
    const exit = code.slice(code.lastIndexOf(DeferOp.DEFERBITTEST));
    const tests = code.map((o, i) => [o, i] as const).filter(([o]) => o === DeferOp.DEFERBITTEST).map(([, i]) => i);
    expect(tests).toHaveLength(3);
    const c = body(m, 'main.two').code;
    // bits tested 2, 1, 0 (the last defer runs first), each guard followed by JZ, the clear, then a CALLCLOSURE
    expect(tests.map((i) => c[4 * i + 3])).toEqual([2, 1, 0]);
    for (const i of tests) {
      expect(code[i + 1]).toBe(Op.JZ);
      expect(code[i + 2]).toBe(DeferOp.DEFERBITCLEAR);
      expect(c[4 * (i + 2) + 2]).toBe(c[4 * i + 3]);
      const call = code.indexOf(Op.CALLCLOSURE, i);
      expect(code.slice(i + 3, call).every((o) => o === Op.MOV || o === Op.MOVN || o === Op.ZERO)).toBe(true);
    }
    expect(exit.slice(-3)).toEqual([Op.RET, Op.DEFERRETURN, Op.RET]);
    // deferBits is zeroed at the entry, before any defer statement
    expect(code.indexOf(Op.IMM1)).toBeLessThan(code.indexOf(DeferOp.DEFERBITSET));
  });

  test('the funcdata: deferBits, closures and arguments as offsets below varp; the closure and pointer slots are in the pointer map', () => {
    const b = body(m, 'main.two');
    const info = b.openDefer as OpenDeferInfo;
    expect(info.defers.map((d) => d.argSize)).toEqual([8, 16, 8]);
    expect(info.maxArgSize).toBe(16);
    expect(info.defers[1]!.args).toEqual([expect.objectContaining({ size: 16, callOffset: 0 })]);
    const slot = (below: number) => b.frameSize - below;
    for (const d of info.defers) {
      expect(b.localPtrWords).toContain(slot(d.closure) / 8);
      for (const a of d.args) expect(slot(a.offset) + a.size).toBeLessThanOrEqual(b.frameSize);
    }
    // the string argument's data word is a pointer slot of the frame: scanned and adjusted as frame contents
    expect(b.localPtrWords).toContain(slot(info.defers[1]!.args[0]!.offset) / 8);
    expect(b.localPtrWords).not.toContain(Math.floor(slot(info.deferBits) / 8));
  });
});

// Real Go 1.19 prints this (go run); Go 1.19 itself open-codes these defers.
const flows = `package main

import "runtime"

type T struct{ p *int }

func named() (r int, err string) {
	defer func() {
		if e := recover(); e != nil {
			err = "map"
			r = -1
		}
	}()
	defer func() { r *= 10 }()
	var m map[string]int
	m["x"] = 1
	return 5, ""
}

func nilDeref(p *T) (v int) {
	defer func() {
		if e := recover(); e != nil {
			v = -2
		}
	}()
	return *p.p
}

func panicInExit() (s string) {
	defer func() {
		if e := recover(); e != nil {
			s = "recovered " + e.(string)
		}
	}()
	defer println("runs after the panicking one")
	defer func() { panic("in exit") }()
	defer println("runs first")
	return "normal"
}

func remaining() {
	defer println("remaining 1")
	defer println("remaining 2")
	defer func() { println("recover:", recover().(string)) }()
	defer println("before the recover")
	panic("p1")
}

func nested() {
	defer func() {
		println("outer recover", recover().(string))
	}()
	defer func() {
		defer func() {
			println("inner recover", recover().(string))
			panic("second")
		}()
		panic("first")
	}()
	println("nested body")
}

func goexitNested(done chan bool) {
	defer func() { done <- true }()
	defer func() {
		println("recovered in goexit:", recover().(string))
	}()
	defer func() { panic("panic during goexit") }()
	defer println("goexit deferred")
	runtime.Goexit()
}

func multi(x int) int {
	defer println("m1", x)
	if x == 1 {
		return 1
	}
	defer println("m2", x)
	if x == 2 {
		return 2
	}
	defer println("m3", x)
	return 3
}

func main() {
	println(named())
	println(nilDeref(&T{}))
	println(panicInExit())
	remaining()
	nested()
	done := make(chan bool)
	go goexitNested(done)
	<-done
	println(multi(1), multi(2), multi(3))
}
`;
const flowsOut = `-1 map
-2
runs first
runs after the panicking one
recovered in exit
before the recover
recover: p1
remaining 2
remaining 1
nested body
inner recover first
outer recover second
goexit deferred
recovered in goexit: panic during goexit
m1 1
m2 2
m1 2
m3 3
m2 3
m1 3
1 2 3
`;

// A deferred call grows the stack while the frame's open-coded record is linked; the next call of that frame is
// found through the record's varp.
const moveDuringPanic = `package main

func deep(n int) int {
	var pad [32]int
	pad[n%32] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[n%32]
}

func show(p *int, tag string) {
	*p += deep(50)
	println(tag, *p)
}

func f() (r int) {
	v := 7
	defer func() {
		if e := recover(); e != nil {
			r = v
		}
	}()
	defer show(&v, "pending")
	panic("boom")
}

func main() {
	println(f())
}
`;
const moveOut = 'pending 1282\n1282\n';

describe('go1.14 open-coded defers: the runtime', () => {
  test('panic, recover and Goexit through open-coded calls print what Go prints', () => {
    const r = run(build(flows, go114), go114);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(flowsOut);
  });

  test('a normal exit runs open-coded calls inline: no record at all; a panic links one record per open frame it reaches', () => {
    const quiet = run(build('package main\n\nfunc f(x int) {\n\tdefer println("a", x)\n\tdefer println("b")\n}\n\nfunc main() {\n\tf(1)\n}\n', go114), go114);
    expect(quiet.stderr).toBe('b\na 1\n');
    expect(linked(quiet.events)).toEqual([]);
    const r = run(build(flows, go114), go114);
    const open = linked(r.events).filter((e) => e.fn.startsWith('open-coded '));
    expect(open.map((e) => e.fn)).toEqual(expect.arrayContaining(['open-coded main.named', 'open-coded main.nilDeref', 'open-coded main.remaining', 'open-coded main.goexitNested']));
    // main.remaining's record (argp: its frame's sp): gopanic took bits 3 and 2 (the last defer first), bit 2
    // recovered, the frame resumed at its deferreturn, which took 1 and 0 from the same record, then unlinked it
    const at = r.events.findIndex((e) => e.kind === 'defer-linked' && e.fn === 'open-coded main.remaining');
    const rem = r.events[at] as Extract<RuntimeEvent, { kind: 'defer-linked' }>;
    const end = r.events.findIndex((e, i) => i > at && e.kind === 'defer-unlinked' && e.d === rem.d);
    const window = r.events.slice(at, end);
    const taken = window.filter((e): e is Extract<RuntimeEvent, { kind: 'open-defer-taken' }> => e.kind === 'open-defer-taken');
    expect(taken.map((e) => [e.bit, e.sp === rem.argp])).toEqual([[3, true], [2, true], [1, true], [0, true]]);
    const recovered = window.findIndex((e) => e.kind === 'panic-recovered');
    expect(window.indexOf(taken[1]!)).toBeLessThan(recovered);
    expect(window.indexOf(taken[2]!)).toBeGreaterThan(recovered);
  });

  test('a stack move with open-coded calls pending: their pointer arguments are adjusted as frame contents, varp with the record', () => {
    const m = build(moveDuringPanic, go114);
    const r = run(m, go114, { copyStackEvery: 1, stackPoisonCopy: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(moveOut);
    const adjusted = r.events.filter((e): e is Extract<RuntimeEvent, { kind: 'pointer-adjusted' }> => e.kind === 'pointer-adjusted');
    expect(adjusted.some((e) => e.where === 'defer.varp')).toBe(true);
    // the &v argument waits in main.f's frame (varp - offset): adjustframe rewrites it with the frame's pointers
    const b = body(m, 'main.f');
    const off = b.openDefer!.defers[1]!.args[0]!.offset;
    const varps = adjusted.filter((e) => e.where === 'defer.varp').map((e) => e.to);
    expect(adjusted.some((e) => e.where === 'main.f' && varps.includes(e.at + off))).toBe(true);
  });

  test('copystack=go1.13 (no varp) under go1.14 loses the frame\'s remaining call after a move during the panic', () => {
    const p: Policy = { ...go114, copystack: mixPolicy({ copystack: 'go1.13' }).copystack };
    const r = run(build(moveDuringPanic, p), p, { stackPoisonCopy: true });
    expect(r.stderr).not.toBe(moveOut);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('panic: boom');
  });

  test('the explorer finds no failure at any safe point (moves, shrinks, GCs) under go1.14', () => {
    const m = build(flows, go114);
    const r = explore(m, { policy: go114, kinds: ['copy', 'shrink', 'gc'], referenceModule: build(flows, policies.new), stackPoisonCopy: true });
    expect(r.baseline).toEqual(r.reference);
    expect(r.safePoints).toBeGreaterThan(50);
    expect(r.failures).toEqual([]);
  });

  test('with traceback=new a faulting frame with open-coded defers is dead until gopanic links its record: a move in gopanic\'s prologue breaks it', () => {
    const src = `package main

type T struct{ p *int }

func nilDeref(p *T) (v int) {
	x := 5
	q := &x
	defer func() {
		if e := recover(); e != nil {
			v = -*q
		}
	}()
	return *p.p
}

func main() {
	println(nilDeref(&T{}))
}
`;
    const p: Policy = { ...go114, traceback: policies.new.traceback };
    const m = build(src, p);
    const bad = explore(m, { policy: p, kinds: ['copy'], referenceModule: build(src, policies.new), stackPoisonCopy: true });
    expect(bad.reference.stderr).toContain('-5');
    expect(bad.failures.length).toBeGreaterThan(0);
    const good = explore(build(src, go114), { policy: go114, kinds: ['copy'], referenceModule: build(src, policies.new), stackPoisonCopy: true });
    expect(good.failures).toEqual([]);
  });
});
