// Rejects malformed IR with a message naming the function and instruction.

import { bitSet } from './bitmap.js';
import { Op, opNames, opShape } from './isa.js';
import type { Program } from './program.js';

export class IRError extends Error {}

export function validate(p: Program): void {
  const nf = p.funcs.length;
  for (const f of p.funcs) {
    const fail = (i: number, msg: string): never => {
      throw new IRError(`${f.name}+${i - f.entryIndex} (${opNames[p.code[4 * i]!] ?? '?'}): ${msg}`);
    };
    if (f.argSize % 8 || f.frameSize % 8) fail(f.entryIndex, `sizes must be multiples of 8 (args ${f.argSize}, frame ${f.frameSize})`);
    if (f.argPtrs.length > Math.ceil(f.argSize / 64) || f.localPtrs.length > Math.ceil(f.frameSize / 64))
      fail(f.entryIndex, 'pointer map longer than the frame');
    const limit = f.frameSize + 8 + f.argSize;
    if (f.endIndex === f.entryIndex) fail(f.entryIndex, 'empty function');
    for (let i = f.entryIndex; i < f.endIndex; i++) {
      const op = p.code[4 * i]!;
      const shape = opShape[op];
      if (shape === undefined) fail(i, `unknown opcode ${op}`);
      for (let k = 0; k < 3; k++) {
        const v = p.code[4 * i + 1 + k]!;
        switch (shape![k]) {
          case 'S':
            if (v < 0 || v % 1 || v >= limit) fail(i, `slot ${v} outside the frame (0..${limit})`);
            if (v >= f.frameSize && v < f.frameSize + 8) fail(i, `slot ${v} is the return PC`);
            break;
          case 's':
            if (v !== -1 && (v < 0 || v >= limit)) fail(i, `slot ${v} outside the frame (0..${limit})`);
            break;
          case 'T':
            if (v < f.entryIndex || v >= f.endIndex) fail(i, `jump target ${v} outside the function`);
            break;
          case 'F':
            if (v < 0 || v >= nf) fail(i, `unknown callee ${v}`);
            break;
          case 'Y':
            if (v < 0 || v >= p.types.length) fail(i, `unknown type ${v}`);
            break;
          case 'K':
            if (v < 0 || v >= p.constLo.length) fail(i, `unknown constant ${v}`);
            break;
          case 'D':
            if (v < 0 || v >= p.data.length) fail(i, `data offset ${v} outside the data segment`);
            break;
        }
      }
      if (op === Op.CALL) {
        const callee = p.funcs[p.code[4 * i + 1]!]!;
        if (callee.argSize > f.frameSize) fail(i, `outgoing area of ${f.frameSize} bytes cannot hold ${callee.name}'s ${callee.argSize}-byte arguments`);
      }
    }
    // A pointer word of the locals must not overlap the return PC or lie past the frame.
    for (let w = f.frameSize / 8; w < f.localPtrs.length * 8; w++) if (bitSet(f.localPtrs, w)) fail(f.entryIndex, 'pointer map past the frame');
  }
}
