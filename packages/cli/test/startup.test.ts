// What the built launcher loads (a real process; no timing here, scripts/startup.mjs measures): `gosim run` one
// bundle, dist/run.cjs (and dist/compile.cjs only when it compiles), with the same results as dist/main.cjs; with --plugin the installed packages and the plugin
// loader, never @gosim/viz; --help still lists every command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkg = join(__dirname, '..');
const built = existsSync(join(pkg, 'dist', 'main.cjs'));
if (!built) console.log('startup.test: dist/main.cjs missing (build @gosim/cli): skipped');
const maybe = built ? test : test.skip;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-startup-test-'));
  writeFileSync(join(dir, 'hello.go'), 'package main\n\nfunc main() {\n\tprintln("hello")\n}\n');
  writeFileSync(join(dir, 'none.mjs'), 'export const x = 1;\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/gosim.cjs with `args`; returns its status, output and the @gosim packages and builtins it loaded. */
function launch(args: string[], env: Record<string, string> = { GOSIM_NO_CACHE: '1' }) {
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const m = Object.keys(require.cache).map((f) => /packages\\/([\\w-]+)\\/dist\\/([\\w.-]+)$/.exec(f)).filter(Boolean); " +
      "require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ packages: [...new Set(m.map((x) => x[1]))].sort(), files: m.map((x) => `${x[1]}/${x[2]}`) })); });\n",
  );
  const out = join(dir, 'probe.json');
  const r = spawnSync(process.execPath, ['-r', probe, join(pkg, 'bin', 'gosim.cjs'), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, PROBE_OUT: out, ...env },
  });
  const { packages, files } = JSON.parse(readFileSync(out, 'utf8')) as { packages: string[]; files: string[] };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, packages, files };
}

describe('bin/gosim.cjs loads what the command needs', () => {
  maybe('run: dist/run.cjs, and dist/compile.cjs to compile', () => {
    const r = launch(['run', 'hello.go']);
    expect([r.status, r.stderr]).toEqual([0, 'hello\n']);
    expect(r.files).toEqual(['cli/run.cjs', 'cli/compile.cjs']);
  });
  maybe('run of a cached module: dist/run.cjs alone', () => {
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    expect(launch(['run', 'hello.go'], env).files).toEqual(['cli/run.cjs', 'cli/compile.cjs']);
    const r = launch(['run', 'hello.go'], env);
    expect([r.status, r.stderr]).toEqual([0, 'hello\n']);
    expect(r.files).toEqual(['cli/run.cjs']);
  });
  maybe('run --plugin: the installed packages and the plugin loader', () => {
    const r = launch(['run', '--plugin', 'none.mjs', 'hello.go']);
    expect(r.files).not.toContain('cli/run.cjs');
    expect(r.packages).toEqual(expect.arrayContaining(['explore', 'runtime', 'golang']));
    expect(r.packages).not.toContain('viz');
    expect(r.status).toBe(64); // a module without pieces
  });
  maybe('--help: every command', () => {
    const r = launch(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['run', 'explore', 'matrix', 'demo', 'viz']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.packages).toEqual(expect.arrayContaining(['explore', 'viz']));
  });
});

// dist/run.cjs is main.ts with its packages inside: the same output and status as through the installed packages
const programs: Record<string, string> = {
  'panic.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tdefer fmt.Println("deferred")\n\tvar m map[string]int\n\tm["x"] = 1\n}\n',
  'bad.go': 'package main\n\nfunc main() {\n\tx := 1\n}\n',
};
(built ? test.each : test.skip.each)([['panic.go', ''], ['bad.go', ''], ['panic.go', '--json'], ['panic.go', '--trace']])('run.cjs = main.cjs: run %s %s', (file, flag) => {
  writeFileSync(join(dir, file), programs[file]!);
  const argv = ['run', ...(flag ? [flag] : []), file];
  const via = (bundle: string) => {
    const code = `let o = '', e = ''; require(${JSON.stringify(join(pkg, 'dist', bundle))}).main(${JSON.stringify(argv)}, { stdout: { write: (s) => (o += s) }, stderr: { write: (s) => (e += s) } }).then((s) => process.stdout.write(JSON.stringify([s, o, e])));`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOSIM_NO_CACHE: '1' } });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as [number, string, string];
  };
  const a = via('run.cjs');
  expect(a[0]).not.toBe(70);
  expect(a).toEqual(via('main.cjs'));
});
