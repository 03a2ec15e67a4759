import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallExpr, ExprStmt, ImplicitConv, StructType } from '../src/index';
import { alignof, pointerWords, sizeof, typeString, underlying } from '../src/index';
import { SHARED, compileOk, func, localVar } from './helpers';

const conformance = (f: string): string => readFileSync(join(SHARED, 'conformance', f), 'utf8');

test('struct layout, sizes and pointer words on the 64-bit machine', () => {
  const r = compileOk(`package main
type s struct {
	a bool
	b int
	c byte
	d string
	e [3]byte
	f interface{}
	g int32
}
func main() { var x s; println(x.b) }
`);
  const t = r.program.types.find((x) => x.name === 's')!.type;
  const u = underlying(t) as StructType;
  expect(u.fields.map((f) => [f.name, f.offset])).toEqual([['a', 0], ['b', 8], ['c', 16], ['d', 24], ['e', 40], ['f', 48], ['g', 64]]);
  expect(sizeof(t)).toBe(72);
  expect(alignof(t)).toBe(8);
  expect(pointerWords(t)).toEqual([3, 6, 7]);
});

test('the corpus types: bigBuf, acc, xtreeNode', () => {
  const r25 = compileOk(conformance('25_defer_ptrs_goexit.go'));
  const bigBuf = r25.program.types.find((x) => x.name === 'bigBuf')!.type;
  expect(sizeof(bigBuf)).toBe(4096);
  expect(pointerWords(bigBuf)).toEqual([]);
  // setBig's argument block: p *int, x int, b bigBuf = 4112 bytes (docs/design.md §3)
  const setBig = func(r25, 'setBig');
  expect(setBig.sig!.params.reduce((n, t) => n + sizeof(t), 0)).toBe(4112);
  const r43 = compileOk(conformance('43_goroutines_defers_gc.go'));
  const acc = underlying(r43.program.types.find((x) => x.name === 'acc')!.type) as StructType;
  expect(acc.fields.map((f) => f.offset)).toEqual([0, 8]);
  expect(pointerWords(acc)).toEqual([1]);
});

test('closures: names, captures, owners, var kinds', () => {
  const r = compileOk(conformance('27_panic_use_stack.go'));
  const main = func(r, 'main');
  expect(main.goName).toBe('main.main');
  expect(main.funcLits!.map((l) => l.goName)).toEqual(['main.main.func1', 'main.main.func2', 'main.main.func2.1', 'main.main.func2.1.1', 'main.main.func2.1.1.1', 'main.main.func2.1.1.1.1']);
  const f2 = main.funcLits![1]!;
  // pc and steps are used in nested literals, so every literal in between captures them too
  expect(f2.captures!.map((c) => c.v.name).sort()).toEqual(['pc', 'steps']);
  expect(main.funcLits![3]!.captures!.map((c) => c.v.name).sort()).toEqual(['pc', 'steps']);
  const steps = localVar(main, 'steps');
  expect(steps.varKind).toBe('local');
  expect(steps.owner).toBe(main);
  expect(steps.captured).toBe(true);
  expect(typeString(localVar(main, 'pc').type)).toBe('[]uintptr');
});

test('runtime members, type switches and implicit interface conversions are annotated', () => {
  const r = compileOk(conformance('05_recover_basic.go'));
  const show = func(r, 'show');
  const sw = show.body!.stmts[0]!;
  expect(sw.kind).toBe('TypeSwitchStmt');
  if (sw.kind !== 'TypeSwitchStmt') return;
  expect(sw.cases.map((c) => (c.caseTypes ?? []).map((t) => (t ? typeString(t) : 'nil')))).toEqual([['nil'], ['int'], ['string'], ['runtime.Error'], []]);
  expect(sw.cases.map((c) => (c.implicitVar ? typeString(c.implicitVar.type) : '-'))).toEqual(['interface{}', 'int', 'string', 'runtime.Error', 'interface{}']);
  const panicsInt = func(r, 'panicsInt');
  const stmt = panicsInt.body!.stmts[1] as ExprStmt;
  const call = stmt.x as CallExpr;
  expect(call.builtin).toBe('panic');
  expect(call.args[0]!.kind).toBe('ImplicitConv');
  expect((call.args[0] as ImplicitConv).heap).toBe(true);
});
