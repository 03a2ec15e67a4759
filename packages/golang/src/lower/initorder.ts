/**
 * Package initialization order, as go/types computes it: a package-level variable depends on every variable its
 * initializer refers to, where a reference to a function counts as references to everything that function's body
 * refers to, transitively. At each step the variable with the fewest uninitialized dependencies goes next, ties in
 * declaration order; a `var a, b = f()` spec is initialized as one. A variable without an initializer has no
 * code (its zero value is in the data segment) but still takes its turn.
 */
import type * as A from '../ast.js';
import type { FuncObj, VarObj } from '../objects.js';
import { walkNode } from '../escape.js';
import { GoError } from '../diagnostics.js';

type Obj = VarObj | FuncObj;

/**
 * The package-level variables and functions a node refers to (not following function bodies): by name, or as
 * the resolved callee of a call (a method call names its method through the selector).
 */
function directRefs(root: A.Node | undefined, out: Set<Obj>, globals: Set<VarObj>): void {
  walkNode(root, (n) => {
    if (!('kind' in n)) return;
    if (n.kind === 'CallExpr' && n.callee) out.add(n.callee);
    if (n.kind !== 'Ident' || !n.obj) return;
    if (n.obj.kind === 'func' || (n.obj.kind === 'var' && globals.has(n.obj))) out.add(n.obj);
  });
}

/** The var specs with initializers, in the order their initialization code runs. */
export function initOrder(file: A.File, globalVars: readonly VarObj[], filename: string): A.VarSpec[] {
  const globals = new Set(globalVars);
  const specs: A.VarSpec[] = [];
  const specOf = new Map<VarObj, A.VarSpec>();
  for (const d of file.decls) {
    if (d.kind !== 'VarSpec' || d.values.length === 0) continue;
    // `var a, b = x, y` initializes each name on its own; only `var a, b = f()` is one step
    const parts = d.values.length === d.names.length ? d.names.map((n, i) => ({ ...d, names: [n], values: [d.values[i]!] })) : [d];
    for (const sp of parts) {
      specs.push(sp);
      for (const n of sp.names) if (n.obj?.kind === 'var') specOf.set(n.obj, sp);
    }
  }
  if (specs.length === 0) return specs;

  // the reference graph: var spec -> objects its values name; function -> objects its body names
  const refs = new Map<A.VarSpec | FuncObj, Set<Obj>>();
  const refsOf = (x: A.VarSpec | FuncObj): Set<Obj> => {
    let s = refs.get(x);
    if (!s) {
      s = new Set();
      if ('kind' in x && x.kind === 'VarSpec') for (const v of x.values) directRefs(v, s, globals);
      else directRefs((x as FuncObj).decl.body, s, globals);
      refs.set(x, s);
    }
    return s;
  };
  const nodeOf = (o: Obj): A.VarSpec | FuncObj | undefined => (o.kind === 'func' ? o : specOf.get(o));

  // each spec's dependencies: the variables it names, directly or through functions (transitively)
  const deps = new Map<A.VarSpec, Set<VarObj>>();
  for (const sp of specs) {
    const d = new Set<VarObj>();
    const seen = new Set<FuncObj>();
    const work: Obj[] = [...refsOf(sp)];
    while (work.length > 0) {
      const o = work.pop()!;
      if (o.kind === 'var') d.add(o);
      else if (!seen.has(o)) {
        seen.add(o);
        work.push(...refsOf(o));
      }
    }
    deps.set(sp, d);
  }

  // go/types' order (initorder.go): every package-level variable is a node counting its not yet initialized
  // dependencies; the node with the fewest goes next, ties in declaration order (issue43444: `var e = f("e")`
  // runs before `var a = f("a", x)` when x is declared after e).
  const varDeps = new Map<VarObj, Set<VarObj>>();
  for (const v of globalVars) {
    const sp = specOf.get(v);
    varDeps.set(v, sp ? deps.get(sp)! : new Set());
  }
  const declOrder = [...globalVars].sort((x, y) => x.pos.offset - y.pos.offset);
  const emitted = new Set<VarObj>();
  const done = new Set<A.VarSpec>();
  const order: A.VarSpec[] = [];
  while (emitted.size < declOrder.length) {
    let best: VarObj | undefined;
    let bestN = Infinity;
    for (const v of declOrder) {
      if (emitted.has(v)) continue;
      let n = 0;
      for (const d of varDeps.get(v)!) if (!emitted.has(d)) n++;
      if (n < bestN) { best = v; bestN = n; }
    }
    const sp = specOf.get(best!);
    if (bestN > 0 && sp) {
      const succ = (o: Obj): Set<Obj> => {
        const n = nodeOf(o);
        return n ? refsOf(n) : new Set();
      };
      const e = cycleError(sp, succ, specOf, filename);
      throw e ?? new GoError({ kind: 'type', filename, pos: sp.pos, message: 'initialization loop' });
    }
    emitted.add(best!);
    if (sp && !done.has(sp)) { done.add(sp); order.push(sp); }
  }
  return order;
}

/** `initialization loop for x` with the shortest chain of references from x back to it, as Go reports it. */
function cycleError(sp: A.VarSpec, succ: (o: Obj) => Set<Obj>, specOf: Map<VarObj, A.VarSpec>, filename: string): GoError | undefined {
  const v = sp.names.map((n) => n.obj).find((o): o is VarObj => o?.kind === 'var' && specOf.get(o) === sp);
  if (!v) return undefined;
  const prev = new Map<Obj, Obj>();
  const queue: Obj[] = [v];
  let last: Obj | undefined;
  let back: Obj | undefined;
  search: while (queue.length > 0) {
    const o = queue.shift()!;
    for (const r of succ(o)) {
      if (r.kind === 'var' && specOf.get(r) === sp) {
        last = o;
        back = r;
        break search;
      }
      if (!prev.has(r)) {
        prev.set(r, o);
        queue.push(r);
      }
    }
  }
  if (!last || !back) return undefined;
  const chain: Obj[] = [back];
  for (let o: Obj | undefined = last; o !== undefined; o = o === v ? undefined : prev.get(o)) chain.unshift(o);
  const lines = chain.map((o, i) => `\t${filename}:${o.pos.line}:${o.pos.col}: ${o.name}${i < chain.length - 1 ? ' refers to' : ''}`);
  return new GoError({ kind: 'type', filename, pos: v.pos, message: [`initialization loop for ${v.name}`, ...lines].join('\n') });
}
