#!/usr/bin/env node
// `pnpm pack:check`: packs every package as it would be published (pnpm applies publishConfig and turns
// workspace:* into versions), checks each tarball (LICENSE, license field, every export target present, no
// workspace: or @gosim/source left), installs all tarballs with npm into a scratch project outside the repo and
// runs the installed `gosim demo`, `gosim matrix` and `gosim run` there. Needs a build (`pnpm build`) and npm's
// registry for the third-party dependencies (commander). Exit 0 when everything held, 1 otherwise.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const scratch = mkdtempSync(join(tmpdir(), 'gosim-pack-'));
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'project');
mkdirSync(tarballs);
mkdirSync(project);
const problems = [];
const say = (s) => process.stdout.write(`${s}\n`);
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const leaves = (e) => (typeof e === 'string' ? [e] : e && typeof e === 'object' ? Object.values(e).flatMap(leaves) : []);

try {
  for (const d of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', d);
    if (!existsSync(join(dir, 'dist'))) throw new Error(`packages/${d}/dist is missing: run \`pnpm build\` first`);
    sh('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', tarballs], dir);
  }
  for (const t of readdirSync(tarballs).sort()) {
    const file = join(tarballs, t);
    const list = new Set(sh('tar', ['-tzf', file]).split('\n').filter(Boolean).map((l) => l.replace(/^package\//, '')));
    const pkg = JSON.parse(sh('tar', ['-xzOf', file, 'package/package.json']));
    const bad = (why) => problems.push(`${t}: ${why}`);
    if (!list.has('LICENSE')) bad('no LICENSE');
    if (pkg.license !== 'BSD-3-Clause') bad(`license ${pkg.license}`);
    for (const target of [...leaves(pkg.exports), pkg.main, pkg.module, pkg.types, ...leaves(pkg.bin)].filter(Boolean))
      if (!list.has(target.replace(/^\.\//, ''))) bad(`points at ${target}, which the tarball lacks`);
    if (JSON.stringify(pkg).includes('@gosim/source')) bad('still has the @gosim/source condition');
    for (const [dep, v] of Object.entries(pkg.dependencies ?? {})) if (String(v).startsWith('workspace:')) bad(`dependency ${dep}@${v}`);
    say(`${t}: ${list.size} files${problems.some((p) => p.startsWith(t)) ? '' : ', ok'}`);
  }

  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'gosim-pack-check', private: true, type: 'module' })}\n`);
  const all = readdirSync(tarballs).map((t) => join(tarballs, t));
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...all], project);
  say(`installed ${all.length} tarballs into ${project}`);

  const gosim = join(project, 'node_modules', '.bin', 'gosim');
  const run = (args, want) => {
    const r = spawnSync(gosim, args, { cwd: project, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const ok = r.status === want.status && want.text.every((t) => `${r.stdout}${r.stderr}`.includes(t));
    say(`gosim ${args.join(' ')}: status ${r.status}${ok ? ', ok' : ''}`);
    if (!ok) problems.push(`gosim ${args.join(' ')}: status ${r.status}\n${r.stdout}${r.stderr}`);
  };
  run(['demo'], { status: 0, text: ['defer_ptrs_goexit', 'new'] });
  run(['matrix'], { status: 0, text: ['16 mixtures × 5 scenarios'] });
  writeFileSync(join(project, 'hello.go'), 'package main\n\nfunc main() {\n\tprintln("hello from an installed gosim")\n}\n');
  run(['run', 'hello.go'], { status: 0, text: ['hello from an installed gosim'] });
  // the API as a user imports it, both module systems
  for (const [ext, code] of [
    ['mjs', "import { main } from '@gosim/cli'; import { policies } from '@gosim/runtime'; process.exitCode = typeof main === 'function' && policies.new ? 0 : 1;"],
    ['cjs', "const { main } = require('@gosim/cli'); const { compile } = require('@gosim/golang'); process.exitCode = typeof main === 'function' && typeof compile === 'function' ? 0 : 1;"],
  ]) {
    writeFileSync(join(project, `use.${ext}`), code);
    const r = spawnSync(process.execPath, [`use.${ext}`], { cwd: project, encoding: 'utf8' });
    say(`node use.${ext}: status ${r.status}${r.status === 0 ? ', ok' : ''}`);
    if (r.status !== 0) problems.push(`use.${ext}: ${r.stderr}`);
  }
} catch (e) {
  problems.push(e.stderr ? `${e.message}\n${e.stderr}` : e.message);
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
  else say(`kept ${scratch}`);
}
for (const p of problems) process.stdout.write(`pack-check: ${p}\n`);
say(problems.length === 0 ? 'pack-check: ok' : `pack-check: ${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
