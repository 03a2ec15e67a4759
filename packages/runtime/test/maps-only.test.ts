import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../src/index.js';

/**
 * main keeps &x twice: once in a pointer slot, once in a word the maps call a scalar. A deep recursion
 * moves the stack; then both are dereferenced.
 */
function hiddenStackPointer(opts: { derefAgain?: boolean } = {}): Module {
  const m = new Module();
  const burn = m.func('main.burn', {
    args: [{ name: 'n', size: 8 }],
    locals: [{ name: 'pad', size: 1024 }, { name: 'zero', size: 8 }, { name: 'c', size: 1 }],
    outgoing: 8,
  });
  const done = burn.label();
  burn.emit(Op.IMM, burn.slot('zero'), 0);
  burn.emit(Op.EQ, burn.slot('c'), burn.slot('n'), burn.slot('zero'));
  burn.jump(Op.JNZ, done, burn.slot('c'));
  burn.emit(Op.ADDI, burn.out(0), burn.slot('n'), -1);
  burn.call('main.burn');
  burn.bind(done).emit(Op.RET);
  burn.end();
  const main = m.func('main.main', {
    locals: [{ name: 'x', size: 8 }, { name: 'p', size: 8, ptr: true }, { name: 'hidden', size: 8 }, { name: 'v', size: 8 }],
    outgoing: 8,
  });
  main.emit(Op.IMM, main.slot('x'), 42);
  main.emit(Op.LEA, main.slot('p'), main.slot('x'));
  main.emit(Op.LEA, main.slot('hidden'), main.slot('x'));
  main.emit(Op.IMM, main.out(0), 64);
  main.call('main.burn');
  main.emit(Op.LOAD, main.slot('v'), main.slot('p'), 0);
  main.emit(Op.PRINT, PrintKind.Int, main.slot('v')).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.EQ, main.slot('v'), main.slot('p'), main.slot('hidden'));
  main.emit(Op.PRINT, PrintKind.Bool, main.slot('v')).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.LOAD, main.slot('v'), main.slot('hidden'), 0);
  main.emit(Op.PRINT, PrintKind.Pointer, main.slot('v')).emit(Op.PRINT, PrintKind.Newline, 0);
  if (opts.derefAgain) main.emit(Op.LOAD, main.slot('v'), main.slot('v'), 0); // follow the poisoned word
  main.emit(Op.RET);
  main.end();
  return m;
}

test('copystack adjusts only what the maps call pointers: a stack address in a scalar word stays stale', () => {
  const r = runModule(hiddenStackPointer(), { stackPoisonCopy: true });
  const lines = r.stderr.split('\n');
  expect(lines[0]).toBe('42'); // through the adjusted pointer
  expect(lines[1]).toBe('false'); // the hidden copy was not rewritten
  expect(lines[2]).toBe('0xfcfcfcfcfcfcfcfc'); // it points into the freed, poisoned old stack
});

test('with StackFaultOnFree, following the stale scalar faults like Go: unexpected fault address, code=0x2 (the freed stack is inaccessible, not unmapped)', () => {
  const r = runModule(hiddenStackPointer(), { stackFaultOnFree: true });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/^42\nfalse\nunexpected fault address 0x[0-9a-f]+\nfatal error: fault\n\[signal SIGSEGV: segmentation violation code=0x2 addr=0x[0-9a-f]+ pc=0x[0-9a-f]+\]\n/);
});

test('user code following a poison word faults at a non-canonical address: Go reports code=0x80 addr=0x0', () => {
  const r = runModule(hiddenStackPointer({ derefAgain: true }), { stackPoisonCopy: true });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(
    /^42\nfalse\n0xfcfcfcfcfcfcfcfc\nunexpected fault address 0x0\nfatal error: fault\n\[signal SIGSEGV: segmentation violation code=0x80 addr=0x0 pc=0x[0-9a-f]+\]\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n/,
  );
});
