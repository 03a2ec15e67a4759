// Go 1.13's stack-allocated _defer records (deferpanic/copystack/gc = go1.13): the lowering, where records live,
// stack moves and GCs over chains that weave between frames and the heap, and the mixtures that break by mechanism.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import { DeferOp, Op, type Module } from '@gosim/program';
import {
  CodegenMismatch, codegenOf, derivePiece, mixPolicy, policies, runModule, type Policy, type RunOptions, type RuntimeEvent,
} from '@gosim/runtime';
import { DeferGo113 } from '@gosim/defer-panic';
import { gcGo113, type GCPolicy } from '@gosim/gc';
import { explain } from '../src/explain.js';
import { explore } from '../src/explore.js';

const go113: Policy = mixPolicy({ deferpanic: 'go1.13', copystack: 'go1.13', gc: 'go1.13' });

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
/** The opcodes of one function of a module. */
const ops = (m: Module, fn: string): number[] => {
  const code = m.bodies[m.funcIds.get(fn)!]!.code;
  const out: number[] = [];
  for (let i = 0; i < code.length; i += 4) out.push(code[i]!);
  return out;
};

// main.f: a top-level defer with a pointer argument to a stack variable; a defer in a loop (heap records linked
// between the frame records); main.g, called from f: two top-level defers (a frame record linking to another).
const weave = `package main

var sink *int

func show(p *int, tag string) {
	println(tag, *p)
}

func deep(n int) int {
	var pad [40]int
	pad[n%40] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[n%40]
}

func g(x int) int {
	defer println("g first", x)
	defer func() {
		println("g's closure", x)
	}()
	return deep(60) + x
}

func f() {
	v := 7
	defer show(&v, "top")
	for i := 0; i < 2; i++ {
		defer println("loop", i)
	}
	v = g(v)
}

func main() {
	f()
	println("done")
}
`;
const weaveOut = "g's closure 7\ng first 7\nloop 1\nloop 0\ntop 1837\ndone\n";

describe('go1.13 stack-allocated defer records', () => {
  test('the lowering: a defer outside loops gets DEFERPROCSTACK, one in a loop or after a backward goto label DEFERPROC', () => {
    const src = `package main

func h() {}

func top() {
	defer h()
}

func loop() {
	for i := 0; i < 1; i++ {
		defer h()
	}
}

func back() {
	i := 0
again:
	defer h()
	i++
	if i < 2 {
		goto again
	}
}

func main() {
	top()
	loop()
	back()
}
`;
    const m = build(src, go113);
    expect(ops(m, 'main.top')).toContain(DeferOp.DEFERPROCSTACK);
    expect(ops(m, 'main.top')).not.toContain(Op.DEFERPROC);
    for (const fn of ['main.loop', 'main.back']) {
      expect(ops(m, fn)).toContain(Op.DEFERPROC);
      expect(ops(m, fn)).not.toContain(DeferOp.DEFERPROCSTACK);
    }
    // the stock codegen: no stack records anywhere
    expect(ops(build(src, policies.new), 'main.top')).not.toContain(DeferOp.DEFERPROCSTACK);
  });

  test('a record lives in its frame: the record is between the deferring frame\'s sp and its return PC; loop records are not', () => {
    const m = build(weave, go113);
    const r = run(m, go113);
    expect(r.stderr).toBe(weaveOut);
    const f = m.bodies[m.funcIds.get('main.f')!]!;
    const linked = r.events.filter((e): e is Extract<RuntimeEvent, { kind: 'defer-linked' }> => e.kind === 'defer-linked');
    const inFrame = (e: (typeof linked)[number]) => e.d >= e.argp && e.d + DeferGo113.header + e.siz <= e.argp + f.frameSize;
    const top = linked.find((e) => e.fn === 'main.show')!;
    expect(inFrame(top)).toBe(true);
    const loops = linked.filter((e) => e.fn.startsWith('main.f.'));
    expect(loops).toHaveLength(2);
    for (const e of loops) expect(inFrame(e)).toBe(false);
  });

  test('a program compiled for another codegen is refused, never run', () => {
    expect(() => runModule(build(weave, go113), { policy: policies.new })).toThrow(CodegenMismatch);
    expect(() => runModule(build(weave, policies.new), { policy: go113 })).toThrow(CodegenMismatch);
  });

  test('copystack=go1.13 moves stack records: g._defer and the links are adjusted, the chain is walked in the new stack', () => {
    const m = build(weave, go113);
    const r = run(m, go113, { copyStackEvery: 1, stackPoisonCopy: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(weaveOut);
    const copies = r.events.filter((e) => e.kind === 'stack-copied').length;
    expect(copies).toBeGreaterThan(10);
    const adjusted = r.events.filter((e): e is Extract<RuntimeEvent, { kind: 'pointer-adjusted' }> => e.kind === 'pointer-adjusted');
    expect(adjusted.some((e) => e.where === 'g._defer')).toBe(true);
    expect(adjusted.some((e) => e.where === 'defer.link')).toBe(true);
    // each move's adjusted links point into its new stack and are never words of the OLD one (the chain is followed
    // through adjusted links: a frame record's link is rewritten in its copy, a heap record's in the heap); a move's
    // stack-copied event comes at the switch, after its adjustdefers
    let pending: { at: number; to: number }[] = [];
    let checked = 0;
    let inNew = 0;
    for (const e of r.events) {
      if (e.kind === 'pointer-adjusted' && e.where === 'defer.link') pending.push(e);
      else if (e.kind === 'stack-copied') {
        for (const a of pending) {
          expect(a.to >= e.newLo && a.to < e.newHi).toBe(true);
          expect(a.at >= e.oldLo && a.at < e.oldHi).toBe(false);
          if (a.at >= e.newLo && a.at < e.newHi) inNew++;
          checked++;
        }
        pending = [];
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(inNew).toBeGreaterThan(0);
  });

  test('the explorer finds no failure at any safe point of the weave program under go1.13', () => {
    const m = build(weave, go113);
    const r = explore(m, { policy: go113, kinds: ['copy', 'shrink', 'gc'], referenceModule: build(weave, policies.new), stackPoisonCopy: true });
    expect(r.baseline).toEqual(r.reference);
    expect(r.baseline.stderr).toContain('top 1837');
    expect(r.safePoints).toBeGreaterThan(20);
    expect(r.failures).toEqual([]);
  });

  // A heap record (a defer in a loop) whose argument is the only reference to a heap object, linked behind a stack
  // record at the head of g._defer; a GC runs while both are pending.
  const behind = `package main

import "runtime"

type box struct {
	v    [4]int
	next *box
}

var keep *box

func fill(b *box, base int) *box {
	for i := 0; i < 4; i++ {
		b.v[i] = base + i
	}
	return b
}

func check(b *box) {
	println("check", b.v[0], b.v[3])
}

func after() {
	println("after")
}

func h() {
	keep = fill(new(box), 100)
	for i := 0; i < 1; i++ {
		defer check(keep)
	}
	keep = nil
	defer after()
	runtime.GC()
	for k := 0; k < 64; k++ {
		keep = fill(new(box), k)
	}
	keep = nil
	runtime.GC()
}

func main() {
	h()
}
`;
  const behindOut = 'after\ncheck 100 103\n';

  test('gc=go1.13 keeps a heap record linked behind a stack record live, and the object its arguments point to', () => {
    const r = run(build(behind, go113), go113, { clobberFree: true });
    expect(r.stderr).toBe(behindOut);
  });

  test('a gc piece that marks neither the links nor the heap records themselves frees that record (the chain passes through the stack)', () => {
    const forgetful: GCPolicy = derivePiece(gcGo113, {
      name: 'go1.13-no-record-marks',
      scanDefers(ctx, g, w) {
        // argument blocks and fn only, as if the chain's records were reachable from elsewhere
        const s = ctx.space;
        const l = ctx.deferLayout;
        for (let d = g._defer; d !== 0; d = s.load64(d + l.link)) w.markPointer(s.load64(d + l.fn));
      },
    });
    const p = { ...go113, gc: forgetful };
    const r = run(build(behind, p), p, { clobberFree: true });
    // the freed record's memory is read again (the walk through the stack record's link, deferreturn)
    expect(r.exitCode !== 0 || r.stderr !== behindOut).toBe(true);
    expect(r.stderr).not.toBe(behindOut);
  });

  test('gc=old with go1.13 records skips the stack records: their argument blocks are not scanned', () => {
    const src = `package main

import "runtime"

type box struct{ v [4]int }

var keep *box

func check(b *box) {
	println("check", b.v[0], b.v[3])
}

func h() {
	keep = &box{[4]int{1, 2, 3, 4}}
	defer check(keep)
	keep = nil
	runtime.GC()
	for k := 0; k < 64; k++ {
		keep = &box{[4]int{k, k, k, k}}
	}
	keep = nil
	runtime.GC()
}

func main() {
	h()
}
`;
    const good = run(build(src, go113), go113, { clobberFree: true });
    expect(good.stderr).toBe('check 1 4\n');
    const p = { ...go113, gc: policies.old.gc };
    const bad = run(build(src, p), p, { clobberFree: true });
    expect(bad.stderr).not.toBe('check 1 4\n');
  });

  test.each([
    ['the stock copystack (new): g._defer is left pointing into the freed stack', policies.new.copystack],
    ['the 2014 copystack (old): a stack record is taken for dabort, only its incoming link rewritten', policies.old.copystack],
  ])('go1.13 records under %s: the deferred calls go wrong after a move', (_what, copystack) => {
    const p: Policy = { ...go113, copystack };
    const r = run(build(weave, p), p, { copyStackEvery: 1, stackPoisonCopy: true });
    expect(r.exitCode !== 0 || r.stderr !== weaveOut).toBe(true);
    // the stock pieces never adjust g._defer itself
    expect(r.events.some((e) => e.kind === 'pointer-adjusted' && e.where === 'g._defer')).toBe(false);
    // the stock new copystack leaves the list aimed at the freed stack: the event stream says so
    if (copystack === policies.new.copystack) expect(explain(r.events).some((l) => /defer list led to the record of deferred .* inside the freed stack/.test(l))).toBe(true);
  });

  const examples = join(__dirname, '../../../examples');
  test.each([
    ['defer_ptrs.go', 'value = 4200 bad = 0'],
    ['defer_ptrs_goexit.go', 'sum = 4200 bad = 0'],
    ['defer_ptrs_panic.go', 'sum = 4200 bad = 0'],
    ['panic_use_stack.go', 'levels = 3 walks ok = true'],
    ['gc_defer_args.go', 'object intact = true'],
  ])('the CL scenario %s under go1.13 with forced moves and GCs prints what Go prints', (f, want) => {
    const m = build(readFileSync(join(examples, f), 'utf8'), go113, f);
    const r = run(m, go113, { copyStackEvery: 7, gcEvery: 11, stackPoisonCopy: true, clobberFree: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(want);
    expect(r.events.some((e) => e.kind === 'defer-linked')).toBe(true);
  });
});
