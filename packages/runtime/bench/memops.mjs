#!/usr/bin/env node
// ns per operation of the memory package's bulk operations and the small-object allocation fast path, through a
// built @gosim/memory (default packages/memory/dist; pass another dist directory to compare two builds).
//   node packages/runtime/bench/memops.mjs [MEMORY_DIST_DIR]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = process.argv[2] ?? join(root, 'packages/memory/dist');
const { AddressSpace, Heap, typeDesc } = await import(join(dist, 'index.js'));

const as = new AddressSpace();
const base = as.mapRegion(1 << 16);
const N = 2_000_000;
function bench(name, f) {
  f(10_000); // warm-up
  const times = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    f(N);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${((times[2] * 1e6) / N).toFixed(1).padStart(7)} ns/op`);
}
bench('memmove 8 B', (n) => { for (let i = 0; i < n; i++) as.memmove(base + ((i & 511) << 6), base + 32768, 8); });
bench('memmove 48 B', (n) => { for (let i = 0; i < n; i++) as.memmove(base + ((i & 511) << 6), base + 32768, 48); });
bench('memclr 64 B (a defer record)', (n) => { for (let i = 0; i < n; i++) as.memclr(base + ((i & 511) << 6), 64); });
bench('memclr 256 B', (n) => { for (let i = 0; i < n; i++) as.memclr(base + ((i & 63) << 8), 256); });
const heap = new Heap(new AddressSpace(), { gcPercent: -1 });
const t = heap.registerType(typeDesc('node', 24, [1, 2]));
let live = [];
bench('heap.alloc 24 B + free', (n) => {
  for (let i = 0; i < n; i++) {
    live.push(heap.alloc(24, t));
    if (live.length === 256) { for (const p of live) heap.free(p); live = []; }
  }
});
