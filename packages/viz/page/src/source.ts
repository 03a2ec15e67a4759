// The Go source beside the memory: built once (one text node per line), the current line highlighted.

import { el } from './dom.js';

export class SourceView {
  readonly root: HTMLElement;
  private readonly lines: HTMLElement[] = [];
  private current = -1;

  constructor(source: string, file: string) {
    const pre = el('pre', { class: 'src' });
    source.split('\n').forEach((text, k) => {
      const line = el('div', { class: 'line', 'data-line': k + 1 }, el('span', { class: 'ln' }, String(k + 1)), text === '' ? ' ' : text);
      this.lines.push(line);
      pre.appendChild(line);
    });
    this.root = el('div', { class: 'source' }, el('div', { class: 'pane-head' }, file.split('/').pop() ?? file), pre);
  }

  /** Highlights 1-based `line` (0: none) and scrolls it into view. */
  show(line: number): void {
    if (line === this.current) return;
    this.lines[this.current - 1]?.classList.remove('cur');
    this.current = line;
    const e = this.lines[line - 1];
    if (!e) return;
    e.classList.add('cur');
    const pre = e.parentElement!;
    const top = e.offsetTop - pre.offsetTop;
    if (top < pre.scrollTop || top > pre.scrollTop + pre.clientHeight - 20) pre.scrollTop = top - pre.clientHeight / 3;
  }
}
