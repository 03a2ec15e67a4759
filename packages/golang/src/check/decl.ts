/**
 * Package-level declarations (collected, then resolved lazily in dependency order) and function bodies.
 */
import type * as A from '../ast.js';
import type { Pos } from '../diagnostics.js';
import { GoError } from '../diagnostics.js';
import type { ConstObj, DeclObj, FuncNode, FuncObj, GoObject, TypeNameObj, VarObj } from '../objects.js';
import type { NamedType, Signature, Type } from '../types.js';
import { layoutStruct, sizeof, T, typeString, underlying } from '../types.js';
import type { FuncCtx } from './base.js';
import { checkBranches } from './labels.js';
import { PkgInitChecker } from './pkginit.js';
import type { CheckedPackage } from './checker.js';
import { exprString } from './expr-string.js';
import { isTerminatingList } from './terminating.js';
import { Scope } from './universe.js';

export class Checker extends PkgInitChecker {
  checkedPackage(): CheckedPackage {
    return {
      path: this.pkgPath, file: this.file, filename: this.file.filename, funcs: this.funcs, funcLits: this.funcLits,
      globals: this.globals, types: this.typeNames, vars: this.vars,
    };
  }

  /** The package-level names (what importers see; only exported ones are visible to them). */
  members(): ReadonlyMap<string, GoObject> {
    return this.pkg.names;
  }

  allVars(): readonly VarObj[] {
    return this.vars;
  }

  run(): void {
    if (this.pkgPath === 'main' && this.file.pkgName.name !== 'main') this.report(this.file.pkgName.pos, `package ${this.file.pkgName.name} is not a main package`);
    // 1. collect package-level names
    for (const d of this.file.decls) this.guard(() => this.collect(d));
    this.bindMethods();
    // 2. resolve types, constants, signatures, global vars (lazily, in source order)
    for (const [obj] of [...this.pending]) this.guard(() => this.force(obj, obj.pos));
    for (const s of this.structs) layoutStruct(s);
    // 3. function bodies
    for (const d of this.file.decls) {
      if (d.kind === 'FuncDecl' && d.body && d.sig) this.guard(() => this.funcBody(d));
    }
    // 4. sizes: types of 2^50 bytes or more do not fit linux/amd64's address space
    for (const st of this.structs) layoutStruct(st);
    const tooLarge = (t: Type, pos: Pos): void => {
      if (sizeof(t) >= 2 ** 50) this.report(pos, `type ${typeString(t)} larger than address space`);
    };
    for (const o of this.typeNames) if (o.type.kind === 'named') tooLarge(o.type.underlying, o.pos);
    for (const v of this.vars) if (v.varKind === 'global' || v.varKind === 'local') tooLarge(v.type, v.pos);
    if (this.pkgPath === 'main' && this.pkg.names.get('main')?.kind !== 'func') {
      this.report({ line: 1, col: 1, offset: 0 }, 'function main is undeclared in the main package');
    }
    if (this.runtimePkg && !this.runtimePkg.used) this.report(this.runtimePkg.pos, 'imported and not used: "runtime"');
    // a body whose checking stopped at an error may use an import after it: unused is then unknown
    const clean = this.diags.length === 0;
    if (clean && this.unsafePkg && !this.unsafePkg.used) this.report(this.unsafePkg.pos, 'imported and not used: "unsafe"');
    if (clean) for (const p of this.imported) if (!p.used) this.report(p.pos, `imported and not used: "${p.path}"`);
  }

  protected declarePkg(id: A.Ident, obj: GoObject): void {
    if (id.name === '_') return;
    if (id.name === 'init' || (id.name === 'main' && this.pkgPath === 'main' && obj.kind !== 'func')) {
      this.fail(id.pos, `cannot declare ${id.name} - must be func`);
    }
    const prev = this.pkg.names.get(id.name);
    if (prev?.kind === 'package') {
      this.fail(id.pos, `${id.name} already declared through import of package ${prev.path} ("${prev.path}")\n\t${this.posString(prev.pos)}: other declaration of ${id.name}`);
    }
    if (prev) this.fail(id.pos, `${id.name} redeclared in this block`);
    if (id.name === 'runtime' && this.runtimePkg) this.fail(id.pos, `runtime already declared through import of package runtime`);
    this.pkg.names.set(id.name, obj);
    id.obj = obj;
  }

  protected collect(d: A.Decl): void {
    switch (d.kind) {
      case 'FuncDecl': {
        if (d.recv) return this.collectMethod(d); // check/method.ts
        if (d.name.name === 'init') return this.initFunc(d);
        // a standard package's bodyless function is a runtime function (program/src/isa/rtfuncs.ts)
        if (!d.body && this.pkgPath === 'main') this.fail(d.name.pos, `missing function body`);
        if (d.name.name === 'main' && this.pkgPath === 'main' && (d.typeExpr.params.length > 0 || d.typeExpr.results.length > 0)) {
          this.fail(d.name.pos, 'func main must have no arguments and no return values');
        }
        const obj: FuncObj = { kind: 'func', name: d.name.name, type: { kind: 'func', params: [], results: [], variadic: false }, pos: d.name.pos, decl: d };
        this.declarePkg(d.name, obj);
        d.obj = obj;
        d.goName = `${this.pkgPath}.${d.name.name}`;
        this.funcs.push(d);
        this.pending.set(obj, () => {
          obj.type = this.signature(d.typeExpr);
          d.sig = obj.type;
        });
        return;
      }
      case 'TypeSpec': {
        const obj: TypeNameObj = { kind: 'typename', name: d.name.name, type: T.int, pos: d.name.pos, decl: d };
        if (!d.alias) obj.type = { kind: 'named', pkg: this.pkgPath, name: d.name.name, underlying: T.int } satisfies NamedType;
        d.obj = obj;
        this.typeSpecOf.set(obj, d);
        this.typeNames.push(obj);
        this.declarePkg(d.name, obj);
        this.pending.set(obj, () => this.resolveTypeName(obj));
        return;
      }
      case 'ConstSpec': {
        d.names.forEach((id, i) => {
          const obj: ConstObj = { kind: 'const', name: id.name, type: T.untypedInt, value: { kind: 'int', value: 0n }, pos: id.pos, decl: d };
          this.declarePkg(id, obj);
          id.obj = obj;
          this.pending.set(obj, () => this.resolveConst(obj, d, i));
        });
        return;
      }
      case 'VarSpec': {
        const objs = d.names.map((id) => {
          const v = this.newVar(id, T.int, 'global', undefined);
          this.declarePkg(id, v);
          this.globals.push(v);
          this.varSpecOf.set(v, d);
          return v;
        });
        this.pending.set(objs[0]!, () => this.resolveGlobalVarSpec(d, objs));
        for (const v of objs.slice(1)) this.pending.set(v, () => this.resolveGlobalVarSpec(d, objs));
        return;
      }
    }
  }

  /** Resolve a pending package-level object now (on first use or in source order). */
  protected force(obj: DeclObj, pos: Pos): void {
    const f = this.pending.get(obj);
    if (!f) return;
    if (this.resolving.has(obj)) {
      if (obj.kind === 'typename') this.cycleError(obj);
      this.fail(pos, `initialization cycle or invalid recursive reference to ${obj.name}`);
    }
    this.resolving.add(obj);
    try {
      f();
    } finally {
      this.resolving.delete(obj);
      this.pending.delete(obj);
    }
    if (obj.kind === 'typename' && this.typeDeclDepth === 0) {
      for (let o = this.lazyTypes.shift(); o; o = this.lazyTypes.shift()) this.force(o, o.pos);
    }
  }

  /** A type declaration that refers to itself not through a pointer, slice, chan or func: reported as go does. */
  private cycleError(obj: TypeNameObj): never {
    const path = [...this.resolving];
    const cycle = path.slice(path.indexOf(obj));
    // start from the declaration first in the source
    const first = cycle.reduce((a, b, i) => (b.pos.offset < cycle[a]!.pos.offset ? i : a), 0);
    const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
    const at = (o: { pos: Pos }): string => this.posString(o.pos);
    const start = ordered[0]!;
    const lines = ordered.map((o) => `\t${at(o)}: ${o.name} refers to`);
    this.fail(start.pos, `invalid recursive type ${start.name}\n${lines.join('\n')}\n\t${at(start)}: ${start.name}`);
  }

  /** Resolve a type declaration in `scope` (a local one's block, check/localtype.ts). */
  protected resolveTypeName(obj: TypeNameObj, scope: Scope = this.pkg): void {
    const spec = this.typeSpecOf.get(obj)!;
    const saved = this.scope;
    this.scope = scope;
    this.typeDeclDepth++;
    try {
      const t = this.typeExpr(spec.typeExpr);
      if (spec.alias) obj.type = t;
      else (obj.type as NamedType).underlying = underlying(t);
    } finally {
      this.scope = saved;
      this.typeDeclDepth--;
    }
  }

  protected resolveConst(obj: ConstObj, spec: A.ConstSpec, i: number): void {
    const saved = this.scope;
    const savedIota = this.iota;
    this.iota = spec.iota;
    try {
      const x = spec.values[i];
      if (!x) this.fail(obj.pos, spec.values.length === 0 ? 'missing init expr for const declaration' : 'missing init expr for const declaration');
      this.expr(x);
      if (x.mode !== 'constant' || !x.constValue) this.fail(x.pos, `${exprString(x)} (${this.describeKind(x)}) is not constant`);
      let type = x.type!;
      if (spec.typeExpr) {
        const t = this.typeExpr(spec.typeExpr);
        this.convertUntyped(x, t, 'constant declaration');
        type = t;
      }
      obj.type = type;
      obj.value = x.constValue;
      if (spec.values.length > spec.names.length && i === spec.names.length - 1) {
        this.fail(spec.values[spec.names.length]!.pos, 'extra init expr');
      }
      if (spec.values.length < spec.names.length) this.fail(obj.pos, 'missing init expr for const declaration');
    } catch (err) {
      // go reports an error in an inherited expression at the constant it was inherited for
      if (spec.implicit && err instanceof GoError) throw new GoError({ ...err.diagnostic, pos: obj.pos });
      throw err;
    } finally {
      this.scope = saved;
      this.iota = savedIota;
    }
  }

  protected resolveGlobalVarSpec(spec: A.VarSpec, objs: VarObj[]): void {
    for (const v of objs) this.pending.delete(v);
    const saved = this.scope;
    this.scope = this.pkg;
    this.globalInitScope = true;
    try {
      this.varSpec(spec, objs);
    } finally {
      this.scope = saved;
      this.globalInitScope = false;
    }
  }

  protected funcBody(d: A.FuncDecl): void {
    const sig = d.sig!;
    const te = d.recv ? { ...d.typeExpr, params: [d.recv, ...d.typeExpr.params] } : d.typeExpr;
    this.enterFunc(d, te, sig, undefined, d.goName!, d.body!);
  }

  protected enterFunc(node: FuncNode, te: A.FuncTypeExpr, sig: Signature, outer: FuncCtx | undefined, goName: string, body: A.BlockStmt): void {
    const savedScope = this.scope;
    const savedFn = this.fn;
    const savedIota = this.iota;
    this.iota = undefined;
    this.scope = new Scope(savedScope, 'func');
    const ctx: FuncCtx = { node, sig, results: [], outer, loopDepth: 1, breakables: [], loops: [], locals: [], closureCount: 0, goName };
    this.fn = ctx;
    try {
      const params: VarObj[] = [];
      let k = 0;
      for (const f of te.params) {
        if (f.names.length === 0) { params.push(this.anonVar(`~p${k}`, sig.params[k]!, 'param', f.pos)); k++; }
        for (const n of f.names) params.push(this.declareLocal(n, sig.params[k++]!, 'param'));
      }
      const results: VarObj[] = [];
      k = 0;
      for (const f of te.results) {
        if (f.names.length === 0) { results.push(this.anonVar(`~r${k}`, sig.results[k]!, 'result', f.pos)); k++; }
        for (const n of f.names) results.push(this.declareLocal(n, sig.results[k++]!, 'result'));
      }
      ctx.results = results;
      ctx.locals = [];
      node.params = params;
      node.results = results;
      checkBranches(body, (p, m) => this.fail(p, m), (p) => this.posString(p));
      this.block(body.stmts, body.rbrace, sig);
      node.locals = ctx.locals;
    } finally {
      this.scope = savedScope;
      this.fn = savedFn;
      this.iota = savedIota;
    }
  }

  private block(stmts: A.Stmt[], end: Pos, sig: Signature): void {
    for (let i = 0; i < stmts.length; i++) this.stmt(stmts[i]!, i === stmts.length - 1);
    this.unusedIn(this.scope);
    if (sig.results.length > 0 && !isTerminatingList(stmts)) this.fail(end, 'missing return');
  }
}

