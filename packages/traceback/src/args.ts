// Go's printArgs: a frame's parameters as its ArgInfo program (@gosim/program arginfo.ts) describes them,
// each component read at argp+offset with its own size and printed in hex.
//   main.g({0x1, 0x2}, 0xc000012345, {0x1, 0x2, 0x3}, {0x0, 0x0})
// gosim passes arguments on the stack (ABI0), so every component is live: no "?" marks.

import type { AddressSpace } from '@gosim/memory';
import { ArgInfo } from '@gosim/program';

/** The little-endian `size`-byte value at addr, in hex. */
function hexAt(space: AddressSpace, addr: number, size: number): string {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(space.u8[addr + i] ?? 0);
  return '0x' + v.toString(16);
}

/** The text between the parentheses of a traceback line. */
export function printArgs(space: AddressSpace, info: Uint8Array, argp: number): string {
  let out = '';
  let start = true; // no comma before the first item of the list or of an aggregate
  const comma = (): void => {
    if (!start) out += ', ';
  };
  for (let i = 0; i < info.length; ) {
    const op = info[i++]!;
    switch (op) {
      case ArgInfo.EndSeq:
        return out;
      case ArgInfo.StartAgg:
        comma();
        out += '{';
        start = true;
        continue;
      case ArgInfo.EndAgg:
        out += '}';
        break;
      case ArgInfo.DotDotDot:
        comma();
        out += '...';
        break;
      case ArgInfo.OffsetTooLarge:
        comma();
        out += '_';
        break;
      default:
        comma();
        out += hexAt(space, argp + op, info[i++] ?? 8);
    }
    start = false;
  }
  return out;
}
