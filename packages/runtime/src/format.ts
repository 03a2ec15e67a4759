// Go's print/println formatting (runtime/print.go) and printpanicval, reading values from memory.

import { hexWord, type AddressSpace } from '@gosim/memory';
import type { ProgramType } from '@gosim/program';

const dec = new TextDecoder();

/** Hex of an unsigned 64-bit word given as a JS number (exact for addresses). */
export const hex = hexWord;

/** The exact int64 at addr as decimal text. */
export function int64At(s: AddressSpace, addr: number): string {
  const hi = s.i32[(addr >>> 2) + 1]!;
  if (((hi + 0x200000) >>> 0) < 0x400000) return String(s.load64(addr));
  return s.load64Big(addr).toString();
}

export function uint64At(s: AddressSpace, addr: number): string {
  return BigInt.asUintN(64, s.load64Big(addr)).toString();
}

export function hexAt(s: AddressSpace, addr: number): string {
  return '0x' + BigInt.asUintN(64, s.load64Big(addr)).toString(16);
}

/** The string whose {ptr, len} header is at addr. */
export function stringAt(s: AddressSpace, addr: number): string {
  const p = s.load64(addr);
  const n = s.load64(addr + 8);
  if (n === 0) return '';
  s.checkRange(p, n, false);
  return dec.decode(s.u8.subarray(p, p + n));
}

/** printpanicval: how a panic value of type t (data pointer `data`) prints after "panic: ". */
export function panicValue(s: AddressSpace, types: readonly ProgramType[], typeId: number, data: number): string {
  if (typeId < 0) return 'nil';
  const t = types[typeId]!;
  switch (t.kind) {
    case 'int':
      return int64At(s, data);
    case 'uint':
    case 'uintptr':
      return uint64At(s, data);
    case 'byte':
      return String(s.load8(data));
    case 'bool':
      return s.load8(data) ? 'true' : 'false';
    case 'string':
      return stringAt(s, data);
    case 'runtime-error':
      return stringAt(s, data);
    default:
      return `(${t.name}) ${hex(data)}`;
  }
}
