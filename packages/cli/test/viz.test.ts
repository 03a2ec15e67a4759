import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Recording } from '@gosim/viz';
import { gosim, goFiles, lines } from './helpers.js';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..', '..');
const vizPkg = join(root, 'packages', 'viz');
const page = join(vizPkg, 'dist', 'page');

/** The built page exists (built here with vite when its config is present); else why it cannot be. */
function pageBuilt(): true | string {
  const have = () => ['index.html', 'page.js', 'page.css'].every((f) => existsSync(join(page, f)));
  if (have()) return true;
  if (!existsSync(join(vizPkg, 'vite.config.ts'))) return 'the viz page is not in this tree yet (no packages/viz/vite.config.ts)';
  execFileSync('npx', ['vite', 'build'], { cwd: vizPkg, stdio: 'ignore' });
  return have() ? true : 'vite build did not produce dist/page';
}
const built = pageBuilt();
if (built !== true) console.log(`viz.test: ${built}: the tests that need the page check the not-built error instead`);
const withPage = built === true ? test : test.skip;
const withoutPage = built === true ? test.skip : test;

/** recording.js run as the browser would; returns window.GOSIM_RECORDING. */
function recordingOf(js: string): Recording {
  const window: Record<string, unknown> = {};
  runInNewContext(js, { window });
  return window.GOSIM_RECORDING as Recording;
}

const files = goFiles({
  'bad.go': 'package main\n\nfunc main() {\n\tx := \n}\n',
  'hello.go': 'package main\n\nfunc main() {\n\tprintln("<script>alert(1)</script>")\n}\n',
});
afterAll(() => files.dispose());

describe('gosim viz --out', () => {
  withPage('writes a site from examples/defer_ptrs.go whose recording.js is a Recording with steps', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gosim-viz-out-')), 'site');
    const r = await gosim(['viz', 'examples/defer_ptrs.go', '--policy', 'old', '--window', '300', '--out', out], root);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`gosim viz: ${join(out, 'index.html')}\n`);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^gosim viz: old: \d+ steps recorded \(safe points 1-\d+ of \d+\), exit 0$/)]);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'page.css', 'page.js', 'recording.js']);
    const rec = recordingOf(readFileSync(join(out, 'recording.js'), 'utf8'));
    expect(rec.version).toBe(1);
    expect(rec.file).toBe(join(root, 'examples', 'defer_ptrs.go'));
    expect(rec.source).toBe(readFileSync(join(root, 'examples', 'defer_ptrs.go'), 'utf8'));
    expect(rec.command).toBe('gosim viz examples/defer_ptrs.go --policy old --window 300');
    expect(rec.runs).toHaveLength(1);
    const run = rec.runs[0]!;
    expect(run.policy).toBe('old');
    expect(run.steps.length).toBeGreaterThan(0);
    expect(run.window.first).toBe(1);
    expect(run.window.last).toBeLessThanOrEqual(300);
    expect(run.stdout + run.stderr).toContain('value = 4200 bad = 0');
    for (const f of ['index.html', 'page.js', 'page.css']) expect(readFileSync(join(out, f))).toEqual(readFileSync(join(page, f)));
  });

  withPage('--compare records both policies; --around centres the window on the named event', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gosim-viz-out-'));
    const r = await gosim(['viz', 'examples/defer_ptrs_goexit.go', '--policy', 'old', '--compare', 'new', '--around', 'stack-copied:4', '--window', '200', '--out', out], root);
    expect([r.status, r.stderr.split('\n').length]).toEqual([0, 3]);
    const rec = recordingOf(readFileSync(join(out, 'recording.js'), 'utf8'));
    expect(rec.runs.map((x) => x.policy)).toEqual(['old', 'new']);
    expect(rec.command).toBe('gosim viz examples/defer_ptrs_goexit.go --policy old --compare new --window 200 --around stack-copied:4');
    // the demo's moment: the copy of g2's stack 0x20000-0x24000 while storeBig's record is off the list
    const copy = rec.runs[0]!.steps.find((s) => s.kind === 'stack-copied' && s.event.oldLo === 0x20000 && s.event.newLo === 0x30000 && s.goid === 2);
    expect(copy).toBeDefined();
    // that copy is at safe point 5: a window of 200 centred there starts at the run's first safe point
    expect([rec.runs[0]!.window.first, rec.runs[0]!.window.last, copy!.safePoint]).toEqual([1, 200, 5]);
  });

  withPage('program text is data: a program printing <script> cannot break out of recording.js', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gosim-viz-out-'));
    const r = await gosim(['viz', 'hello.go', '--out', out], files.dir);
    expect(r.status).toBe(0);
    const js = readFileSync(join(out, 'recording.js'), 'utf8');
    expect(js).not.toMatch(/<\/?script/i);
    const rec = recordingOf(js);
    expect(rec.runs[0]!.stderr).toBe('<script>alert(1)</script>\n');
    expect(rec.source).toContain('println("<script>alert(1)</script>")');
  });

  withoutPage('without the built page: one gosim line naming the build, status 70, nothing written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gosim-viz-out-')), 'site');
    const r = await gosim(['viz', 'hello.go', '--out', out], files.dir);
    expect(r.status).toBe(70);
    expect(lines(r.stderr).pop()).toMatch(/^gosim: the viz page is not built \(index\.html missing .*\): run the viz package's build/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('gosim viz: bad input as gosim run reports it', () => {
  test('a compile error: exit 2 with the compiler\'s message as go run shows it', async () => {
    const r = await gosim(['viz', 'bad.go', '--out', join(files.dir, 'never')], files.dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^# command-line-arguments\n\.\/bad\.go:5:1: syntax error: unexpected }/);
    expect(existsSync(join(files.dir, 'never'))).toBe(false);
  });

  test('a missing file: exit 1 as go run', async () => {
    const r = await gosim(['viz', 'nope.go'], files.dir);
    expect([r.status, r.stderr]).toEqual([1, expect.stringMatching(/^stat nope\.go: no such file or directory\n$/)]);
  });

  test.each([
    ['--around', 'stack-moved'], ['--around', '0'], ['--around', 'gc-cycle:0'], ['--around', 'gc-cycle:x'], ['--around', '-3'],
    ['--window', '0'], ['--port', '70000'], ['--port', 'x'], ['--inject', 'copy'], ['--inject', 'move@3'], ['--inject', 'gc@0'],
    ['--compare', 'oldest'], ['--policy', 'nope'],
  ])('%s %s is a usage error (64) on one line', async (flag, value) => {
    const r = await gosim(['viz', 'hello.go', flag, value], files.dir);
    expect(r.status).toBe(64);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^gosim: option '${flag}[^']*' argument '${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' is invalid\\.`))]);
  });

  test('--help states the recording limits and the run limits', async () => {
    const r = await gosim(['viz', '--help']);
    expect(r.status).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Usage: gosim viz [options] [file]');
    expect(help).toMatch(/--window <n> safe points recorded \(default \d+\)/);
    expect(help).toContain('at most 104857600 (100 MiB) of recording JSON per run');
    expect(help).toContain('steps --max-steps, default');
    expect(help).toContain('127.0.0.1 only');
  });
});

describe('gosim viz serving', () => {
  withPage('prints its 127.0.0.1 URL, answers GET / with the page, and closes on SIGINT', async () => {
    let stdout = '';
    let stderr = '';
    let announced: (url: string) => void = () => {};
    const url = new Promise<string>((r) => (announced = r));
    const { main } = await import('../src/index.js');
    const done = main(['viz', 'hello.go'], {
      stdout: { write: (s: string) => ((stdout += s), /http:\/\/\S+/.test(stdout) && announced(/http:\/\/\S+/.exec(stdout)![0]), true) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: files.dir,
    });
    const u = await url;
    expect(stdout).toMatch(/^gosim viz: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const fetchText = (path: string) =>
      new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
        get(new URL(path, u), { agent: false }, (res) => { // a new connection each time (no kept-alive socket)
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body, type: String(res.headers['content-type']) }));
        }).on('error', reject);
      });
    const index = await fetchText('/');
    expect([index.status, index.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(index.body).toBe(readFileSync(join(page, 'index.html'), 'utf8'));
    const rj = await fetchText('/recording.js');
    expect(recordingOf(rj.body).runs[0]!.stderr).toBe('<script>alert(1)</script>\n');
    expect((await fetchText('/../package.json')).status).toBe(404);
    process.emit('SIGINT');
    expect(await done).toBe(0);
    expect(stderr).toMatch(/^gosim viz: new: \d+ steps recorded/);
    await expect(fetchText('/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  withoutPage('without the built page serving refuses with status 70', async () => {
    const r = await gosim(['viz', 'hello.go'], files.dir);
    expect(r.status).toBe(70);
    expect(lines(r.stderr).pop()).toMatch(/^gosim: the viz page is not built/);
  });
});

// the built command as a user runs it: a real process, a real SIGINT
const bin = join(__dirname, '..', 'bin', 'gosim.cjs');
const distHasViz = existsSync(join(__dirname, '..', 'dist', 'index.cjs')) && readFileSync(join(__dirname, '..', 'dist', 'index.cjs'), 'utf8').includes('vizFile');
if (!distHasViz) console.log('viz.test: dist/index.cjs has no viz command (build @gosim/cli): the process test is skipped');
(built === true && distHasViz ? test : test.skip)('bin/gosim.cjs viz serves until SIGINT, then exits 0', async () => {
  const child = spawn(process.execPath, [bin, 'viz', '--window', '100', 'examples/defer_ptrs.go'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const u = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /^gosim viz: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before serving: ${stderr}`)));
  });
  const status = await new Promise<number>((resolve, reject) => {
    get(u, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
  expect(status).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/^gosim viz: new: \d+ steps recorded/);
});
