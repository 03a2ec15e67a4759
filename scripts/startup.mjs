#!/usr/bin/env node
// Whole-process measures (benchmark script, never a timed test): start-up of `gosim run` on a hello world (println,
// and fmt.Println) against a bare `node -e 0`; for each corpus/bench program, gosim's whole process and peak RSS and,
// when `yaegi` is installed, yaegi's; work time = whole process minus the same tool's hello-world time. Runs are
// paired (one of each per round, so a load spike on the shared machine hits them alike); medians are printed.
// Peak RSS is /usr/bin/time's %M (the child's max RSS, KiB) when present, else not shown.
//
//   node scripts/startup.mjs [--runs N] [--no-yaegi] [--startup-only] [FILTER]
// Also run by scripts/bench.mjs (section "whole process"). Needs a build (`pnpm build`).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gosimBin = join(root, 'packages/cli/bin/gosim.cjs');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** Runs argv once: wall ms, peak RSS in MiB (NaN without /usr/bin/time), status and the two streams. */
function timed(argv, scratch, env = process.env) {
  const rssFile = join(scratch, 'rss');
  const cmd = timeBin ? [timeBin, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ms = performance.now() - t;
  let rss = NaN;
  if (timeBin) {
    // /usr/bin/time writes "Command exited with non-zero status N" before %M when the child fails
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rss = Number(lines[lines.length - 1]) / 1024;
  }
  return { ms, rss, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const helloSrc = 'package main\n\nfunc main() {\n\tprintln("hello")\n}\n';
const helloFmtSrc = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n';

/**
 * Prints the start-up table and (unless startupOnly) the whole-process table; returns the number of programs
 * whose output was wrong under gosim.
 */
export function processMeasures({ runs = 5, filter = '', yaegi = true, startupOnly = false, log = console.log } = {}) {
  const { parseExpected, normalizeOutput } = requireRuntime();
  const scratch = mkdtempSync(join(tmpdir(), 'gosim-startup-'));
  const yaegiBin = yaegi ? onPath('yaegi') : undefined;
  try {
    const hello = join(scratch, 'hello.go');
    const helloFmt = join(scratch, 'hello_fmt.go');
    writeFileSync(hello, helloSrc);
    writeFileSync(helloFmt, helloFmtSrc);
    const cases = [
      { label: 'node -e 0', argv: [process.execPath, '-e', '0'] },
      { label: 'gosim run hello.go (println)', argv: [process.execPath, gosimBin, 'run', hello] },
      { label: 'gosim run hello_fmt.go (fmt.Println)', argv: [process.execPath, gosimBin, 'run', helloFmt] },
      // the launcher's V8 code cache off (packages/cli/bin/code-cache.cjs)
      { label: 'gosim run hello.go, GOSIM_NO_CACHE=1', argv: [process.execPath, gosimBin, 'run', hello], env: { ...process.env, GOSIM_NO_CACHE: '1' } },
      ...(yaegiBin
        ? [
            { label: 'yaegi run hello.go', argv: [yaegiBin, 'run', hello] },
            { label: 'yaegi run hello_fmt.go', argv: [yaegiBin, 'run', helloFmt] },
          ]
        : []),
    ].map((c) => ({ ...c, ms: [], rss: [] }));
    timed(cases[1].argv, scratch); // warm the file cache
    for (let i = 0; i < runs; i++)
      for (const c of cases) {
        const r = timed(c.argv, scratch, c.env);
        if (r.status !== 0 || (c !== cases[0] && !/hello/.test(r.stdout + r.stderr))) throw new Error(`${c.label}: status ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
        c.ms.push(r.ms);
        c.rss.push(r.rss);
      }
    const node0 = median(cases[0].ms);
    log(`start-up: whole process, median of ${runs} paired runs${yaegiBin ? '' : ' (yaegi not installed)'}:`);
    for (const c of cases) {
      const m = median(c.ms);
      log(`  ${c.label.padEnd(38)} ${fmt(m).padStart(6)} ms${c.label.startsWith('gosim') ? ` (node -e 0 + ${fmt(m - node0)} ms)` : ''}, peak RSS ${fmt(Math.max(...c.rss))} MiB`);
    }
    if (startupOnly) return 0;

    const benchDir = join(root, 'corpus/bench');
    const files = readdirSync(benchDir).filter((f) => f.endsWith('.go') && f.includes(filter)).sort();
    let bad = 0;
    const rows = [];
    for (const file of files) {
      const path = join(benchDir, file);
      const want = parseExpected(readFileSync(path.replace(/\.go$/, '.expected'), 'utf8'));
      const g = { work: [], rss: [], ok: true };
      const y = { work: [], rss: [], ok: !!yaegiBin, failed: '' };
      for (let i = 0; i < runs; i++) {
        // one round: gosim hello, gosim program, yaegi hello, yaegi program
        const gh = timed(cases[1].argv, scratch);
        const gp = timed([process.execPath, gosimBin, 'run', path], scratch);
        const got = normalizeOutput(gp.status ?? -1, gp.stdout, gp.stderr);
        if (got.exit !== want.exit || got.stdout !== want.stdout || got.stderr !== want.stderr) g.ok = false;
        g.work.push(gp.ms - gh.ms);
        g.rss.push(gp.rss);
        if (y.ok) {
          const yh = timed(cases.find((c) => c.label === 'yaegi run hello.go').argv, scratch);
          const yp = timed([yaegiBin, 'run', path], scratch);
          // yaegi 0.14 prints println to stdout (Go: stderr); compare the checksum line wherever it is
          const sum = (s) => s.split('\n').find((l) => l.startsWith('checksum:'));
          if (yp.status !== want.exit || sum(`${yp.stdout}\n${yp.stderr}`) !== sum(want.stderr)) {
            y.ok = false;
            y.failed = `status ${yp.status}${yp.status === want.exit ? ', wrong checksum' : ''}`;
          } else {
            y.work.push(yp.ms - yh.ms);
            y.rss.push(yp.rss);
          }
        }
      }
      if (!g.ok) bad++;
      rows.push({ file, g, y });
      process.stderr.write(process.stderr.isTTY ? `\r${file} done\x1b[K` : '');
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    log('');
    log(`whole process: work = the program's process minus the same tool's hello world (paired), median of ${runs}; peak RSS max:`);
    const head = ['program', 'gosim', 'gosim work ms', 'gosim MiB', 'yaegi work ms', 'yaegi MiB', 'gosim/yaegi'];
    const body = rows.map(({ file, g, y }) => {
      const gw = median(g.work);
      const yw = y.ok ? median(y.work) : NaN;
      return [
        file,
        g.ok ? 'ok' : 'WRONG',
        fmt(gw),
        fmt(Math.max(...g.rss)),
        y.ok ? fmt(yw) : yaegiBin ? `fails (${y.failed})` : '-',
        y.ok ? fmt(Math.max(...y.rss)) : '-',
        y.ok ? `${(gw / yw).toFixed(2)}` : '-',
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cols) => cols.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    log(line(head));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const b of body) log(line(b));
    return bad;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

let runtimeMod;
function requireRuntime() {
  if (!runtimeMod) throw new Error('startup: call loadRuntime() first');
  return runtimeMod;
}
/** Loads the built @gosim/runtime (for the .expected format); exits 70 without a build. */
export async function loadRuntime() {
  try {
    runtimeMod = await import(join(root, 'packages/runtime/dist/index.js'));
  } catch (e) {
    console.error(`startup: cannot load the built @gosim/runtime (${e.message.split('\n')[0]}); run \`pnpm build\` first`);
    process.exit(70);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--runs');
  const runs = i >= 0 ? Number(args.splice(i, 2)[1]) : 5;
  if (!(runs >= 1)) {
    console.error('startup: --runs needs a positive number');
    process.exit(64);
  }
  await loadRuntime();
  try {
    const bad = processMeasures({
      runs,
      yaegi: !args.includes('--no-yaegi'),
      startupOnly: args.includes('--startup-only'),
      filter: args.find((a) => !a.startsWith('--')) ?? '',
    });
    if (bad) {
      console.error(`startup: ${bad} program(s) gave the wrong output under gosim`);
      process.exit(1);
    }
  } catch (e) {
    console.error(`startup: ${e.message}`);
    process.exit(1);
  }
}
