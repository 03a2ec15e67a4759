import { Module, link, validate, Op, opShape, disassemble, bitSet, IRError, LinkError, pcOf } from '../src/index.js';

function sample(): Module {
  const m = new Module();
  const f = m.func('main.useStackAndCall', {
    args: [{ name: 'n', size: 8 }, { name: 'f', size: 8, ptr: true }],
    locals: [{ name: 'b', size: 1024 }, { name: 'p', size: 8, ptr: true }],
    outgoing: 16,
  });
  const done = f.label();
  f.emit(Op.JZ, f.slot('n'), 0);
  f.jump(Op.JMP, done);
  f.emit(Op.MOV, f.out(0), f.slot('n'));
  f.call('main.useStackAndCall');
  f.bind(done).emit(Op.RET);
  f.end();
  const g = m.func('main.main', { outgoing: 16 });
  g.emit(Op.RET).end();
  return m;
}

test('link lays out frames, pointer maps and absolute jump targets', () => {
  const p = link(sample());
  validate(p);
  const f = p.func('main.useStackAndCall')!;
  expect(f.frameSize).toBe(16 + 1024 + 8);
  expect(f.argSize).toBe(16);
  expect(bitSet(f.argPtrs, 1)).toBe(true);
  expect(bitSet(f.argPtrs, 0)).toBe(false);
  expect(bitSet(f.localPtrs, (16 + 1024) / 8)).toBe(true);
  // a map ends at its last pointer word's byte (words past it are scalars): main.main's 16 scalar bytes have none
  expect([f.localPtrs.length, f.argPtrs.length]).toEqual([(130 >> 3) + 1, 1]); // word 130 (p) is in byte 16
  expect(p.func('main.main')!.localPtrs.length).toBe(0);
  expect(Array.from(f.zeroWords)).toEqual([16 + 1024]);
  // JMP's target is the RET, as an absolute instruction index
  expect(p.code[4 * (f.entryIndex + 1) + 1]).toBe(f.entryIndex + 4);
  expect(disassemble(p, 'main.useStackAndCall')).toContain('CALL         main.useStackAndCall');
});

test('findfunc maps every pc of a function to it and nothing outside the text', () => {
  const p = link(sample());
  for (const f of p.funcs) {
    for (let pc = f.entry; pc < f.end; pc++) expect(p.findfunc(pc)).toBe(f);
  }
  expect(p.findfunc(pcOf(0) - 1)).toBeUndefined();
  expect(p.findfunc(p.funcs[p.funcs.length - 1]!.end)).toBeUndefined();
});

test('validator rejects a slot outside the frame, a jump out of the function and the return PC slot', () => {
  const m = new Module();
  const f = m.func('main.bad', { locals: [{ name: 'x', size: 8 }] });
  f.emit(Op.MOV, 0, 64).emit(Op.RET).end();
  expect(() => validate(link(m))).toThrow(/main.bad\+0 \(MOV\): slot 64 outside the frame/);
  const m2 = new Module();
  m2.func('main.ret', { locals: [{ name: 'x', size: 8 }] }).emit(Op.IMM, 8, 1).emit(Op.RET).end();
  expect(() => validate(link(m2))).toThrow(/return PC/);
  const m3 = new Module();
  m3.func('main.j', {}).emit(Op.JMP, 7).emit(Op.RET).end();
  expect(() => validate(link(m3))).toThrow(IRError);
});

test('link rejects a call to a function that has no body', () => {
  const m = new Module();
  m.func('main.main', {}).call('main.missing').emit(Op.RET).end();
  expect(() => link(m)).toThrow(LinkError);
  expect(() => link(m)).toThrow('main.missing');
});

test('a call whose arguments do not fit the outgoing area is rejected', () => {
  const m = new Module();
  m.func('main.callee', { args: [{ name: 'a', size: 32 }] }).emit(Op.RET).end();
  m.func('main.main', { outgoing: 8 }).call('main.callee').emit(Op.RET).end();
  expect(() => validate(link(m))).toThrow(/cannot hold main.callee/);
});

test('static funcvals hold the entry PC and strings are shared', () => {
  const m = sample();
  const off = m.funcval('main.main');
  const s1 = m.string('hello');
  expect(m.string('hello')).toBe(s1);
  const p = link(m);
  const dv = new DataView(p.data.buffer);
  expect(dv.getUint32(off, true)).toBe(p.func('main.main')!.entry);
  expect(p.funcvalOffset[p.func('main.main')!.id]).toBe(off);
  expect(new TextDecoder().decode(p.data.subarray(s1, s1 + 5))).toBe('hello');
});

test('every opcode has an operand shape (validator and disassembler know it)', () => {
  for (const [name, op] of Object.entries(Op)) expect([name, opShape[op]?.length]).toEqual([name, 3]);
});

test("funcdata: a function's open-coded defer info and its deferreturn (Go's funcInfo.deferreturn) reach the FuncInfo", () => {
  const m = new Module();
  const f = m.func('main.f', { locals: [{ name: 'bits', size: 1 }, { name: 'fn', size: 8, ptr: true }] });
  f.emit(Op.DEFERBITSET, f.slot('bits'), 0);
  f.emit(Op.RET);
  f.emit(Op.DEFERRETURN);
  f.emit(Op.RET);
  const info = { maxArgSize: 0, deferBits: f.frameSize - f.slot('bits'), defers: [{ argSize: 0, closure: f.frameSize - f.slot('fn'), args: [] }] };
  f.openDefer = info;
  f.end();
  m.func('main.main', {}).emit(Op.RET).end();
  const p = link(m);
  validate(p);
  const fi = p.func('main.f')!;
  expect(fi.openDefer).toEqual(info);
  expect(fi.deferreturn).toBe(2 * 4); // the third instruction, as a pc offset from the entry
  expect(p.code[4 * fi.entryIndex + 4 * (fi.deferreturn / 4)]).toBe(Op.DEFERRETURN);
  expect(p.func('main.main')!.deferreturn).toBe(0);
  expect(p.func('main.main')!.openDefer).toBeUndefined();
});

test('a module restored from its plain data (structured clone) links to the same program', () => {
  const m = sample();
  m.string('hello');
  m.funcval('main.main');
  const back = Module.fromData(structuredClone(m.toData()));
  expect(link(back)).toEqual(link(m));
  expect(back.toData()).toEqual(m.toData());
});
