// Go's printArgs on hand-built ArgInfo programs: the stream @gosim/program encodes and what it prints.
import { AddressSpace } from '@gosim/memory';
import { ArgInfo, encodeArgInfo, link, Module, Op, scalarShape, wordsShape, type ArgShape } from '@gosim/program';
import { printArgs } from '../src/args.js';

const word = scalarShape(8);
const struct = (...fields: [number, ArgShape][]): ArgShape => ({ k: 'struct', fields: fields.map(([off, shape]) => ({ off, shape })) });
const array = (elem: ArgShape, len: number, stride: number): ArgShape => ({ k: 'array', elem, len, stride });

/** Params laid out one after another, each on an 8-byte boundary (gosim's stack ABI). */
function params(...shapes: [ArgShape, number][]): { off: number; shape: ArgShape }[] {
  let off = 0;
  return shapes.map(([shape, size]) => {
    const p = { off, shape };
    off += (size + 7) & ~7;
    return p;
  });
}

function setup(): { space: AddressSpace; argp: number } {
  const space = new AddressSpace({ maxBytes: 1 << 22 });
  const argp = space.mapRegion(1 << 16);
  for (let i = 0; i < 512; i++) space.store64(argp + 8 * i, i + 1); // word i holds i+1
  return { space, argp };
}

const print = (ps: { off: number; shape: ArgShape }[]): string => {
  const { space, argp } = setup();
  return printArgs(space, Uint8Array.from(encodeArgInfo(ps)), argp);
};

describe('ArgInfo encoding and printArgs', () => {
  it('scalars print as hex words; a function without parameters has an empty program and prints nothing', () => {
    expect(encodeArgInfo([])).toEqual([]);
    expect(print([])).toBe('');
    expect(encodeArgInfo(params([word, 8], [word, 8]))).toEqual([0, 8, 8, 8, ArgInfo.EndSeq]);
    expect(print(params([word, 8], [word, 8]))).toBe('0x1, 0x2');
  });

  it('aggregates print in braces: struct{a, b int}, string {ptr, len}, slice {ptr, len, cap}, [3]int', () => {
    const ps = params([struct([0, word], [8, word]), 16], [word, 8], [array(word, 3, 8), 24], [wordsShape(2), 16], [wordsShape(3), 24]);
    // 8 components before the slice: two of its words fit the limit of 10
    expect(print(ps)).toBe('{0x1, 0x2}, 0x3, {0x4, 0x5, 0x6}, {0x7, 0x8}, {0x9, 0xa, ...}');
  });

  it('a component smaller than a word prints only its own bytes: struct{a byte; b uint16; c int32} of 0x0807060504030201', () => {
    const { space, argp } = setup();
    for (let i = 0; i < 8; i++) space.store8(argp + i, i + 1);
    const shape = struct([0, scalarShape(1)], [2, scalarShape(2)], [4, scalarShape(4)]);
    expect(printArgs(space, Uint8Array.from(encodeArgInfo([{ off: 0, shape }])), argp)).toBe('{0x1, 0x403, 0x8070605}');
  });

  it('an empty struct or array prints {} and counts as one of the 10 components', () => {
    const empty = struct();
    const ps = params(...Array.from({ length: 11 }, (): [ArgShape, number] => [empty, 0]));
    expect(print(ps)).toBe('{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, ...');
    expect(print(params([array(word, 0, 8), 0], [word, 8]))).toBe('{}, 0x1');
  });

  it('after 10 components the rest prints as "...", inside an aggregate and once more for the next parameter', () => {
    expect(print(params([array(word, 12, 8), 96], [word, 8]))).toBe('{0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, ...}, ...');
    const twelve = params(...Array.from({ length: 12 }, (): [ArgShape, number] => [word, 8]));
    expect(print(twelve)).toBe('0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, ...');
    // exactly 10 components: no "..."
    expect(print(twelve.slice(0, 10))).toBe('0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa');
  });

  it('nesting 5 deep prints {{{{{...}}}}}; a component at offset 0xf0 or more prints _', () => {
    let deep: ArgShape = struct([0, array(word, 40, 8)]);
    for (let i = 0; i < 4; i++) deep = struct([0, deep]);
    expect(print(params([deep, 320], [word, 8], [scalarShape(1), 1]))).toBe('{{{{{...}}}}}, _, _');
    expect(print(params([struct([0, struct([0, word])]), 8]))).toBe('{{0x1}}');
  });

  it('FunctionBuilder encodes the parameters only (not the results), with default shapes for hand-built slots', () => {
    const m = new Module();
    m.func('main.f', {
      args: [{ name: 'e', size: 16, ptr: [1] }, { name: 's', size: 24, shape: struct([0, word], [8, scalarShape(1)]) }],
      results: [{ name: 'r', size: 8 }],
    })
      .emit(Op.RET)
      .end();
    m.func('main.main', { results: [{ name: 'r', size: 8 }] }).emit(Op.RET).end();
    const p = link(m);
    const { space, argp } = setup();
    expect(printArgs(space, p.func('main.f')!.argInfo, argp)).toBe('{0x1, 0x2}, {0x3, 0x4}');
    expect(Array.from(p.func('main.main')!.argInfo)).toEqual([]);
  });
});
