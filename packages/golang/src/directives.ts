/**
 * Compiler directives gosim does not model, refused where they stand: `//line` (and `/*line`) directives,
 * which rename positions (tracebacks and runtime.Caller would print other file:line pairs than Go's), and
 * `//go:notinheap` in a program importing unsafe (only through unsafe can such a pointer point at memory Go
 * would not adjust, e.g. a stack, which gosim's stack copying then adjusts; without unsafe the type behaves
 * like any other). `//line` and `//go:` start a line, as gc requires; `/*line` may stand anywhere.
 */
import type { Diagnostic } from './diagnostics.js';

const directive = /^\/\/line |\/\*line |^\/\/go:notinheap\b/gm;

export function unsupportedDirectives(src: string | Uint8Array, filename: string): Diagnostic[] {
  const text = typeof src === 'string' ? src : new TextDecoder().decode(src);
  const out: Diagnostic[] = [];
  const unsafe = text.includes('"unsafe"');
  for (const m of text.matchAll(directive)) {
    const offset = m.index!;
    if (m[0].startsWith('//go:') && !unsafe) continue;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    const what = m[0].startsWith('//go:') ? '//go:notinheap' : '//line directives';
    out.push({ kind: 'syntax', filename, pos: { line, col, offset }, message: `${what} ${what.endsWith('s') ? 'are' : 'is'} not supported by gosim` });
  }
  return out;
}
