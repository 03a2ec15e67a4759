'use strict';
// V8 code cache for the launcher's CommonJS modules (Node 20 has no module.enableCompileCache): each .cjs/.js
// module is compiled through vm.Script with the cached data of its last run, and after a run the data (now with
// the functions that run compiled) is written back. Only compilation is skipped: the same source runs, so results
// never change. Key: the file's path, inode, size and mtime, Node's version and V8's flags (V8 also rejects stale data
// itself). Safe to delete. Directory: $XDG_CACHE_HOME/gosim or os.tmpdir()/gosim-cache-<uid>, at most MaxFiles
// files; off with GOSIM_NO_CACHE=1. Any failure here falls back to Node's own loader.
const Module = require('node:module');
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const { cacheBase, fnv1a, prune } = require('./cache-files.cjs');

const cacheDir = () => path.join(cacheBase(), `code-${process.version}-${process.arch}`);

/** Files kept: each build of a module leaves one, so a write removes the oldest past this many. */
const MaxFiles = 128;

/**
 * Installs the hook; returns a function that writes the new cached data (call it once, at exit) and returns how
 * many modules' data it wrote (0: every module came from the cache, or the cache is off or not writable).
 */
function install() {
  if (process.env.GOSIM_NO_CACHE === '1' || typeof Module.wrap !== 'function') return () => 0;
  const dir = cacheDir();
  const flags = process.execArgv.join(' ');
  const pending = []; // { file, script } whose data was missing or rejected
  const original = Module.prototype._compile;
  Module.prototype._compile = function compile(content, filename) {
    // a module that uses import() needs Node's own loader (vm.Script has no dynamic import here)
    if (content.includes('import(')) return original.call(this, content, filename);
    let st;
    try {
      st = fs.statSync(filename);
    } catch {
      return original.call(this, content, filename);
    }
    // V8 checks only the source's length against the data: the key must change with any edit (mtime to the ns)
    const key = `${fnv1a(`${filename}\0${flags}\0${st.ino}\0${st.mtimeMs}`)}-${st.size}`;
    const file = path.join(dir, `${key}.bin`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ file, script });
    const fn = script.runInThisContext({ displayErrors: true });
    const mod = this;
    const require = (id) => mod.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
    require.main = process.mainModule;
    require.cache = Module._cache;
    require.extensions = Module._extensions;
    return fn.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
  };
  return () => {
    Module.prototype._compile = original;
    if (pending.length === 0) return 0;
    let written = 0;
    try {
      fs.mkdirSync(dir, { recursive: true });
      for (const { file, script } of pending) {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, file); // atomic: a concurrent reader sees the old file or the new one
        written++;
      }
      prune(dir, MaxFiles);
    } catch {
      // a read-only or full cache directory only costs the next start-up its compile time
    }
    return written;
  };
}

module.exports = { install };
