// Programs for the runtime's tests, written with the IR builder.

import { Module, Op, PrintKind } from '@gosim/program';

/** main: println(x), println(s) helpers. */
export function printInt(f: ReturnType<Module['func']>, slot: number): void {
  f.emit(Op.PRINT, PrintKind.Int, slot).emit(Op.PRINT, PrintKind.Newline, 0);
}

/**
 * rec(n, p *int) int: a frame of `pad` bytes holding y = n; returns rec(n-1, &y) + *p, and *p at n == 0.
 * So rec(n, &x) == x + n(n+1)/2, and every *p is read after the deeper calls grew (moved) the stack.
 * With gcAtBottom, the deepest frame runs a full GC.
 */
export function deepPointers(depth: number, x: number, pad = 1024, opts: { gcAtBottom?: boolean } = {}): Module {
  const m = new Module();
  const r = m.func('main.rec', {
    args: [{ name: 'n', size: 8 }, { name: 'p', size: 8, ptr: true }],
    results: [{ name: 'r', size: 8 }],
    locals: [{ name: 'buf', size: pad }, { name: 'y', size: 8 }, { name: 'v', size: 8 }, { name: 'zero', size: 8 }, { name: 'c', size: 1 }],
    outgoing: 24,
  });
  const deeper = r.label();
  r.emit(Op.IMM, r.slot('zero'), 0);
  r.emit(Op.EQ, r.slot('c'), r.slot('n'), r.slot('zero'));
  r.jump(Op.JZ, deeper, r.slot('c'));
  if (opts.gcAtBottom) r.emit(Op.GC);
  r.emit(Op.LOAD, r.slot('r'), r.slot('p'), 0);
  r.emit(Op.RET);
  r.bind(deeper);
  r.emit(Op.MOV, r.slot('y'), r.slot('n'));
  r.emit(Op.ADDI, r.out(0), r.slot('n'), -1);
  r.emit(Op.LEA, r.out(8), r.slot('y'));
  r.call('main.rec');
  r.emit(Op.LOAD, r.slot('v'), r.slot('p'), 0);
  r.emit(Op.ADD, r.slot('r'), r.out(16), r.slot('v'));
  r.emit(Op.RET);
  r.end();
  const main = m.func('main.main', { locals: [{ name: 'x', size: 8 }], outgoing: 24 });
  main.emit(Op.IMM, main.slot('x'), x);
  main.emit(Op.IMM, main.out(0), depth);
  main.emit(Op.LEA, main.out(8), main.slot('x'));
  main.call('main.rec');
  printInt(main, main.out(16));
  main.emit(Op.RET);
  main.end();
  return m;
}
