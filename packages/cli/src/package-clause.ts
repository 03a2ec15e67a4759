// The go command's first look at a named file (go/build): its package clause, read before anything is compiled.
// A file without one fails as go/parser says (`FILE:L:C: expected 'package', found X`), a package other than
// main as `package command-line-arguments is not a main package`; both status 1, as go run.

import { ExitStatus } from './exit-status.js';
import { GosimError } from './io.js';

const keywords = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var']);
// Go's operators and punctuation, longest first so the first match is the token
const operators = ['&^=', '<<=', '>>=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^',
  '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '~'];
const literal = [
  /[\p{L}_][\p{L}\p{Nd}_]*/uy, // identifier or keyword
  /0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?i?|(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][+-]?[\d_]+)?i?/y,
  /"(\\.|[^"\\\n])*"?|'(\\.|[^'\\\n])*'?|`[^`]*`?/y,
];
const space = /([ \t\r\n]|\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$))*/y;

interface Token {
  /** What go/parser's "found …" shows: a literal's text, else the token quoted ('func', '(', 'EOF'). */
  found: string;
  ident?: string;
  offset: number;
}

function next(src: string, at: number): Token {
  space.lastIndex = at;
  const offset = at + (space.exec(src)?.[0].length ?? 0);
  if (offset >= src.length) return { found: "'EOF'", offset: src.length };
  for (const [i, re] of literal.entries()) {
    re.lastIndex = offset;
    const m = re.exec(src);
    if (!m) continue;
    if (i === 0 && keywords.has(m[0])) return { found: `'${m[0]}'`, offset };
    return { found: m[0], ident: i === 0 ? m[0] : undefined, offset };
  }
  const op = operators.find((o) => src.startsWith(o, offset)) ?? String.fromCodePoint(src.codePointAt(offset)!);
  return { found: `'${op}'`, offset };
}

/**
 * LINE:COL of a character offset, the column in bytes. As go/token, a line that would start at the very end of
 * the file does not exist: EOF after a final newline is on the last line, one past that newline.
 */
function position(src: string, offset: number): string {
  let start = 0;
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < offset && i + 1 < src.length; i = src.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}:${Buffer.byteLength(src.slice(start, offset)) + 1}`;
}

/** Checks the package clause of `src` (shown as `name`); throws go run's load failure (status 1). */
export function checkPackageClause(src: string, name: string): void {
  const expected = (what: string, t: Token) =>
    new GosimError(`${name}:${position(src, t.offset)}: expected ${what}, found ${t.found}`, ExitStatus.loadFailed, true);
  const kw = next(src, src.startsWith('\uFEFF') ? 1 : 0); // a leading byte order mark is skipped
  if (kw.found !== "'package'") throw expected("'package'", kw);
  const id = next(src, kw.offset + 'package'.length);
  if (id.ident === undefined) throw expected("'IDENT'", id);
  if (id.ident !== 'main') throw new GosimError('package command-line-arguments is not a main package', ExitStatus.loadFailed, true);
}
