// What the built launcher loads (a real process; no timing here, scripts/startup.mjs measures): `gosim run` needs
// neither @gosim/explore nor @gosim/viz unless a --plugin flag asks for the plugin loader; --help still lists all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
function launch(args: string[]) {
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const m = Object.keys(require.cache).map((f) => /packages\\/([\\w-]+)\\/dist\\//.exec(f)?.[1]).filter(Boolean); " +
      "require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ packages: [...new Set(m)].sort(), builtins: process.moduleLoadList.filter((x) => x.startsWith('NativeModule ')).map((x) => x.slice(13)) })); });\n",
  );
  const out = join(dir, 'probe.json');
  const r = spawnSync(process.execPath, ['-r', probe, join(pkg, 'bin', 'gosim.cjs'), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, PROBE_OUT: out, GOSIM_NO_CACHE: '1' },
  });
  const { packages, builtins } = JSON.parse(require('node:fs').readFileSync(out, 'utf8')) as { packages: string[]; builtins: string[] };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, packages, builtins };
}

describe('bin/gosim.cjs loads what the command needs', () => {
  maybe('run: no explore, no viz', () => {
    const r = launch(['run', 'hello.go']);
    expect([r.status, r.stderr]).toEqual([0, 'hello\n']);
    expect(r.packages).toContain('runtime');
    expect(r.packages).not.toContain('explore');
    expect(r.packages).not.toContain('viz');
  });
  maybe('run --plugin: the plugin loader too', () => {
    const r = launch(['run', '--plugin', 'none.mjs', 'hello.go']);
    expect(r.packages).toContain('explore');
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
