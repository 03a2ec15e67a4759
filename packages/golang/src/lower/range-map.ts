/**
 * `for k, v := range m`: Go 1.19's walkrange for maps. The map is evaluated once; the iterator (hiter,
 * runtime/src/map-layout.ts) is a local of the loop with its pointer words in the frame's map; each turn
 * copies *hiter.key and *hiter.elem into the loop's variables (declared once, before the loop), then the body
 * runs and MAPITERNEXT advances. hiter.key == nil ends the loop.
 */
import { HiterSlot, Op } from '@gosim/program';
import type * as A from '../ast.js';
import type { FnLower } from './fn.js';
import { at } from './frame.js';
import { mapOf } from './map.js';
import { hoist } from './order.js';
import { load, place, store, varPlace } from './place.js';
import { block, declare } from './stmt.js';
import { val } from './expr.js';

export function rangeMap(fn: FnLower, s: A.RangeStmt): void {
  const f = fn.f;
  const t = s.x.type!;
  const mt = mapOf(t);
  hoist(fn, [s.x]);
  const m = fn.own(val(fn, s.x), t);
  const define = s.tok === ':=';
  const vars = [s.key, s.value].map((x) => {
    if (!x || (x.kind === 'Ident' && x.name === '_')) return undefined;
    if (define && x.kind === 'Ident' && x.obj?.kind === 'var') declare(fn, x.obj);
    return x;
  });
  const it = f.local('var', HiterSlot.size, HiterSlot.ptrWords, 'hiter');
  f.emit(Op.MAPITERINIT, it, fn.typeId(t), m);
  const top = f.label();
  const cont = f.label();
  const end = f.label();
  fn.branches.set(s, { brk: end, cont });
  f.bind(top);
  f.line = s.pos.line;
  const zero = fn.imm(0);
  const more = fn.byte();
  f.emit(Op.NE, more, at(it, 0), zero);
  f.emit(Op.JZ, more, end);
  vars.forEach((x, i) => {
    if (!x) return;
    const vt = i === 0 ? mt.key : mt.elem;
    const v = fn.own(load(fn, { k: 'mem', base: at(it, 8 * i), off: 0 }, vt), vt);
    const p = define && x.kind === 'Ident' && x.obj?.kind === 'var' ? varPlace(fn, x.obj) : place(fn, x);
    store(fn, p, vt, v);
  });
  block(fn, s.body.stmts);
  f.bind(cont);
  f.line = s.pos.line;
  f.emit(Op.MAPITERNEXT, it);
  f.jmp(top);
  f.bind(end);
}
