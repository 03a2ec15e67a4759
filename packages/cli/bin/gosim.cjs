#!/usr/bin/env node
'use strict';
// Launcher for the built CLI (run `pnpm build` first): dist/main.cjs, which loads only the chosen command's modules.
let flushCodeCache = () => {};
try {
  flushCodeCache = require('./code-cache.cjs').install();
} catch {
  // no code cache: Node compiles the modules itself
}
let cli;
try {
  cli = require('../dist/main.cjs');
} catch (e) {
  process.stderr.write(`gosim: internal error: cannot load ${require('node:path').join(__dirname, '../dist/main.cjs')}; run \`pnpm build\` first (${e && e.message ? e.message.split('\n')[0] : e})\n`);
  process.exit(70);
}
// A closed pipe (`gosim run x.go | head`): end quietly, like a Go binary killed by SIGPIPE (status 141 in a shell).
for (const s of [process.stdout, process.stderr]) s.on('error', (e) => process.exit(e && e.code === 'EPIPE' ? 141 : 70));
cli.main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; flushCodeCache(); },
  (e) => { process.stderr.write(`gosim: internal error: ${e && e.message ? e.message : e}\n`); process.exitCode = 70; },
);
