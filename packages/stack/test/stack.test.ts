import { AddressSpace, isMemoryFault } from '@gosim/memory';
import { G, GoThrow, isGoThrow, layFrames, popFrame, prologueFits, pushReturnPC, setStack, StackAllocator, StackGuard, StackMinDefault, throwGo } from '../src/index.js';

describe('stack allocation', () => {
  test('small stacks come back from their per-order pool; large ones from a free list, still mapped', () => {
    const space = new AddressSpace();
    const a = new StackAllocator(space);
    expect(a.stackMin).toBe(StackMinDefault);
    const s1 = a.stackalloc(4096);
    a.stackfree(s1, 4096);
    expect(a.stackalloc(4096)).toBe(s1);
    const big = a.stackalloc(1 << 20);
    space.store64(big + 8, 7);
    a.stackfree(big, 1 << 20);
    expect(space.isMapped(big)).toBe(true); // as Go's heap keeps freed stack spans
    expect(a.stackalloc(1 << 20)).toBe(big);
    expect(a.inuse).toBe(4096 + (1 << 20));
  });

  test('with fault-on-free a freed stack is unmapped for good and never handed out again', () => {
    const space = new AddressSpace();
    const a = new StackAllocator(space, { faultOnFree: true });
    const s = a.stackalloc(8192);
    a.stackfree(s, 8192);
    expect(() => space.load64(s)).toThrow();
    let caught: unknown;
    try {
      space.store64(s + 16, 1);
    } catch (e) {
      caught = e;
    }
    expect(isMemoryFault(caught) && caught.kind === 'unmapped' && caught.addr === s + 16).toBe(true);
    expect(a.stackalloc(8192)).not.toBe(s);
  });

  test('a stack freed under fault-on-free is known as one (its faults are SEGV_ACCERR), other addresses are not', () => {
    const space = new AddressSpace();
    const a = new StackAllocator(space, { faultOnFree: true });
    const s = a.stackalloc(8192);
    const live = a.stackalloc(8192);
    expect(a.isFaultedStack(s)).toBe(false);
    a.stackfree(s, 8192);
    expect([a.isFaultedStack(s), a.isFaultedStack(s + 8191), a.isFaultedStack(s + 8192 === live ? live : s + 8192)]).toEqual([true, true, false]);
    expect(a.isFaultedStack(live)).toBe(false);
  });

  test('stackMin is configurable (the CL used 8192) and must be a power of two >= 2048', () => {
    expect(new StackAllocator(new AddressSpace(), { stackMin: 8192 }).stackMin).toBe(8192);
    expect(() => new StackAllocator(new AddressSpace(), { stackMin: 3000 })).toThrow(RangeError);
    expect(() => new StackAllocator(new AddressSpace(), { stackMin: 1024 })).toThrow(RangeError);
  });
});

describe('frames', () => {
  test('setStack puts the guard StackGuard bytes above lo; the prologue check uses it', () => {
    const g = new G(1);
    setStack(g, 0x20000, 2048);
    expect([g.lo, g.hi, g.stackguard]).toEqual([0x20000, 0x20800, 0x20000 + StackGuard]);
    expect(prologueFits(g, 0x20800, 2048 - StackGuard)).toBe(true);
    expect(prologueFits(g, 0x20800, 2048 - StackGuard + 8)).toBe(false);
  });

  test('a call writes the return PC below sp; a return reads it back above the frame', () => {
    const space = new AddressSpace();
    const lo = space.mapRegion(4096);
    const sp = lo + 4096;
    const entry = pushReturnPC(space.i32, sp, 0xc0000044);
    expect(entry).toBe(sp - 8);
    expect(space.load64(sp - 8)).toBe(0xc0000044);
    const calleeSp = entry - 48; // a 48-byte frame
    expect(popFrame(space.i32, calleeSp, 48)).toEqual([0xc0000044, sp]);
  });

  test('throw carries Go\'s fatal error text', () => {
    expect(() => throwGo('stack overflow')).toThrow(GoThrow);
    let caught: unknown;
    try {
      throwGo('bad pointer!');
    } catch (e) {
      caught = e;
    }
    expect(isGoThrow(caught) && caught.message).toBe('fatal error: bad pointer!');
  });
});

test('layFrames lays frames as the calling convention does: args, return PC, locals, callee below', () => {
  const { Module, Op, link } = require('@gosim/program') as typeof import('@gosim/program');
  const m = new Module();
  m.func('main.outer', { args: [{ name: 'a', size: 16 }], locals: [{ name: 'x', size: 40 }], outgoing: 8 }).emit(Op.NOP).emit(Op.RET).end();
  m.func('main.inner', { args: [{ name: 'p', size: 8 }], locals: [{ name: 'y', size: 24 }] }).emit(Op.NOP).emit(Op.RET).end();
  const p = link(m);
  const space = new AddressSpace();
  const g = new G(1);
  setStack(g, space.mapRegion(4096), 4096);
  const [outer, inner] = layFrames(space, g, 0xc0ffee, [{ fn: p.func('main.outer')!, at: 1 }, { fn: p.func('main.inner')!, at: 1 }]);
  expect(outer!.fp).toBe(g.hi - 16); // the outermost arguments at the top
  expect(space.load64(outer!.fp - 8)).toBe(0xc0ffee);
  expect(outer!.sp).toBe(outer!.fp - 8 - 48);
  expect(inner!.fp).toBe(outer!.sp); // the callee's arguments are the caller's outgoing area
  expect(space.load64(inner!.fp - 8)).toBe(outer!.pc);
  expect([g.pc, g.sp, g.atEntry]).toEqual([inner!.pc, inner!.sp, false]);
  const atEntry = layFrames(space, g, 0xc0ffee, [{ fn: p.func('main.outer')!, at: 1 }, { fn: p.func('main.inner')!, at: 0 }], true);
  expect(atEntry[1]!.sp).toBe(atEntry[0]!.sp - 8); // no locals yet
  expect(g.atEntry).toBe(true);
});
