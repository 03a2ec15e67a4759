// examples/stdlib/*.go: programs a newcomer writes with the standard packages, each run under `gosim run`
// with the output go1.19.8's built program gave (.out, .err, .exit).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gosim } from './helpers.js';

const dir = join(__dirname, '..', '..', '..', 'examples', 'stdlib');
const read = (f: string): string => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');

test.each(readdirSync(dir).filter((f) => f.endsWith('.go')).sort())('examples/stdlib/%s prints what go1.19.8 printed', async (file) => {
  const base = file.slice(0, -3);
  const r = await gosim(['run', file], dir);
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    status: Number(read(`${base}.exit`).trim() || '0'), stdout: read(`${base}.out`), stderr: read(`${base}.err`),
  });
}, 60_000);
