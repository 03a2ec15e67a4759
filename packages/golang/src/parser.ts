/** Recursive-descent parser for the Go subset, producing the AST of ast.ts. Syntax errors are go's wording. */
import type * as A from './ast.js';
import type { Diagnostic, Pos } from './diagnostics.js';
import { GoError, isStackOverflow, nestedTooDeep } from './diagnostics.js';
import type { Token } from './lexer.js';
import { tokenize } from './lexer.js';

const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);

export interface ParseResult { file?: A.File; diagnostics: Diagnostic[] }

/** Parse one file. Stops at the first syntax error (go reports up to 10; one precise error is enough here). */
export function parseFile(src: string | Uint8Array, filename: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const toks = tokenize(src, filename, diagnostics);
  if (diagnostics.length > 0) {
    // in source order, at most one per line (as gc reports them)
    const sorted = diagnostics.sort((a, b) => a.pos.offset - b.pos.offset);
    return { diagnostics: sorted.filter((d, k) => k === 0 || sorted[k - 1]!.pos.line !== d.pos.line) };
  }
  const p = new Parser(toks, filename);
  try {
    const file = p.parseFile();
    return { file, diagnostics };
  } catch (e) {
    if (e instanceof GoError) return { diagnostics: [e.diagnostic] };
    if (isStackOverflow(e)) return { diagnostics: [nestedTooDeep(filename, p.tok.pos)] };
    throw e;
  }
}

class Parser {
  private i = 0;
  /** < 0 inside control clauses (composite literals need parentheses there), like go/parser's exprLev. */
  private exprLev = 0;
  constructor(private readonly toks: Token[], private readonly filename: string) {}

  get tok(): Token {
    return this.toks[this.i] ?? this.toks[this.toks.length - 1]!;
  }
  private peek(k = 1): Token {
    return this.toks[this.i + k] ?? this.toks[this.toks.length - 1]!;
  }
  private next(): Token {
    const t = this.tok;
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private atEOF(): boolean {
    return this.tok.kind === 'EOF';
  }
  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }
  private got(text: string): boolean {
    if (this.is(text)) { this.next(); return true; }
    return false;
  }
  private describe(t: Token): string {
    switch (t.kind) {
      case 'EOF': return 'EOF';
      case 'ident': return `name ${t.text}`;
      case 'int': case 'float': case 'imag': case 'char': case 'string': return `literal ${t.text}`;
      case 'keyword': return `keyword ${t.text}`;
      case 'op':
        if (t.text === ';') return t.auto ? (t.text === ';' && this.isEofAfter(t) ? 'EOF' : 'newline') : 'semicolon';
        if (t.text === ',') return 'comma';
        return t.text;
    }
  }
  private isEofAfter(t: Token): boolean {
    const idx = this.toks.indexOf(t);
    return this.toks[idx + 1]?.kind === 'EOF' && this.toks[idx + 1]!.pos.offset === t.pos.offset;
  }
  error(pos: Pos, message: string): never {
    throw new GoError({ kind: 'syntax', filename: this.filename, pos, message });
  }
  private unexpected(msg: string): never {
    this.error(this.tok.pos, `syntax error: unexpected ${this.describe(this.tok)}${msg}`);
  }
  private want(text: string, context?: string): Token {
    if (!this.is(text)) {
      const what = text === ',' ? 'comma' : text === ';' ? 'semicolon or newline' : text;
      this.unexpected(context ?? `, expecting ${what}`);
    }
    return this.next();
  }
  private ident(): A.Ident {
    const t = this.tok;
    if (t.kind !== 'ident') this.unexpected(', expecting name');
    this.next();
    return { kind: 'Ident', pos: t.pos, name: t.text };
  }
  private semi(context: string): void {
    if (this.is(')') || this.is('}')) return;
    if (!this.got(';')) this.unexpected(context);
  }

  parseFile(): A.File {
    const start = this.tok.pos;
    if (!this.is('package')) this.error(this.tok.pos, 'syntax error: package statement must be first');
    this.next();
    const pkgName = this.ident();
    this.semi(' after package clause');
    const imports: A.ImportSpec[] = [];
    while (this.is('import')) {
      this.next();
      if (this.got('(')) {
        while (!this.is(')') && !this.atEOF()) {
          imports.push(this.importSpec());
          this.semi(', expecting semicolon, newline, or )');
        }
        this.want(')');
      } else {
        imports.push(this.importSpec());
      }
      this.semi(' after top level declaration');
    }
    const decls: A.Decl[] = [];
    while (!this.atEOF()) {
      if (this.is('func')) decls.push(this.funcDecl());
      else if (this.is('var') || this.is('const') || this.is('type')) decls.push(...this.genDecl());
      else if (this.is('import')) this.error(this.tok.pos, 'syntax error: imports must appear before other declarations');
      else this.error(this.tok.pos, 'syntax error: non-declaration statement outside function body');
      if (!this.atEOF()) this.semi(' after top level declaration');
    }
    return { kind: 'File', pos: start, filename: this.filename, pkgName, imports, decls };
  }

  private importSpec(): A.ImportSpec {
    const pos = this.tok.pos;
    let name: A.Ident | undefined;
    if (this.tok.kind === 'ident') name = this.ident();
    else if (this.is('.')) this.error(this.tok.pos, 'dot imports are not supported by gosim');
    const t = this.tok;
    if (t.kind !== 'string') this.unexpected(', expecting import path');
    this.next();
    return { pos, path: t.str ?? '', ...(name ? { name } : {}) };
  }

  private genDecl(): A.Spec[] {
    const kw = this.next();
    const specs: A.Spec[] = [];
    const one = (iota: number, prev: A.ConstSpec | undefined): A.Spec => {
      if (kw.text === 'var') return this.varSpec();
      if (kw.text === 'const') return this.constSpec(iota, prev);
      return this.typeSpec();
    };
    if (this.got('(')) {
      let iota = 0;
      let prev: A.ConstSpec | undefined;
      while (!this.is(')') && !this.atEOF()) {
        const s = one(iota++, prev);
        if (s.kind === 'ConstSpec') prev = s;
        specs.push(s);
        this.semi(`, expecting semicolon, newline, or )`);
      }
      this.want(')');
    } else {
      specs.push(one(0, undefined));
    }
    return specs;
  }
  private varSpec(): A.VarSpec {
    const pos = this.tok.pos;
    const names = [this.ident()];
    while (this.got(',')) names.push(this.ident());
    let typeExpr: A.Expr | undefined;
    let values: A.Expr[] = [];
    if (!this.is('=')) typeExpr = this.type();
    if (this.got('=')) values = this.exprList();
    return { kind: 'VarSpec', pos, names, ...(typeExpr ? { typeExpr } : {}), values };
  }
  private constSpec(iota: number, prev: A.ConstSpec | undefined): A.ConstSpec {
    const pos = this.tok.pos;
    const names = [this.ident()];
    while (this.got(',')) names.push(this.ident());
    let typeExpr: A.Expr | undefined;
    let values: A.Expr[] = [];
    if (!this.is('=') && !this.is(';') && !this.is(')')) typeExpr = this.type();
    let implicit = false;
    if (this.got('=')) values = this.exprList();
    else if (prev && !typeExpr) {
      // each repetition gets its own copy: the checker annotates expressions in place, once per iota
      values = structuredClone(prev.values);
      if (prev.typeExpr) typeExpr = structuredClone(prev.typeExpr);
      implicit = true;
    } else this.error(pos, typeExpr ? 'syntax error: missing init expr for const declaration' : 'missing init expr for const declaration');
    return { kind: 'ConstSpec', pos, names, ...(typeExpr ? { typeExpr } : {}), values, iota, implicit };
  }
  private typeSpec(): A.TypeSpec {
    const pos = this.tok.pos;
    const name = this.ident();
    if (this.is('[') && this.peek().kind === 'ident' && this.peek(2).kind === 'ident') {
      this.error(this.tok.pos, 'generic types are not supported by gosim');
    }
    const alias = this.got('=');
    const typeExpr = this.type();
    return { kind: 'TypeSpec', pos, name, alias, typeExpr };
  }

  private funcDecl(): A.FuncDecl {
    const pos = this.next().pos;
    let recv: A.Field | undefined;
    if (this.is('(')) {
      const ps = this.params();
      if (ps.length !== 1) this.error(pos, 'method has multiple receivers');
      recv = ps[0];
    }
    const name = this.ident();
    if (this.is('[')) this.error(this.tok.pos, 'generic functions are not supported by gosim');
    const typeExpr = this.signature(pos);
    let body: A.BlockStmt | undefined;
    if (this.is('{')) {
      const lev = this.exprLev;
      this.exprLev = 0;
      body = this.block();
      this.exprLev = lev;
    }
    return { kind: 'FuncDecl', pos, name, ...(recv ? { recv } : {}), typeExpr, ...(body ? { body } : {}) };
  }
  private signature(pos: Pos): A.FuncTypeExpr {
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
  private params(): A.Field[] {
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

  // ---------- types ----------
  private startsType(): boolean {
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
      if (this.is('...')) this.error(this.tok.pos, '[...] array types are not supported by gosim');
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
        if (this.tok.kind === 'ident' && (this.peek().text === ';' || this.peek().text === '}' || this.peek().text === '.')) {
          this.error(fpos, 'embedded fields are not supported by gosim');
        }
        if (this.is('*')) this.error(fpos, 'embedded fields are not supported by gosim');
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
        const name = this.ident();
        if (!this.is('(')) this.error(mpos, 'embedded interfaces and type constraints are not supported by gosim');
        const sig = this.signature(mpos);
        methods.push({ pos: mpos, names: [name], typeExpr: sig });
        this.semi(', expecting semicolon, newline, or }');
      }
      this.want('}');
      return { kind: 'InterfaceTypeExpr', pos, methods };
    }
    this.unexpected(', expecting type');
  }

  // ---------- expressions ----------
  private exprList(): A.Expr[] {
    const xs = [this.expr()];
    while (this.got(',')) xs.push(this.expr());
    return xs;
  }
  expr(): A.Expr {
    return this.binary(1);
  }
  /** A binary expression of operators binding at least as tightly as `prec`; `x0`: its first operand, if parsed. */
  private binary(prec: number, x0?: A.Expr): A.Expr {
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
  private unary(): A.Expr {
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
  private operand(): A.Expr {
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
  private parens(): A.ParenExpr {
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
  private exprOrType(): A.Expr {
    if (this.is('[') || this.is('chan') || this.is('func') || this.is('struct') || this.is('interface') || this.is('map')) {
      const x = this.is('func') ? this.operand() : this.type();
      // a conversion or literal may be the first operand of a longer expression: (interface{}(nil) == x)
      return this.binary(1, this.primarySuffix(x));
    }
    return this.expr();
  }
  private primary(): A.Expr {
    return this.primarySuffix(this.operand());
  }
  private isLiteralType(x: A.Expr): boolean {
    switch (x.kind) {
      case 'Ident': case 'ArrayTypeExpr': case 'StructTypeExpr': case 'MapTypeExpr': return true;
      case 'SelectorExpr': return x.x.kind === 'Ident';
      default: return false;
    }
  }
  private primarySuffix(x0: A.Expr): A.Expr {
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
  private compositeLit(typeExpr: A.Expr | undefined): A.CompositeLit {
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

  // ---------- statements ----------
  private block(): A.BlockStmt {
    const pos = this.want('{').pos;
    const stmts = this.stmtList();
    const rbrace = this.tok.pos;
    if (!this.is('}')) this.unexpected(this.atEOF() ? ', expecting }' : ', expecting }');
    this.next();
    return { kind: 'BlockStmt', pos, stmts, rbrace };
  }
  private stmtList(): A.Stmt[] {
    const stmts: A.Stmt[] = [];
    while (!this.is('}') && !this.is('case') && !this.is('default') && !this.atEOF()) {
      if (this.is(';')) { this.next(); continue; }
      stmts.push(this.stmt());
      if (this.is('}') || this.is('case') || this.is('default')) break;
      if (!this.got(';')) this.unexpected(' at end of statement');
    }
    return stmts;
  }
  private stmt(): A.Stmt {
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
        case 'select': this.error(pos, 'select statements are not supported by gosim');
        // falls through (unreachable)
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
  private simpleStmt(rangeOk = false): A.Stmt {
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
  private header(kw: string): { init?: A.Stmt; cond?: A.Stmt; post?: A.Stmt } {
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
  private condExpr(s: A.Stmt | undefined, kw: string): A.Expr | undefined {
    if (!s) return undefined;
    if (s.kind !== 'ExprStmt') {
      this.error(s.pos, `cannot use ${describeStmt(s)} as value`);
    }
    void kw;
    return s.x;
  }
  private ifStmt(): A.IfStmt {
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
  private forStmt(): A.ForStmt | A.RangeStmt {
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
  private switchStmt(): A.SwitchStmt | A.TypeSwitchStmt {
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
}

function describeStmt(s: A.Stmt): string {
  if (s.kind === 'AssignStmt') return s.tok === ':=' ? 'assignment' : 'assignment';
  return 'statement';
}

export function unparen(x: A.Expr): A.Expr {
  let e = x;
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}
