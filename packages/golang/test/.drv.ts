import { readFileSync } from 'node:fs';
import { runModule } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';
const f = process.argv[2]!;
const c = compile(readFileSync(f), 'x.go');
if (!c.module) { for (const d of c.diagnostics) console.log(formatDiagnostic(d)); process.exit(1); }
const r = runModule(c.module, {});
process.stdout.write(r.stdout); process.stderr.write(r.stderr); console.log(`[exit ${r.exitCode}]`);
