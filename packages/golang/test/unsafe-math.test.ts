// Package math (packages/stdlib/go/math, Go for gosim; its bit operations go through unsafe) run as part of a
// `package main` program: the golden programs packages/stdlib/test/go/math_*.go with math's files inlined and
// `math.X` turned into `X`, compared bit for bit with what go1.19.8 printed (the .err files). Once standard
// imports work, stdlib's golden test runs the same programs with `import "math"`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runGo } from './run-helpers';

const stdlib = join(__dirname, '../../stdlib');
const mathDir = join(stdlib, 'go/math');
const goldenDir = join(stdlib, 'test/go');

/** The program with package math's declarations in its own package main. */
function inlined(name: string): string {
  const lib = readdirSync(mathDir).filter((f) => f.endsWith('.go')).sort()
    .map((f) => readFileSync(join(mathDir, f), 'utf8').replace(/^package math\n/m, '').replace(/^import "unsafe"\n/m, ''));
  const prog = readFileSync(join(goldenDir, name), 'utf8').replace(/^package main\n/m, '').replace(/^import "math"\n/m, '')
    .replace(/\bmath\.([A-Z])/g, '$1');
  return `package main\n\nimport "unsafe"\n${lib.join('\n')}\n${prog}`;
}

describe('package math, bit for bit with go1.19.8 on linux/amd64', () => {
  const golden = readdirSync(goldenDir).filter((f) => /^math_.*\.go$/.test(f)).sort();
  test('golden programs exist', () => expect(golden.length).toBeGreaterThanOrEqual(2));
  test.each(golden)('%s', (name) => {
    const r = runGo(inlined(name), name);
    expect(r.exit).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(goldenDir, name.replace(/\.go$/, '.out')), 'utf8'));
    const want = readFileSync(join(goldenDir, name.replace(/\.go$/, '.err')), 'utf8').split('\n');
    const got = r.raw.split('\n');
    // the first differing line, rather than two 100 KiB strings
    const i = want.findIndex((l, k) => got[k] !== l);
    expect(i === -1 ? null : { line: i + 1, want: want[i], got: got[i] }).toBeNull();
    expect(got.length).toBe(want.length);
  });
});
