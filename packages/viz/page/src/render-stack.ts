// A goroutine's stack as memory: frames hi → lo with function, sp, frame size, argument block, return PC
// word (fp-8), locals; pointer words drawn as pointer elements (the arrows overlay connects them to targets).

import type { GoroutineView } from '../../src/format.js';
import { pointerEl, type StepCtx } from './ctx.js';
import { el, hex } from './dom.js';
import { layoutStack, type FrameBox, type Row } from './layout.js';
import { shortWord } from './memory.js';

export function renderStack(ctx: StepCtx, g: GoroutineView): HTMLElement {
  const box = layoutStack(g, ctx.mem, ctx.run);
  const running = ctx.step.goid === g.goid;
  const head = el('div', { class: 'g-head' },
    el('b', {}, `g${box.goid}`), ` ${box.status}${box.waitreason ? ` (${box.waitreason})` : ''}`,
    el('span', { class: 'dim' }, ` stack [${hex(box.lo)}, ${hex(box.hi)}) sp ${hex(box.sp)} · ${box.hi - box.sp} bytes used`));
  const frames = el('div', { class: 'frames' });
  for (const f of box.frames) frames.appendChild(frameEl(ctx, f));
  const note = g.note ? el('div', { class: 'warn' }, g.note) : null;
  return el('section', { class: `stack${running ? ' running' : ''}`, 'data-goid': box.goid }, head, note, frames);
}

function frameEl(ctx: StepCtx, f: FrameBox): HTMLElement {
  const head = el('div', { class: 'f-head' },
    el('b', {}, f.name), el('span', { class: 'dim' }, ` line ${f.line} · sp ${hex(f.sp)} · frame ${f.frameSize} · args ${f.argSize}`));
  const rows = el('div', { class: 'rows' });
  for (const r of f.rows) rows.appendChild(rowEl(ctx, r));
  return el('div', { class: `frame${f.runtime ? ' rt' : ''}` }, head, rows);
}

const RoleText = { arg: 'arg', retpc: 'return PC', local: 'local' } as const;

function rowEl(ctx: StepCtx, r: Row): HTMLElement {
  if (r.kind === 'gap') {
    const what = r.pattern === 'zero' ? 'zero' : r.pattern.startsWith('poison') ? `poison 0x${r.pattern.slice(-2)}` : r.pattern;
    return el('div', { class: `row gap p-${r.pattern}` }, el('span', { class: 'addr' }, hex(r.hi - 8)), `… ${r.words} ${r.words === 1 ? 'word' : 'words'} ${what} down to ${hex(r.lo)}`);
  }
  const value = r.ptr ? pointerEl(ctx, r.ptr) : el('span', { class: `val${r.hex && r.hex.startsWith('fdfd') ? ' poison' : ''}` }, r.hex === undefined ? '?' : shortWord(r.hex));
  return el('div', { class: `row ${r.role}`, 'data-addr': hex(r.addr) },
    el('span', { class: 'addr' }, hex(r.addr)), el('span', { class: 'role' }, RoleText[r.role]), value);
}
