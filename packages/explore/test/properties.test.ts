// Property tests over random programs (docs/design.md §9): under the new policy, a forced stack move or GC at any safe
// point changes no observable result, and the GC frees nothing reachable (a freed-and-clobbered object would
// show up as a wrong sum).
import fc from 'fast-check';
import { compile, formatDiagnostic } from '@gosim/golang';
import type { Module } from '@gosim/program';
import { policies, runModule } from '@gosim/runtime';
import { baselineRun, exploreRange, outcomeOf } from '../src/index.js';

jest.setTimeout(300_000);

interface Shape {
  depth: number;
  frame: number;
  nodes: number;
  defers: number;
  unwind: 'return' | 'panic' | 'goexit';
  goroutines: number;
}

/** A program whose result depends on pointers into stacks, heap lists and deferred arguments. */
function program(s: Shape): string {
  const defers = Array.from({ length: s.defers }, (_, i) => `\tdefer add(&total, ${i + 1}*y, h)\n`).join('');
  const unwind = s.unwind === 'panic' ? 'panic(7)' : s.unwind === 'goexit' ? 'runtime.Goexit()' : 'return';
  return `package main

import "runtime"

type node struct {
	v    int
	next *node
}

func list(n int) *node {
	var h *node
	for i := 1; i <= n; i++ {
		h = &node{v: i, next: h}
	}
	return h
}

func add(p *int, k int, h *node) {
	for ; h != nil; h = h.next {
		*p += h.v * k
	}
}

func deep(n int, p *int) int {
	var pad [${s.frame}]byte
	if n == 0 {
		runtime.GC()
		return *p + int(pad[1])
	}
	q := *p + n
	return deep(n-1, &q) + int(pad[2])
}

func worker(id int, out chan int) {
	total := 0
	y := id + 1
	h := list(${s.nodes})
	defer func() {
		${s.unwind === 'panic' ? 'recover()\n\t\t' : ''}out <- total
	}()
${defers}	if h != nil {
		total += h.v - h.v
	}
	total += deep(${s.depth}, &y)
	${unwind}
}

func main() {
	out := make(chan int)
	for i := 0; i < ${s.goroutines}; i++ {
		go worker(i, out)
	}
	sum := 0
	for i := 0; i < ${s.goroutines}; i++ {
		sum += <-out
	}
	println("sum", sum)
}
`;
}

const shapes = fc.record<Shape>({
  depth: fc.integer({ min: 0, max: 40 }),
  frame: fc.integer({ min: 8, max: 1500 }),
  nodes: fc.integer({ min: 0, max: 12 }),
  defers: fc.integer({ min: 0, max: 3 }),
  unwind: fc.constantFrom('return', 'panic', 'goexit'),
  goroutines: fc.integer({ min: 1, max: 3 }),
});

function build(src: string): Module {
  const c = compile(src, 'prop.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n') + '\n' + src);
  return c.module;
}

test('new policy: a stack move, shrink or GC forced at sampled safe points changes nothing', () => {
  fc.assert(
    fc.property(shapes, fc.integer({ min: 1, max: 1 << 20 }), (shape, seed) => {
      const m = build(program(shape));
      const opts = { policy: policies.new, clobberFree: true, stackPoisonCopy: true };
      const base = baselineRun(m, opts);
      expect(base.outcome.exit).toBe(0);
      const ks: number[] = [];
      for (let k = 1 + (seed % 7); k <= base.safePoints; k += 1 + (seed % 13)) ks.push(k);
      const failures = exploreRange(m, opts, base.outcome, ks, ['copy', 'shrink', 'gc']);
      expect(failures.map((f) => `${f.inject}@${f.k}: ${f.symptom}`)).toEqual([]);
    }),
    { numRuns: 12 },
  );
});

test('new policy: stress modes (move every prime N, GC every prime N) reproduce the plain result', () => {
  fc.assert(
    fc.property(shapes, fc.constantFrom(1, 3, 7, 13), fc.constantFrom(5, 17, 101), (shape, copyEvery, gcEvery) => {
      const m = build(program(shape));
      const plain = outcomeOf(runModule(m, { policy: policies.new }));
      const stressed = outcomeOf(runModule(m, { policy: policies.new, copyStackEvery: copyEvery, gcEvery, clobberFree: true, stackPoisonCopy: true }));
      expect(stressed).toEqual(plain);
    }),
    { numRuns: 20 },
  );
});

test('the same check fails for the old policy (it can fail): a copy forced in the reflectcall window', () => {
  const shape: Shape = { depth: 5, frame: 200, nodes: 3, defers: 2, unwind: 'goexit', goroutines: 1 };
  const m = build(program(shape));
  const reference = baselineRun(m, { policy: policies.new }).outcome;
  const old = baselineRun(m, { policy: policies.old });
  const ks = Array.from({ length: old.safePoints }, (_, i) => i + 1);
  const failures = exploreRange(m, { policy: policies.old }, reference, ks, ['copy']);
  expect(failures.length).toBeGreaterThan(0);
  expect(exploreRange(m, { policy: policies.new }, reference, ks, ['copy'])).toEqual([]);
});
