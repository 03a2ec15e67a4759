/** Recursive-descent parser for the Go subset, producing the AST of ast.ts. Syntax errors are go's wording. */
import type * as A from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { GoError, isStackOverflow, nestedTooDeep } from './diagnostics.js';
import { tokenize } from './lexer.js';
import { unsupportedDirectives } from './directives.js';
import { StmtParser } from './parse-stmt.js';

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
    const refused = unsupportedDirectives(src, filename);
    return refused.length > 0 ? { diagnostics: refused } : { file, diagnostics };
  } catch (e) {
    if (e instanceof GoError) return { diagnostics: [e.diagnostic] };
    if (isStackOverflow(e)) return { diagnostics: [nestedTooDeep(filename, p.tok.pos)] };
    throw e;
  }
}

class Parser extends StmtParser {
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

  protected importSpec(): A.ImportSpec {
    const pos = this.tok.pos;
    let name: A.Ident | undefined;
    if (this.tok.kind === 'ident') name = this.ident();
    else if (this.is('.')) this.error(this.tok.pos, 'dot imports are not supported by gosim');
    const t = this.tok;
    if (t.kind !== 'string') this.unexpected(', expecting import path');
    this.next();
    return { pos, path: t.str ?? '', ...(name ? { name } : {}) };
  }

  protected genDecl(): A.Spec[] {
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

  protected varSpec(): A.VarSpec {
    const pos = this.tok.pos;
    const names = [this.ident()];
    while (this.got(',')) names.push(this.ident());
    let typeExpr: A.Expr | undefined;
    let values: A.Expr[] = [];
    if (!this.is('=')) typeExpr = this.type();
    if (this.got('=')) values = this.exprList();
    return { kind: 'VarSpec', pos, names, ...(typeExpr ? { typeExpr } : {}), values };
  }

  protected constSpec(iota: number, prev: A.ConstSpec | undefined): A.ConstSpec {
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

  protected typeSpec(): A.TypeSpec {
    const pos = this.tok.pos;
    const name = this.ident();
    if (this.is('[') && this.peek().kind === 'ident' && this.peek(2).kind === 'ident') {
      this.error(this.tok.pos, 'generic types are not supported by gosim');
    }
    const alias = this.got('=');
    const typeExpr = this.type();
    return { kind: 'TypeSpec', pos, name, alias, typeExpr };
  }

  protected funcDecl(): A.FuncDecl {
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
}

export { staticFunc, unparen } from './parse-base.js';
