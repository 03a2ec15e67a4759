// Runtime throughput, on the built package: calls/s (fib), bytes/s of copystack, GC marked objects/s and
// channel round trips/s. Programs are built with the IR builder (no front end needed).
import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../dist/index.js';

function time(label, fn, unit, count) {
  fn(); // warm up
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const n = fn();
    runs.push([performance.now() - t, n]);
  }
  runs.sort((a, b) => a[0] - b[0]);
  const [ms, n] = runs[1];
  console.log(`${label.padEnd(34)} ${((count ?? n) / (ms / 1000)).toExponential(2).padStart(9)} ${unit}/s  (${ms.toFixed(1)} ms)`);
}

function fib(n) {
  const m = new Module();
  const f = m.func('main.fib', { args: [{ name: 'n', size: 8 }], results: [{ name: 'r', size: 8 }], locals: [{ name: 'two', size: 8 }, { name: 'c', size: 1 }, { name: 't', size: 8 }], outgoing: 16 });
  const rec = f.label();
  f.emit(Op.IMM, f.slot('two'), 2).emit(Op.LT, f.slot('c'), f.slot('n'), f.slot('two'));
  f.jump(Op.JZ, rec, f.slot('c'));
  f.emit(Op.MOV, f.slot('r'), f.slot('n')).emit(Op.RET);
  f.bind(rec).emit(Op.ADDI, 0, f.slot('n'), -1).call('main.fib').emit(Op.MOV, f.slot('t'), 8);
  f.emit(Op.ADDI, 0, f.slot('n'), -2).call('main.fib').emit(Op.ADD, f.slot('r'), f.slot('t'), 8).emit(Op.RET).end();
  const main = m.func('main.main', { locals: [{ name: 'nl', size: 1 }], outgoing: 16 });
  main.emit(Op.IMM, 0, n).call('main.fib').emit(Op.PRINT, PrintKind.Int, 8).emit(Op.PRINT, PrintKind.Newline, main.slot('nl')).emit(Op.RET).end();
  return m;
}

/** Recursion `depth` deep with `pad`-byte frames, repeated `reps` times in fresh goroutines' worth of stack. */
function growth(depth, pad) {
  const m = new Module();
  const r = m.func('main.rec', { args: [{ name: 'n', size: 8 }], locals: [{ name: 'pad', size: pad }, { name: 'z', size: 8 }, { name: 'c', size: 1 }], outgoing: 8 });
  const done = r.label();
  r.emit(Op.IMM, r.slot('z'), 0).emit(Op.EQ, r.slot('c'), r.slot('n'), r.slot('z'));
  r.jump(Op.JNZ, done, r.slot('c'));
  r.emit(Op.ADDI, 0, r.slot('n'), -1).call('main.rec');
  r.bind(done).emit(Op.RET).end();
  m.func('main.main', { outgoing: 8 }).emit(Op.IMM, 0, depth).call('main.rec').emit(Op.RET).end();
  return m;
}

/** Allocates a linked list of n nodes kept alive, then runs GC `gcs` times. */
function gcWork(n, gcs) {
  const m = new Module();
  const node = m.type({ name: 'main.node', kind: 'struct', size: 16, ptrWords: [1], elem: -1 });
  const main = m.func('main.main', { locals: [{ name: 'h', size: 8, ptr: true }, { name: 'p', size: 8, ptr: true }, { name: 'i', size: 8 }, { name: 'n', size: 8 }, { name: 'c', size: 1 }] });
  const top = main.label();
  const gcl = main.label();
  main.emit(Op.IMM, main.slot('i'), 0).emit(Op.IMM, main.slot('n'), n);
  main.bind(top).emit(Op.NEW, main.slot('p'), node).emit(Op.STORE, main.slot('p'), 8, main.slot('h')).emit(Op.MOV, main.slot('h'), main.slot('p'));
  main.emit(Op.ADDI, main.slot('i'), main.slot('i'), 1).emit(Op.LT, main.slot('c'), main.slot('i'), main.slot('n'));
  main.jump(Op.JNZ, top, main.slot('c'));
  main.emit(Op.IMM, main.slot('i'), 0).emit(Op.IMM, main.slot('n'), gcs);
  main.bind(gcl).emit(Op.GC).emit(Op.ADDI, main.slot('i'), main.slot('i'), 1).emit(Op.LT, main.slot('c'), main.slot('i'), main.slot('n'));
  main.jump(Op.JNZ, gcl, main.slot('c'));
  main.emit(Op.RET).end();
  return m;
}

/** Two goroutines ping-pong n values over unbuffered channels. */
function pingpong(n) {
  const m = new Module();
  const t = m.type({ name: 'int', kind: 'int', size: 8, ptrWords: [], elem: -1 });
  const echo = m.func('main.echo', { args: [{ name: 'a', size: 8, ptr: true }, { name: 'b', size: 8, ptr: true }], locals: [{ name: 'v', size: 8 }] });
  const loop = echo.label();
  echo.bind(loop).emit(Op.RECV, echo.slot('v'), echo.slot('a'), -1).emit(Op.SEND, echo.slot('b'), echo.slot('v'));
  echo.jump(Op.JMP, loop);
  echo.emit(Op.RET).end();
  m.funcval('main.echo');
  const main = m.func('main.main', { locals: [{ name: 'a', size: 8, ptr: true }, { name: 'b', size: 8, ptr: true }, { name: 'fv', size: 8 }, { name: 'i', size: 8 }, { name: 'n', size: 8 }, { name: 'c', size: 1 }], outgoing: 16 });
  const top = main.label();
  main.emit(Op.IMM, main.slot('n'), 0).emit(Op.MAKECHAN, main.slot('a'), t, main.slot('n')).emit(Op.MAKECHAN, main.slot('b'), t, main.slot('n'));
  main.emit(Op.FUNCVAL, main.slot('fv'), m.declare('main.echo')).emit(Op.MOV, 0, main.slot('a')).emit(Op.MOV, 8, main.slot('b')).emit(Op.GO, main.slot('fv'), 16);
  main.emit(Op.IMM, main.slot('i'), 0).emit(Op.IMM, main.slot('n'), n);
  main.bind(top).emit(Op.SEND, main.slot('a'), main.slot('i')).emit(Op.RECV, main.slot('i'), main.slot('b'), -1);
  main.emit(Op.ADDI, main.slot('i'), main.slot('i'), 1).emit(Op.LT, main.slot('c'), main.slot('i'), main.slot('n'));
  main.jump(Op.JNZ, top, main.slot('c'));
  main.emit(Op.RET).end();
  return m;
}

const fibM = fib(25);
time('calls (fib 25)', () => (runModule(fibM), 242785), 'calls');
const g = growth(4000, 1024);
let copied = 0;
time('copystack bytes (4000 x 1 KiB frames)', () => {
  copied = 0;
  runModule(g, { onEvent: (e) => { if (e.kind === 'stack-copied') copied += e.used; } });
  return copied;
}, 'bytes');
const gcm = gcWork(100000, 20);
let marked = 0;
time('GC marked objects (100k-node list, 20 GCs)', () => {
  marked = 0;
  runModule(gcm, { onEvent: (e) => { if (e.kind === 'gc-cycle') marked += e.marked; } });
  return marked;
}, 'objects');
const pp = pingpong(100000);
time('channel round trips', () => (runModule(pp), 100000), 'round trips');
