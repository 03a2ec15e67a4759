import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileResult, FuncDecl, VarObj } from '../src/index';
import { compileToChecked, formatDiagnostic } from '../src/index';

export const SHARED = join(__dirname, '../../../corpus');
export const CORPUS_DIRS = [join(SHARED, 'conformance'), join(SHARED, 'bench')];

export function corpus(): { name: string; path: string; src: string }[] {
  const out: { name: string; path: string; src: string }[] = [];
  for (const d of CORPUS_DIRS) {
    for (const f of readdirSync(d).filter((x) => x.endsWith('.go')).sort()) {
      out.push({ name: f, path: join(d, f), src: readFileSync(join(d, f), 'utf8') });
    }
  }
  return out;
}

export function compileOk(src: string, filename = 'prog.go'): CompileResult & { program: NonNullable<CompileResult['program']> } {
  const r = compileToChecked(src, filename);
  if (!r.program) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r as CompileResult & { program: NonNullable<CompileResult['program']> };
}

export function errors(src: string, filename = 'x.go'): string[] {
  return compileToChecked(src, filename).diagnostics.map(formatDiagnostic);
}

export function func(r: { program: { funcs: FuncDecl[] } }, name: string): FuncDecl {
  const f = r.program.funcs.find((x) => x.name.name === name);
  if (!f) throw new Error(`no func ${name}`);
  return f;
}

export function localVar(f: FuncDecl, name: string): VarObj {
  const v = [...(f.params ?? []), ...(f.results ?? []), ...(f.locals ?? [])].find((x) => x.name === name);
  if (!v) throw new Error(`no var ${name} in ${f.name.name}`);
  return v;
}
