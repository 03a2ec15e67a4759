// growslice's capacity rule and decoderune, checked against what go1.19.8 gives (caps printed by a Go program
// appending one element at a time: ints 1 2 4 ... 512 848 1280, bytes 8 16 32 64 128, [3]int 1 2 4 8 16 32).
import { decodeRune, encodeRune, growCap } from '../src/slice';

describe('growslice', () => {
  test('doubling below 256 elements, then 1.25x steps, rounded up to the size classes', () => {
    const caps = (es: number, n: number): number[] => {
      const out: number[] = [];
      let cap = 0;
      for (let len = 0; len < n; len++) if (len + 1 > cap) out.push((cap = growCap(cap, len + 1, es)));
      return out;
    };
    expect(caps(8, 1100)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280]);
    expect(caps(1, 100)).toEqual([8, 16, 32, 64, 128]);
    expect(caps(24, 20)).toEqual([1, 2, 4, 8, 16, 32]);
  });
});

describe('decoderune', () => {
  const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  test('valid sequences, and U+FFFD with a one-byte step for bad ones', () => {
    const b = bytes('a\xc3\xa9\xe4\xb8\x96\xf0\x9f\x98\x80\xff\xe4\xb8');
    const seen: [number, number][] = [];
    for (let k = 0; k < b.length;) {
      const [r, next] = decodeRune(b, 0, b.length, k);
      seen.push([k, r]);
      k = next;
    }
    expect(seen).toEqual([[0, 0x61], [1, 0xe9], [3, 0x4e16], [6, 0x1f600], [10, 0xfffd], [11, 0xfffd], [12, 0xfffd]]);
  });
  test('surrogates and out-of-range code points encode as U+FFFD', () => {
    expect(encodeRune(0xd800)).toEqual([0xef, 0xbf, 0xbd]);
    expect(encodeRune(0x110000)).toEqual([0xef, 0xbf, 0xbd]);
    expect(encodeRune(-1)).toEqual([0xef, 0xbf, 0xbd]);
    expect(encodeRune(0x4e16)).toEqual([0xe4, 0xb8, 0x96]);
  });
});
