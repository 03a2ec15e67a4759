'use strict';
// The cache folder's shared pieces (the launcher's code cache, bin/code-cache.cjs, and the compiled modules,
// src/module-cache.ts): where it is, file names by hash, and the bound on the files kept.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

/** gosim's cache folder: $XDG_CACHE_HOME/gosim or os.tmpdir()/gosim-cache-<uid>. */
function cacheBase() {
  return process.env.XDG_CACHE_HOME
    ? path.join(process.env.XDG_CACHE_HOME, 'gosim')
    : path.join(os.tmpdir(), `gosim-cache-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
}

/** 32-bit FNV-1a as 8 hex digits (node:crypto would cost its own load time). */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Removes the oldest `.bin` files of dir (by mtime) past `keep`. */
function prune(dir, keep) {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
  if (names.length <= keep) return;
  const aged = names.map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { n } of aged.slice(keep)) fs.unlinkSync(path.join(dir, n));
}

module.exports = { cacheBase, fnv1a, prune };
