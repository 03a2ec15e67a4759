import { Module, Op } from '@gosim/program';
import { gcNew, gcOld, MarkWork, type GCEvent, type GCPolicy } from '@gosim/gc';
import { mixPolicy, runModule, wrapPiece } from '../src/index.js';

/** main keeps a linked list of n nodes {x int; next *node} and calls rec(depth), whose deepest frame runs GC `gcs` times. */
function listAndGC(n: number, depth: number, gcs: number): Module {
  const m = new Module();
  const node = m.type({ name: 'main.node', kind: 'struct', size: 16, ptrWords: [1], elem: -1 });
  const r = m.func('main.rec', { args: [{ name: 'n', size: 8 }], locals: [{ name: 'i', size: 8 }, { name: 'k', size: 8 }, { name: 'c', size: 1 }], outgoing: 8 });
  const deeper = r.label();
  const gcl = r.label();
  r.emit(Op.IMM, r.slot('i'), 0).emit(Op.EQ, r.slot('c'), r.slot('n'), r.slot('i'));
  r.jump(Op.JZ, deeper, r.slot('c'));
  r.emit(Op.IMM, r.slot('k'), gcs);
  r.bind(gcl).emit(Op.GC).emit(Op.ADDI, r.slot('i'), r.slot('i'), 1).emit(Op.LT, r.slot('c'), r.slot('i'), r.slot('k'));
  r.jump(Op.JNZ, gcl, r.slot('c'));
  r.emit(Op.RET);
  r.bind(deeper).emit(Op.ADDI, r.out(0), r.slot('n'), -1).call('main.rec').emit(Op.RET).end();
  const main = m.func('main.main', { locals: [{ name: 'h', size: 8, ptr: true }, { name: 'p', size: 8, ptr: true }, { name: 'i', size: 8 }, { name: 'n', size: 8 }, { name: 'c', size: 1 }], outgoing: 8 });
  const top = main.label();
  main.emit(Op.IMM, main.slot('i'), 0).emit(Op.IMM, main.slot('n'), n);
  main.bind(top).emit(Op.NEW, main.slot('p'), node).emit(Op.STORE, main.slot('p'), 8, main.slot('h')).emit(Op.MOV, main.slot('h'), main.slot('p'));
  main.emit(Op.ADDI, main.slot('i'), main.slot('i'), 1).emit(Op.LT, main.slot('c'), main.slot('i'), main.slot('n'));
  main.jump(Op.JNZ, top, main.slot('c'));
  main.emit(Op.IMM, main.out(0), depth).call('main.rec').emit(Op.RET).end();
  return m;
}

/** A gc piece wrapped to count, per cycle, the frames and objects it is given and the words its calls examine. */
function counting(inner: GCPolicy) {
  const seen = { frames: 0, objects: 0, words: 0 };
  let depth = 0;
  const piece = wrapPiece(inner, {
    name: `counting ${inner.name}`,
    wrapCall: (c) => {
      if (c.method === 'scanFrame') seen.frames++;
      if (c.method === 'scanObject') seen.objects++;
      const w = (c.args as readonly unknown[]).find((a): a is MarkWork => a instanceof MarkWork)!;
      const before = w.words;
      depth++;
      try {
        return c.next(...c.args);
      } finally {
        if (--depth === 0) seen.words += w.words - before; // nested calls (scanObject → scanUntyped) count once
      }
    },
  });
  return { piece, seen };
}

describe('the gc piece sees every frame and object; the gc-cycle event counts them', () => {
  test.each([['new', gcNew], ['old', gcOld]] as const)('a counting wrapper of the %s piece sees the frames, objects and words of the events', (_n, inner) => {
    const { piece, seen } = counting(inner);
    const cycles: GCEvent[] = [];
    const r = runModule(listAndGC(50, 5, 3), {
      policy: { ...mixPolicy({}), gc: piece },
      onEvent: (e) => void (e.kind === 'gc-cycle' && cycles.push(e)),
    });
    expect(r.exitCode).toBe(0);
    expect(cycles.length).toBe(3);
    const sum = (k: 'frames' | 'objects' | 'words') => cycles.reduce((a, e) => a + e[k], 0);
    expect(seen).toEqual({ frames: sum('frames'), objects: sum('objects'), words: sum('words') });
    for (const e of cycles) {
      expect(e.frames).toBeGreaterThanOrEqual(7); // rec x6 + main (+ runtime frames)
      expect(e.objects).toBe(e.marked); // each greyed object is scanned once
      expect(e.objects).toBeGreaterThanOrEqual(50);
      expect(e.words).toBeGreaterThanOrEqual(2 * 50);
    }
  });

  test('stock counts do not depend on a wrapper: the unwrapped run reports the same counts', () => {
    const plain: GCEvent[] = [];
    const wrapped: GCEvent[] = [];
    runModule(listAndGC(20, 3, 2), { onEvent: (e) => void (e.kind === 'gc-cycle' && plain.push(e)) });
    runModule(listAndGC(20, 3, 2), { policy: { ...mixPolicy({}), gc: counting(gcNew).piece }, onEvent: (e) => void (e.kind === 'gc-cycle' && wrapped.push(e)) });
    const counts = (es: GCEvent[]) => es.map((e) => [e.frames, e.objects, e.words]);
    expect(counts(wrapped)).toEqual(counts(plain));
  });
});
