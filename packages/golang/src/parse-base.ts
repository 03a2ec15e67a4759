/** The parser's token cursor and error reporting (shared by the expression, statement and declaration parts). */
import type * as A from './ast.js';
import type { Pos } from './diagnostics.js';
import type { FuncObj } from './objects.js';
import { GoError } from './diagnostics.js';
import type { Token } from './lexer.js';

export abstract class ParserBase {
  protected i = 0;
  /** < 0 inside control clauses (composite literals need parentheses there), like go/parser's exprLev. */
  protected exprLev = 0;
  constructor(protected readonly toks: Token[], protected readonly filename: string) {}

  get tok(): Token {
    return this.toks[this.i] ?? this.toks[this.toks.length - 1]!;
  }

  protected peek(k = 1): Token {
    return this.toks[this.i + k] ?? this.toks[this.toks.length - 1]!;
  }

  protected next(): Token {
    const t = this.tok;
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  protected atEOF(): boolean {
    return this.tok.kind === 'EOF';
  }

  protected is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }

  protected got(text: string): boolean {
    if (this.is(text)) { this.next(); return true; }
    return false;
  }

  protected describe(t: Token): string {
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

  protected isEofAfter(t: Token): boolean {
    const idx = this.toks.indexOf(t);
    return this.toks[idx + 1]?.kind === 'EOF' && this.toks[idx + 1]!.pos.offset === t.pos.offset;
  }

  error(pos: Pos, message: string): never {
    throw new GoError({ kind: 'syntax', filename: this.filename, pos, message });
  }

  protected unexpected(msg: string): never {
    this.error(this.tok.pos, `syntax error: unexpected ${this.describe(this.tok)}${msg}`);
  }

  protected want(text: string, context?: string): Token {
    if (!this.is(text)) {
      const what = text === ',' ? 'comma' : text === ';' ? 'semicolon or newline' : text;
      this.unexpected(context ?? `, expecting ${what}`);
    }
    return this.next();
  }

  protected ident(): A.Ident {
    const t = this.tok;
    if (t.kind !== 'ident') this.unexpected(', expecting name');
    this.next();
    return { kind: 'Ident', pos: t.pos, name: t.text };
  }

  protected semi(context: string): void {
    if (this.is(')') || this.is('}')) return;
    if (!this.got(';')) this.unexpected(context);
  }

  // implemented by the parts further down the chain
  protected abstract block(): A.BlockStmt;
  protected abstract genDecl(): A.Spec[];
}

/** The expression inside any parentheses. */
export function unparen(x: A.Expr): A.Expr {
  let e = x;
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** The top-level function an expression names (`f`, or `pkg.F` of an imported package), or undefined. */
export function staticFunc(x: A.Expr): FuncObj | undefined {
  const e = unparen(x);
  if (e.kind === 'Ident') return e.obj?.kind === 'func' ? e.obj : undefined;
  if (e.kind === 'SelectorExpr' && e.selKind === 'qualified' && e.sel.obj?.kind === 'func') return e.sel.obj;
  return undefined;
}
