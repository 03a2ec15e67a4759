// sync, time and os through `gosim run`: the golden programs that park on semaphores, sleep and fire timers
// still match go1.19.8 under a GC every few safe points with freed memory clobbered (the timer heap and queued
// timer calls are GC roots) and under stack moves every few safe points (sudogs on g.waiting); os.Args and the
// environment come from the command line and gosim's environment; os.Exit's status is gosim run's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOutput } from '@gosim/runtime';
import { goFiles, gosim } from './helpers.js';

const dir = join(__dirname, '..', '..', 'stdlib', 'test', 'go');
const read = (f: string): string | undefined => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
const stressed = ['time_timer', 'time_sleep_order', 'time_all_sleep', 'sync_cond', 'sync_mutex', 'sync_rwmutex', 'sync_once'];
const modes = [['--gc-every', '7', '--clobber-free'], ['--copy-stack-every', '3']];

describe.each(modes)('golden programs under %s %s', (...mode) => {
  test.each(stressed)('%s', async (base) => {
    const want = normalizeOutput(Number((read(`${base}.exit`) ?? '0').trim()), read(`${base}.out`) ?? '', read(`${base}.err`) ?? '');
    const r = await gosim(['run', ...mode.filter(Boolean), `${base}.go`], dir);
    expect(normalizeOutput(r.status, r.stdout, r.stderr)).toEqual(want);
  }, 120_000);
});

test('os.Args are /tmp/gosim-exe and the arguments after the file; Getenv reads gosim\'s environment; os.Exit sets the status', async () => {
  const f = goFiles({
    'args.go': `package main

import "os"

func main() {
	for _, a := range os.Args {
		os.Stdout.WriteString(a + "\\n")
	}
	v, ok := os.LookupEnv("GOSIM_X")
	println(v, ok, os.Getenv("GOSIM_UNSET") == "")
	defer println("not run")
	os.Exit(-1)
}
`,
  });
  try {
    const r = await gosim(['run', 'args.go', 'a', 'b c'], f.dir, { GOSIM_X: 'x=1' });
    expect(r.stdout).toBe('/tmp/gosim-exe\na\nb c\n');
    expect(r.stderr).toBe('x=1 true true\n');
    expect(r.status).toBe(255);
    const bad = await gosim(['run', 'args.go', 'more.go'], f.dir);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/^gosim: .*more\.go/);
  } finally {
    f.dispose();
  }
});
