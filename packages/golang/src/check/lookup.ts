/**
 * Field and method lookup with embedding and promotion (go/types lookup.go): a breadth-first search by embedding
 * depth; the shallowest match wins, two matches at the same depth are ambiguous. Method sets follow from it: a
 * pointer-receiver method is in the method set of T only when it is reached through an embedded pointer.
 */
import type { InterfaceMethod, NamedMethod, NamedType, Signature, StructField, Type } from '../types.js';
import { layoutStruct, underlying } from '../types.js';

/** A method selected by `x.M` / `T.M`, as the lowering needs it. */
export interface MethodSel {
  /** A declared method of a named type, or an interface's method. */
  named?: NamedMethod;
  imethod?: InterfaceMethod;
  /** The method's type without receiver. */
  sig: Signature;
  /** For a method expression: the receiver type as written (`T`, `*T`, an interface) and the embedded fields from it to the method's receiver. */
  recvType?: Type;
  path?: StructField[];
}

export type Selection =
  | { kind: 'field'; path: StructField[]; field: StructField }
  | { kind: 'method'; path: StructField[]; method: NamedMethod; indirect: boolean }
  | { kind: 'imethod'; path: StructField[]; imethod: InterfaceMethod; indirect: boolean }
  | { kind: 'ambiguous' };

interface Entry { t: Type; path: StructField[]; indirect: boolean }

/** The method's type without its receiver. */
export function methodSig(m: NamedMethod): Signature {
  const s = m.obj.type;
  return { kind: 'func', params: s.params.slice(1), results: s.results, variadic: s.variadic };
}

/**
 * Look up `name` in T (a pointer to a named type also finds the named type's methods and, for a struct, its
 * fields). Undefined when nothing matches.
 */
export function lookupFieldOrMethod(T: Type, name: string): Selection | undefined {
  let t = T;
  let indirect = false;
  if (t.kind === 'pointer') {
    t = t.elem;
    indirect = true;
  } else if (t.kind !== 'named') {
    const u = underlying(t);
    if (u.kind === 'pointer') { t = u.elem; indirect = true; }
  }
  let current: Entry[] = [{ t, path: [], indirect }];
  const seen = new Set<NamedType>();
  while (current.length > 0) {
    const next: Entry[] = [];
    const found: Selection[] = [];
    for (const e of current) {
      let et = e.t;
      if (et.kind === 'named') {
        if (seen.has(et)) continue;
        seen.add(et);
        const m = et.methods?.find((x) => x.name === name);
        if (m) { found.push({ kind: 'method', path: e.path, method: m, indirect: e.indirect }); continue; }
        et = et.underlying;
      }
      const u = underlying(et);
      if (u.kind === 'struct') {
        layoutStruct(u);
        for (const f of u.fields) {
          if (f.name === name) found.push({ kind: 'field', path: e.path, field: f });
          if (!f.embedded) continue;
          let ft = f.type;
          let ind = e.indirect;
          const fu = ft.kind === 'pointer' ? ft : undefined;
          if (fu) { ft = fu.elem; ind = true; }
          next.push({ t: ft, path: [...e.path, f], indirect: ind });
        }
      } else if (u.kind === 'interface') {
        const m = u.methods.find((x) => x.name === name);
        if (m) found.push({ kind: 'imethod', path: e.path, imethod: m, indirect: e.indirect });
      }
    }
    if (found.length === 1) return found[0];
    if (found.length > 1) return { kind: 'ambiguous' };
    current = next;
  }
  return undefined;
}

/** A method of T's method set: its selection, or why not (undefined: none; 'ptr': only *T has it). */
export function methodSetLookup(T: Type, name: string): Selection | 'ptr' | undefined {
  const isPtr = underlying(T).kind === 'pointer' && T.kind !== 'named';
  if (underlying(T).kind === 'interface') {
    const m = (underlying(T) as { methods: InterfaceMethod[] }).methods.find((x) => x.name === name);
    return m ? { kind: 'imethod', path: [], imethod: m, indirect: false } : undefined;
  }
  if (T.kind === 'named' && underlying(T).kind === 'pointer') return undefined; // a defined pointer type has no methods
  const s = lookupFieldOrMethod(T, name);
  if (!s || s.kind === 'field' || s.kind === 'ambiguous') return undefined;
  if (s.kind === 'method' && s.method.ptrRecv && !isPtr && !s.indirect) return 'ptr';
  return s;
}

/** Interface methods in Go's itab order: exported names first, then by name. */
export function sortMethods<M extends { name: string }>(ms: readonly M[]): M[] {
  const exported = (n: string): boolean => /^[A-Z]/.test(n);
  return [...ms].sort((a, b) => (exported(a.name) !== exported(b.name) ? (exported(a.name) ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
