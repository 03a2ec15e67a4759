// The standard packages' golden programs (packages/stdlib/test/go/*.go): each runs under `gosim run` with the
// stdout (.out), stderr (.err, if any) and exit status (.exit, if not 0) that real go1.19.8 gave, compared as
// the conformance corpus compares (runtime's normalizeOutput; go run's closing `exit status N` line dropped).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOutput } from '@gosim/runtime';
import { gosim } from './helpers.js';

const dir = join(__dirname, '..', '..', 'stdlib', 'test', 'go');
const programs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.go')).sort() : [];
const read = (f: string): string | undefined => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);

describe('standard packages: golden programs match go1.19.8', () => {
  test('there are golden programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });
  test.each(programs)('%s', async (file) => {
    const base = file.slice(0, -3);
    const out = read(`${base}.out`) ?? '';
    const err = (read(`${base}.err`) ?? '').replace(/(^|\n)exit status \d+\n$/, '$1');
    const exit = Number((read(`${base}.exit`) ?? '0').trim());
    const r = await gosim(['run', file], dir);
    expect(normalizeOutput(r.status, r.stdout, r.stderr)).toEqual(normalizeOutput(exit, out, err));
  }, 60_000);
});
