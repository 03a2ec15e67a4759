import { Module, Op, PrintKind } from '@gosim/program';
import type { RuntimeEvent } from '../src/index.js';
import { runModule } from '../src/index.js';
import { printInt } from './programs.js';

/**
 * main allocates two ints (99 and 77): the pointer to the first is kept in a pointer slot of a frame
 * `depth` calls deep, the other's address only in a scalar word. The deepest frame runs runtime.GC,
 * then both are read back.
 */
function heapRefs(depth: number): Module {
  const m = new Module();
  const intT = m.type({ name: 'int', kind: 'int', size: 8, ptrWords: [], elem: -1 });
  const d = m.func('main.deep', {
    args: [{ name: 'n', size: 8 }, { name: 'keep', size: 8, ptr: true }, { name: 'hidden', size: 8 }],
    results: [{ name: 'a', size: 8 }, { name: 'b', size: 8 }],
    locals: [{ name: 'pad', size: 256 }, { name: 'zero', size: 8 }, { name: 'c', size: 1 }],
    outgoing: 40,
  });
  const deeper = d.label();
  d.emit(Op.IMM, d.slot('zero'), 0);
  d.emit(Op.EQ, d.slot('c'), d.slot('n'), d.slot('zero'));
  d.jump(Op.JZ, deeper, d.slot('c'));
  d.emit(Op.GC);
  d.emit(Op.LOAD, d.slot('a'), d.slot('keep'), 0);
  d.emit(Op.LOAD, d.slot('b'), d.slot('hidden'), 0);
  d.emit(Op.RET);
  d.bind(deeper);
  d.emit(Op.ADDI, d.out(0), d.slot('n'), -1);
  d.emit(Op.MOV, d.out(8), d.slot('keep'));
  d.emit(Op.MOV, d.out(16), d.slot('hidden'));
  d.call('main.deep');
  d.emit(Op.MOV, d.slot('a'), d.out(24));
  d.emit(Op.MOV, d.slot('b'), d.out(32));
  d.emit(Op.RET);
  d.end();
  const main = m.func('main.main', { locals: [{ name: 'p', size: 8, ptr: true }, { name: 'q', size: 8 }, { name: 'v', size: 8 }], outgoing: 40 });
  main.emit(Op.NEW, main.slot('p'), intT);
  main.emit(Op.IMM, main.slot('v'), 99);
  main.emit(Op.STORE, main.slot('p'), 0, main.slot('v'));
  main.emit(Op.NEW, main.slot('q'), intT);
  main.emit(Op.IMM, main.slot('v'), 77);
  main.emit(Op.STORE, main.slot('q'), 0, main.slot('v'));
  main.emit(Op.IMM, main.slot('v'), 0);
  main.emit(Op.MOV, main.out(8), main.slot('p'));
  main.emit(Op.IMM, main.slot('p'), 0); // the only reference now lives in the deep frames
  main.emit(Op.IMM, main.out(0), depth);
  main.emit(Op.MOV, main.out(16), main.slot('q'));
  main.call('main.deep');
  printInt(main, main.out(24));
  main.emit(Op.PRINT, PrintKind.Pointer, main.out(32)).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.RET);
  main.end();
  return m;
}

test('a heap object referenced only from a deep frame survives GC; one referenced only from a scalar word is freed and clobbered', () => {
  const gcs: RuntimeEvent[] = [];
  const r = runModule(heapRefs(40), { clobberFree: true, onEvent: (e) => e.kind === 'gc-cycle' && gcs.push(e) });
  expect(r.exitCode).toBe(0);
  const [kept, hidden] = r.stderr.trim().split('\n');
  expect(kept).toBe('99');
  expect(hidden).toBe('0xdeadbeefdeadbeef');
  expect(gcs).toHaveLength(1);
  expect(gcs[0]).toMatchObject({ kind: 'gc-cycle', freedObjects: 1 });
});

test('without clobberFree the freed object keeps its stale value (nothing else distinguishes it)', () => {
  const r = runModule(heapRefs(5));
  expect(r.stderr.trim().split('\n')[0]).toBe('99');
});

test("gc-cycle's n counts the cycles of its own run: a second run in the same process starts again at 1", () => {
  const ns: number[] = [];
  for (let i = 0; i < 2; i++) runModule(heapRefs(3), { onEvent: (e) => void (e.kind === 'gc-cycle' && ns.push(e.n)) });
  expect(ns).toEqual([1, 1]);
});
