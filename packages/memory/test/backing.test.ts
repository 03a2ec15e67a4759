import { giveBacking, takeBacking } from '../src/backing.js';
import { AddressSpace, PageSize } from '../src/index.js';

describe('backing store', () => {
  test('a released space hands its buffer to the next space of that size, zeroed', () => {
    const size = 64 * PageSize;
    const a = new AddressSpace({ maxBytes: size });
    const p = a.mapRegion(8 * PageSize);
    a.store64(p + 8, 0x1234);
    a.u8[p + 8 * PageSize - 1] = 0xff;
    const buf = a.u8.buffer;
    a.release();
    const b = new AddressSpace({ maxBytes: size });
    expect(b.u8.buffer).toBe(buf); // reused, not reallocated
    expect(b.u8.every((x) => x === 0)).toBe(true);
    expect(b.isMapped(p)).toBe(false);
    b.release();
  });

  test('fixed buffers span the whole space; the pool keeps at most two per size and only zeroed ones', () => {
    const size = 16 * PageSize;
    const bs = [takeBacking(size, PageSize, PageSize), takeBacking(size, PageSize, PageSize), takeBacking(size, PageSize, PageSize)];
    for (const b of bs) {
      expect(b.resizable).toBe(false);
      expect(b.buffer).toBeInstanceOf(SharedArrayBuffer); // its gigabytes do not count as V8 external memory
      expect(b.buffer.byteLength).toBe(size);
      new Uint8Array(b.buffer)[100] = 7;
      b.pages[0] = 1;
    }
    for (const b of bs) giveBacking(b, 101, PageSize);
    const again = [takeBacking(size, PageSize, PageSize), takeBacking(size, PageSize, PageSize), takeBacking(size, PageSize, PageSize)];
    const reused = again.filter((b) => bs.some((o) => o.buffer === b.buffer));
    expect(reused).toHaveLength(2);
    for (const b of again) expect([new Uint8Array(b.buffer)[100], b.pages[0]]).toEqual([0, 0]);
  });
});
