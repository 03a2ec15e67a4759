#!/usr/bin/env node
'use strict';
// Launcher for the built CLI (run `pnpm build` first). `gosim run` without --plugin loads dist/run.cjs, one file
// with the packages a run needs inside (and dist/compile.cjs, the compiler, when it compiles a file); anything else
// dist/main.cjs, which loads only the chosen command's modules from the installed packages (a plugin must register
// into the same @gosim/runtime that @gosim/explore uses).
const path = require('node:path');
let flushCodeCache = () => {};
try {
  flushCodeCache = require('./code-cache.cjs').install();
} catch {
  // no code cache: Node compiles the modules itself
}
const argv = process.argv.slice(2);
const plugin = argv.some((a) => a === '--plugin' || a.startsWith('--plugin='));
const bundle = argv[0] === 'run' && !plugin;
const file = path.join(__dirname, '..', 'dist', bundle ? 'run.cjs' : 'main.cjs');
// Compiled modules (src/module-cache.ts) for the bundle: its two files (run.cjs, and compile.cjs with the compiler
// and the standard packages) hold all the code that compiles, so their identities (inode, mtime, size) name the build.
let moduleCache;
if (bundle && process.env.GOSIM_NO_CACHE !== '1') {
  try {
    const id = (f) => {
      const st = require('node:fs').statSync(f);
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    };
    const compiler = `${id(file)}/${id(path.join(path.dirname(file), 'compile.cjs'))}`;
    moduleCache = { dir: path.join(require('./cache-files.cjs').cacheBase(), `modules-${process.version}-${process.arch}`), compiler };
  } catch {
    // no cache
  }
}
let cli;
try {
  cli = require(file);
} catch (e) {
  process.stderr.write(`gosim: internal error: cannot load ${file}; run \`pnpm build\` first (${e && e.message ? e.message.split('\n')[0] : e})\n`);
  process.exit(70);
}
// `gosim run` writes to the descriptors themselves (fd-output.cjs: the program sees a failed write as Go's would);
// the other commands write through Node's streams and end quietly on a closed pipe (status 141, as SIGPIPE would).
const fdOutput = require('./fd-output.cjs');
let io;
if (argv[0] === 'run') io = fdOutput.fdOutput();
else for (const s of [process.stdout, process.stderr]) s.on('error', fdOutput.exitOnWriteError);
cli.main(argv, { ...io, ...(moduleCache ? { moduleCache } : {}) }).then(
  (status) => { process.exitCode = status; flushCodeCache(); },
  (e) => { process.stderr.write(`gosim: internal error: ${e && e.message ? e.message : e}\n`); process.exitCode = 70; },
);
