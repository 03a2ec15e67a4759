import { parseFile } from '../src/parser';
import { checkFile } from '../src/check/checker';
import { formatDiagnostic } from '../src/index';
import { errors } from './helpers';
import { runGo } from './run-helpers';

// Go compiles all of these; gosim's parser and checker must follow them without exhausting the JavaScript stack.
const main = (body: string): string => `package main\n\nfunc main() {\n\tx := 1\n${body}\n\tprintln(x)\n}\n`;
const parens = main(`\tx = ${'('.repeat(2000)}x + 1${')'.repeat(2000)}`);
const blocks = main(`${'{'.repeat(2000)}x++${'}'.repeat(2000)}`);
const plus = main(`\tx = ${Array(2000).fill('x').join(' + ')}`);
const ifs = main(`${'if x > 0 {\n'.repeat(1000)}x++\n${'}\n'.repeat(1000)}`);
const lits = main(`${'func() {\n'.repeat(500)}x++\n${'}()\n'.repeat(500)}`);

const checked = (src: string): string[] => {
  const p = parseFile(src, 'x.go');
  if (!p.file) return p.diagnostics.map(formatDiagnostic);
  return checkFile(p.file).diagnostics.map(formatDiagnostic);
};

describe('deep nesting', () => {
  it.each([
    ['2 000 nested parentheses', parens], ['2 000 nested blocks', blocks], ['2 000 + terms', plus],
    ['1 000 nested ifs', ifs], ['500 nested func literals', lits],
  ])('%s parse and type-check', (_name, src) => {
    expect(checked(src)).toEqual([]);
  });
  it('2 000 nested parentheses, 2 000 nested blocks, 2 000 + terms, 1 000 nested ifs and 500 nested func literals compile and run as in go', () => {
    expect(runGo(parens, 'x.go').raw).toBe('2\n');
    expect(runGo(blocks, 'x.go').raw).toBe('2\n');
    expect(runGo(plus, 'x.go').raw).toBe('2000\n');
    expect(runGo(ifs, 'x.go').raw).toBe('2\n');
    expect(runGo(lits, 'x.go').raw).toBe('2\n');
  });
  it('nesting beyond what the compiler can follow is a positioned error, not a JavaScript stack trace', () => {
    const deeper = main(`${'func() {\n'.repeat(5000)}x++\n${'}()\n'.repeat(5000)}`);
    const got = errors(deeper);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^x\.go:\d+:\d+: program nested too deeply for gosim \(its compiler ran out of stack\)$/);
    expect(got[0]).not.toMatch(/^x\.go:1:1:/);
  });
});
