#!/usr/bin/env node
'use strict';
// Launcher for the built CLI (run `pnpm build` first). `gosim run` without --plugin loads dist/run.cjs, one file
// with the packages a run needs inside; anything else dist/main.cjs, which loads only the chosen command's modules
// from the installed packages (a plugin must register into the same @gosim/runtime that @gosim/explore uses).
let flushCodeCache = () => {};
try {
  flushCodeCache = require('./code-cache.cjs').install();
} catch {
  // no code cache: Node compiles the modules itself
}
const argv = process.argv.slice(2);
const plugin = argv.some((a) => a === '--plugin' || a.startsWith('--plugin='));
const file = require('node:path').join(__dirname, '..', 'dist', argv[0] === 'run' && !plugin ? 'run.cjs' : 'main.cjs');
let cli;
try {
  cli = require(file);
} catch (e) {
  process.stderr.write(`gosim: internal error: cannot load ${file}; run \`pnpm build\` first (${e && e.message ? e.message.split('\n')[0] : e})\n`);
  process.exit(70);
}
// A closed pipe (`gosim run x.go | head`): end quietly, like a Go binary killed by SIGPIPE (status 141 in a shell).
for (const s of [process.stdout, process.stderr]) s.on('error', (e) => process.exit(e && e.code === 'EPIPE' ? 141 : 70));
cli.main(argv).then(
  (status) => { process.exitCode = status; flushCodeCache(); },
  (e) => { process.stderr.write(`gosim: internal error: ${e && e.message ? e.message : e}\n`); process.exitCode = 70; },
);
