#!/usr/bin/env node
// Zeroing a range of a SharedArrayBuffer (the address space's fixed backing) by 8-byte stores in a loop, by
// Float64Array fill() and by Uint8Array fill(), for sizes from 32 B to 64 KiB: zeroWords's crossover (word.ts).
//   node packages/memory/bench/zero.mjs
const buf = new SharedArrayBuffer(1 << 26);
const f64 = new Float64Array(buf);
const u8 = new Uint8Array(buf);
for (const words of [4, 8, 16, 32, 64, 128, 1024, 8192]) {
  const n = Math.max(1e4, 4e7 / words);
  const res = [];
  for (const [name, fn] of [
    ['f64 loop', (s) => { for (let i = s; i < s + words; i++) f64[i] = 0; }],
    ['f64 fill', (s) => { f64.fill(0, s, s + words); }],
    ['u8 fill', (s) => { u8.fill(0, s * 8, (s + words) * 8); }],
  ]) {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      for (let i = 0; i < n; i++) fn((i & 1023) * 1024);
      best = Math.min(best, ((performance.now() - t) * 1e6) / n);
    }
    res.push(`${name} ${best.toFixed(1)} ns`);
  }
  console.log(`${String(words * 8).padStart(6)} B: ${res.join('   ')}`);
}
