import { readFileSync } from 'node:fs';
import { parseFile } from '../src/parser';
import { checkFile } from '../src/check/checker';
import { analyzeEscapes } from '../src/escape';
import { lowerProgram } from '../src/lower/lower';
import { runModule } from '@gosim/runtime';
const src = readFileSync(process.argv[2]!, 'utf8');
const stage = (name: string, f: () => unknown): unknown => {
  try { return f(); } catch (e) {
    const st = (e as Error).stack ?? String(e);
    const frames = st.split('\n').slice(1, 400).map((l) => l.trim().replace(/\(.*\//, '(')).filter((l, i, a) => a.indexOf(l) === i);
    console.log(`${name}: ${(e as Error).message}\n  ${frames.slice(0, 12).join('\n  ')}`); process.exit(1);
  }
};
const p = stage('parse', () => parseFile(src, 'x.go')) as ReturnType<typeof parseFile>;
if (!p.file) { console.log(p.diagnostics); process.exit(1); }
const c = stage('check', () => checkFile(p.file!)) as ReturnType<typeof checkFile>;
if (!c.program) { console.log(c.diagnostics); process.exit(1); }
stage('escape', () => analyzeEscapes(c.program!));
const m = stage('lower', () => lowerProgram(c.program!, 'x.go')) as ReturnType<typeof lowerProgram>;
const r = stage('run', () => runModule(m, {})) as ReturnType<typeof runModule>;
console.log('ok', JSON.stringify(r.stderr).slice(0, 60));
