// A policy: one strategy per package. `old` is Go at the parent of CL 141490043, `new` Go at the CL;
// any of the 16 mixtures can be built piece by piece.

import { copystackNew, copystackOld, type CopystackPolicy } from '@gosim/copystack';
import { deferpanicNew, deferpanicOld, type DeferPanicPolicy } from '@gosim/defer-panic';
import { gcNew, gcOld, type GCPolicy } from '@gosim/gc';
import { tracebackNew, tracebackOld, type TracebackPolicy } from '@gosim/traceback';

export interface Policy {
  readonly deferpanic: DeferPanicPolicy;
  readonly traceback: TracebackPolicy;
  readonly gc: GCPolicy;
  readonly copystack: CopystackPolicy;
}

export type PieceName = keyof Policy;
export const pieceNames: readonly PieceName[] = ['deferpanic', 'traceback', 'gc', 'copystack'];

const pieces = {
  deferpanic: { old: deferpanicOld, new: deferpanicNew },
  traceback: { old: tracebackOld, new: tracebackNew },
  gc: { old: gcOld, new: gcNew },
  copystack: { old: copystackOld, new: copystackNew },
} as const;

/** Builds a policy from a choice per piece (unlisted pieces are `new`). */
export function mixPolicy(choice: Partial<Record<PieceName, 'old' | 'new'>>): Policy {
  return {
    deferpanic: pieces.deferpanic[choice.deferpanic ?? 'new'],
    traceback: pieces.traceback[choice.traceback ?? 'new'],
    gc: pieces.gc[choice.gc ?? 'new'],
    copystack: pieces.copystack[choice.copystack ?? 'new'],
  };
}

export const policies = {
  old: mixPolicy({ deferpanic: 'old', traceback: 'old', gc: 'old', copystack: 'old' }),
  new: mixPolicy({}),
} as const;

/** All 16 mixtures, deferpanic varying slowest. */
export function allMixtures(): Policy[] {
  const out: Policy[] = [];
  for (const d of ['old', 'new'] as const)
    for (const t of ['old', 'new'] as const)
      for (const g of ['old', 'new'] as const)
        for (const c of ['old', 'new'] as const) out.push(mixPolicy({ deferpanic: d, traceback: t, gc: g, copystack: c }));
  return out;
}

/** "old", "new", or a short name like "deferpanic=old,gc=new" listing the old pieces. */
export function policyName(p: Policy): string {
  const olds = pieceNames.filter((k) => p[k].name === 'old');
  if (olds.length === 0) return 'new';
  if (olds.length === pieceNames.length) return 'old';
  return pieceNames.map((k) => `${k}=${p[k].name}`).join(',');
}

export class PolicySpecError extends Error {}

/** Parses `old`, `new`, or a comma list `piece=old|new,...` (unlisted pieces are `new`). */
export function parsePolicy(spec: string): Policy {
  const t = spec.trim();
  if (t === 'old' || t === 'new') return policies[t];
  const choice: Partial<Record<PieceName, 'old' | 'new'>> = {};
  for (const part of t.split(',')) {
    const m = /^\s*([a-z-]+)\s*=\s*(old|new)\s*$/.exec(part);
    if (!m) throw new PolicySpecError(`bad policy item "${part}": want piece=old|new, pieces: ${pieceNames.join(', ')}`);
    const piece = m[1] as PieceName;
    if (!pieceNames.includes(piece)) throw new PolicySpecError(`unknown policy piece "${m[1]}": pieces are ${pieceNames.join(', ')}`);
    choice[piece] = m[2] as 'old' | 'new';
  }
  return mixPolicy(choice);
}
