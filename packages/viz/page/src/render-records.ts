// g._defer as a chain of records (heap / stack / open, header fields, argument pointers, started marked),
// the records the old policy took off the list drawn apart, and g._panic as a chain (recovered/aborted marked).

import type { GoroutineView } from '../../src/format.js';
import { pointerEl, type StepCtx } from './ctx.js';
import { el, hex } from './dom.js';
import { deferBox, panicBox, type RecordBox } from './layout.js';

export function renderRecords(ctx: StepCtx, g: GoroutineView): HTMLElement | null {
  if (g.defers.length === 0 && g.panics.length === 0 && g.offList.length === 0) return null;
  const out = el('section', { class: 'records', 'data-goid': g.goid });
  if (g.defers.length > 0) out.appendChild(chain(ctx, `g${g.goid}._defer`, g.defers.map((d) => deferBox(d, false))));
  if (g.offList.length > 0) out.appendChild(chain(ctx, 'off the list', g.offList.map((d) => deferBox(d, true)), 'offlist'));
  if (g.panics.length > 0) out.appendChild(chain(ctx, `g${g.goid}._panic`, g.panics.map(panicBox)));
  return out;
}

function chain(ctx: StepCtx, title: string, boxes: RecordBox[], cls = ''): HTMLElement {
  const c = el('div', { class: `chain ${cls}` }, el('div', { class: 'c-head' }, title));
  boxes.forEach((b, k) => {
    if (k > 0) c.appendChild(el('div', { class: 'link' }, '↓ link'));
    c.appendChild(recordEl(ctx, b));
  });
  return c;
}

function recordEl(ctx: StepCtx, b: RecordBox): HTMLElement {
  const cls = ['record', `place-${b.place}`];
  if (b.offList) cls.push('offlist');
  if (b.marks.includes('started')) cls.push('started');
  const head = el('div', { class: 'r-head' }, el('b', {}, b.title), el('span', { class: 'dim' }, ` ${b.place} @ ${hex(b.addr)}`));
  for (const m of b.marks) head.appendChild(el('span', { class: 'mark' }, m));
  const fields = el('table', { class: 'fields' });
  for (const [k, v] of b.fields) fields.appendChild(el('tr', {}, el('td', {}, k), el('td', {}, hex(v))));
  const ptrs = el('div', { class: 'r-ptrs' });
  for (const p of b.pointers) ptrs.appendChild(el('div', { class: 'row' }, el('span', { class: 'role' }, p.where), pointerEl(ctx, p)));
  return el('div', { class: cls.join(' '), 'data-addr': hex(b.addr) }, head, fields, b.pointers.length > 0 ? ptrs : null);
}
