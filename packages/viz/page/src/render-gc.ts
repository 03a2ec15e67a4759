// At a GC: the roots and what they reached, the marked objects, the freed ones, and (in red) the objects freed
// while a pointer in memory still names them (gc_defer_args' mixture). Between GCs: heap objects in the snapshot.

import type { GCView, HeapObject } from '../../src/format.js';
import { pointerEl, type StepCtx } from './ctx.js';
import { el, hex } from './dom.js';

export function renderGC(ctx: StepCtx, gc: GCView): HTMLElement {
  const out = el('section', { class: 'gc' }, el('div', { class: 'c-head' },
    el('b', {}, `GC #${gc.n}`), ` · ${gc.marked.length} marked · freed ${gc.freedObjects} objects (${gc.freedBytes} bytes)`));
  if (gc.freedStillReferenced.length > 0) {
    const bad = el('div', { class: 'freed-ref' }, el('b', {}, 'freed while still referenced:'));
    for (const f of gc.freedStillReferenced) bad.appendChild(el('div', { class: 'dangling', 'data-object': hex(f.object), 'data-from': hex(f.from) }, `object ${hex(f.object)} ← pointer at ${hex(f.from)}`));
    out.appendChild(bad);
  }
  const roots = el('table', { class: 'roots' }, el('tr', {}, el('th', {}, 'root'), el('th', {}, 'at'), el('th', {}, 'reaches')));
  for (const r of gc.roots) roots.appendChild(el('tr', {}, el('td', {}, r.where), el('td', { class: 'addr' }, hex(r.at)), el('td', {}, hex(r.value))));
  out.appendChild(roots);
  out.appendChild(el('div', { class: 'marked' }, 'marked: ', gc.marked.map(hex).join(' ') || '—'));
  out.appendChild(el('div', { class: 'freed' }, 'freed: ', gc.freed.map(hex).join(' ') || '—'));
  return out;
}

export function renderHeap(ctx: StepCtx, objects: readonly HeapObject[]): HTMLElement | null {
  if (objects.length === 0) return null;
  const out = el('section', { class: 'heap' }, el('div', { class: 'c-head' }, `heap objects (${objects.length})`));
  for (const o of objects.slice(0, 200)) {
    const name = o.type >= 0 ? ctx.run.types[o.type] ?? `type ${o.type}` : 'untyped block';
    const box = el('div', { class: `object${o.freed ? ' freed dangling' : ''}`, 'data-addr': hex(o.addr) },
      el('span', { class: 'addr' }, hex(o.addr)), ` ${name} · ${o.size} bytes${o.freed ? ' · FREED, still referenced' : ''}`);
    for (const p of o.pointers) box.appendChild(el('div', { class: 'row' }, el('span', { class: 'role' }, p.where), pointerEl(ctx, p)));
    out.appendChild(box);
  }
  if (objects.length > 200) out.appendChild(el('div', { class: 'dim' }, `… ${objects.length - 200} more`));
  return out;
}
