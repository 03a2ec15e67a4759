// A timeline strip of every step across goroutines: one lane per goroutine, one tick per event, drawn on a
// canvas (no DOM per step: a recording may hold thousands); click or drag to jump.

import type { Step, StepKind } from '../../src/format.js';
import { el } from './dom.js';

const KindColor: Partial<Record<StepKind, string>> = {
  'stack-copied': '#d97706', 'pointer-stale': '#dc2626', 'pointer-adjusted': '#16a34a',
  'defer-linked': '#2563eb', 'defer-started': '#7c3aed', 'defer-unlinked': '#db2777', 'defer-returned': '#2563eb',
  'panic-pushed': '#dc2626', 'panic-recovered': '#059669', 'panic-aborted': '#991b1b', 'gc-cycle': '#0891b2',
  'goroutine-created': '#64748b', 'goroutine-exited': '#64748b',
};
const MaxLanes = 12;
const LaneH = 4;

export class Timeline {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly cursor: HTMLElement;
  private readonly lanes = new Map<number, number>();

  constructor(private readonly steps: readonly Step[], onJump: (i: number) => void) {
    for (const s of steps) if (!this.lanes.has(s.goid)) this.lanes.set(s.goid, Math.min(this.lanes.size, MaxLanes - 1));
    this.canvas = el('canvas', { class: 'tl-canvas', title: 'timeline: one lane per goroutine; click to jump' });
    this.cursor = el('div', { class: 'tl-cursor' });
    this.root = el('div', { class: 'timeline' }, this.canvas, this.cursor);
    const jump = (ev: MouseEvent) => {
      const r = this.canvas.getBoundingClientRect();
      const i = Math.floor(((ev.clientX - r.left) / r.width) * this.steps.length);
      onJump(Math.max(0, Math.min(this.steps.length - 1, i)));
    };
    this.canvas.addEventListener('mousedown', jump);
    this.canvas.addEventListener('mousemove', (ev) => { if (ev.buttons === 1) jump(ev); });
  }

  /** Draws the ticks; call once attached and on resize. */
  draw(): void {
    const w = Math.max(100, this.canvas.clientWidth);
    const nl = Math.max(1, Math.min(this.lanes.size, MaxLanes));
    const h = nl * LaneH + 4;
    this.canvas.width = w;
    this.canvas.height = h;
    this.canvas.style.height = `${h}px`;
    const c = this.canvas.getContext('2d');
    if (!c) return;
    c.fillStyle = '#f8fafc';
    c.fillRect(0, 0, w, h);
    const n = this.steps.length;
    for (const s of this.steps) {
      const lane = this.lanes.get(s.goid) ?? 0;
      c.fillStyle = KindColor[s.kind] ?? '#cbd5e1';
      const x = Math.floor((s.i / n) * w);
      c.fillRect(x, 2 + lane * LaneH, s.kind === 'safepoint' ? 1 : 2, LaneH - 1);
    }
  }

  show(i: number): void {
    this.cursor.style.left = `${(i / Math.max(1, this.steps.length)) * 100}%`;
  }
}
