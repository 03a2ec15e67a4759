/** Parsing statements and blocks. */
import type * as A from './ast.js';
import { unparen } from './parse-base.js';
import { ExprParser } from './parse-expr.js';

const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);

export abstract class StmtParser extends ExprParser {
  protected block(): A.BlockStmt {
    const pos = this.want('{').pos;
    const stmts = this.stmtList();
    const rbrace = this.tok.pos;
    if (!this.is('}')) this.unexpected(this.atEOF() ? ', expecting }' : ', expecting }');
    this.next();
    return { kind: 'BlockStmt', pos, stmts, rbrace };
  }

  protected stmtList(): A.Stmt[] {
    const stmts: A.Stmt[] = [];
    while (!this.is('}') && !this.is('case') && !this.is('default') && !this.atEOF()) {
      if (this.is(';')) { this.next(); continue; }
      stmts.push(this.stmt());
      if (this.is('}') || this.is('case') || this.is('default')) break;
      if (!this.got(';')) this.unexpected(' at end of statement');
    }
    return stmts;
  }

  protected stmt(): A.Stmt {
    const t = this.tok;
    const pos = t.pos;
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'var': case 'const': case 'type':
          return { kind: 'DeclStmt', pos, specs: this.genDecl() };
        case 'return': {
          this.next();
          const results = this.is(';') || this.is('}') ? [] : this.exprList();
          return { kind: 'ReturnStmt', pos, results };
        }
        case 'break': case 'continue': case 'goto': case 'fallthrough': {
          this.next();
          let label: A.Ident | undefined;
          if (t.text !== 'fallthrough' && this.tok.kind === 'ident') label = this.ident();
          return { kind: 'BranchStmt', pos, tok: t.text, ...(label ? { label } : {}) };
        }
        case 'go': case 'defer': {
          this.next();
          const x = this.expr();
          const call = unparen(x);
          if (call.kind !== 'CallExpr') {
            this.error(x.pos, `syntax error: expression in ${t.text} must be function call`);
          }
          if (x.kind === 'ParenExpr') this.error(x.pos, `syntax error: expression in ${t.text} must not be parenthesized`);
          return t.text === 'go' ? { kind: 'GoStmt', pos, call } : { kind: 'DeferStmt', pos, call };
        }
        case 'if': return this.ifStmt();
        case 'for': return this.forStmt();
        case 'switch': return this.switchStmt();
        case 'select': return this.selectStmt();
        case 'func':
          break;
        default:
          break;
      }
    }
    if (this.is('{')) return this.block();
    if (this.is(';')) return { kind: 'EmptyStmt', pos };
    if (t.kind === 'ident' && this.peek().kind === 'op' && this.peek().text === ':' ) {
      const label = this.ident();
      this.next();
      if (this.is('}')) return { kind: 'LabeledStmt', pos, label, stmt: { kind: 'EmptyStmt', pos: this.tok.pos } };
      return { kind: 'LabeledStmt', pos, label, stmt: this.stmt() };
    }
    return this.simpleStmt();
  }

  protected simpleStmt(rangeOk = false): A.Stmt {
    const pos = this.tok.pos;
    if (rangeOk && this.is('range')) {
      this.next();
      return { kind: 'RangeStmt', pos, x: this.expr(), body: { kind: 'BlockStmt', pos, stmts: [], rbrace: pos } };
    }
    const lhs = this.exprList();
    const t = this.tok;
    if (t.kind === 'op' && ASSIGN_OPS.has(t.text)) {
      this.next();
      if (rangeOk && this.is('range') && (t.text === '=' || t.text === ':=')) {
        this.next();
        const x = this.expr();
        return {
          kind: 'RangeStmt', pos, ...(lhs[0] ? { key: lhs[0] } : {}), ...(lhs[1] ? { value: lhs[1] } : {}), tok: t.text,
          x, body: { kind: 'BlockStmt', pos, stmts: [], rbrace: pos },
        };
      }
      const rhs = this.exprList();
      if (t.text !== '=' && t.text !== ':=' && (lhs.length > 1 || rhs.length > 1)) {
        this.error(t.pos, `syntax error: unexpected ${t.text}, expecting := or = or comma`);
      }
      return { kind: 'AssignStmt', pos: t.pos, lhs, tok: t.text as A.AssignTok, rhs };
    }
    if (lhs.length > 1) this.unexpected(', expecting := or = or comma');
    const x = lhs[0]!;
    if (this.is('++') || this.is('--')) {
      const op = this.next().text as '++' | '--';
      return { kind: 'IncDecStmt', pos: x.pos, x, op };
    }
    if (this.is('<-')) {
      const arrow = this.next();
      const value = this.expr();
      return { kind: 'SendStmt', pos: arrow.pos, chan: x, value };
    }
    return { kind: 'ExprStmt', pos: x.pos, x };
  }

  /** The header of if/for/switch: `[init;] cond` with composite literals restricted. */
  protected header(kw: string): { init?: A.Stmt; cond?: A.Stmt; post?: A.Stmt } {
    if (this.is('{')) {
      if (kw === 'if') this.error(this.tok.pos, 'missing condition in if statement');
      return {};
    }
    const lev = this.exprLev;
    this.exprLev = -1;
    let init: A.Stmt | undefined;
    let cond: A.Stmt | undefined;
    let post: A.Stmt | undefined;
    if (!this.is(';')) init = this.simpleStmt(kw === 'for');
    if (init?.kind === 'RangeStmt') {
      this.exprLev = lev;
      return { init };
    }
    if (this.is(';')) {
      const semi = this.next();
      if (kw === 'for') {
        if (!this.is(';')) {
          if (this.is('{')) this.error(this.tok.pos, 'syntax error: expected for loop condition');
          cond = this.simpleStmt();
        }
        this.want(';', ', expecting for loop condition');
        if (!this.is('{')) post = this.simpleStmt();
      } else if (!this.is('{')) {
        cond = this.simpleStmt();
      } else if (kw === 'if') {
        this.error(semi.pos, 'missing condition in if statement');
      }
    } else {
      cond = init;
      init = undefined;
    }
    this.exprLev = lev;
    return { ...(init ? { init } : {}), ...(cond ? { cond } : {}), ...(post ? { post } : {}) };
  }

  protected condExpr(s: A.Stmt | undefined, kw: string): A.Expr | undefined {
    if (!s) return undefined;
    if (s.kind !== 'ExprStmt') {
      this.error(s.pos, `cannot use ${describeStmt(s)} as value`);
    }
    void kw;
    return s.x;
  }

  protected ifStmt(): A.IfStmt {
    const pos = this.next().pos;
    const h = this.header('if');
    const cond = this.condExpr(h.cond, 'if');
    if (!cond) this.error(pos, 'missing condition in if statement');
    const then = this.block();
    let els: A.IfStmt | A.BlockStmt | undefined;
    if (this.got('else')) {
      if (this.is('if')) els = this.ifStmt();
      else if (this.is('{')) els = this.block();
      else this.unexpected(', expecting if statement or block');
    }
    return { kind: 'IfStmt', pos, ...(h.init ? { init: h.init } : {}), cond, then, ...(els ? { else: els } : {}) };
  }

  protected forStmt(): A.ForStmt | A.RangeStmt {
    const pos = this.next().pos;
    const h = this.header('for');
    if (h.init?.kind === 'RangeStmt') {
      const r = h.init;
      r.pos = pos;
      r.body = this.block();
      return r;
    }
    const cond = this.condExpr(h.cond, 'for');
    const body = this.block();
    return {
      kind: 'ForStmt', pos, ...(h.init ? { init: h.init } : {}), ...(cond ? { cond } : {}),
      ...(h.post ? { post: h.post } : {}), body,
    };
  }

  protected switchStmt(): A.SwitchStmt | A.TypeSwitchStmt {
    const pos = this.next().pos;
    const h = this.header('switch');
    const lbrace = this.tok.pos;
    this.want('{');
    const cases: A.CaseClause[] = [];
    while (this.is('case') || this.is('default')) {
      const cpos = this.tok.pos;
      const isDefault = this.next().text === 'default';
      let list: A.Expr[] = [];
      if (!isDefault) {
        list = [this.exprOrType()];
        while (this.got(',')) list.push(this.exprOrType());
      }
      this.want(':');
      const body = this.stmtList();
      cases.push({ kind: 'CaseClause', pos: cpos, list, isDefault, body });
    }
    void lbrace;
    if (!this.is('}')) this.unexpected(', expecting case or default or }');
    this.next();
    const c = h.cond;
    // type switch: `x.(type)` or `v := x.(type)`
    if (c && c.kind === 'AssignStmt' && c.tok === ':=' && c.lhs.length === 1 && c.rhs.length === 1 &&
        c.rhs[0]!.kind === 'TypeAssertExpr' && !c.rhs[0]!.typeExpr && c.lhs[0]!.kind === 'Ident') {
      return { kind: 'TypeSwitchStmt', pos, ...(h.init ? { init: h.init } : {}), bind: c.lhs[0], guard: c.rhs[0], cases };
    }
    if (c && c.kind === 'ExprStmt' && c.x.kind === 'TypeAssertExpr' && !c.x.typeExpr) {
      return { kind: 'TypeSwitchStmt', pos, ...(h.init ? { init: h.init } : {}), guard: c.x, cases };
    }
    const tag = this.condExpr(c, 'switch');
    return { kind: 'SwitchStmt', pos, ...(h.init ? { init: h.init } : {}), ...(tag ? { tag } : {}), cases };
  }

  /** `select { case comm: ... default: ... }`; comm is a send, a receive, or an assignment of one. */
  protected selectStmt(): A.SelectStmt {
    const pos = this.next().pos;
    this.want('{');
    const cases: A.CommClause[] = [];
    while (this.is('case') || this.is('default')) {
      const cpos = this.tok.pos;
      const isDefault = this.next().text === 'default';
      const comm = isDefault ? undefined : this.simpleStmt();
      this.want(':');
      cases.push({ kind: 'CommClause', pos: cpos, ...(comm ? { comm } : {}), body: this.stmtList() });
    }
    if (!this.is('}')) this.unexpected(', expecting case or default or }');
    this.next();
    return { kind: 'SelectStmt', pos, cases };
  }
}

function describeStmt(s: A.Stmt): string {
  if (s.kind === 'AssignStmt') return s.tok === ':=' ? 'assignment' : 'assignment';
  return 'statement';
}
