import fc from 'fast-check';
import { compileToChecked, formatDiagnostic } from '../src/index';
import { tokenize } from '../src/lexer';
import { corpus } from './helpers';

const files = corpus();

/** compileToChecked must return diagnostics, never throw, and every diagnostic must be positioned. */
function mustNotThrow(src: string): void {
  const r = compileToChecked(src, 'f.go');
  for (const d of r.diagnostics) {
    expect(formatDiagnostic(d)).toMatch(/^f\.go:\d+:\d+: ./);
    expect(d.message).not.toMatch(/internal compiler error/);
  }
  if (!r.program) expect(r.diagnostics.length).toBeGreaterThan(0);
}

test('truncated corpus files give diagnostics, never exceptions', () => {
  for (const { src } of files) {
    for (let cut = 0; cut < src.length; cut += 37) mustNotThrow(src.slice(0, cut));
  }
});

test('random token deletions from corpus files give diagnostics, never exceptions', () => {
  const tokenized = files.map(({ src }) => ({ src, toks: tokenize(src, 'f.go', []).filter((t) => !t.auto && t.kind !== 'EOF') }));
  fc.assert(
    fc.property(fc.nat(tokenized.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (fi, picks) => {
      const { src, toks } = tokenized[fi]!;
      const bytes = Buffer.from(src, 'utf8');
      const drop = new Set(picks.map((p) => p % toks.length));
      let out = '';
      let last = 0;
      [...drop].sort((a, b) => a - b).forEach((i) => {
        const t = toks[i]!;
        out += bytes.toString('utf8', last, t.pos.offset);
        last = t.pos.offset + Buffer.byteLength(t.text, 'utf8');
      });
      out += bytes.toString('utf8', last);
      mustNotThrow(out);
    }),
    { numRuns: 400, seed: 42 },
  );
});

test('random bytes and token soup give diagnostics, never exceptions', () => {
  const words = ['package', 'main', 'func', '(', ')', '{', '}', 'x', ':=', '=', '1', '"s"', 'go', 'defer', 'for', 'if', 'switch',
    'case', 'default', ':', ';', '\n', ',', '.', 'chan', 'int', '<-', '&', '*', '[', ']', 'var', 'type', 'struct', 'return',
    'interface', '+', '==', 'nil', 'panic', 'recover', 'make', 'new'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (ws) => {
      mustNotThrow(`package main\n${ws.join(' ')}`);
      mustNotThrow(`package main\nfunc main() {\n${ws.join(' ')}\n}\n`);
    }),
    { numRuns: 500, seed: 7 },
  );
  fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => mustNotThrow(s)), { numRuns: 300, seed: 3 });
});
