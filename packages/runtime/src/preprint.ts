// Go 1.19's preprintpanics: before a fatal panic is printed, each panic value whose type has an Error() string
// (an error) or else a String() string method (a Stringer) is replaced by what that method returns, calling it on
// the panicking goroutine. runtime.preprintpanics is IR: fatalpanic diverts to it once; it calls the methods one by
// one (CALLCLOSURE through a frame word holding the method's entry PC) and ends in fatalpanic again.

import { Panic } from '@gosim/defer-panic';
import { Module, Op } from '@gosim/program';
import type { G } from '@gosim/stack';
import type { ExtOps } from './ext-ops.js';
import type { Machine } from './machine.js';
import { RuntimePanic } from './signals.js';

/** The state slot: k (next record index to look at), idx (the record being converted), pc (the method's entry). */
const St = { k: 0, idx: 8, pc: 16, size: 24 } as const;
const diverted = new WeakSet<G>();

/** The method preprintpanics calls for a value of type id t: Error, else String; undefined for none. */
function printMethod(m: Machine, t: number): number | undefined {
  const ty = m.prog.types[t];
  const ms = ty?.methods;
  if (!ms || ty.kind === 'runtime-error') return undefined; // runtime errors print their text already
  const f = ms.find((x) => x.name === 'Error' && x.mtyp === 'func() string') ?? ms.find((x) => x.name === 'String' && x.mtyp === 'func() string');
  return f?.ifn;
}

function record(m: Machine, g: G, i: number): number {
  let p = g._panic;
  for (let j = 0; j < i && p !== 0; j++) p = m.space.load64(p + Panic.link);
  return p;
}

/** Called by fatalpanic: divert g to runtime.preprintpanics (once) when some panic value needs a method call. */
export function preprintpanics(m: Machine, g: G): void {
  if (diverted.has(g)) return;
  const s = m.space;
  for (let p = g._panic; p !== 0; p = s.load64(p + Panic.link)) {
    const tw = s.load64(p + Panic.argType);
    if (!s.load8(p + Panic.goexit) && tw !== 0 && printMethod(m, tw - 1) !== undefined) {
      diverted.add(g);
      // the interpreter makes the instruction "call" runtime.preprintpanics (raise.ts); its value is unused
      throw new RuntimePanic('runtime.errorString', '', 'runtime.preprintpanics');
    }
  }
}

export const preprintOps: ExtOps = {
  [Op.PREPRINTNEXT]: {
    safePoint: false,
    run(m, g, sp, a, b, c) {
      const s = m.space;
      const st = sp + c;
      let i = s.load64(st + St.k);
      for (let p = record(m, g, i); p !== 0; p = s.load64(p + Panic.link), i++) {
        const tw = s.load64(p + Panic.argType);
        const fn = tw === 0 || s.load8(p + Panic.goexit) ? undefined : printMethod(m, tw - 1);
        if (fn === undefined) continue;
        s.store64(st + St.k, i + 1);
        s.store64(st + St.idx, i);
        s.store64(st + St.pc, m.prog.funcs[fn]!.entry);
        s.store64(sp + b, st + St.pc);
        s.store64(sp, s.load64(p + Panic.argData)); // the receiver: the value's data word
        s.store64(sp + 8, 0);
        s.store64(sp + 16, 0);
        s.store8(sp + a, 1);
        return 0;
      }
      s.store8(sp + a, 0);
      return 0;
    },
  },
  [Op.PREPRINTDONE]: {
    safePoint: true,
    run(m, g, sp, a, b) {
      const s = m.space;
      const p = record(m, g, s.load64(sp + a + St.idx));
      const sid = m.typeId('string');
      const box = m.heap.alloc(16, sid);
      s.store64(box, s.load64(sp + b));
      s.store64(box + 8, s.load64(sp + b + 8));
      s.store64(p + Panic.argType, sid + 1);
      s.store64(p + Panic.argData, box);
      return 0;
    },
  },
  [Op.PREPRINTFATAL]: {
    safePoint: true,
    run(m, g) {
      return m.fatalpanic(g);
    },
  },
};

/** Adds runtime.preprintpanics to m. */
export function addPreprint(m: Module): void {
  const f = m.func('runtime.preprintpanics', {
    // res: the method's string result, in a slot the GC scans (the outgoing area is dead at PREPRINTDONE's safe point)
    locals: [{ name: 'st', size: St.size }, { name: 'fv', size: 8 }, { name: 'more', size: 1 }, { name: 'res', size: 16, ptr: [0] }],
    outgoing: 24,
    file: '$GOROOT/src/runtime/panic.go',
  });
  const loop = f.label();
  const done = f.label();
  f.emit(Op.ZERO, f.slot('st'), St.size);
  f.emit(Op.ZERO, f.slot('res'), 16);
  f.bind(loop).emit(Op.PREPRINTNEXT, f.slot('more'), f.slot('fv'), f.slot('st'));
  f.jump(Op.JZ, done, f.slot('more'));
  f.emit(Op.CALLCLOSURE, f.slot('fv'));
  f.emit(Op.MOVN, f.slot('res'), 8, 16);
  f.emit(Op.PREPRINTDONE, f.slot('st'), f.slot('res'));
  f.jump(Op.JMP, loop);
  f.bind(done).emit(Op.PREPRINTFATAL);
  f.emit(Op.RET);
  f.end();
}
