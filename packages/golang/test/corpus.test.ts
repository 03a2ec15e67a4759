import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, compileToChecked, walkNode } from '../src/index';
import type { Expr } from '../src/index';
import { corpus } from './helpers';

// Go 1.19.8 `go build -gcflags='-m -l'` output for each corpus file (recorded; -l: gosim does not inline).
const FIXTURES = join(__dirname, 'fixtures/go119-m');

// Known differences from go's -m output, each explained in the README.
const KNOWN_DIFFS: Record<string, [string, string][]> = {
  '08_repanic_recovered.go': [['./08_repanic_recovered.go:10:17: "re-" + r.(string) escapes to heap', './08_repanic_recovered.go:10:9: "re-" + r.(string) escapes to heap']],
};

describe.each(corpus())('$name', ({ name, src }) => {
  const r = compileToChecked(src, `./${name}`);

  test('parses and checks with no diagnostics', () => {
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.program).toBeDefined();
  });

  test('every expression is typed and every identifier resolved', () => {
    const untyped: string[] = [];
    // field names (declarations, selectors, keys of struct literals) resolve through SelectorExpr.field /
    // CompositeLit.fieldOf rather than Ident.obj
    const fieldNames = new Set<unknown>();
    walkNode(r.file, (n) => {
      if (!('kind' in n)) { if ('names' in n) for (const id of n.names) fieldNames.add(id); return; }
      if (n.kind === 'SelectorExpr' && n.selKind !== 'qualified') fieldNames.add(n.sel);
      if (n.kind === 'KeyValueExpr') fieldNames.add(n.key);
    });
    walkNode(r.file, (n) => {
      if (!('kind' in n) || fieldNames.has(n)) return;
      if (n.kind === 'Ident') {
        if (!n.obj && n.name !== '_' && n !== r.file!.pkgName) untyped.push(`unresolved ${n.name} at ${n.pos.line}:${n.pos.col}`);
        return;
      }
      const isExpr = /Expr$|Lit$|^ImplicitConv$/.test(n.kind) && n.kind !== 'FuncTypeExpr';
      if (isExpr && !(n as Expr).type && n.kind !== 'KeyValueExpr') untyped.push(`${n.kind} at ${n.pos.line}:${n.pos.col}`);
    });
    expect(untyped).toEqual([]);
  });

  test('escape decisions match go 1.19 -gcflags=-m -l', () => {
    const fixture = join(FIXTURES, name.replace(/\.go$/, '.m'));
    expect(existsSync(fixture)).toBe(true);
    let want = readFileSync(fixture, 'utf8').split('\n').filter((l) => l.length > 0);
    for (const [go, ours] of KNOWN_DIFFS[name] ?? []) want = want.map((l) => (l === go ? ours : l));
    expect(r.escapes).toEqual(want);
  });
});
