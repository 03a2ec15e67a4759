import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../src/index.js';

function fibModule(n: number): Module {
  const m = new Module();
  const fib = m.func('main.fib', {
    args: [{ name: 'n', size: 8 }],
    results: [{ name: 'r', size: 8 }],
    locals: [{ name: 'two', size: 8 }, { name: 'c', size: 1 }, { name: 't', size: 8 }, { name: 'u', size: 8 }],
    outgoing: 16,
  });
  const rec = fib.label();
  fib.emit(Op.IMM, fib.slot('two'), 2);
  fib.emit(Op.LT, fib.slot('c'), fib.slot('n'), fib.slot('two'));
  fib.jump(Op.JZ, rec, fib.slot('c'));
  fib.emit(Op.MOV, fib.slot('r'), fib.slot('n'));
  fib.emit(Op.RET);
  fib.bind(rec);
  fib.emit(Op.ADDI, fib.out(0), fib.slot('n'), -1);
  fib.call('main.fib');
  fib.emit(Op.MOV, fib.slot('t'), fib.out(8));
  fib.emit(Op.ADDI, fib.out(0), fib.slot('n'), -2);
  fib.call('main.fib');
  fib.emit(Op.ADD, fib.slot('r'), fib.slot('t'), fib.out(8));
  fib.emit(Op.RET);
  fib.end();
  const main = m.func('main.main', { locals: [{ name: 'x', size: 8 }], outgoing: 16 });
  main.emit(Op.IMM, main.out(0), n);
  main.call('main.fib');
  main.emit(Op.PRINT, PrintKind.Int, main.out(8));
  main.emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.RET);
  main.end();
  return m;
}

test('fib runs on a simulated stack and prints like println', () => {
  const r = runModule(fibModule(20));
  expect(r.stderr).toBe('6765\n');
  expect(r.exitCode).toBe(0);
});

test('fib(27) speed', () => {
  const t = Date.now();
  const r = runModule(fibModule(27));
  expect(r.stderr).toBe('196418\n');
  console.log('fib(27) ms', Date.now() - t);
});

test('the interpreter switch uses the ISA opcode numbers (case labels are literals)', () => {
  const { Op } = require('@gosim/program') as typeof import('@gosim/program');
  for (const file of ['interp.ts', 'heapops.ts']) {
    const src = require('node:fs').readFileSync(require('node:path').join(__dirname, '../src', file), 'utf8') as string;
    for (const m of src.matchAll(/case (\d+) \/\* ([A-Z0-9]+) \*\//g)) expect([m[2], Number(m[1])]).toEqual([m[2], Op[m[2] as keyof typeof Op]]);
  }
});

test('attach sees the machine before the first instruction, with the program loaded and no goroutine run yet', () => {
  const seen: { steps: number; funcs: number; hasMain: boolean }[] = [];
  const r = runModule(fibModule(10), { attach: (m) => void seen.push({ steps: m.steps, funcs: m.prog.funcs.length, hasMain: m.prog.func('main.main') !== undefined }) });
  expect(r.exitCode).toBe(0);
  expect(seen).toHaveLength(1);
  expect(seen[0]).toEqual({ steps: 0, funcs: expect.any(Number), hasMain: true });
});
