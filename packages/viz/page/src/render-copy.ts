// At a stack-copied step: the old and the new stack side by side, word by word from hi; each adjusted word
// with its before → after value, each pointer left unadjusted (stale) in red into the freed stack, and the
// poison fills (0xfd new, 0xfb before copy, 0xfc freed) shown as such.

import type { StackCopy } from '../../src/format.js';
import type { StepCtx } from './ctx.js';
import { el, hex } from './dom.js';
import { layoutCopy } from './layout.js';
import { shortWord } from './memory.js';

export function renderCopy(ctx: StepCtx, c: StackCopy): HTMLElement {
  const lay = layoutCopy(c);
  const head = el('div', { class: 'c-head' },
    el('b', {}, `stack copy g${c.goid}`), ` [${hex(c.oldLo)}, ${hex(c.oldHi)}) → [${hex(c.newLo)}, ${hex(c.newHi)}) · ${c.used} bytes used · ${c.why}`,
    el('span', { class: 'dim' }, ` · ${c.adjusted.length} adjusted, ${c.stale.length} stale`));
  const table = el('table', { class: 'copy-table' },
    el('tr', {}, el('th', {}, 'old stack (freed)'), el('th', {}, 'word'), el('th', {}, 'new stack'), el('th', {}, 'word'), el('th', {}, 'what the copy did')));
  for (const r of lay.rows) {
    if ('gap' in r) {
      table.appendChild(el('tr', { class: `gap p-${r.pattern}` }, el('td', { colspan: 5 }, `… ${r.gap} ${r.gap === 1 ? 'word' : 'words'} ${r.pattern}`)));
      continue;
    }
    const cls = r.adjusted ? 'adjusted' : r.stale ? 'stale dangling' : '';
    const note = r.adjusted ? `adjusted (${r.adjusted.where}) ${hex(r.adjusted.from)} → ${hex(r.adjusted.to)}`
      : r.stale ? `NOT adjusted (${r.stale.where}): points into the freed stack` : '';
    table.appendChild(el('tr', {
      class: cls, 'data-old': hex(r.oldAt), 'data-new': hex(r.newAt),
      'data-from': r.adjusted ? hex(r.adjusted.from) : undefined, 'data-to': r.adjusted ? hex(r.adjusted.to) : undefined,
    }, el('td', { class: 'addr' }, hex(r.oldAt)), el('td', { class: poison(r.oldHex) }, shortWord(r.oldHex)),
    el('td', { class: 'addr' }, hex(r.newAt)), el('td', { class: poison(r.newHex) }, shortWord(r.newHex)), el('td', {}, note)));
  }
  const outside = el('div', { class: 'outside' });
  for (const o of lay.outside) {
    const txt = o.adjusted ? `${hex(o.at)} (${o.adjusted.where}): ${hex(o.adjusted.from)} → ${hex(o.adjusted.to)} adjusted`
      : `${hex(o.at)} (${o.stale!.where}) = ${hex(o.stale!.value)}: NOT adjusted, dangling into the freed stack`;
    outside.appendChild(el('div', { class: o.adjusted ? 'adjusted' : 'stale dangling', 'data-at': hex(o.at) }, txt));
  }
  void ctx;
  return el('section', { class: 'copy' }, head, lay.outside.length > 0 ? el('div', { class: 'dim' }, 'outside the stack:') : null, outside,
    el('div', { class: 'copy-scroll' }, table));
}

function poison(h: string): string {
  if (/^(fd|fb|fc)\1{7}$/.test(h)) return `val poison p-${h.slice(0, 2)}`;
  return 'val';
}
