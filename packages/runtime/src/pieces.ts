// The registry of policy pieces by (kind, name). A piece is any object implementing its package's interface
// with its own `piece` (the kind) and any `name`; the stock `old` and `new` pieces are registered at load.
// Invariant: a (kind, name) pair names one object for the life of the process (re-registering the same
// object is allowed, another object under a taken name is an error), so a name always means one piece.

import { copystackCopyFirst, copystackGo113, copystackGo114, copystackNew, copystackOld, type CopystackPolicy } from '@gosim/copystack';
import { deferpanicGo113, deferpanicGo114, deferpanicGo122, deferpanicNew, deferpanicOld, type DeferPanicPolicy } from '@gosim/defer-panic';
import { gcGo113, gcNew, gcOld, type GCPolicy } from '@gosim/gc';
import { tracebackGo122, tracebackNew, tracebackOld, type TracebackPolicy } from '@gosim/traceback';

/** The four piece kinds, each with its package's interface. */
export interface PieceKinds {
  readonly deferpanic: DeferPanicPolicy;
  readonly traceback: TracebackPolicy;
  readonly gc: GCPolicy;
  readonly copystack: CopystackPolicy;
}

export type PieceName = keyof PieceKinds;
export const pieceNames: readonly PieceName[] = ['deferpanic', 'traceback', 'gc', 'copystack'];

/** A piece of kind K under any name (the mechanism never reads the name). */
export type Piece<K extends PieceName = PieceName> = Omit<PieceKinds[K], 'name'> & { readonly name: string };

/** Any piece of any kind. */
export type AnyPiece = { [K in PieceName]: Piece<K> }[PieceName];

export class PieceError extends Error {}

const registry: { [K in PieceName]: Map<string, PieceKinds[K]> } = {
  deferpanic: new Map(), traceback: new Map(), gc: new Map(), copystack: new Map(),
};

const nameRe = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** True for an object that has a known `piece` kind and a string `name` (the shape a module's export must have). */
export function isPiece(x: unknown): x is AnyPiece {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { piece?: unknown; name?: unknown };
  return typeof o.piece === 'string' && (pieceNames as readonly string[]).includes(o.piece) && typeof o.name === 'string';
}

/** Registers `piece` under (kind, piece.name); returns it as a piece of that kind. */
export function registerPiece<K extends PieceName>(kind: K, piece: Piece<K>): PieceKinds[K] {
  const p = piece as unknown as { piece?: unknown; name?: unknown };
  if (p.piece !== kind) throw new PieceError(`piece "${String(p.name)}" has piece: ${JSON.stringify(p.piece)}, want "${kind}"`);
  if (typeof p.name !== 'string' || !nameRe.test(p.name)) throw new PieceError(`bad ${kind} piece name ${JSON.stringify(p.name)}: want letters, digits, '-', '_' or '.'`);
  const have = registry[kind].get(p.name);
  if (have !== undefined && (have as unknown) !== piece) throw new PieceError(`a different ${kind} piece is already registered as "${p.name}"`);
  registry[kind].set(p.name, piece as unknown as PieceKinds[K]);
  return piece as unknown as PieceKinds[K];
}

/** The registered names of a kind, in registration order (`old`, `new` first). */
export function registeredNames(kind: PieceName): string[] {
  return [...registry[kind].keys()];
}

/** The piece registered under (kind, name); an unknown name is an error listing the registered ones. */
export function getPiece<K extends PieceName>(kind: K, name: string): PieceKinds[K] {
  const p = registry[kind].get(name);
  if (p === undefined) throw new PieceError(`unknown ${kind} piece "${name}": registered are ${registeredNames(kind).join(', ')}`);
  return p;
}

/** True when `piece` is the very object registered under its own name (so a name can stand for it, e.g. in a worker). */
export function isRegistered(kind: PieceName, piece: { readonly name: string }): boolean {
  return (registry[kind].get(piece.name) as unknown) === piece;
}

registerPiece('deferpanic', deferpanicOld);
registerPiece('deferpanic', deferpanicNew);
registerPiece('traceback', tracebackOld);
registerPiece('traceback', tracebackNew);
registerPiece('gc', gcOld);
registerPiece('gc', gcNew);
registerPiece('copystack', copystackOld);
registerPiece('copystack', copystackNew);
// Go's history after the CL, shipped as variants (`--policy copystack=copy-first`)
registerPiece('copystack', copystackCopyFirst);
// Go 1.13's stack-allocated _defer records (--policy deferpanic=go1.13,copystack=go1.13,gc=go1.13)
registerPiece('deferpanic', deferpanicGo113);
registerPiece('copystack', copystackGo113);
registerPiece('gc', gcGo113);
// Go 1.22's _panic iterator, and the continuation PCs it needs (`--policy deferpanic=go1.22,traceback=go1.22`)
registerPiece('deferpanic', deferpanicGo122);
registerPiece('traceback', tracebackGo122);
// Go 1.14's open-coded defers (--policy deferpanic=go1.14,copystack=go1.14,gc=go1.13,traceback=go1.22)
registerPiece('deferpanic', deferpanicGo114);
registerPiece('copystack', copystackGo114);
