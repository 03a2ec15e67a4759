// Values as the interpreter compares, prints and reports them: string order, interface equality, Go's print
// of one value, and the index-out-of-range error.

import { PrintKind } from '@gosim/program';
import { hexAt, int64At, stringAt, uint64At } from './format.js';
import type { Machine } from './machine.js';
import { comparable, typeequal } from './map-hash.js';
import { RuntimePanic } from './signals.js';
import { dynTypeWord } from './iface.js';

const { Bool: PK_Bool, Byte: PK_Byte, Eface: PK_Eface, Int: PK_Int, Newline: PK_Newline, Pointer: PK_Pointer, Space: PK_Space, String: PK_String, Uint: PK_Uint } = PrintKind;

/**
 * Go's boundsError for index i (the word at ia) and length n: a negative signed index is shown alone, any other
 * with the length; an unsigned index is shown unsigned.
 */
export function indexError(s: Machine['space'], ia: number, n: number, unsigned: boolean): RuntimePanic {
  const i = unsigned ? uint64At(s, ia) : int64At(s, ia);
  const text = i.startsWith('-') ? `runtime error: index out of range [${i}]` : `runtime error: index out of range [${i}] with length ${n}`;
  return new RuntimePanic('runtime.boundsError', text, 'runtime.goPanicIndex');
}

/** Pointer-shaped types live directly in an interface's data word. */
export const isDirect = (kind: string): boolean => kind === 'pointer' || kind === 'chan' || kind === 'func' || kind === 'map' || kind === 'unsafe.Pointer';

export function compareBytes(s: Machine['space'], x: number, y: number): number {
  // byte by byte (invalid UTF-8 included), as Go's cmpstring
  const pa = s.load64(x);
  const pb = s.load64(y);
  const na = s.load64(x + 8);
  const nb = s.load64(y + 8);
  if (na > 0) s.checkRange(pa, na, false);
  if (nb > 0) s.checkRange(pb, nb, false);
  const u8 = s.u8;
  for (let i = 0; i < Math.min(na, nb); i++) if (u8[pa + i] !== u8[pb + i]) return u8[pa + i]! - u8[pb + i]!;
  return na - nb;
}

export function efaceEqual(m: Machine, x: number, y: number): boolean {
  const s = m.space;
  const tx = dynTypeWord(m, s.load64(x)); // iface.ts: a non-empty interface's word 0 is its itab
  if (tx !== dynTypeWord(m, s.load64(y))) return false;
  if (tx === 0) return true;
  const t = m.prog.types[tx - 1]!;
  if (!comparable(m, tx - 1)) throw new RuntimePanic('runtime.errorString', `runtime error: comparing uncomparable type ${t.name}`, 'runtime.panicwrap');
  const dx = s.load64(x + 8);
  const dy = s.load64(y + 8);
  if (isDirect(t.kind)) return dx === dy;
  if (t.kind === 'string' || t.kind === 'runtime-error') return compareBytes(s, dx, dy) === 0;
  return typeequal(m, tx - 1, dx, dy);
}

/** Go's print of one value. */
export function printValue(m: Machine, kind: number, at: number): string {
  const s = m.space;
  switch (kind) {
    case PK_Int:
      return int64At(s, at);
    case PK_Uint:
      return uint64At(s, at);
    case PK_Bool:
      return s.u8[at] ? 'true' : 'false';
    case PK_String:
      return stringAt(s, at);
    case PK_Pointer:
      return hexAt(s, at);
    case PK_Eface:
      return `(${hexAt(s, at)},${hexAt(s, at + 8)})`;
    case PK_Space:
      return ' ';
    case PK_Newline:
      return '\n';
    case PK_Byte:
      return String(s.u8[at]);
  }
  return '';
}
