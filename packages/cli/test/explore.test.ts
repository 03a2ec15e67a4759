import { join } from 'node:path';
import { aboutOf, flagWordsOf, parseRunFlagWords } from '../src/index.js';
import { gosim, goFiles, lines } from './helpers.js';

jest.setTimeout(120_000);

const examples = join(__dirname, '..', '..', '..', 'examples');
const ex = (f: string) => join(examples, f);

const files = goFiles({
  'ok.go': `package main

func main() {
	println("ok")
}
`,
  'bad.go': `package main

func main() {
	x := 
}
`,
});
afterAll(() => files.dispose());

describe('gosim explore', () => {
  test('finds the old policy\'s failures in DeferPtrsGoexit, grouped by symptom with a mechanism from the event stream', async () => {
    const r = await gosim(['explore', '--policy', 'old', '--stride', '400', '--workers', '1', ex('defer_ptrs_goexit.go')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const l = lines(r.stdout);
    expect(l[0]).toMatch(/^explore .*defer_ptrs_goexit\.go: policy old, inject copy at every 400th of \d+ safe points, 1 thread$/);
    expect(r.stdout).toMatch(/^reference \(new, nothing injected\): exit 0: sum = 4200 bad = 0$/m);
    expect(r.stdout).toMatch(/^baseline {2}\(old, nothing injected\): exit 0: sum = \d+ bad = [1-9]\d*/m);
    // the smallest k of the group, the injected event, and the mechanism: a copy while storeBig's record was off the list
    expect(r.stdout).toMatch(/smallest: k = 1, copy/);
    expect(r.stdout).toMatch(/\| forced copy at safe point 1 \(goroutine 1, in main\.main\)/);
    expect(r.stdout).toMatch(/\| stack of goroutine \d+ copied \(grow\) while the record of deferred main\.storeBig .* was off the defer list/);
    // the group fails with nothing injected: its gosim viz line opens the plain run at the copy that shows it
    expect(r.stdout).toMatch(/^ {4}see: gosim viz \S*defer_ptrs_goexit\.go --policy old --around stack-copied:4$/m);
    const last = /^explore: (\d+) runs, (\d+) failed$/.exec(l[l.length - 1]!);
    expect(last).not.toBeNull();
    expect(Number(last![2])).toBeGreaterThan(0);
    expect(Number(last![1])).toBe(Number(last![2]) + 2);
  });

  test('finds nothing under the new policy (exit 0)', async () => {
    const r = await gosim(['explore', '--stride', '150', '--workers', '1', ex('defer_ptrs_goexit.go')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no failures: every injected run reproduced the reference/);
    expect(lines(r.stdout).pop()).toMatch(/^explore: \d+ runs, 0 failed$/);
  });

  test('PanicUseStack: every injected copy under old dies in adjustdefers; none under new', async () => {
    const old = await gosim(['explore', '--policy', 'old', '--stride', '10', '--workers', '1', ex('panic_use_stack.go')]);
    expect(old.status).toBe(1);
    expect(old.stdout).toMatch(/^ {2}fatal error: adjustdefers: unexpected argp$/m);
    expect(old.stdout).toMatch(/panic cursor read p\.link = 0x[0-9a-f]+ .* outside the stack being walked/);
    const nu = await gosim(['explore', '--stride', '10', '--workers', '1', ex('panic_use_stack.go')]);
    expect(nu.status).toBe(0);
  });

  test('the gosim-flags line of gc_defer_args.go makes GC the injection: only the mixture new gc + old deferpanic fails', async () => {
    const mix = await gosim(['explore', '--policy', 'deferpanic=old', '--workers', '1', '--json', ex('gc_defer_args.go')]);
    expect(mix.status).toBe(1);
    const j = JSON.parse(mix.stdout);
    expect(j.inject).toEqual(['gc']);
    expect(j.fileFlags).toEqual(['--gc-every-safepoint', '--clobber-free']);
    expect(j.baselineDiffers).toBe(false); // a single GC at the right safe point is what it takes
    expect(j.groups[0].mechanism.some((m: string) => /GC ran while the record of deferred main\.inspect was off the defer list/.test(m))).toBe(true);
    // the viz command reproduces the failing run: the file's flags without its stress mode, the one injected GC
    const k = j.groups[0].k;
    expect(j.groups[0].viz).toBe(`gosim viz ${ex('gc_defer_args.go')} --policy deferpanic=old --clobber-free --inject gc@${k} --around ${k}`);
    const old = await gosim(['explore', '--policy', 'old', '--workers', '1', '--stride', '3', ex('gc_defer_args.go')]);
    expect(old.status).toBe(0);
  });

  test('--json prints one object with the counts, reference and baseline', async () => {
    const r = await gosim(['explore', '--json', '--workers', '1', '--inject', 'all', files.path('ok.go')]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j.inject).toEqual(['copy', 'shrink', 'grow', 'gc']);
    expect(j.runs).toBe(j.safePoints * 4 + 2);
    expect(j.failed).toBe(0);
    expect(j.reference.stderr).toBe('ok');
    expect(j.failures).toEqual([]);
  });

  test('exit statuses: missing file 66, compile error 2 (as go run), bad flags 64, each with one gosim: line where gosim speaks', async () => {
    const missing = await gosim(['explore', files.path('nope.go')]);
    expect([missing.status, lines(missing.stderr)]).toEqual([66, [expect.stringMatching(/^gosim: open .*nope\.go: no such file or directory$/)]]);
    const bad = await gosim(['explore', files.path('bad.go')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.go:\d+:\d+: /);
    for (const argv of [
      ['explore', '--inject', 'teleport', files.path('ok.go')],
      ['explore', '--workers', '0', files.path('ok.go')],
      ['explore', '--stride', 'x', files.path('ok.go')],
      ['explore', '--policy', 'heap=old', files.path('ok.go')],
      ['explore', '--gc-every', '3', files.path('ok.go')], // stress modes are run flags, not explore flags
      ['explore'],
      ['matrix', '--bogus'],
      ['matrix', '--json', '--markdown'],
      ['demo', 'extra'],
    ]) {
      const r = await gosim(argv);
      expect([argv, r.status]).toEqual([argv, 64]);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^gosim: /)]);
    }
  });
});

describe('scenario files', () => {
  test('the gosim-flags line before package is read as run flags', () => {
    const src = '// gosim-flags: --gc-every-safepoint --clobber-free\npackage main\n\n// Does a thing. More.\nfunc main() {}\n';
    expect(flagWordsOf(src)).toEqual(['--gc-every-safepoint', '--clobber-free']);
    expect(parseRunFlagWords(flagWordsOf(src))).toEqual({ gcEverySafepoint: true, clobberFree: true });
    expect(aboutOf(src)).toBe('Does a thing.');
    expect(flagWordsOf('package main\n// gosim-flags: --clobber-free\n')).toEqual([]);
    expect(() => parseRunFlagWords(['--bogus'])).toThrow(/unknown option/);
  });
});
