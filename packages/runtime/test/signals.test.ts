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
