import { Module, Op, PrintKind } from '@gosim/program';
import type { RuntimeEvent } from '../src/index.js';
import { runModule } from '../src/index.js';

function intType(m: Module) {
  return m.type({ name: 'int', kind: 'int', size: 8, ptrWords: [], elem: -1 });
}

/** main blocks on a channel receive nobody sends to. */
function deadlock(): Module {
  const m = new Module();
  const t = intType(m);
  const main = m.func('main.main', { locals: [{ name: 'c', size: 8, ptr: true }, { name: 'n', size: 8 }, { name: 'v', size: 8 }] });
  main.emit(Op.IMM, main.slot('n'), 0);
  main.emit(Op.MAKECHAN, main.slot('c'), t, main.slot('n'));
  main.emit(Op.RECV, main.slot('v'), main.slot('c'), -1);
  main.emit(Op.RET);
  main.end();
  return m;
}

test('deadlock: Go 1.19 message and the goroutine header with its wait reason', () => {
  const r = runModule(deadlock());
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[chan receive\]:\nmain\.main\(\)/);
});

/**
 * A sender goroutine signals `ready`, grows its stack deep, returns, then blocks sending a value held in
 * its own stack slot on an unbuffered channel. main, woken by `ready`, runs a GC (which shrinks the
 * parked sender's stack, moving the slot its sudog points at), then receives.
 */
function parkedSender(): Module {
  const m = new Module();
  const t = intType(m);
  const burn = m.func('main.burn', { args: [{ name: 'n', size: 8 }], locals: [{ name: 'pad', size: 1024 }, { name: 'z', size: 8 }, { name: 'c', size: 1 }], outgoing: 8 });
  const done = burn.label();
  burn.emit(Op.IMM, burn.slot('z'), 0).emit(Op.EQ, burn.slot('c'), burn.slot('n'), burn.slot('z'));
  burn.jump(Op.JNZ, done, burn.slot('c'));
  burn.emit(Op.ADDI, burn.out(0), burn.slot('n'), -1).call('main.burn');
  burn.bind(done).emit(Op.RET).end();
  const sender = m.func('main.sender', {
    args: [{ name: 'c', size: 8, ptr: true }, { name: 'ready', size: 8, ptr: true }],
    locals: [{ name: 'v', size: 8 }],
    outgoing: 8,
  });
  sender.emit(Op.IMM, sender.slot('v'), 1).emit(Op.SEND, sender.slot('ready'), sender.slot('v'));
  sender.emit(Op.IMM, sender.out(0), 60).call('main.burn');
  sender.emit(Op.IMM, sender.slot('v'), 4242);
  sender.emit(Op.SEND, sender.slot('c'), sender.slot('v'));
  sender.emit(Op.RET).end();
  m.funcval('main.sender');
  const main = m.func('main.main', {
    locals: [{ name: 'c', size: 8, ptr: true }, { name: 'ready', size: 8, ptr: true }, { name: 'fv', size: 8 }, { name: 'n', size: 8 }, { name: 'v', size: 8 }],
    outgoing: 16,
  });
  main.emit(Op.IMM, main.slot('n'), 0).emit(Op.MAKECHAN, main.slot('c'), t, main.slot('n'));
  main.emit(Op.IMM, main.slot('n'), 1).emit(Op.MAKECHAN, main.slot('ready'), t, main.slot('n'));
  main.emit(Op.FUNCVAL, main.slot('fv'), m.declare('main.sender'));
  main.emit(Op.MOV, main.out(0), main.slot('c')).emit(Op.MOV, main.out(8), main.slot('ready')).emit(Op.GO, main.slot('fv'), 16);
  main.emit(Op.RECV, main.slot('v'), main.slot('ready'), -1);
  main.emit(Op.GC);
  main.emit(Op.RECV, main.slot('v'), main.slot('c'), -1);
  main.emit(Op.PRINT, PrintKind.Int, main.slot('v')).emit(Op.PRINT, PrintKind.Newline, 0);
  main.emit(Op.RET).end();
  return m;
}

test('a value sent from a stack slot is delivered after the parked sender\'s stack moved', () => {
  const events: RuntimeEvent[] = [];
  const r = runModule(parkedSender(), { stackPoisonCopy: true, onEvent: (e) => events.push(e) });
  expect(r.stderr).toBe('4242\n');
  // the sender's stack was copied while it was blocked in chan send, and the sudog's elem was rewritten
  const blocked = events.findIndex((e) => e.kind === 'goroutine-blocked' && e.reason === 'chan send');
  expect(blocked).toBeGreaterThan(0);
  const after = events.slice(blocked);
  expect(after.some((e) => e.kind === 'stack-copied' && e.goid !== 1 && e.why === 'shrink')).toBe(true);
  expect(after.some((e) => e.kind === 'pointer-adjusted' && e.where === 'sudog.elem')).toBe(true);
});

test('main returning ends the program even with blocked goroutines', () => {
  const m = new Module();
  const t = intType(m);
  const w = m.func('main.waiter', { args: [{ name: 'c', size: 8, ptr: true }], locals: [{ name: 'v', size: 8 }] });
  w.emit(Op.RECV, w.slot('v'), w.slot('c'), -1).emit(Op.RET).end();
  m.funcval('main.waiter');
  const main = m.func('main.main', { locals: [{ name: 'c', size: 8, ptr: true }, { name: 'fv', size: 8 }, { name: 'n', size: 8 }], outgoing: 8 });
  main.emit(Op.IMM, main.slot('n'), 0).emit(Op.MAKECHAN, main.slot('c'), t, main.slot('n'));
  main.emit(Op.FUNCVAL, main.slot('fv'), m.declare('main.waiter'));
  main.emit(Op.MOV, main.out(0), main.slot('c')).emit(Op.GO, main.slot('fv'), 8);
  main.emit(Op.GC);
  main.emit(Op.RET).end();
  const r = runModule(m);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe('');
});

function infinite(): Module {
  const m = new Module();
  const f = m.func('main.f', { args: [{ name: 'n', size: 8 }], locals: [{ name: 'pad', size: 64 }], outgoing: 8 });
  f.emit(Op.ADDI, f.out(0), f.slot('n'), 1).call('main.f').emit(Op.RET).end();
  m.func('main.main', { outgoing: 8 }).emit(Op.IMM, 0, 0).call('main.f').emit(Op.RET).end();
  return m;
}

test('stack overflow: Go\'s message at the configured limit', () => {
  const r = runModule(infinite(), { maxStack: 1 << 20 });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/^runtime: goroutine stack exceeds 1048576-byte limit\nruntime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]\nfatal error: stack overflow\n\nruntime stack:\n/);
});

test('the step limit ends a run with gosim\'s own message, not Go\'s', () => {
  const m = new Module();
  const main = m.func('main.main', {});
  const top = main.label();
  main.bind(top).emit(Op.NOP);
  main.jump(Op.JMP, top);
  main.emit(Op.RET).end();
  const r = runModule(m, { maxSteps: 5000 });
  expect(r.limit).toEqual({ what: 'steps', message: 'gosim: step limit reached (5000 safe points)' });
});
