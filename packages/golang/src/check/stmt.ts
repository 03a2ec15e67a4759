/**
 * Statements: blocks, simple statements, if/for/switch/type switch, branches and returns.
 */
import type * as A from '../ast.js';
import type { ConstObj, VarObj } from '../objects.js';
import { unparen } from '../parser.js';
import type { Type } from '../types.js';
import { defaultType, identical, isBoolean, isComplex, isFloat, isInteger, isInterface, isUntyped, T, typeString, underlying } from '../types.js';
import { SliceChecker } from './slice.js';
import { exprString } from './expr-string.js';
import { constKey } from './float.js';

export abstract class StmtChecker extends SliceChecker {
  protected abstract rangeStmt(s: A.RangeStmt): void; // check/range.ts
  protected stmtList(stmts: A.Stmt[]): void {
    for (let i = 0; i < stmts.length; i++) this.stmt(stmts[i]!, i === stmts.length - 1);
  }

  protected stmt(s: A.Stmt, last = false, inCase?: { switchStmt: A.SwitchStmt; lastClause: boolean }): void {
    const fn = this.fn!;
    this.at = s.pos;
    switch (s.kind) {
      case 'EmptyStmt': return;
      case 'BlockStmt': {
        // blocks and ifs recurse through this function only: programs nest them thousands deep
        const saved = this.openScope();
        try {
          for (let i = 0; i < s.stmts.length; i++) this.stmt(s.stmts[i]!, i === s.stmts.length - 1);
        } finally {
          this.closeScope(saved);
        }
        return;
      }
      case 'ExprStmt': {
        const x = unparen(s.x);
        this.expr(s.x, undefined, true);
        const okStmt = x.kind === 'CallExpr' ? !(x.callKind === 'conversion' || (x.callKind === 'builtin' && (['len', 'cap', 'new', 'make', 'append'].includes(x.builtin!) || x.builtin!.startsWith('unsafe.'))))
          : x.kind === 'UnaryExpr' && x.op === '<-';
        if (!okStmt) this.fail(s.x.pos, `${exprString(s.x)} (${this.describeKind(s.x)}) is not used`);
        return;
      }
      case 'SendStmt': {
        this.expr(s.chan);
        const ct = underlying(s.chan.type!);
        if (ct.kind !== 'chan') this.fail(s.pos, `invalid operation: cannot send to non-channel ${this.describe(s.chan)}`);
        if (ct.dir === 'recv') this.fail(s.pos, `invalid operation: cannot send to receive-only channel ${this.describe(s.chan)}`);
        this.expr(s.value, ct.elem);
        s.value = this.assign(s.value, ct.elem, 'send');
        return;
      }
      case 'IncDecStmt': {
        this.expr(s.x);
        if (!isInteger(s.x.type!) && !isFloat(s.x.type!) && !isComplex(s.x.type!)) this.fail(s.x.pos, `invalid operation: ${exprString(s.x)}${s.op} (non-numeric type ${typeString(s.x.type!)})`);
        this.checkAssignable(s.x);
        return;
      }
      case 'AssignStmt': this.assignStmt(s); return;
      case 'GoStmt': case 'DeferStmt': {
        const what = s.kind === 'GoStmt' ? 'go' : 'defer';
        this.expr(s.call, undefined, true);
        if (s.call.callKind === 'conversion') this.fail(s.call.pos, `${what} requires function call, not conversion`);
        if (s.call.callKind === 'builtin' && ['len', 'cap', 'new', 'make', 'append'].includes(s.call.builtin!)) {
          this.fail(s.call.pos, `${what} discards result of ${exprString(s.call)}`);
        }
        if (s.kind === 'DeferStmt') s.topLevel = fn.loopDepth === 1;
        return;
      }
      case 'ReturnStmt': this.returnStmt(s); return;
      case 'BranchStmt': {
        if (s.label || s.tok === 'goto') return; // resolved by check/labels.ts
        if (s.tok === 'break') {
          const t = fn.breakables[0];
          if (!t) this.fail(s.pos, 'break is not in a loop, switch, or select');
          s.target = t;
        } else if (s.tok === 'continue') {
          const t = fn.loops[0];
          if (!t) this.fail(s.pos, 'continue is not in a loop');
          s.target = t;
        } else {
          if (!inCase || !last) this.fail(s.pos, 'fallthrough statement out of place');
          if (inCase.lastClause) this.fail(s.pos, 'cannot fallthrough final case in switch');
          s.target = inCase.switchStmt;
        }
        return;
      }
      case 'IfStmt': {
        const saved = this.openScope();
        try {
          if (s.init) this.stmt(s.init);
          this.expr(s.cond);
          if (!isBoolean(s.cond.type!)) this.fail(s.cond.pos, `non-boolean condition in if statement`);
          this.convertUntyped(s.cond, T.bool, 'if');
          this.stmt(s.then);
          if (s.else) this.stmt(s.else);
        } finally {
          this.closeScope(saved);
        }
        return;
      }
      case 'ForStmt':
        this.withScope(() => {
          if (s.init) this.stmt(s.init);
          fn.loopDepth++;
          try {
            if (s.cond) {
              this.expr(s.cond);
              if (!isBoolean(s.cond.type!)) this.fail(s.cond.pos, `non-boolean condition in for statement`);
              this.convertUntyped(s.cond, T.bool, 'for');
            }
            if (s.post) {
              if (s.post.kind === 'AssignStmt' && s.post.tok === ':=') this.fail(s.post.pos, 'cannot declare in post statement of for loop');
              this.stmt(s.post);
            }
            this.loopBody(s);
          } finally {
            fn.loopDepth--;
          }
        });
        return;
      case 'SwitchStmt': this.switchStmt(s); return;
      case 'TypeSwitchStmt': this.typeSwitchStmt(s); return;
      case 'DeclStmt':
        for (const spec of s.specs) {
          if (spec.kind === 'VarSpec') {
            this.varSpec(spec, undefined);
          } else if (spec.kind === 'ConstSpec') {
            spec.names.forEach((id, i) => {
              const obj: ConstObj = { kind: 'const', name: id.name, type: T.untypedInt, value: { kind: 'int', value: 0n }, pos: id.pos, decl: spec };
              this.resolveConst(obj, spec, i);
              if (id.name !== '_') {
                if (this.scope.names.has(id.name)) this.fail(id.pos, `${id.name} redeclared in this block`);
                this.scope.names.set(id.name, obj);
              }
              id.obj = obj;
            });
          } else {
            this.localTypeSpec(spec); // check/localtype.ts
          }
        }
        return;
      case 'RangeStmt': this.rangeStmt(s); return;
      // falls through (unreachable)
      case 'LabeledStmt': this.stmt(s.stmt, last, inCase); return;
      case 'SelectStmt': this.selectStmt(s); return;
    }
  }

  protected abstract selectStmt(s: A.SelectStmt): void;
  protected abstract localTypeSpec(spec: A.TypeSpec): void;

  protected returnStmt(s: A.ReturnStmt): void {
    const fn = this.fn!;
    const want = fn.sig.results;
    if (s.results.length === 0) {
      if (want.length > 0 && fn.results.some((r) => r.name.startsWith('~'))) {
        this.fail(s.pos, `not enough return values\n\thave ()\n\twant (${want.map(typeString).join(', ')})`);
      }
      return;
    }
    if (s.results.length === 1 && want.length > 1) {
      const t = this.multiValueReturn(s.results[0]!);
      if (t && t.length === want.length && t.every((x, i) => this.assignableType(x, want[i]!))) return;
    }
    if (want.length === 0) {
      this.fail(s.results[0]!.pos, 'too many return values');
    }
    s.results.forEach((r, i) => {
      this.expr(r, want[i]);
      this.singleValue(r);
    });
    if (s.results.length !== want.length) {
      const have = s.results.map((r) => (r.mode === 'constant' && isUntyped(r.type!) ? 'number' : typeString(r.type!)));
      this.fail(s.results[0]!.pos, `${s.results.length < want.length ? 'not enough' : 'too many'} return values\n\thave (${have.join(', ')})\n\twant (${want.map(typeString).join(', ')})`);
    }
    s.results.forEach((r, i) => {
      s.results[i] = this.assign(r, want[i]!, 'return statement');
    });
  }

  protected multiValueReturn(e: A.Expr): Type[] | undefined {
    const x = unparen(e);
    if (x.kind !== 'CallExpr') return undefined;
    this.expr(e, undefined, true);
    return e.type?.kind === 'tuple' ? e.type.types : undefined;
  }

  protected switchStmt(s: A.SwitchStmt): void {
    const fn = this.fn!;
    this.withScope(() => {
      if (s.init) this.stmt(s.init);
      let tagType: Type = T.bool;
      if (s.tag) {
        this.expr(s.tag);
        this.singleValue(s.tag);
        this.convertUntyped(s.tag, defaultType(s.tag.type!), 'switch');
        tagType = s.tag.type!;
      }
      if (s.cases.filter((c) => c.isDefault).length > 1) this.fail(s.cases.filter((c) => c.isDefault)[1]!.pos, 'multiple defaults in switch');
      fn.breakables.unshift(s);
      // constant cases seen so far (by type and value), for go's duplicate case error
      const seen = new Map<string, A.Expr>();
      try {
        s.cases.forEach((c, ci) => {
          c.list.forEach((e, i) => {
            this.expr(e, tagType);
            this.singleValue(e);
            if (s.tag) {
              const cmp: A.BinaryExpr = { kind: 'BinaryExpr', pos: e.pos, op: '==', opPos: e.pos, x: s.tag, y: e };
              this.comparison(cmp, true);
              c.list[i] = cmp.y;
              if (e.mode === 'constant' && e.constValue && cmp.y === e) {
                const key = `${typeString(e.type!)} ${e.constValue.kind} ${constKey(e.constValue)}`;
                const prev = seen.get(key);
                if (prev) this.report(e.pos, `duplicate case ${this.describe(e)} in expression switch\n\t${this.posString(prev.pos)}: previous case`);
                else seen.set(key, e);
              }
            } else if (isInterface(e.type!)) {
              // the missing tag is `true`: an interface case compares with it (`case i:` with i interface{})
              const t: A.Ident = { kind: 'Ident', pos: e.pos, name: 'true' };
              this.expr(t);
              const cmp: A.BinaryExpr = { kind: 'BinaryExpr', pos: e.pos, op: '==', opPos: e.pos, x: e, y: t };
              this.comparison(cmp, false);
              c.list[i] = cmp;
            } else {
              if (!isBoolean(e.type!)) this.fail(e.pos, `invalid case ${exprString(e)} in switch (mismatched types ${typeString(e.type!)} and bool)`);
              this.convertUntyped(e, T.bool, 'switch');
            }
          });
          this.withScope(() => {
            c.body.forEach((st, i) => this.stmt(st, i === c.body.length - 1, { switchStmt: s, lastClause: ci === s.cases.length - 1 }));
          });
        });
      } finally {
        fn.breakables.shift();
      }
    });
  }

  protected typeSwitchStmt(s: A.TypeSwitchStmt): void {
    const fn = this.fn!;
    this.withScope(() => {
      if (s.init) this.stmt(s.init);
      const g = s.guard;
      this.expr(g.x);
      this.singleValue(g.x);
      const xt = g.x.type!;
      if (!isInterface(xt)) this.fail(g.x.pos, `${exprString(g.x)} (${this.describeKind(g.x)}) is not an interface`);
      g.type = xt;
      g.mode = 'value';
      if (s.bind) {
        s.bind.mode = 'novalue';
        s.bind.type = xt;
      }
      if (s.cases.filter((c) => c.isDefault).length > 1) this.fail(s.cases.filter((c) => c.isDefault)[1]!.pos, 'multiple defaults in switch');
      const clauseVars: VarObj[] = [];
      fn.breakables.unshift(s);
      // the cases seen so far (undefined: nil), for go's duplicate case error
      const seen: { t: Type | undefined; e: A.Expr }[] = [];
      const duplicate = (t: Type | undefined, e: A.Expr): void => {
        const prev = seen.find((x) => (x.t && t ? identical(x.t, t) : x.t === t));
        if (prev) this.report(e.pos, `duplicate case ${t ? typeString(t) : 'nil'} in type switch\n\t${this.posString(prev.e.pos)}: previous case`);
        else seen.push({ t, e });
      };
      try {
        for (const c of s.cases) {
          const caseTypes: (Type | undefined)[] = [];
          for (const e of c.list) {
            if (e.kind === 'Ident' && e.name === 'nil' && this.scope.lookup('nil')?.kind === 'nil') {
              e.obj = { kind: 'nil' };
              e.mode = 'nil';
              e.type = T.untypedNil;
              caseTypes.push(undefined);
              duplicate(undefined, e);
              continue;
            }
            const t = this.typeExpr(e);
            if (!isInterface(t) && !this.implements(t, xt)) this.fail(e.pos, `impossible type switch case: ${exprString(g.x)} (${this.describeKind(g.x)}) cannot have dynamic type ${typeString(t)}`);
            caseTypes.push(t);
            duplicate(t, e);
          }
          c.caseTypes = caseTypes;
          this.withScope(() => {
            if (s.bind) {
              const vt = caseTypes.length === 1 && caseTypes[0] ? caseTypes[0] : xt;
              const id: A.Ident = { kind: 'Ident', pos: s.bind.pos, name: s.bind.name };
              const v = this.declareLocal(id, vt);
              v.typeSwitchClause = c;
              c.implicitVar = v;
              clauseVars.push(v);
            }
            c.body.forEach((st) => {
              if (st.kind === 'BranchStmt' && st.tok === 'fallthrough') this.fail(st.pos, 'cannot fallthrough in type switch');
              this.stmt(st);
            });
          });
        }
      } finally {
        fn.breakables.shift();
      }
      if (s.bind && s.bind.name !== '_' && !clauseVars.some((v) => v.used)) this.report(s.bind.pos, `${s.bind.name} declared but not used`);
      if (s.bind) s.bind.obj = clauseVars[0];
    });
  }
}
