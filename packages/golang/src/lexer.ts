/** Go tokenizer with automatic semicolon insertion (Go spec, "Semicolons"). Columns count bytes. */
import type { Diagnostic, Pos } from './diagnostics.js';

export type TokenKind = 'ident' | 'keyword' | 'int' | 'float' | 'imag' | 'char' | 'string' | 'op' | 'EOF';

export interface Token {
  kind: TokenKind;
  /** Source text (for an automatically inserted semicolon: `;` with `auto` set). */
  text: string;
  pos: Pos;
  /** A semicolon inserted at a newline or at EOF. */
  auto?: boolean;
  /** Decoded value of string and char literals: a byte string (one char per byte, 0..255) / a code point. */
  str?: string;
  rune?: number;
}

export const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
  'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type',
  'var',
]);

// Longest first, so the first match wins.
const OPERATORS = [
  '<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '<<', '>>', '&^', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '(', ')',
  '[', ']', '{', '}', ',', ';', '.', ':', '~',
];

/** OPERATORS by first byte, in OPERATORS' order (longest first). */
const operatorsByFirst: string[][] = Array.from({ length: 128 }, () => []);
for (const o of OPERATORS) operatorsByFirst[o.charCodeAt(0)]!.push(o);

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Encode a code point as UTF-8 into a byte string. */
export function utf8ByteString(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** The length of the valid UTF-8 sequence at bytes[i], or 0 (overlong forms, surrogates and > U+10FFFF are invalid). */
function utf8SeqLen(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const x = bytes[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Go's source-text errors, wherever they occur (also in comments and literals): bad UTF-8, NUL, a BOM not first. */
function checkEncoding(bytes: Uint8Array, filename: string, diags: Diagnostic[]): void {
  let line = 1;
  let lineStart = 0;
  const err = (off: number, message: string): void => {
    diags.push({ kind: 'syntax', filename, pos: { line, col: off - lineStart + 1, offset: off }, message });
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === 0x0a) { line++; lineStart = i + 1; i++; continue; }
    if (b === 0) { err(i, 'invalid NUL character'); i++; continue; }
    if (b < 0x80) { i++; continue; }
    const len = utf8SeqLen(bytes, i);
    if (len === 0) { err(i, 'invalid UTF-8 encoding'); i++; continue; }
    if (i > 0 && b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) err(i, 'invalid BOM in the middle of the file');
    i += len;
  }
}

/**
 * Tokenize `src`. The source is treated as UTF-8: positions are byte columns. Errors are appended to
 * `diags`; the lexer always reaches EOF.
 */
export function tokenize(src: string | Uint8Array, filename: string, diags: Diagnostic[]): Token[] {
  const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : Buffer.from(src.buffer, src.byteOffset, src.byteLength);
  const n = bytes.length;
  const toks: Token[] = [];
  checkEncoding(bytes, filename, diags);
  // a byte order mark is allowed only first (its bytes still count in the first line's columns, as in go)
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let lineStart = 0;
  const posAt = (off: number): Pos => ({ line, col: off - lineStart + 1, offset: off });
  const err = (pos: Pos, message: string): void => {
    diags.push({ kind: 'syntax', filename, pos, message });
  };
  const text = (a: number, b: number): string => bytes.toString('utf8', a, b);
  const needSemi = (): boolean => {
    const t = toks[toks.length - 1];
    if (!t) return false;
    switch (t.kind) {
      case 'ident': case 'int': case 'float': case 'imag': case 'char': case 'string':
        return true;
      case 'keyword':
        return t.text === 'break' || t.text === 'continue' || t.text === 'fallthrough' || t.text === 'return';
      case 'op':
        return t.text === '++' || t.text === '--' || t.text === ')' || t.text === ']' || t.text === '}';
      default:
        return false;
    }
  };
  const newline = (off: number): void => {
    if (needSemi()) toks.push({ kind: 'op', text: ';', pos: posAt(off), auto: true });
    line++;
    lineStart = off + 1;
  };
  // Decode one escape sequence starting at bytes[j] === '\\'; returns [bytes-as-string, next index].
  const escape = (j: number, quote: number): [string, number] => {
    const c = bytes[j + 1];
    const simple: Record<number, number> = { 0x61: 7, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11, 0x5c: 0x5c };
    if (c === undefined) return ['', j + 1];
    if (simple[c] !== undefined) return [String.fromCharCode(simple[c]!), j + 2];
    if (c === quote) return [String.fromCharCode(c), j + 2];
    const hexLen = c === 0x78 ? 2 : c === 0x75 ? 4 : c === 0x55 ? 8 : 0;
    if (hexLen > 0) {
      const h = text(j + 2, j + 2 + hexLen);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hexLen) {
        err(posAt(j), 'invalid escape sequence');
        return ['', j + 2];
      }
      const v = parseInt(h, 16);
      return [c === 0x78 ? String.fromCharCode(v) : utf8ByteString(v), j + 2 + hexLen];
    }
    if (c >= 0x30 && c <= 0x37) {
      const o = text(j + 1, j + 4);
      if (!/^[0-7]{3}$/.test(o)) {
        err(posAt(j), 'invalid escape sequence');
        return ['', j + 2];
      }
      return [String.fromCharCode(parseInt(o, 8) & 255), j + 4];
    }
    err(posAt(j), 'unknown escape sequence');
    return ['', j + 2];
  };

  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x0a) { newline(i); i++; continue; }
    if (c === 0x20 || c === 0x09 || c === 0x0d) { i++; continue; }
    const start = i;
    const pos = posAt(i);
    if (c === 0x2f && bytes[i + 1] === 0x2f) {
      while (i < n && bytes[i] !== 0x0a) i++;
      continue;
    }
    if (c === 0x2f && bytes[i + 1] === 0x2a) {
      i += 2;
      let hadNewline = false;
      let semiPushed = false;
      while (i < n && !(bytes[i] === 0x2a && bytes[i + 1] === 0x2f)) {
        if (bytes[i] === 0x0a) {
          if (!hadNewline && needSemi()) { toks.push({ kind: 'op', text: ';', pos: posAt(start), auto: true }); semiPushed = true; }
          hadNewline = true;
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      void semiPushed;
      if (i >= n) { err(pos, 'comment not terminated'); break; }
      i += 2;
      continue;
    }
    if (isLetter(c)) {
      while (i < n && (isLetter(bytes[i]!) || isDigit(bytes[i]!))) i++;
      const t = text(start, i);
      toks.push({ kind: KEYWORDS.has(t) ? 'keyword' : 'ident', text: t, pos });
      continue;
    }
    if (isDigit(c) || (c === 0x2e && isDigit(bytes[i + 1] ?? 0))) {
      let kind: TokenKind = 'int';
      if (c === 0x30 && (bytes[i + 1] === 0x78 || bytes[i + 1] === 0x58)) {
        i += 2;
        const hex = (): void => { while (i < n && /[0-9a-fA-F_]/.test(String.fromCharCode(bytes[i]!))) i++; };
        hex();
        // hexadecimal floating-point: 0x1.8p-2
        if (bytes[i] === 0x2e) { kind = 'float'; i++; hex(); }
        if (bytes[i] === 0x70 || bytes[i] === 0x50) {
          kind = 'float';
          i++;
          if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
          while (i < n && (isDigit(bytes[i]!) || bytes[i] === 0x5f)) i++;
        }
      } else if (c === 0x30 && (bytes[i + 1] === 0x62 || bytes[i + 1] === 0x42 || bytes[i + 1] === 0x6f || bytes[i + 1] === 0x4f)) {
        i += 2;
        while (i < n && (isDigit(bytes[i]!) || bytes[i] === 0x5f)) i++;
      } else {
        while (i < n && (isDigit(bytes[i]!) || bytes[i] === 0x5f)) i++;
        if (bytes[i] === 0x2e) { kind = 'float'; i++; while (i < n && (isDigit(bytes[i]!) || bytes[i] === 0x5f)) i++; }
        if (bytes[i] === 0x65 || bytes[i] === 0x45) {
          kind = 'float';
          i++;
          if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
          while (i < n && (isDigit(bytes[i]!) || bytes[i] === 0x5f)) i++;
        }
      }
      if (bytes[i] === 0x69) { kind = 'imag'; i++; }
      toks.push({ kind, text: text(start, i), pos });
      continue;
    }
    if (c === 0x22) {
      let s = '';
      i++;
      let closed = false;
      while (i < n) {
        const b = bytes[i]!;
        if (b === 0x22) { closed = true; i++; break; }
        if (b === 0x0a) break;
        if (b === 0x5c) { const [e, j] = escape(i, 0x22); s += e; i = j; continue; }
        s += String.fromCharCode(b);
        i++;
      }
      if (!closed) err(pos, 'string literal not terminated');
      toks.push({ kind: 'string', text: text(start, i), pos, str: s });
      continue;
    }
    if (c === 0x60) {
      i++;
      let s = '';
      let closed = false;
      while (i < n) {
        const b = bytes[i]!;
        if (b === 0x60) { closed = true; i++; break; }
        if (b === 0x0a) { line++; lineStart = i + 1; }
        if (b !== 0x0d) s += String.fromCharCode(b);
        i++;
      }
      if (!closed) err(pos, 'raw string literal not terminated');
      toks.push({ kind: 'string', text: text(start, i), pos, str: s });
      continue;
    }
    if (c === 0x27) {
      i++;
      let r = 0;
      let count = 0;
      let closed = false;
      while (i < n) {
        const b = bytes[i]!;
        if (b === 0x27) { closed = true; i++; break; }
        if (b === 0x0a) break;
        if (b === 0x5c) {
          const [e, j] = escape(i, 0x27);
          const d = bytes[i + 1];
          r = d === 0x75 || d === 0x55 ? parseInt(text(i + 2, j), 16) : e.charCodeAt(0);
          i = j;
        } else {
          // decode one UTF-8 sequence
          const cp = text(i, Math.min(n, i + 4)).codePointAt(0) ?? 0;
          r = cp;
          i += Buffer.byteLength(String.fromCodePoint(cp), 'utf8');
        }
        count++;
      }
      if (!closed) err(pos, 'rune literal not terminated');
      else if (count !== 1) err(pos, count === 0 ? 'empty rune literal or unescaped \' in rune literal' : 'more than one character in rune literal');
      toks.push({ kind: 'char', text: text(start, i), pos, rune: r });
      continue;
    }
    let op: string | undefined;
    for (const o of operatorsByFirst[bytes[i]!] ?? []) {
      let ok = true;
      for (let k = 1; k < o.length; k++) if (bytes[i + k] !== o.charCodeAt(k)) { ok = false; break; }
      if (ok) { op = o; break; }
    }
    if (op === undefined) {
      const ch = text(i, i + 1);
      err(pos, `invalid character ${JSON.stringify(ch).replace(/"/g, "'")} in source`);
      i++;
      continue;
    }
    toks.push({ kind: 'op', text: op, pos });
    i += op.length;
  }
  if (needSemi()) toks.push({ kind: 'op', text: ';', pos: posAt(n), auto: true });
  toks.push({ kind: 'EOF', text: '', pos: posAt(n) });
  return toks;
}
