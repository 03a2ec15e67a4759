// What every renderer of one step needs: the run, the step, its memory, and the current copy's adjustments.

import type { PointerView, RecordedRun, Snapshot, Step } from '../../src/format.js';
import { el, hex } from './dom.js';
import { MemoryView } from './memory.js';

export interface StepCtx {
  run: RecordedRun;
  step: Step;
  snap: Snapshot | undefined;
  mem: MemoryView;
  /** At a stack-copied step: the words the copy adjusted, by address (in the new stack or outside it). */
  adjusted: Map<number, { from: number; to: number; where: string }>;
}

export function stepCtx(run: RecordedRun, step: Step, snap: Snapshot | undefined): StepCtx {
  const adjusted = new Map<number, { from: number; to: number; where: string }>();
  if (step.copy) for (const a of step.copy.adjusted) adjusted.set(a.at, a);
  return { run, step, snap, mem: new MemoryView(snap?.memory ?? []), adjusted };
}

const TargetText: Record<PointerView['target'], string> = {
  stack: 'stack', heap: 'heap', data: 'data', 'freed-stack': 'FREED stack (dangling)', unmapped: 'unmapped', nil: 'nil',
};

/**
 * A pointer word: the DOM hook the tests rely on — data-at, data-value, data-target; class dangling when it
 * points into a freed stack; at a stack copy class adjusted with data-from / data-to.
 */
export function pointerEl(ctx: StepCtx, p: PointerView): HTMLElement {
  const adj = ctx.adjusted.get(p.at);
  const cls = ['ptr', `t-${p.target}`];
  if (p.target === 'freed-stack' || p.dangling) cls.push('dangling');
  if (adj) cls.push('adjusted');
  const where = p.target === 'stack' && p.goid !== undefined ? ` g${p.goid}` : p.target === 'heap' && p.object !== undefined ? ` obj ${hex(p.object)}` : '';
  const e = el('span', {
    class: cls.join(' '), 'data-at': hex(p.at), 'data-value': hex(p.value), 'data-target': p.target,
    'data-from': adj ? hex(adj.from) : undefined, 'data-to': adj ? hex(adj.to) : undefined,
    'data-where': p.where, title: `${p.where} at ${hex(p.at)}`,
  }, p.value === 0 ? 'nil' : hex(p.value), el('span', { class: 'arrow' }, ` → ${TargetText[p.target]}${where}`));
  if (adj) e.appendChild(el('span', { class: 'adj' }, ` (was ${hex(adj.from)})`));
  return e;
}
