import { fastrand, fastrandn } from '../src/fastrand.js';
import type { Machine } from '../src/machine.js';

// The BigInt wyrand the uint32-halves version must equal (Go 1.19 runtime.fastrand on amd64).
function reference(seed: number): () => number {
  const Mask64 = (1n << 64n) - 1n;
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n;
  return () => {
    s = (s + 0xa0761d6478bd642fn) & Mask64;
    const p = s * (s ^ 0xe7037ed1a0b428dbn);
    return Number(((p >> 64n) ^ p) & 0xffffffffn);
  };
}

const machine = (seed?: number): Machine => ({ opts: seed === undefined ? {} : { seed } }) as unknown as Machine;

describe('fastrand', () => {
  it.each([undefined, 0, 1, 2, 7, 42, 12345, -1, -99, 2 ** 31, 2 ** 40 + 3])('draws the reference sequence for seed %p', (seed) => {
    const m = machine(seed);
    const ref = reference(seed ?? 0);
    for (let i = 0; i < 5000; i++) expect(fastrand(m)).toBe(ref());
  });

  it('keeps one state per machine when machines interleave', () => {
    const a = machine(3);
    const b = machine(4);
    const ra = reference(3);
    const rb = reference(4);
    for (let i = 0; i < 100; i++) {
      expect(fastrand(a)).toBe(ra());
      expect(fastrand(b)).toBe(rb());
      expect(fastrand(b)).toBe(rb());
    }
  });

  it('fastrandn stays below n', () => {
    const m = machine(9);
    const ref = reference(9);
    for (let n = 1; n < 300; n++) expect(fastrandn(m, n)).toBe(Math.floor((ref() * n) / 2 ** 32));
  });
});
