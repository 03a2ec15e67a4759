/**
 * Interface satisfaction (go/types missingMethod): whether T's method set has every method of an interface with
 * an identical signature, and go 1.19's wording of why not.
 */
import type * as A from '../ast.js';
import type { Pos } from '../diagnostics.js';
import type { InterfaceType, Type } from '../types.js';
import { emptyInterface, identical, typeString, underlying } from '../types.js';
import { methodSetLookup, methodSig, sortMethods } from './lookup.js';

/** Undefined when T implements iface; else the reason as go 1.19's types2 prints it: `(missing M method)`. */
export function missingMethod(T: Type, iface: Type): string | undefined {
  const ui = underlying(iface);
  if (ui.kind !== 'interface') return '(not an interface)';
  for (const m of ui.methods) {
    const s = methodSetLookup(T, m.name);
    if (s === undefined) return `(missing ${m.name} method)`;
    if (s === 'ptr') return `(${m.name} method has pointer receiver)`;
    const sig = s.kind === 'method' ? methodSig(s.method) : s.kind === 'imethod' ? s.imethod.sig : undefined;
    if (!sig || !identical(sig, m.sig)) {
      return `(wrong type for ${m.name} method)\n\t\thave ${m.name}${typeString(sig ?? m.sig).slice(4)}\n\t\twant ${m.name}${typeString(m.sig).slice(4)}`;
    }
  }
  return undefined;
}

export function implementsIface(T: Type, iface: Type): boolean {
  return missingMethod(T, iface) === undefined;
}

/** The methods of an interface type literal, embedded interfaces flattened (duplicates must be identical). */
export function interfaceMethods(t: Type): InterfaceType['methods'] {
  const u = underlying(t);
  return u.kind === 'interface' ? u.methods : [];
}

/**
 * An interface type literal: its methods and those of the interfaces it embeds, in itab order (sortMethods).
 * `typeOf` resolves a type expression (method signatures lazily, embedded interfaces fully).
 */
export function interfaceType(
  e: A.InterfaceTypeExpr,
  typeOf: (x: A.Expr, lazy: boolean) => Type,
  fail: (pos: Pos, msg: string) => never,
  posString: (pos: Pos) => string,
): InterfaceType {
  if (e.methods.length === 0) return emptyInterface;
  const ms = new Map<string, InterfaceType['methods'][number]>();
  const at = new Map<string, Pos>();
  const add = (m: InterfaceType['methods'][number], pos: Pos, explicit: boolean): void => {
    const have = ms.get(m.name);
    if (have) {
      if (explicit || !identical(have.sig, m.sig)) fail(pos, `duplicate method ${m.name}${explicit ? `\n\t${posString(at.get(m.name)!)}: other declaration of ${m.name}` : ''}`);
      return;
    }
    ms.set(m.name, m);
    at.set(m.name, pos);
  };
  for (const f of e.methods) {
    if (f.embedded) {
      const t = typeOf(f.typeExpr, false);
      const u = underlying(t);
      if (u.kind !== 'interface') fail(f.typeExpr.pos, `cannot use ${typeString(t)} in interface (not an interface)`);
      for (const m of u.methods) add(m, f.pos, false);
      continue;
    }
    const sig = typeOf(f.typeExpr, true);
    if (sig.kind !== 'func') fail(f.pos, 'invalid method signature');
    add({ name: f.names[0]!.name, sig }, f.names[0]!.pos, true);
  }
  return { kind: 'interface', methods: sortMethods([...ms.values()]) };
}

/** The name of an embedded field `T`, `*T`, `pkg.T`: T (an Ident at the type name's position). */
export function embeddedName(te: A.Expr): A.Ident {
  let x = te;
  while (x.kind === 'StarExpr' || x.kind === 'ParenExpr') x = x.x;
  if (x.kind === 'SelectorExpr') return { kind: 'Ident', pos: x.sel.pos, name: x.sel.name };
  if (x.kind === 'Ident') return { kind: 'Ident', pos: x.pos, name: x.name };
  return { kind: 'Ident', pos: te.pos, name: '?' };
}
