#!/usr/bin/env node
// Why the address space wants a fixed buffer (src/backing.ts): the same load/store loop through an Int32Array
// over a fixed ArrayBuffer, a SharedArrayBuffer (what backing.ts allocates), and a resizable one (length-tracking
// and fixed-length views), run in turn.
//   node packages/memory/bench/backing.mjs [ROUNDS]
const rounds = Number(process.argv[2] ?? 20000);
const loop = () =>
  new Function('i32', 'n', `let s = 0;
    for (let r = 0; r < n; r++) for (let i = 0; i < 4096; i += 2) { i32[i] = i32[i + 1] + r; s += i32[i]; }
    return s;`);
const rab = new ArrayBuffer(1 << 20, { maxByteLength: 1 << 30 });
const views = {
  fixed: new Int32Array(new ArrayBuffer(1 << 20)),
  'shared (fixed)': new Int32Array(new SharedArrayBuffer(1 << 20)),
  'resizable, length-tracking': new Int32Array(rab),
  'resizable, fixed length': new Int32Array(rab, 0, (1 << 20) / 4),
};
const best = {};
for (let k = 0; k < 3; k++)
  for (const [name, v] of Object.entries(views)) {
    const f = loop(); // a fresh function per view: each stays monomorphic
    const t = performance.now();
    f(v, rounds);
    best[name] = Math.min(best[name] ?? Infinity, performance.now() - t);
  }
const ns = (ms) => ((ms * 1e6) / (rounds * 2048)).toFixed(2);
for (const [name, ms] of Object.entries(best))
  console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${ns(ms)} ns/iteration  ${(ms / best.fixed).toFixed(2)}x fixed`);
