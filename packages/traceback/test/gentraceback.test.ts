import { GoThrow } from '@gosim/stack';
import { callers, gentraceback, printCreatedBy, printName, printTraceback, showframe, Stkframe, tracebackNew, tracebackOld } from '../src/index.js';
import { buildStack, layouts, makeWorld, snap } from './world.js';

const policies = [
  ['old', tracebackOld],
  ['new', tracebackNew],
] as const;

describe.each(policies)('gentraceback (%s policy)', (_n, pol) => {
  test('reports a hand-built 3-frame stack innermost first, with sp/fp/argp/arglen/lr from frame sizes and return PC words; stops at runtime.goexit', () => {
    const w = makeWorld();
    const { g } = buildStack(w, [
      { name: 'main.main', at: 3 },
      { name: 'main.f', at: 5 },
      { name: 'main.g', at: 2 },
    ]);
    const main = w.fn('main.main');
    const f = w.fn('main.f');
    const gf = w.fn('main.g');
    // the layout, spelled out: main's frame under the goexit return PC at the top of the stack
    const mainSp = g.hi - 8 - main.frameSize;
    const fSp = mainSp - 8 - f.frameSize;
    const gSp = fSp - 8 - gf.frameSize;
    expect(g.sp).toBe(gSp);
    const seen: ReturnType<typeof snap>[] = [];
    const n = gentraceback(w.ctx, pol, g, (fr) => (seen.push(snap(fr)), true));
    expect(n).toBe(3);
    expect(seen).toEqual([
      { fn: 'main.g', pc: gf.entry + 8, continpc: gf.entry + 8, lr: f.entry + 20, sp: gSp, fp: fSp, localsSize: gf.frameSize, argp: fSp, arglen: 24 },
      { fn: 'main.f', pc: f.entry + 20, continpc: f.entry + 20, lr: main.entry + 12, sp: fSp, fp: mainSp, localsSize: f.frameSize, argp: mainSp, arglen: 16 },
      { fn: 'main.main', pc: main.entry + 12, continpc: main.entry + 12, lr: w.fn('runtime.goexit').entry + 4, sp: mainSp, fp: g.hi, localsSize: main.frameSize, argp: g.hi, arglen: 0 },
    ]);
  });

  test('a frame at its entry has no locals: fp = sp + 8 and the return PC is the word at sp', () => {
    const w = makeWorld();
    const { g, frames } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 0 }], { atEntry: true });
    const f = w.fn('main.f');
    const seen: ReturnType<typeof snap>[] = [];
    gentraceback(w.ctx, pol, g, (fr) => (seen.push(snap(fr)), true));
    expect(seen[0]).toEqual({ fn: 'main.f', pc: f.entry, continpc: f.entry, lr: w.fn('main.main').entry + 12, sp: g.sp, fp: g.sp + 8, localsSize: 0, argp: g.sp + 8, arglen: 16 });
    expect(seen[1]!.sp).toBe(frames[1]!.sp);
  });

  test('a return PC just past a function (the CALL was its last instruction) is looked up at pc-1', () => {
    const w = makeWorld();
    const { g } = buildStack(w, [{ name: 'main.main', at: 8 }, { name: 'main.f', at: 2 }]);
    const names: string[] = [];
    gentraceback(w.ctx, pol, g, (fr) => (names.push(fr.fn!.name), true));
    expect(names).toEqual(['main.f', 'main.main']);
  });

  test('the callback returning false and max both stop the walk; the frame object is reused', () => {
    const w = makeWorld();
    const { g } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 5 }, { name: 'main.g', at: 2 }]);
    expect(gentraceback(w.ctx, pol, g, (fr) => fr.fn!.name !== 'main.f')).toBe(2);
    expect(gentraceback(w.ctx, pol, g, () => true, 1)).toBe(1);
    const frame = new Stkframe();
    const objs = new Set<Stkframe>();
    gentraceback(w.ctx, pol, g, (fr) => (objs.add(fr), true), Infinity, frame);
    expect([...objs]).toEqual([frame]);
  });

  test('a return PC outside the text prints "runtime: unexpected return pc" and throws "unknown caller pc"', () => {
    const w = makeWorld();
    const { g, frames } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 5 }]);
    w.space.store64(frames[0]!.fp - 8, 0x1234);
    expect(() => gentraceback(w.ctx, pol, g, () => true)).toThrow(new GoThrow('unknown caller pc'));
    expect(w.printed).toEqual(['runtime: unexpected return pc 0x1234\n']);
  });

  test('a poisoned return PC is printed exactly, never through a rounded double', () => {
    const w = makeWorld();
    const { g, frames } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 5 }]);
    w.space.store64Big(frames[0]!.fp - 8, 0xfdfdfdfdfdfdfdfdn);
    expect(() => gentraceback(w.ctx, pol, g, () => true)).toThrow(new GoThrow('unknown caller pc'));
    expect(w.printed).toEqual(['runtime: unexpected return pc 0xfdfdfdfdfdfdfdfd\n']);
  });
});

test('callers writes the frames pcs after skipping `skip`, at most max, runtime.goexit\'s return PC last (as Go\'s)', () => {
  const w = makeWorld();
  const { g, frames } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 5 }, { name: 'main.g', at: 2 }]);
  const out: number[] = [];
  expect(callers(w.ctx, tracebackNew, g, 1, 10, (i, pc) => (out[i] = pc))).toBe(3);
  expect(out.slice(0, 2)).toEqual([frames[1]!.pc, frames[2]!.pc]);
  expect(w.ctx.prog.findfunc(out[2]! - 1)?.id).toBe(w.ctx.goexitId);
  expect(callers(w.ctx, tracebackNew, g, 0, 1, (i, pc) => (out[i] = pc))).toBe(1);
  expect(out[0]).toBe(frames[0]!.pc);
});

test.each(layouts)('printTraceback prints Go-style frames: name (a non-innermost gopanic as "panic"), argument words in hex, file:line, pc offset (%s layout)', (_n, layout) => {
  const w = makeWorld(layout);
  const { g, frames } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'runtime.gopanic', at: 5 }, { name: 'main.g', at: 2 }]);
  w.space.store64(frames[0]!.fp, 1);
  w.space.store64(frames[0]!.fp + 8, -1);
  w.space.store64(frames[0]!.fp + 16, 0xabc);
  w.space.store64(frames[1]!.fp, 5);
  w.space.store64(frames[1]!.fp + 8, 0x10000);
  const lines = printTraceback(w.ctx, tracebackOld, g).split('\n');
  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe('main.g(0x1, 0xffffffffffffffff, 0xabc)');
  expect(lines[1]).toBe('\t/tmp/x.go:12 +0x8'); // the top frame: the line of its pc
  expect(lines[2]).toBe('panic({0x5, 0x10000})'); // gopanic(e any): one two-word argument
  expect(lines[3]).toMatch(/^\t\$GOROOT\/src\/runtime\/panic\.go:\d+ \+0x14$/);
  expect(lines[4]).toBe('main.main()');
  expect(lines[5]).toMatch(/^\t\/tmp\/x\.go:\d+ \+0xc$/);
  expect(printName('runtime.gopanic')).toBe('panic');
  expect(printName('main.f')).toBe('main.f');
  expect(printCreatedBy(w.ctx, 0)).toBe('');
  expect(printCreatedBy(w.ctx, w.fn('main.main').entry + 12)).toMatch(/^created by main\.main\n\t\/tmp\/x\.go:\d+ \+0xc\n$/);
});

test('printTraceback and printCreatedBy print the source line of the CALL for caller frames (pc-1)', () => {
  const w = makeWorld();
  const { g } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'runtime.gopanic', at: 5 }, { name: 'main.g', at: 2 }]);
  // instruction k of every function has line 10 + k; main's CALL is instruction 2, gopanic's 4
  expect(printTraceback(w.ctx, tracebackNew, g)).toBe(
    'main.g(0x0, 0x0, 0x0)\n\t/tmp/x.go:12 +0x8\n' +
      'panic({0x0, 0x0})\n\t$GOROOT/src/runtime/panic.go:14 +0x14\n' +
      'main.main()\n\t/tmp/x.go:12 +0xc\n',
  );
  expect(printCreatedBy(w.ctx, w.fn('main.main').entry + 12)).toBe('created by main.main\n\t/tmp/x.go:12 +0xc\n');
});

describe("Go 1.19's showframe (GOTRACEBACK=single)", () => {
  test('user and exported runtime functions show; runtime internals and the first gopanic do not', () => {
    expect(showframe('main.f', true)).toBe(true);
    expect(showframe('runtime.Goexit', false)).toBe(true);
    for (const name of ['runtime.main', 'runtime.sigpanic', 'runtime.panicdivide', 'runtime.goPanicIndex', 'runtime.call16']) {
      expect(showframe(name, false)).toBe(false);
    }
    expect(showframe('runtime.gopanic', true)).toBe(false);
    expect(showframe('runtime.gopanic', false)).toBe(true);
  });

  test('printTraceback hides the innermost gopanic, runtime.main and sigpanic; a later gopanic prints as panic({..})', () => {
    const w = makeWorld();
    const { g } = buildStack(w, [
      { name: 'runtime.main', at: 2 },
      { name: 'main.main', at: 3 },
      { name: 'runtime.gopanic', at: 5 },
      { name: 'main.a', at: 4 },
      { name: 'runtime.sigpanic', at: 2 },
      { name: 'runtime.gopanic', at: 3 },
    ]);
    expect(printTraceback(w.ctx, tracebackNew, g)).toBe(
      'main.a()\n\t/tmp/x.go:13 +0x10\n' +
        'panic({0x0, 0x0})\n\t$GOROOT/src/runtime/panic.go:14 +0x14\n' +
        'main.main()\n\t/tmp/x.go:12 +0xc\n',
    );
  });

  test('a parked goroutine shows the line of its blocking operation (its pc is a return PC)', () => {
    const w = makeWorld();
    const { g } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.a', at: 4 }]);
    expect(printTraceback(w.ctx, tracebackNew, g, { parked: true })).toBe('main.a()\n\t/tmp/x.go:13 +0x10\nmain.main()\n\t/tmp/x.go:12 +0xc\n');
    expect(printTraceback(w.ctx, tracebackNew, g)).toBe('main.a()\n\t/tmp/x.go:14 +0x10\nmain.main()\n\t/tmp/x.go:12 +0xc\n');
  });

  test('level 2 (a runtime throw) shows every frame, runtime.goexit too, with fp=, sp=, pc=; a frame at its entry has no +0x', () => {
    const w = makeWorld();
    const { g, frames } = buildStack(w, [{ name: 'runtime.main', at: 2 }, { name: 'main.a', at: 0 }], { atEntry: true });
    const [a, rt] = frames;
    const h = (n: number) => '0x' + n.toString(16);
    expect(printTraceback(w.ctx, tracebackNew, g, { all: true })).toBe(
      `main.a()\n\t/tmp/x.go:10 fp=${h(a!.fp)} sp=${h(a!.sp)} pc=${h(a!.pc)}\n` +
        `runtime.main()\n\t$GOROOT/src/runtime/proc.go:11 +0x8 fp=${h(rt!.fp)} sp=${h(rt!.sp)} pc=${h(rt!.pc)}\n` +
        // and the bottom frame the walk stops at
        `runtime.goexit()\n\t$GOROOT/src/runtime/asm_amd64.s:10 +0x4 fp=${h(rt!.fp + 8)} sp=${h(rt!.fp)} pc=${h(w.fn('runtime.goexit').entry + 4)}\n`,
    );
  });
});
