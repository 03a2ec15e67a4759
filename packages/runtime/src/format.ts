// Go's print/println formatting (runtime/print.go) and printpanicval, reading values from memory.

import { hexWord, type AddressSpace } from '@gosim/memory';
import type { ProgramType } from '@gosim/program';
import { floatAt } from './printfloat.js';

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

/** The integer of `size` bytes (1, 2, 4 or 8) at addr as decimal text, signed or not. */
export function intAt(s: AddressSpace, addr: number, size: number, signed: boolean): string {
  switch (size) {
    case 1: { const v = s.load8(addr); return String(signed && v >= 0x80 ? v - 0x100 : v); }
    case 2: { const v = s.load16(addr); return String(signed && v >= 0x8000 ? v - 0x10000 : v); }
    case 4: { const v = s.load32(addr); return String(signed ? v | 0 : v); }
    default: return signed ? int64At(s, addr) : uint64At(s, addr);
  }
}

/** A value of a basic kind as print() shows it, or undefined for the other kinds. */
function basicValue(s: AddressSpace, t: ProgramType, data: number): string | undefined {
  switch (t.kind) {
    case 'int':
      return intAt(s, data, t.size, true);
    case 'uint':
    case 'uintptr':
    case 'byte':
      return intAt(s, data, t.size, false);
    case 'bool':
      return s.load8(data) ? 'true' : 'false';
    case 'string':
    case 'runtime-error':
      return stringAt(s, data);
    case 'float': case 'complex': return floatAt(s, data, t.size, t.kind === 'complex');
    default:
      return undefined;
  }
}

/**
 * printpanicval: how a panic value of type t (data pointer `data`) prints after "panic: ". A basic kind prints
 * its value, wrapped in the type's name when the type is a defined one (`main.myint(4)`, `main.mystr("x")`);
 * any other type prints as `(T) data-pointer`.
 */
export function panicValue(s: AddressSpace, types: readonly ProgramType[], typeId: number, data: number): string {
  if (typeId < 0) return 'nil';
  const t = types[typeId]!;
  const v = basicValue(s, t, data);
  if (v === undefined) return `(${t.name}) ${hex(data)}`;
  if (!t.named) return v;
  return t.kind === 'string' ? `${t.name}("${v}")` : t.kind === 'complex' ? `${t.name}${v}` : `${t.name}(${v})`;
}
