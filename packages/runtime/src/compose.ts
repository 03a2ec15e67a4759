// Building pieces from pieces. A piece is any object implementing its package's interface (CopystackPolicy,
// GCPolicy, DeferPanicPolicy, TracebackPolicy); these helpers are generic over all of them.
//  - derivePiece(base, overrides): a new piece with a new name, base's members, some methods replaced; a
//    replacement gets the base piece as an extra last argument so it can call the base's method.
//  - wrapPiece(piece, middleware): the same interface with hooks around each method call (observe, alter
//    arguments or results, or skip the call), in the spirit of vercel/ai's wrapLanguageModel.
// Invariants: the result is a plain object (own enumerable members, methods bound to the piece they came
// from); a method no hook covers is copied as is, so it costs nothing extra on a hot path.

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyFn = (...args: any[]) => any;

/** The keys of P whose members are methods. */
export type MethodKeys<P> = { [K in keyof P]-?: P[K] extends AnyFn ? K : never }[keyof P];
type Method<P, K extends keyof P> = P[K] extends AnyFn ? P[K] : never;
type Args<P, K extends keyof P> = Parameters<Method<P, K>>;
type Result<P, K extends keyof P> = ReturnType<Method<P, K>>;

/** Replacements for derivePiece: a new name, any data members, methods taking the base piece last. */
export type PieceOverrides<P extends { readonly name: string }> = { readonly name: string } & Partial<
  Omit<P, MethodKeys<P> | 'name'>
> & { readonly [K in MethodKeys<P>]?: (...args: [...Args<P, K>, base: P]) => Result<P, K> };

/** One method call seen by a middleware hook. */
export interface PieceCall<P, K extends MethodKeys<P>> {
  /** The wrapped (inner) piece. */
  readonly piece: P;
  readonly method: K;
  readonly args: Args<P, K>;
  /** Calls the inner piece's method (with these or altered arguments). */
  readonly next: (...args: Args<P, K>) => Result<P, K>;
}

export interface PieceMiddleware<P> {
  /** The wrapped piece's name (default: the inner piece's). */
  readonly name?: string;
  /** Around every method call (outermost). */
  readonly wrapCall?: <K extends MethodKeys<P>>(call: PieceCall<P, K>) => Result<P, K>;
  /** Around the calls of one method (inside wrapCall). */
  readonly wrap?: { readonly [K in MethodKeys<P>]?: (call: PieceCall<P, K>) => Result<P, K> };
}

/** Every member name of p: own and inherited (a class instance's methods), but not Object's. */
function memberKeys(p: object): string[] {
  const keys = new Set<string>();
  for (let o: object | null = p; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null)
    for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor') keys.add(k);
  return [...keys];
}

/** A plain-object copy of p with its methods bound to p. */
function flatten<P extends object>(p: P): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of memberKeys(p)) {
    const v = (p as Record<string, unknown>)[k];
    out[k] = typeof v === 'function' ? (v as AnyFn).bind(p) : v;
  }
  return out;
}

/** A new piece: base's members with the overrides' name, data and methods. */
export function derivePiece<P extends { readonly name: string }>(base: P, overrides: PieceOverrides<P>): P {
  const out = flatten(base);
  for (const k of Object.keys(overrides)) {
    const v = (overrides as Record<string, unknown>)[k];
    out[k] = typeof v === 'function' && typeof out[k] === 'function' ? (...args: unknown[]) => (v as AnyFn)(...args, base) : v;
  }
  return out as P;
}

/** The piece with the middleware's hooks around its method calls. */
export function wrapPiece<P extends { readonly name: string }>(piece: P, middleware: PieceMiddleware<P>): P {
  const out = flatten(piece);
  const around = middleware.wrapCall as ((c: PieceCall<P, MethodKeys<P>>) => unknown) | undefined;
  for (const k of memberKeys(piece)) {
    const inner = out[k];
    if (typeof inner !== 'function') continue;
    const method = k as MethodKeys<P>;
    const one = middleware.wrap?.[method] as ((c: PieceCall<P, MethodKeys<P>>) => unknown) | undefined;
    if (around === undefined && one === undefined) continue;
    const call = one === undefined ? (inner as AnyFn) : (...args: any[]) => one({ piece, method, args: args as Args<P, MethodKeys<P>>, next: inner as AnyFn });
    out[k] = around === undefined ? call : (...args: any[]) => around({ piece, method, args: args as Args<P, MethodKeys<P>>, next: call });
  }
  if (middleware.name !== undefined) out['name'] = middleware.name;
  return out as P;
}
