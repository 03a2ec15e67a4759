// One run's view of one step: the step bar, the stack copy / GC panes when the step is one, then each
// goroutine's records and stack, the heap objects, and the run's output. Rebuilt per step (only that step).

import type { RecordedRun, Snapshot, Step } from '../../src/format.js';
import { drawArrows } from './arrows.js';
import { stepCtx } from './ctx.js';
import { append, clear, el } from './dom.js';
import { snapshotAt } from '../../src/read.js';
import { describeStep, snapshotIndex } from './layout.js';
import { renderCopy } from './render-copy.js';
import { renderGC, renderHeap } from './render-gc.js';
import { renderRecords } from './render-records.js';
import { renderStack } from './render-stack.js';

/** Goroutines drawn in full beyond the running one and those holding records. */
const MaxDrawn = 8;

export class RunView {
  readonly root: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly body: HTMLElement;
  private readonly snaps: Int32Array;
  /** The last snapshot rebuilt (delta chain resolved) and the step that holds it: stepping within it is free. */
  private cached: { at: number; snap: Snapshot | undefined } = { at: -2, snap: undefined };

  constructor(readonly run: RecordedRun, readonly index: number) {
    this.snaps = snapshotIndex(run.steps);
    this.bar = el('div', { class: 'step-bar' });
    this.body = el('div', { class: 'mem' });
    const out = el('details', { class: 'output' }, el('summary', {}, `output (exit ${run.exitCode}${run.limit ? `, ${run.limit}` : ''})`),
      el('pre', {}, run.stdout), run.stderr ? el('pre', { class: 'stderr' }, run.stderr) : null);
    const notes = el('div', { class: 'notes' },
      `policy ${run.policy}${run.flags.length ? ` ${run.flags.join(' ')}` : ''} · safe points ${run.window.first}–${run.window.last} of ${run.window.totalSteps} · ${run.steps.length} steps`,
      run.truncated ? el('div', { class: 'warn' }, `truncated: ${run.truncated}`) : null);
    this.root = el('div', { class: 'run-view', 'data-run': index, 'data-policy': run.policy }, notes, this.bar, this.body, out);
  }

  /** The program line to highlight at step i: the step's own, or (in a runtime function) its goroutine's innermost frame in `file`. */
  lineAt(i: number, file: string): number {
    const step = this.run.steps[i];
    if (!step) return 0;
    if (step.line > 0 && step.file === file) return step.line;
    const g = this.cached.snap?.goroutines.find((x) => x.goid === step.goid);
    return g?.frames.find((f) => f.file === file && f.line > 0)?.line ?? 0;
  }

  show(i: number, note?: string): void {
    const step: Step | undefined = this.run.steps[i];
    clear(this.bar);
    clear(this.body);
    if (!step) {
      this.bar.appendChild(el('span', {}, 'no step'));
      return;
    }
    this.root.dataset.step = String(i);
    const si = this.snaps[i]!;
    if (this.cached.at !== si) this.cached = { at: si, snap: si >= 0 ? snapshotAt(this.run, si) : undefined };
    const snap = this.cached.snap;
    const ctx = stepCtx(this.run, step, snap);
    append(this.bar, el('span', { class: 'step-no' }, `step ${i} / ${this.run.steps.length - 1}`),
      el('span', { class: `kind k-${step.kind}` }, describeStep(step)),
      el('span', { class: 'dim' }, ` · g${step.goid} ${step.fn}:${step.line} · safe point ${step.safePoint}`),
      note ? el('span', { class: 'note' }, note) : null);
    if (step.copy) this.body.appendChild(renderCopy(ctx, step.copy));
    if (step.gc) this.body.appendChild(renderGC(ctx, step.gc));
    if (!snap) {
      this.body.appendChild(el('div', { class: 'dim' }, 'no memory snapshot recorded yet at this step'));
      return;
    }
    // the running goroutine first, then the others by goid
    const gs = [...snap.goroutines].sort((a, b) => (a.goid === step.goid ? -1 : b.goid === step.goid ? 1 : a.goid - b.goid));
    // drawn in full: the running goroutine, those with records, and the first MaxDrawn others; the rest as one line
    const full = gs.filter((g, k) => k === 0 || g.defers.length + g.panics.length + g.offList.length > 0 || k < MaxDrawn);
    const rest = gs.filter((g) => !full.includes(g));
    for (const g of full) {
      const col = el('div', { class: 'goroutine' });
      const rec = renderRecords(ctx, g);
      if (rec) col.appendChild(rec);
      col.appendChild(renderStack(ctx, g));
      this.body.appendChild(col);
    }
    if (rest.length > 0) this.body.appendChild(el('div', { class: 'dim more-g' }, `${rest.length} more goroutines: ${rest.map((g) => `g${g.goid} ${g.status}`).join(', ')}`));
    const heap = renderHeap(ctx, snap.objects);
    if (heap) this.body.appendChild(heap);
    drawArrows(this.body);
  }
}
