import { AddressSpace, FirstMappableAddress, isMemoryFault, MemoryFault, OutOfMemoryError, PageSize } from '../src/index.js';

function faultOf(f: () => unknown): MemoryFault {
  try {
    f();
  } catch (e) {
    if (isMemoryFault(e)) return e;
    throw e;
  }
  throw new Error('expected a MemoryFault');
}

describe('AddressSpace regions', () => {
  test('mapped regions are page-aligned, zero-filled, disjoint and never at page 0', () => {
    const as = new AddressSpace({ initialBytes: PageSize * 4 });
    const a = as.mapRegion(100);
    const b = as.mapRegion(3 * PageSize + 1);
    expect(a).toBeGreaterThanOrEqual(FirstMappableAddress);
    expect(a % PageSize).toBe(0);
    expect(b).toBeGreaterThanOrEqual(a + PageSize);
    expect(as.isMapped(a)).toBe(true);
    expect(as.isMapped(b + 4 * PageSize - 1)).toBe(true);
    expect(as.isMapped(0)).toBe(false);
    for (let i = 0; i < 4 * PageSize; i += 8) expect(as.load64(b + i)).toBe(0);
  });

  test('views captured before growth still see memory after the buffer grows', () => {
    const as = new AddressSpace({ initialBytes: PageSize });
    const view = as.i32;
    const a = as.mapRegion(1 << 20);
    as.store32(a + 1000, 12345);
    expect(view[(a + 1000) / 4]).toBe(12345);
    expect(as.byteLength).toBeGreaterThanOrEqual(a + (1 << 20));
  });

  test('mapRegion honours alignment larger than a page', () => {
    const as = new AddressSpace();
    as.mapRegion(PageSize);
    const a = as.mapRegion(PageSize, 64 * 1024);
    expect(a % (64 * 1024)).toBe(0);
  });

  test('a released range is reused first-fit, zeroed, and coalesced with its neighbours', () => {
    const as = new AddressSpace();
    const a = as.mapRegion(PageSize);
    const b = as.mapRegion(PageSize);
    const c = as.mapRegion(PageSize);
    as.mapRegion(PageSize); // keeps the range below from folding into the bump region
    as.store64(b, 77);
    as.releaseRegion(a, PageSize);
    as.releaseRegion(c, PageSize);
    as.releaseRegion(b, PageSize);
    const big = as.mapRegion(3 * PageSize);
    expect(big).toBe(a);
    expect(as.load64(b)).toBe(0);
  });

  test('a range released at the top of the space is zero when mapped again', () => {
    const as = new AddressSpace();
    const a = as.mapRegion(2 * PageSize);
    as.fill(a, 2 * PageSize, 0xab);
    as.releaseRegion(a, 2 * PageSize);
    expect(as.mapRegion(PageSize)).toBe(a);
    const b = as.mapRegion(2 * PageSize);
    expect(b).toBe(a + PageSize);
    for (let i = 0; i < 2 * PageSize; i += 8) if (as.load64(b + i) !== 0) throw new Error(`dirty at ${i}`);
  });

  test('an unmapped region faults and is not handed out again', () => {
    const as = new AddressSpace();
    const a = as.mapRegion(2 * PageSize);
    as.unmapRegion(a, 2 * PageSize);
    const f = faultOf(() => as.load64(a + PageSize));
    expect(f.kind).toBe('unmapped');
    expect(f.addr).toBe(a + PageSize);
    expect(as.mapRegion(PageSize)).not.toBe(a);
  });

  test('exceeding maxBytes throws OutOfMemoryError, not a fault', () => {
    const as = new AddressSpace({ maxBytes: 1 << 20 });
    expect(() => as.mapRegion(2 << 20)).toThrow(OutOfMemoryError);
    expect(as.mapRegion(PageSize)).toBeGreaterThan(0);
  });
});

describe('AddressSpace faults', () => {
  const as = new AddressSpace();
  const base = as.mapRegion(PageSize);

  test('nil dereferences fault with an address below the first page', () => {
    for (const f of [() => as.load64(0), () => as.load8(8), () => as.store64(100, 1), () => as.load32(16)]) {
      const fault = faultOf(f);
      expect(fault.addr).toBeLessThan(PageSize);
      expect(fault.kind).toBe('unmapped');
    }
    expect(faultOf(() => as.store64(100, 1)).write).toBe(true);
  });

  test('misaligned accesses on mapped pages fault as misaligned', () => {
    const f = faultOf(() => as.load64(base + 1));
    expect(f.kind).toBe('misaligned');
    expect(f.size).toBe(8);
    expect(faultOf(() => as.store32(base + 2, 0)).kind).toBe('misaligned');
    expect(faultOf(() => as.load16(base + 3)).kind).toBe('misaligned');
  });

  test('non-addresses (negative, fractional, >= 2^32, poison values) fault as range, keeping the value', () => {
    const poison = Number(0xfdfdfdfdfdfdfdfdn);
    const f = faultOf(() => as.load64(poison));
    expect(f.kind).toBe('range');
    expect(f.addr).toBe(poison);
    expect(faultOf(() => as.load8(-1)).kind).toBe('range');
    expect(faultOf(() => as.load8(base + 0.5)).kind).toBe('range');
    expect(faultOf(() => as.store8(2 ** 32, 0)).kind).toBe('range');
  });

  test('a fault is an Error with a readable message and leaves Error.stackTraceLimit alone', () => {
    const limit = Error.stackTraceLimit;
    const f = faultOf(() => as.store8(0x10, 1));
    expect(f).toBeInstanceOf(Error);
    expect(f.message).toBe('memory fault: store of 1 bytes at 0x10 (unmapped)');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  test('bulk operations fault when any page of the range is unmapped', () => {
    expect(faultOf(() => as.memclr(base + PageSize - 8, 16)).addr).toBe(base + PageSize);
    expect(faultOf(() => as.memmove(base, 0, 8)).write).toBe(false);
    expect(() => as.memclr(base, PageSize)).not.toThrow();
  });
});
