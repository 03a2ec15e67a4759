/**
 * Compiler directives gosim does not model, refused where they stand: `//line` (and `/*line`) directives,
 * which rename positions (tracebacks and runtime.Caller would print other file:line pairs than Go's), and
 * `//go:notinheap` (a type the runtime must never see in the heap: stack copying would adjust pointers Go
 * leaves alone). `//line` and `//go:` start a line, as gc requires; `/*line` may stand anywhere.
 */
import type { Diagnostic } from './diagnostics.js';

const directive = /^\/\/line |\/\*line |^\/\/go:notinheap\b/gm;

export function unsupportedDirectives(src: string | Uint8Array, filename: string): Diagnostic[] {
  const text = typeof src === 'string' ? src : new TextDecoder().decode(src);
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(directive)) {
    const offset = m.index!;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    const what = m[0].startsWith('//go:') ? '//go:notinheap' : '//line directives';
    out.push({ kind: 'syntax', filename, pos: { line, col, offset }, message: `${what} ${what.endsWith('s') ? 'are' : 'is'} not supported by gosim` });
  }
  return out;
}
