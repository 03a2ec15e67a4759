// Package sort's runtime functions (program/src/isa/rt-sort.ts): sort.Slice's view of any slice through the
// eface's type descriptor. The eface's data word points to the boxed slice header {array, len, cap}.

import { GoThrow } from '@gosim/stack';
import type { ProgramType } from '@gosim/program';
import { ChanResult } from './chan.js';
import type { Machine } from './machine.js';
import type { RtImpls } from './rtfuncs.js';

/** reflect.Kind's String of a type that is not a slice (Go's ValueError message names it). */
function kindName(t: ProgramType | undefined): string {
  if (!t) return 'invalid';
  switch (t.kind) {
    case 'pointer': return 'ptr';
    case 'float': return t.size === 4 ? 'float32' : 'float64';
    case 'complex': return t.size === 8 ? 'complex64' : 'complex128';
    case 'byte': return 'uint8';
    case 'int': case 'uint': return t.size === 8 ? t.kind : `${t.kind}${t.size * 8}`;
    default: return t.kind;
  }
}

/** The eface at addr: its type (undefined for nil) and data word. */
function efaceAt(m: Machine, addr: number): { t: ProgramType | undefined; data: number } {
  const tw = m.space.load64(addr);
  return { t: tw === 0 ? undefined : m.prog.types[tw - 1], data: m.space.load64(addr + 8) };
}

export const sortImpls: RtImpls = {
  'sort.sliceLen': (m, g, a) => {
    const s = m.space;
    const { t, data } = efaceAt(m, a.at('x'));
    if (t?.kind === 'slice') {
      s.store64(a.at('n'), s.load64(data + 8));
      return ChanResult.Done;
    }
    const k = new TextEncoder().encode(kindName(t));
    const p = m.allocBytes(k.length);
    s.u8.set(k, p);
    s.store64(a.at('n'), -1);
    s.store64(a.at('kind'), p);
    s.store64(a.at('kind') + 8, k.length);
    return ChanResult.Done;
  },
  'sort.sliceSwap': (m, g, a) => {
    const s = m.space;
    const { t, data } = efaceAt(m, a.at('x'));
    if (t?.kind !== 'slice') throw new GoThrow('sort.sliceSwap: not a slice');
    const size = m.prog.types[t.elem]!.size;
    const i = s.load64(a.at('i'));
    const j = s.load64(a.at('j'));
    const n = s.load64(data + 8);
    if (i < 0 || i >= n || j < 0 || j >= n) throw new GoThrow('sort.sliceSwap: index out of range');
    if (i === j || size === 0) return ChanResult.Done;
    const base = s.load64(data);
    const pi = base + i * size;
    const pj = base + j * size;
    const tmp = s.u8.slice(pi, pi + size);
    s.memmove(pi, pj, size);
    s.u8.set(tmp, pj);
    return ChanResult.Done;
  },
};
