// The page: reads window.GOSIM_RECORDING (set by recording.js), draws the current step of one run, or of two
// runs side by side aligned at the same event (#compare). Keyboard and buttons move; the URL hash
// `#run=R&step=N` follows every move and is honoured on load. Everything from the recording goes in as text.

import './page.css';
import type { Recording } from '../../src/format.js';
import { alignedStep, firstDivergence } from './compare.js';
import { clear, el } from './dom.js';
import { byEvent, byKind, byLine, bySafePoint, clampStep, formatHash, Jumps, parseHash, type Dir } from './nav.js';
import { SourceView } from './source.js';
import { Timeline } from './timeline.js';
import { RunView } from './view.js';

declare global {
  interface Window { GOSIM_RECORDING?: Recording }
}

const Help: [string, string][] = [
  ['→ / ←', 'next / previous step (event)'], ['↓ / ↑, j / k', 'next / previous safe point'],
  ['n / p', 'next / previous source line'], ['c / C', 'next / previous stack copy'], ['g / G', 'next / previous GC'],
  ['e / E', 'next / previous panic'], ['r / R', 'next / previous recover'], ['Home / End', 'first / last step'],
  ['s', 'switch the run drawn first'], ['v', 'side by side on / off (two runs)'], ['?', 'this help'],
];

class App {
  private run = 0;
  private step = 0;
  private compare: boolean;
  private readonly views: RunView[];
  private readonly timelines: Timeline[];
  private readonly source: SourceView;
  private readonly main = el('div', { class: 'views' });
  private readonly tlBox = el('div', { class: 'tl-box' });
  private readonly help: HTMLElement;
  private readonly divergence: { a: number; b: number } | null;

  constructor(private readonly rec: Recording) {
    this.views = rec.runs.map((r, k) => new RunView(r, k));
    this.timelines = rec.runs.map((r) => new Timeline(r.steps, (i) => this.go(i)));
    this.source = new SourceView(rec.source, rec.file);
    this.compare = rec.runs.length === 2;
    this.divergence = rec.runs.length === 2 ? firstDivergence(rec.runs[0]!.steps, rec.runs[1]!.steps) : null;
    this.help = el('div', { class: 'help hidden', id: 'help' }, el('b', {}, 'keys'),
      el('table', {}, ...Help.map(([k, v]) => el('tr', {}, el('td', { class: 'key' }, k), el('td', {}, v)))));
    const h = parseHash(location.hash);
    if (h.run !== undefined && h.run < rec.runs.length) this.run = h.run;
    this.step = clampStep(this.steps(), h.step ?? 0);
  }

  private steps() {
    return this.rec.runs[this.run]!.steps;
  }

  mount(root: HTMLElement): void {
    const btn = (label: string, title: string, f: () => void) => {
      const b = el('button', { type: 'button', title }, label);
      b.addEventListener('click', f);
      return b;
    };
    const tools = el('div', { class: 'toolbar' },
      btn('|◀', 'first step (Home)', () => this.go(0)),
      btn('◀ step', 'previous event (←)', () => this.move((s, i) => byEvent(s, i, -1))),
      btn('step ▶', 'next event (→)', () => this.move((s, i) => byEvent(s, i, 1))),
      btn('▲ safe point', 'previous safe point (↑ / k)', () => this.move((s, i) => bySafePoint(s, i, -1))),
      btn('safe point ▼', 'next safe point (↓ / j)', () => this.move((s, i) => bySafePoint(s, i, 1))),
      btn('line ▶', 'next source line (n)', () => this.move((s, i) => byLine(s, i, 1))),
      btn('stack copy ▶', 'next stack copy (c)', () => this.jump('copy', 1)),
      btn('GC ▶', 'next GC (g)', () => this.jump('gc', 1)),
      btn('panic ▶', 'next panic (e)', () => this.jump('panic', 1)),
      btn('recover ▶', 'next recover (r)', () => this.jump('recover', 1)),
      this.rec.runs.length === 2 ? btn('side by side', 'toggle side by side (v)', () => this.toggleCompare()) : null,
      this.divergence ? btn('first divergence', 'the first event where the two runs differ', () => this.goDivergence()) : null,
      btn('?', 'keys (?)', () => this.help.classList.toggle('hidden')));
    const head = el('header', {}, el('h1', {}, 'gosim viz'), el('span', { class: 'file' }, this.rec.file),
      el('code', { class: 'cmd' }, this.rec.command));
    const body = el('div', { class: 'body' }, this.source.root, this.main);
    root.append(head, tools, this.tlBox, body, this.help);
    document.addEventListener('keydown', (e) => this.key(e));
    window.addEventListener('hashchange', () => this.fromHash());
    window.addEventListener('resize', () => this.timelines.forEach((t) => t.draw()));
    this.layout();
  }

  /** (Re)builds the columns: one run, or both side by side in #compare. */
  private layout(): void {
    clear(this.main);
    clear(this.tlBox);
    const shown = this.compare ? [this.run, 1 - this.run] : [this.run];
    const cols = el('div', { class: this.compare ? 'compare' : 'single', id: this.compare ? 'compare' : undefined });
    for (const k of shown) {
      cols.appendChild(this.views[k]!.root);
      this.tlBox.appendChild(el('div', { class: 'tl-row' }, el('span', { class: 'tl-label' }, this.rec.runs[k]!.policy), this.timelines[k]!.root));
    }
    this.main.appendChild(cols);
    for (const k of shown) this.timelines[k]!.draw();
    this.render();
  }

  private render(): void {
    const s = this.steps()[this.step];
    this.views[this.run]!.show(this.step);
    this.timelines[this.run]!.show(this.step);
    if (this.compare) {
      const o = 1 - this.run;
      const j = alignedStep(this.steps(), this.rec.runs[o]!.steps, this.step);
      const div = this.divergence ? (this.run === 0 ? this.divergence.a : this.divergence.b) : -1;
      const note = j < 0 ? 'no such event in this run' : `aligned: ${s?.kind ?? ''} as in ${this.rec.runs[this.run]!.policy}${this.step >= div && div >= 0 ? ' · past the first divergence' : ''}`;
      this.views[o]!.show(Math.max(0, j), note);
      this.timelines[o]!.show(Math.max(0, j));
    }
    if (s) this.source.show(this.views[this.run]!.lineAt(this.step, this.rec.file));
    document.body.dataset.step = String(this.step);
    document.body.dataset.run = String(this.run);
    const h = formatHash(this.run, this.step);
    if (location.hash !== h) history.replaceState(null, '', h);
  }

  go(i: number): void {
    const n = clampStep(this.steps(), i);
    if (n === this.step) return;
    this.step = n;
    this.render();
  }

  private move(f: (steps: RecordingSteps, i: number) => number): void {
    this.go(f(this.steps(), this.step));
  }

  private jump(what: keyof typeof Jumps, dir: Dir): void {
    this.move((s, i) => byKind(s, i, dir, Jumps[what]!));
  }

  private toggleCompare(): void {
    if (this.rec.runs.length !== 2) return;
    this.compare = !this.compare;
    this.layout();
  }

  private goDivergence(): void {
    if (!this.divergence) return;
    this.go(this.run === 0 ? this.divergence.a : this.divergence.b);
  }

  private fromHash(): void {
    const h = parseHash(location.hash);
    const run = h.run !== undefined && h.run < this.rec.runs.length ? h.run : this.run;
    if (run !== this.run) {
      this.run = run;
      this.step = clampStep(this.steps(), h.step ?? 0);
      this.layout();
    } else if (h.step !== undefined) this.go(h.step);
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    const acts: Record<string, () => void> = {
      ArrowRight: () => this.move((s, i) => byEvent(s, i, 1)), ArrowLeft: () => this.move((s, i) => byEvent(s, i, -1)),
      ArrowDown: () => this.move((s, i) => bySafePoint(s, i, 1)), ArrowUp: () => this.move((s, i) => bySafePoint(s, i, -1)),
      j: () => this.move((s, i) => bySafePoint(s, i, 1)), k: () => this.move((s, i) => bySafePoint(s, i, -1)),
      n: () => this.move((s, i) => byLine(s, i, 1)), p: () => this.move((s, i) => byLine(s, i, -1)),
      c: () => this.jump('copy', 1), C: () => this.jump('copy', -1), g: () => this.jump('gc', 1), G: () => this.jump('gc', -1),
      e: () => this.jump('panic', 1), E: () => this.jump('panic', -1), r: () => this.jump('recover', 1), R: () => this.jump('recover', -1),
      Home: () => this.go(0), End: () => this.go(this.steps().length - 1),
      s: () => { if (this.rec.runs.length === 2) { this.run = 1 - this.run; this.step = clampStep(this.steps(), this.step); this.layout(); } },
      v: () => this.toggleCompare(), '?': () => this.help.classList.toggle('hidden'),
      Escape: () => this.help.classList.add('hidden'),
    };
    const f = acts[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  }
}

type RecordingSteps = Recording['runs'][number]['steps'];

function start(): void {
  const root = document.getElementById('app')!;
  const rec = window.GOSIM_RECORDING;
  if (!rec || !Array.isArray(rec.runs) || rec.runs.length === 0 || !rec.runs.every((r) => Array.isArray(r.steps) && r.steps.length > 0)) {
    root.appendChild(el('p', { class: 'missing', id: 'missing' },
      'gosim viz: no recording here (recording.js is missing or holds no steps). Write a site with `gosim viz --out DIR FILE.go` or serve one with `gosim viz FILE.go`.'));
    document.body.dataset.step = '';
    return;
  }
  new App(rec).mount(root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
