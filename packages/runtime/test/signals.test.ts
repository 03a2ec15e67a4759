import { Module, Op, PrintKind } from '@gosim/program';
import { runModule } from '../src/index.js';
import { faultSiginfo } from '../src/signals.js';

describe('faultSiginfo: a SIGSEGV as linux/amd64 reports it', () => {
  const none = () => false;
  it('a non-canonical address (>= 2^47, every poison pattern) is SI_KERNEL 0x80 with address 0', () => {
    expect(faultSiginfo(2 ** 47, none)).toEqual({ code: 0x80, addr: 0 });
    expect(faultSiginfo(Number(0xfdfdfdfdfdfdfdfdn), none)).toEqual({ code: 0x80, addr: 0 });
    expect(faultSiginfo(-1, none)).toEqual({ code: 0x80, addr: 0 });
  });
  it('an unmapped canonical address is SEGV_MAPERR 0x1 with the address exact', () => {
    expect(faultSiginfo(0x7000_0008, none)).toEqual({ code: 0x1, addr: 0x7000_0008 });
    expect(faultSiginfo(2 ** 47 - 1, none)).toEqual({ code: 0x1, addr: 2 ** 47 - 1 });
  });
  it('a page made inaccessible (a stack freed under StackFaultOnFree) is SEGV_ACCERR 0x2', () => {
    expect(faultSiginfo(0x20000, (a) => a >= 0x20000 && a < 0x22000)).toEqual({ code: 0x2, addr: 0x20000 });
  });
});

describe('faults in runtime code', () => {
  /** main prints a string whose header points at an unmapped page (the fault is in print's runtime code). */
  function badString(): Module {
    const m = new Module();
    const f = m.func('main.main', { locals: [{ name: 's', size: 16, ptr: [0] }] });
    f.emit(Op.IMM, f.slot('s'), 0x7000_0000).emit(Op.IMM, f.slot('s', 8), 1);
    f.emit(Op.PRINT, PrintKind.String, f.slot('s')).emit(Op.RET).end();
    return m;
  }

  it('on the goroutine stack (not the system stack): Go sigpanics, "unexpected fault address", fatal error: fault', () => {
    const r = runModule(badString());
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      /^unexpected fault address 0x70000000\nfatal error: fault\n\[signal SIGSEGV: segmentation violation code=0x1 addr=0x70000000 pc=0x[0-9a-f]+\]\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n/,
    );
  });
});
