// Compiled modules on disk (src/module-cache.ts): written for a file that compiled, used only for the same compiler
// build, path, options and bytes, replaced when the file changes; never for compile errors; unreadable = a miss.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@gosim/golang';
import { codegenOf, policies } from '@gosim/runtime';
import { main } from '../src/index.js';
import { prune } from '../bin/cache-files.cjs';
import { loadCompiled, optionsKey, storeCompiled, type ModuleCache } from '../src/module-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-module-cache-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entries = (c: ModuleCache): string[] => {
  try {
    return readdirSync(c.dir).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
};

async function run(argv: string[], moduleCache: ModuleCache) {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir, moduleCache });
  return { status, stdout, stderr };
}

const prog = (word: string) => `package main\n\nimport "fmt"\n\nfunc main() {\n\tx := new(int)\n\t*x = 4\n\tfmt.Println("${word}", *x)\n}\n`;

test('the second run of a file uses its entry, -m lines included; an edit replaces the entry', async () => {
  const cache = { dir: join(dir, 'modules'), compiler: 'build-1' };
  writeFileSync(join(dir, 'a.go'), prog('first'));
  const first = await run(['run', '-m', 'a.go'], cache);
  expect(first).toEqual({ status: 0, stdout: 'first 4\n', stderr: expect.stringContaining('./a.go:') });
  expect(entries(cache)).toHaveLength(1);
  expect(await run(['run', '-m', 'a.go'], cache)).toEqual(first);
  writeFileSync(join(dir, 'a.go'), prog('second'));
  expect((await run(['run', 'a.go'], cache)).stdout).toBe('second 4\n');
  expect(entries(cache)).toHaveLength(1);
});

test('a hit runs the entry without compiling: an entry holding another module for these bytes is what runs', async () => {
  const cache = { dir: join(dir, 'modules'), compiler: 'build-1' };
  const path = join(dir, 'a.go');
  writeFileSync(path, prog('real'));
  const codegen = codegenOf(policies.new);
  const other = compile(new TextEncoder().encode(prog('stored')), path, { codegen });
  storeCompiled(cache, path, optionsKey(codegen, false), new TextEncoder().encode(prog('real')), { module: other.module!, escapes: [] });
  expect((await run(['run', 'a.go'], cache)).stdout).toBe('stored 4\n');
  // another compiler build or another policy's codegen: not that entry
  expect((await run(['run', 'a.go'], { ...cache, compiler: 'build-2' })).stdout).toBe('real 4\n');
  expect((await run(['run', '--policy', 'deferpanic=go1.14,copystack=go1.14,gc=go1.13,traceback=go1.22', 'a.go'], cache)).stdout).toBe('real 4\n');
  // policy old lowers defers as new does: the same entry
  expect((await run(['run', '--policy', 'old', 'a.go'], cache)).stdout).toBe('stored 4\n');
});

test('an entry gives back the module as compiled: bigint constants, data bytes, missing bodies, -m lines', () => {
  const cache = { dir: join(dir, 'modules'), compiler: 'build-1' };
  const src = new TextEncoder().encode(
    'package main\n\nimport "fmt"\n\nvar big = uint64(1<<63 + 12345)\nvar f = -0.0\nvar s = "données"\n\nfunc main() {\n\tfmt.Println(big, f, s, 1e300*1e-300, -9223372036854775808)\n}\n',
  );
  const c = compile(src, join(dir, 'b.go'), { codegen: codegenOf(policies.new) });
  const data = c.module!.toData();
  expect(data.consts.some((k) => k > BigInt(Number.MAX_SAFE_INTEGER) || k < -BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
  expect(data.bodies.some((b) => b === undefined)).toBe(true);
  storeCompiled(cache, 'b.go', 'o', src, { module: c.module!, escapes: ['./b.go:9:13: x escapes'] });
  const hit = loadCompiled(cache, 'b.go', 'o', src);
  expect(hit!.escapes).toEqual(['./b.go:9:13: x escapes']);
  expect(hit!.module.toData()).toEqual(data);
  expect(loadCompiled(cache, 'b.go', 'o', src.subarray(1))).toBeUndefined(); // other bytes: a miss
});

test('compile errors are not cached; an unreadable entry is a miss', async () => {
  const cache = { dir: join(dir, 'modules'), compiler: 'build-1' };
  writeFileSync(join(dir, 'bad.go'), 'package main\n\nfunc main() {\n\tx := 1\n}\n');
  expect((await run(['run', 'bad.go'], cache)).status).toBe(2);
  expect(entries(cache)).toHaveLength(0);
  writeFileSync(join(dir, 'a.go'), prog('ok'));
  await run(['run', 'a.go'], cache);
  const [entry] = entries(cache);
  writeFileSync(join(cache.dir, entry!), 'not an entry');
  expect((await run(['run', 'a.go'], cache)).stdout).toBe('ok 4\n');
});

test('prune keeps the newest files', () => {
  for (let i = 0; i < 5; i++) {
    writeFileSync(join(dir, `${i}.bin`), '');
    utimesSync(join(dir, `${i}.bin`), 1000 + i, 1000 + i);
  }
  prune(dir, 3);
  expect(readdirSync(dir).sort()).toEqual(['2.bin', '3.bin', '4.bin']);
});

const bin = join(__dirname, '..', 'bin', 'gosim.cjs');
const built = existsSync(join(__dirname, '..', 'dist', 'run.cjs'));
(built ? test : test.skip)('the launcher keeps the bundle\'s modules under the cache folder, none with GOSIM_NO_CACHE=1', () => {
  writeFileSync(join(dir, 'a.go'), prog('launched'));
  const launch = (cacheHome: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, 'run', 'a.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
  const on = join(dir, 'on');
  expect(launch(on).stdout).toBe('launched 4\n');
  const modules = readdirSync(join(on, 'gosim')).filter((d) => d.startsWith('modules-'));
  expect(modules).toHaveLength(1);
  expect(readdirSync(join(on, 'gosim', modules[0]!))).toHaveLength(1);
  expect(launch(on).stdout).toBe('launched 4\n');
  const off = join(dir, 'off');
  expect(launch(off, { GOSIM_NO_CACHE: '1' }).stdout).toBe('launched 4\n');
  expect(existsSync(join(off, 'gosim'))).toBe(false);
});
