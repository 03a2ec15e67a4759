// Pointer arrows: an SVG overlay over one run's memory view, a curve from each pointer word to the row
// that holds the word it points at (when that row is drawn: same stack, another goroutine's, a record).

import { svg } from './dom.js';

const MaxArrows = 300;

export function drawArrows(container: HTMLElement): void {
  container.querySelector(':scope > svg.arrows')?.remove();
  const ptrs = Array.from(container.querySelectorAll<HTMLElement>('.ptr[data-value]'));
  if (ptrs.length === 0) return;
  const rows = new Map<string, HTMLElement>();
  for (const r of Array.from(container.querySelectorAll<HTMLElement>('[data-addr]'))) rows.set(r.dataset.addr!, r);
  const base = container.getBoundingClientRect();
  const layer = svg('svg', { class: 'arrows', width: container.scrollWidth, height: container.scrollHeight });
  let n = 0;
  for (const p of ptrs) {
    if (n >= MaxArrows) break;
    const v = parseInt(p.dataset.value!, 16);
    if (!(v > 0)) continue;
    const target = rows.get(`0x${(v - (v % 8)).toString(16)}`);
    if (!target || target.contains(p)) continue;
    const a = p.getBoundingClientRect();
    const b = target.getBoundingClientRect();
    const x1 = a.right - base.left + container.scrollLeft;
    const y1 = a.top + a.height / 2 - base.top + container.scrollTop;
    const x2 = b.right - base.left + container.scrollLeft;
    const y2 = b.top + b.height / 2 - base.top + container.scrollTop;
    const bend = 30 + Math.min(120, Math.abs(y2 - y1) / 4);
    const cls = p.classList.contains('dangling') ? 'arrow-line dangling' : 'arrow-line';
    layer.appendChild(svg('path', { class: cls, d: `M${x1},${y1} C${Math.max(x1, x2) + bend},${y1} ${Math.max(x1, x2) + bend},${y2} ${x2},${y2}` }));
    n++;
  }
  container.appendChild(layer);
}
