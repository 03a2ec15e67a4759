// The compile tier against the interpreter: same output, step count and event stream, with and without
// stress modes; and compiled code is really entered (its counters), so a silent fallback fails the test.

import { Module, Op, PrintKind } from '@gosim/program';
import { Machine, policies, runModule, schedule } from '../src/index.js';
import type { RunOptions } from '../src/options.js';
import { loadProgram } from '../src/load.js';
import { deepPointers } from './programs.js';
import { partCuts, source } from '../src/jit/compile.js';

function fibModule(n: number): Module {
  const m = new Module();
  const fib = m.func('main.fib', {
    args: [{ name: 'n', size: 8 }],
    results: [{ name: 'r', size: 8 }],
    locals: [{ name: 'two', size: 8 }, { name: 'c', size: 1 }, { name: 't', size: 8 }],
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
  const main = m.func('main.main', { outgoing: 16 });
  main.emit(Op.IMM, main.out(0), n);
  main.call('main.fib');
  main.emit(Op.PRINT, PrintKind.Int, main.out(8));
  main.emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.RET);
  main.end();
  return m;
}

/**
 * Straight-line code the frame cache (jit/frame-cache.ts) holds in locals, where memory must still be right: a carry
 * across the halves, a dirty word read through a pointer (LOAD), a word written through a pointer (STORE), a byte
 * written inside a held word and a byte read out of one, and a loop whose flag exits with words still dirty.
 */
function frameCacheModule(): Module {
  const m = new Module();
  const results = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
  const main = m.func('main.main', {
    locals: [{ name: 'x', size: 8 }, { name: 't', size: 8 }, { name: 'p', size: 8, ptr: true }, { name: 'c', size: 1 }, { name: 'i', size: 8 }, { name: 'n', size: 8 },
      ...results.map((name) => ({ name, size: 8 }))],
  });
  const S = (name: string, plus = 0) => main.slot(name, plus);
  main.emit(Op.IMM, S('x'), -1).emit(Op.ADDI, S('r0'), S('x'), 1); // 0: carry into the high half
  main.emit(Op.LEA, S('p'), S('x')).emit(Op.IMM, S('x'), 7).emit(Op.LOAD, S('r1'), S('p'), 0); // 7, through the pointer
  main.emit(Op.IMM, S('t'), 9).emit(Op.STORE, S('p'), 0, S('t')).emit(Op.ADD, S('r2'), S('x'), S('x')); // 18
  main.emit(Op.IMM, S('x'), 258).emit(Op.IMM1, S('x', 1), 5).emit(Op.MOV, S('r3'), S('x')); // 0x0502 = 1282
  main.emit(Op.TRUNC1, S('c'), S('x')).emit(Op.EXT1, S('r4'), S('c')); // 2
  // for i := 0; i < 5; i++ { x = x + i }  (x starts at 1282: 1292)
  const top = main.label();
  const done = main.label();
  main.emit(Op.IMM, S('i'), 0).emit(Op.IMM, S('n'), 5);
  main.bind(top);
  main.emit(Op.LT, S('c'), S('i'), S('n'));
  main.jump(Op.JZ, done, S('c'));
  main.emit(Op.ADD, S('x'), S('x'), S('i')).emit(Op.ADDI, S('i'), S('i'), 1);
  main.jump(Op.JMP, top);
  main.bind(done);
  main.emit(Op.MOV, S('r5'), S('x')).emit(Op.MOV, S('r6'), S('i'));
  for (const r of results) main.emit(Op.PRINT, PrintKind.Int, S(r)).emit(Op.PRINT, PrintKind.Newline, 0); // the interpreter's
  main.emit(Op.RET);
  main.end();
  return m;
}

test('the frame cache keeps memory exact at pointer loads and stores, byte writes and branches', () => {
  const [a, b] = both(frameCacheModule);
  expect(a.stderr).toBe('0\n7\n18\n1282\n2\n1292\n5\n');
  expect(b.stderr).toBe(a.stderr);
  expect(b.steps).toBe(a.steps);
});

/**
 * main with three loops in a row, so compiled in parts (compile.ts's partCuts): the first calls a function, the
 * second and third carry words out of the loop before them (nothing may stay in a part's locals at a cut).
 */
function loopsModule(): Module {
  const m = new Module();
  const inc = m.func('main.inc', { args: [{ name: 'n', size: 8 }], results: [{ name: 'r', size: 8 }] });
  inc.emit(Op.ADDI, inc.slot('r'), inc.slot('n'), 1).emit(Op.RET).end();
  const main = m.func('main.main', {
    locals: [{ name: 'i', size: 8 }, { name: 'n', size: 8 }, { name: 'c', size: 1 }, { name: 'x', size: 8 }, { name: 'y', size: 8 }],
    outgoing: 16,
  });
  const S = (name: string) => main.slot(name);
  main.emit(Op.IMM, S('x'), 0).emit(Op.IMM, S('y'), 1);
  const loop = (n: number, body: () => void) => {
    const top = main.label();
    const done = main.label();
    main.emit(Op.IMM, S('i'), 0).emit(Op.IMM, S('n'), n);
    main.bind(top);
    main.emit(Op.LT, S('c'), S('i'), S('n'));
    main.jump(Op.JZ, done, S('c'));
    body();
    main.emit(Op.ADDI, S('i'), S('i'), 1);
    main.jump(Op.JMP, top);
    main.bind(done);
  };
  loop(40, () => main.emit(Op.ADD, main.out(0), S('x'), S('i')).call('main.inc').emit(Op.MOV, S('x'), main.out(8)));
  loop(30, () => main.emit(Op.ADD, S('y'), S('y'), S('x')));
  loop(20, () => main.emit(Op.SUB, S('x'), S('x'), S('y')));
  main.emit(Op.PRINT, PrintKind.Int, S('x')).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.PRINT, PrintKind.Int, S('y')).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.RET).end();
  return m;
}

test('a function with several loops runs in parts, as the interpreter, under stress too', () => {
  const prog = loadProgram(loopsModule(), policies.new.deferpanic);
  const main = prog.func('main.main')!;
  expect(partCuts(prog.code, main.entryIndex, main.endIndex).length).toBeGreaterThanOrEqual(4);
  expect(source(prog, main.id)).toContain(`function F${main.id}_3(`);
  const inc = prog.func('main.inc')!;
  expect(partCuts(prog.code, inc.entryIndex, inc.endIndex)).toEqual([]);
  // x: 40 calls add i+1 each (820); y: 1 + 30·820; x: 820 − 20·y
  const y = 1 + 30 * 820;
  for (const opts of [{}, { copyStackEvery: 1 }, { gcEvery: 2 }]) {
    const [a, b] = both(loopsModule, opts);
    expect(a.stderr).toBe(`${820 - 20 * y}\n${y}\n`);
    expect(b.stderr).toBe(a.stderr);
    expect(b.steps).toBe(a.steps);
    expect(b.events).toEqual(a.events);
  }
  // the parts hand over to one another in compiled code: the interpreter enters it as often as for a program
  // that only prints
  const entered = (mod: Module) => {
    const mach = new Machine(loadProgram(mod, policies.new.deferpanic), { policy: policies.new, tier: 'compiled', compileAfter: 0 });
    schedule(mach);
    return mach.jit!.entered;
  };
  const bare = new Module();
  const only = bare.func('main.main', { locals: [{ name: 'x', size: 8 }] });
  only.emit(Op.PRINT, PrintKind.Int, only.slot('x')).emit(Op.RET).end();
  expect(entered(loopsModule())).toBe(entered(bare));
});

/** Runs under both tiers with the events recorded. */
function both(mod: () => Module, opts: RunOptions = {}) {
  const one = (tier: 'interp' | 'compiled') => {
    const events: string[] = [];
    const r = runModule(mod(), { ...opts, tier, compileAfter: 0, onEvent: (e) => events.push(JSON.stringify(e)) });
    return { ...r, events };
  };
  return [one('interp'), one('compiled')] as const;
}

const cases: [string, () => Module, RunOptions][] = [
  ['fib', () => fibModule(18), {}],
  ['fib, a stack copy at every safe point', () => fibModule(12), { copyStackEvery: 1 }],
  ['deep pointers (stack growth)', () => deepPointers(120, 5, 512), {}],
  ['deep pointers, GC at the bottom, copies every 3', () => deepPointers(60, 9, 512, { gcAtBottom: true }), { copyStackEvery: 3 }],
  ['deep pointers, GC every 2 safe points', () => deepPointers(40, 3, 256), { gcEvery: 2 }],
];

test.each(cases)('%s: identical output, steps and events under both tiers', (_name, mod, opts) => {
  const [a, b] = both(mod, opts);
  expect(a.exitCode).toBe(0);
  expect(b.stdout).toBe(a.stdout);
  expect(b.stderr).toBe(a.stderr);
  expect(b.exitCode).toBe(a.exitCode);
  expect(b.steps).toBe(a.steps);
  expect(b.events).toEqual(a.events);
});

test('compiled code is entered and runs the recursion (not a silent fallback)', () => {
  const prog = loadProgram(fibModule(15), policies.new.deferpanic);
  const m = new Machine(prog, { policy: policies.new, tier: 'compiled', compileAfter: 0 });
  schedule(m);
  expect(m.output().stderr).toBe('610\n');
  const jit = m.jit!;
  expect(jit.fns[prog.func('main.fib')!.id]).toBeDefined();
  expect(jit.compiled).toBeGreaterThan(0);
  // fib(15) makes 1973 calls; compiled-to-compiled calls do not go back through the interpreter
  expect(jit.entered).toBeGreaterThan(0);
  expect(jit.entered).toBeLessThan(200);
  expect(new Machine(prog, { policy: policies.new, tier: 'interp' }).jit === null).toBe(true);
  expect(new Machine(prog, { policy: policies.new }).jit !== null).toBe(true); // the default tier compiles
});
