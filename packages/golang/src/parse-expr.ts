/** Parsing expressions and types. */
import type * as A from './ast.js';
import type { Pos } from './diagnostics.js';
import { ParserBase } from './parse-base.js';

const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};

export abstract class ExprParser extends ParserBase {
  protected signature(pos: Pos): A.FuncTypeExpr {
    const params = this.params();
    let results: A.Field[] = [];
    if (this.is('(')) results = this.params();
    else if (this.startsType()) {
      const t = this.type();
      results = [{ pos: t.pos, names: [], typeExpr: t }];
    }
    return { kind: 'FuncTypeExpr', pos, params, results };
  }

  /** A parenthesized parameter list: either all named (`a, b int, c string`) or all types. */
  protected params(): A.Field[] {
    this.want('(');
    type Entry = { name?: A.Ident; type?: A.Expr; variadic: boolean; pos: Pos };
    const entries: Entry[] = [];
    while (!this.is(')')) {
      const pos = this.tok.pos;
      let variadic = false;
      if (this.got('...')) variadic = true;
      if (!variadic && this.tok.kind === 'ident' && !this.is('.')) {
        const nameTok = this.tok;
        // name Type | name , | Type (qualified or plain)
        const id = this.ident();
        if (this.is(',') || this.is(')')) entries.push({ type: id, variadic: false, pos });
        else if (this.is('.')) {
          this.next();
          const sel = this.ident();
          entries.push({ type: { kind: 'SelectorExpr', pos: nameTok.pos, x: id, sel }, variadic: false, pos });
        } else {
          const v = this.got('...');
          entries.push({ name: id, type: this.type(), variadic: v, pos });
        }
      } else {
        entries.push({ type: this.type(), variadic, pos });
      }
      if (!this.got(',')) {
        if (!this.is(')')) this.unexpected(', expecting comma or )');
      }
    }
    this.want(')');
    const named = entries.some((e) => e.name);
    const fields: A.Field[] = [];
    if (!named) {
      for (const e of entries) fields.push({ pos: e.pos, names: [], typeExpr: e.type!, ...(e.variadic ? { variadic: true } : {}) });
      return fields;
    }
    // grouping: `a, b int` — entries without a name are names whose type comes later
    let pending: A.Ident[] = [];
    for (const e of entries) {
      if (!e.name) {
        if (e.type?.kind !== 'Ident') this.error(e.pos, 'syntax error: mixed named and unnamed parameters');
        pending.push(e.type);
        continue;
      }
      fields.push({ pos: (pending[0] ?? e.name).pos, names: [...pending, e.name], typeExpr: e.type!, ...(e.variadic ? { variadic: true } : {}) });
      pending = [];
    }
    if (pending.length > 0) this.error(this.toks[this.i - 1]!.pos, 'syntax error: mixed named and unnamed parameters');
    return fields;
  }

  protected startsType(): boolean {
    const t = this.tok;
    if (t.kind === 'ident') return true;
    if (t.kind === 'keyword') return ['chan', 'func', 'struct', 'interface', 'map'].includes(t.text);
    return t.kind === 'op' && (t.text === '[' || t.text === '*' || t.text === '(' || t.text === '<-');
  }

  type(): A.Expr {
    const t = this.tok;
    const pos = t.pos;
    if (t.kind === 'ident') {
      const id = this.ident();
      if (this.is('.')) {
        this.next();
        const sel = this.ident();
        return { kind: 'SelectorExpr', pos, x: id, sel };
      }
      return id;
    }
    if (this.got('*')) return { kind: 'StarExpr', pos, x: this.type() };
    if (this.got('(')) {
      const x = this.type();
      this.want(')');
      return { kind: 'ParenExpr', pos, x };
    }
    if (this.got('[')) {
      if (this.got(']')) return { kind: 'ArrayTypeExpr', pos, elem: this.type() };
      if (this.got('...')) { this.want(']'); return { kind: 'ArrayTypeExpr', pos, elem: this.type(), dots: true }; }
      const lev = this.exprLev;
      this.exprLev++;
      const len = this.expr();
      this.exprLev = lev;
      this.want(']');
      return { kind: 'ArrayTypeExpr', pos, len, elem: this.type() };
    }
    if (this.got('<-')) {
      this.want('chan');
      return { kind: 'ChanTypeExpr', pos, dir: 'recv', elem: this.type() };
    }
    if (this.got('chan')) {
      if (this.got('<-')) return { kind: 'ChanTypeExpr', pos, dir: 'send', elem: this.type() };
      return { kind: 'ChanTypeExpr', pos, dir: 'both', elem: this.type() };
    }
    if (this.got('func')) return this.signature(pos);
    if (this.got('map')) {
      this.want('[');
      const key = this.type();
      this.want(']');
      return { kind: 'MapTypeExpr', pos, key, value: this.type() };
    }
    if (this.got('struct')) {
      this.want('{');
      const fields: A.Field[] = [];
      while (!this.is('}') && !this.atEOF()) {
        const fpos = this.tok.pos;
        const pk = this.peek();
        if (this.is('*') || (this.tok.kind === 'ident' && (pk.text === ';' || pk.text === '}' || pk.text === '.' || pk.kind === 'string'))) {
          // an embedded field: T, *T, pkg.T (its name is the type's)
          const typeExpr = this.type();
          if (this.tok.kind === 'string') this.next(); // tag, ignored
          fields.push({ pos: fpos, names: [], typeExpr, embedded: true });
          this.semi(', expecting semicolon, newline, or }');
          continue;
        }
        const names = [this.ident()];
        while (this.got(',')) names.push(this.ident());
        const typeExpr = this.type();
        if (this.tok.kind === 'string') this.next(); // tag, ignored
        fields.push({ pos: fpos, names, typeExpr });
        this.semi(', expecting semicolon, newline, or }');
      }
      this.want('}');
      return { kind: 'StructTypeExpr', pos, fields };
    }
    if (this.got('interface')) {
      this.want('{');
      const methods: A.Field[] = [];
      while (!this.is('}') && !this.atEOF()) {
        const mpos = this.tok.pos;
        if (this.tok.kind === 'ident' && this.peek().text !== '(') {
          // an embedded interface: I or pkg.I
          const typeExpr = this.type();
          if (!this.is(';') && !this.is('}')) this.error(mpos, 'type constraints are not supported by gosim');
          methods.push({ pos: mpos, names: [], typeExpr, embedded: true });
          this.semi(', expecting semicolon, newline, or }');
          continue;
        }
        if (this.tok.kind !== 'ident') this.error(mpos, 'type constraints are not supported by gosim');
        const name = this.ident();
        const sig = this.signature(mpos);
        methods.push({ pos: mpos, names: [name], typeExpr: sig });
        this.semi(', expecting semicolon, newline, or }');
      }
      this.want('}');
      return { kind: 'InterfaceTypeExpr', pos, methods };
    }
    this.unexpected(', expecting type');
  }

  protected exprList(): A.Expr[] {
    const xs = [this.expr()];
    while (this.got(',')) xs.push(this.expr());
    return xs;
  }

  expr(): A.Expr {
    return this.binary(1);
  }

  /** A binary expression of operators binding at least as tightly as `prec`; `x0`: its first operand, if parsed. */
  protected binary(prec: number, x0?: A.Expr): A.Expr {
    let x = x0 ?? this.unary();
    for (;;) {
      const t = this.tok;
      const p = t.kind === 'op' ? BINARY_PREC[t.text] : undefined;
      if (p === undefined || p < prec) return x;
      this.next();
      const y = this.binary(p + 1);
      x = { kind: 'BinaryExpr', pos: x.pos, op: t.text as A.BinaryOp, opPos: t.pos, x, y };
    }
  }

  protected unary(): A.Expr {
    const t = this.tok;
    if (t.kind === 'op') {
      switch (t.text) {
        case '+': case '-': case '!': case '^': case '&': {
          this.next();
          const x = this.unary();
          return { kind: 'UnaryExpr', pos: t.pos, op: t.text, x };
        }
        case '<-': {
          this.next();
          if (this.is('chan')) {
            // <-chan T
            this.next();
            const elem = this.type();
            return this.primarySuffix({ kind: 'ChanTypeExpr', pos: t.pos, dir: 'recv', elem });
          }
          const x = this.unary();
          return { kind: 'UnaryExpr', pos: t.pos, op: '<-', x };
        }
        case '*': {
          this.next();
          return { kind: 'StarExpr', pos: t.pos, x: this.unary() };
        }
        default: break;
      }
    }
    return this.primary();
  }

  protected operand(): A.Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'ident': return this.ident();
      case 'int': case 'float': case 'imag': case 'char': case 'string': {
        this.next();
        const litKind = ({ int: 'INT', float: 'FLOAT', imag: 'IMAG', char: 'CHAR', string: 'STRING' } as const)[t.kind];
        return {
          kind: 'BasicLit', pos: t.pos, litKind, raw: t.text,
          ...(t.str !== undefined ? { str: t.str } : {}), ...(t.rune !== undefined ? { rune: t.rune } : {}),
        };
      }
      case 'keyword':
        if (t.text === 'func') {
          this.next();
          const typeExpr = this.signature(t.pos);
          if (!this.is('{')) return typeExpr;
          const lev = this.exprLev;
          this.exprLev = 0;
          const body = this.block();
          this.exprLev = lev;
          return { kind: 'FuncLit', pos: t.pos, typeExpr, body };
        }
        if (['chan', 'struct', 'interface', 'map'].includes(t.text)) return this.type();
        break;
      case 'op':
        if (t.text === '(') return this.parens();
        if (t.text === '[' || t.text === '*') return this.type();
        break;
      default: break;
    }
    this.unexpected(', expecting expression');
  }

  /**
   * `(` … `)`. A run of opening parentheses is parsed in one loop rather than one recursion per level, so that
   * `((((x))))` nested thousands deep does not exhaust the stack: each inner level, once closed, is the first
   * operand of the expression that continues in the level around it.
   */
  protected parens(): A.ParenExpr {
    const opens: Pos[] = [];
    const lev = this.exprLev;
    while (this.is('(')) {
      opens.push(this.tok.pos);
      this.next();
      this.exprLev++;
    }
    let x = this.exprOrType();
    for (;;) {
      this.want(')', ', expecting )');
      this.exprLev--;
      const paren: A.ParenExpr = { kind: 'ParenExpr', pos: opens.pop()!, x };
      if (opens.length === 0) {
        this.exprLev = lev;
        return paren;
      }
      x = this.binary(1, this.primarySuffix(paren));
    }
  }

  protected exprOrType(): A.Expr {
    if (this.is('[') || this.is('chan') || this.is('func') || this.is('struct') || this.is('interface') || this.is('map')) {
      const x = this.is('func') ? this.operand() : this.type();
      // a conversion or literal may be the first operand of a longer expression: (interface{}(nil) == x)
      return this.binary(1, this.primarySuffix(x));
    }
    return this.expr();
  }

  protected primary(): A.Expr {
    return this.primarySuffix(this.operand());
  }

  protected isLiteralType(x: A.Expr): boolean {
    switch (x.kind) {
      case 'Ident': case 'ArrayTypeExpr': case 'StructTypeExpr': case 'MapTypeExpr': return true;
      case 'SelectorExpr': return x.x.kind === 'Ident';
      default: return false;
    }
  }

  protected primarySuffix(x0: A.Expr): A.Expr {
    let x = x0;
    for (;;) {
      const t = this.tok;
      if (this.is('.')) {
        this.next();
        if (this.got('(')) {
          if (this.got('type')) {
            this.want(')');
            x = { kind: 'TypeAssertExpr', pos: t.pos, x };
          } else {
            const typeExpr = this.type();
            this.want(')');
            x = { kind: 'TypeAssertExpr', pos: t.pos, x, typeExpr };
          }
        } else {
          const sel = this.ident();
          x = { kind: 'SelectorExpr', pos: x.pos, x, sel };
        }
      } else if (this.is('[')) {
        this.next();
        const lev = this.exprLev;
        this.exprLev++;
        let low: A.Expr | undefined;
        if (!this.is(':')) low = this.expr();
        if (this.got(':')) {
          let high: A.Expr | undefined;
          if (!this.is(']') && !this.is(':')) high = this.expr();
          let max: A.Expr | undefined;
          const colon2 = this.tok.pos;
          if (this.got(':')) {
            // a full slice expression a[i:j:k] (the checker says slices are outside the subset)
            if (!high) this.error(colon2, 'middle index required in 3-index slice');
            if (this.is(']')) this.error(this.tok.pos, 'final index required in 3-index slice');
            max = this.expr();
          }
          this.exprLev = lev;
          this.want(']');
          x = { kind: 'SliceExpr', pos: t.pos, x, ...(low ? { low } : {}), ...(high ? { high } : {}), ...(max ? { max } : {}) };
          continue;
        }
        this.exprLev = lev;
        this.want(']', ', expecting ]');
        x = { kind: 'IndexExpr', pos: t.pos, x, index: low! };
      } else if (this.is('(')) {
        this.next();
        const lev = this.exprLev;
        this.exprLev++;
        const args: A.Expr[] = [];
        let ellipsis: Pos | undefined;
        while (!this.is(')')) {
          args.push(this.exprOrType());
          if (this.is('...')) ellipsis = this.next().pos;
          if (!this.got(',')) {
            if (!this.is(')')) this.unexpected(' in argument list; possibly missing comma or )');
          }
        }
        this.exprLev = lev;
        this.want(')');
        x = { kind: 'CallExpr', pos: x.pos, fun: x, lparen: t.pos, args, ...(ellipsis ? { ellipsis } : {}) };
      } else if (this.is('{') && this.isLiteralType(x) && (this.exprLev >= 0 || (x.kind !== 'Ident' && x.kind !== 'SelectorExpr'))) {
        x = this.compositeLit(x);
      } else {
        return x;
      }
    }
  }

  protected compositeLit(typeExpr: A.Expr | undefined): A.CompositeLit {
    const lbrace = this.want('{').pos;
    const lev = this.exprLev;
    this.exprLev = 0;
    const elts: A.Expr[] = [];
    while (!this.is('}')) {
      let e = this.is('{') ? this.compositeLit(undefined) : this.expr();
      if (this.is(':')) {
        const cpos = this.next().pos;
        void cpos;
        const v = this.is('{') ? this.compositeLit(undefined) : this.expr();
        e = { kind: 'KeyValueExpr', pos: e.pos, key: e, value: v };
      }
      elts.push(e);
      if (!this.got(',')) {
        if (!this.is('}')) this.unexpected(' in composite literal; possibly missing comma or }');
      }
    }
    this.exprLev = lev;
    const rbrace = this.want('}').pos;
    return { kind: 'CompositeLit', pos: typeExpr ? typeExpr.pos : lbrace, ...(typeExpr ? { typeExpr } : {}), lbrace, elts, rbrace };
  }
}
