// Throughput of the memory package. Run after building: `npx tsup && node bench/memory.bench.mjs`.
import { AddressSpace, Heap, readWord, writeWord } from '../dist/index.js';

function rate(n, ms) {
  const r = (n * 1000) / ms;
  return r >= 1e6 ? `${(r / 1e6).toFixed(1)} M` : `${(r / 1e3).toFixed(1)} k`;
}

function time(fn) {
  fn(); // warm up
  const t0 = performance.now();
  const n = fn();
  return [n, performance.now() - t0];
}

// Deterministic sizes without Math.random (xorshift).
function rng(seed) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

// Allocations with a GC (mark every other object of the last batch, sweep) whenever the heap reaches its goal.
function allocBench(n, sizeOf) {
  return () => {
    const heap = new Heap(new AddressSpace());
    const recent = new Float64Array(4096);
    let k = 0;
    const next = rng(42);
    for (let i = 0; i < n; i++) {
      recent[k++ & 4095] = heap.alloc(sizeOf(next), -1);
      if (heap.needsGC()) {
        for (let j = 0; j < 4096; j += 2) if (recent[j] !== 0) heap.mark(recent[j]);
        heap.sweep();
        recent.fill(0);
      }
    }
    return n;
  };
}

const small = time(allocBench(2_000_000, (r) => 16 + Math.floor(r() * 49)));
console.log(`alloc small (16-64 B) with mark+sweep: ${rate(...small)} allocs/s`);
const mixed = time(allocBench(500_000, (r) => 16 + Math.floor(r() * r() * 32752)));
console.log(`alloc mixed (16 B-32 KiB) with mark+sweep: ${rate(...mixed)} allocs/s`);
const large = time(allocBench(20_000, (r) => 65536 + Math.floor(r() * (1048576 - 65536))));
console.log(`alloc large (64 KiB-1 MiB) with mark+sweep: ${rate(...large)} allocs/s`);

const space = new AddressSpace();
const region = space.mapRegion(1 << 20);
const words = (1 << 20) / 8;
const wordOps = time(() => {
  const i32 = space.i32;
  const rounds = 40;
  for (let r = 0; r < rounds; r++) {
    for (let w = 0; w < words; w++) {
      const a = region + w * 8;
      writeWord(i32, a, readWord(i32, a) + 1);
    }
  }
  return rounds * words * 2;
});
console.log(`readWord/writeWord (unchecked): ${rate(...wordOps)} word ops/s`);
const checkedOps = time(() => {
  const rounds = 20;
  for (let r = 0; r < rounds; r++) {
    for (let w = 0; w < words; w++) {
      const a = region + w * 8;
      space.store64(a, space.load64(a) - 1);
    }
  }
  return rounds * words * 2;
});
console.log(`load64/store64 (checked): ${rate(...checkedOps)} word ops/s`);

const moveBytes = time(() => {
  const half = 1 << 19;
  const rounds = 400;
  for (let r = 0; r < rounds; r++) space.memmove(region + (r & 1 ? half : 0), region + (r & 1 ? 0 : half), half);
  return rounds * half;
});
const [mb, mms] = moveBytes;
console.log(`memmove (512 KiB blocks): ${((mb * 1000) / mms / 2 ** 30).toFixed(2)} GiB/s`);
