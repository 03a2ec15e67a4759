// A policy: one piece per package. `old` is Go at the parent of CL 141490043, `new` Go at the CL;
// any piece registered in pieces.ts (stock or a variant) can take a package's place.

import { getPiece, isRegistered, pieceNames, PieceError, type Piece, type PieceKinds, type PieceName } from './pieces.js';
import type { Codegen } from '@gosim/program';

export type Policy = PieceKinds;
export { pieceNames, type PieceName };

/** A choice for one kind: a registered name or the piece itself. */
export type PieceChoice<K extends PieceName = PieceName> = string | Piece<K>;

/** Builds a policy from a choice per piece: a registered name or a piece object (unlisted pieces are `new`). */
export function mixPolicy(choice: { readonly [K in PieceName]?: PieceChoice<K> }): Policy {
  const pick = <K extends PieceName>(k: K): PieceKinds[K] => {
    const c = choice[k] ?? 'new';
    if (typeof c === 'string') return getPiece(k, c);
    if ((c as { piece?: unknown }).piece !== k) throw new PieceError(`a ${String((c as { piece?: unknown }).piece)} piece cannot be the ${k} piece`);
    return c as unknown as PieceKinds[K];
  };
  return { deferpanic: pick('deferpanic'), traceback: pick('traceback'), gc: pick('gc'), copystack: pick('copystack') };
}

export const policies = {
  old: mixPolicy({ deferpanic: 'old', traceback: 'old', gc: 'old', copystack: 'old' }),
  new: mixPolicy({}),
} as const;

/**
 * Every mixture of the given names per kind (default `old`, `new` for each: the 16), deferpanic varying
 * slowest, then traceback, gc, copystack.
 */
export function allMixtures(names: { readonly [K in PieceName]?: readonly string[] } = {}): Policy[] {
  const out: Policy[] = [];
  const axis = (k: PieceName) => names[k] ?? ['old', 'new'];
  for (const d of axis('deferpanic'))
    for (const t of axis('traceback'))
      for (const g of axis('gc'))
        for (const c of axis('copystack')) out.push(mixPolicy({ deferpanic: d, traceback: t, gc: g, copystack: c }));
  return out;
}

/** "old", "new", or every piece by its own name: "deferpanic=old,traceback=new,gc=new,copystack=forget-args". */
export function policyName(p: Policy): string {
  const names = pieceNames.map((k) => p[k].name as string);
  if (names.every((n) => n === 'new')) return 'new';
  if (names.every((n) => n === 'old')) return 'old';
  return pieceNames.map((k, i) => `${k}=${names[i]}`).join(',');
}

/** True when every piece of `p` is registered under its name, so `parsePolicy(policyName(p))` gives back `p`. */
export function policyIsNamed(p: Policy): boolean {
  return pieceNames.every((k) => isRegistered(k, p[k]));
}

export class PolicySpecError extends Error {}

/** Parses `old`, `new`, or a comma list `piece=NAME,...` of registered names (unlisted pieces are `new`). */
export function parsePolicy(spec: string): Policy {
  const t = spec.trim();
  if (t === 'old' || t === 'new') return policies[t];
  const choice: { [K in PieceName]?: string } = {};
  for (const part of t.split(',')) {
    const m = /^\s*([A-Za-z-]+)\s*=\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/.exec(part);
    if (!m) throw new PolicySpecError(`bad policy item "${part}": want piece=NAME, pieces: ${pieceNames.join(', ')}`);
    const piece = m[1] as PieceName;
    if (!pieceNames.includes(piece)) throw new PolicySpecError(`unknown policy piece "${m[1]}": pieces are ${pieceNames.join(', ')}`);
    try {
      getPiece(piece, m[2]!);
    } catch (e) {
      if (e instanceof PieceError) throw new PolicySpecError(`policy item "${part.trim()}": ${e.message}`);
      throw e;
    }
    choice[piece] = m[2]!;
  }
  return mixPolicy(choice);
}

/** The compile options a program run under p must be compiled with (its deferpanic piece's codegen). */
export function codegenOf(p: Policy): Codegen {
  return p.deferpanic.codegen ?? {};
}
