// Values as the interpreter compares, prints and reports them: string order, interface equality, Go's print
// of one value, and the index-out-of-range error.

import { PrintKind } from '@gosim/program';
import { hexAt, int64At, stringAt, uint64At } from './format.js';
import type { Machine } from './machine.js';
import { comparable, typeequal } from './map-hash.js';
import { RuntimePanic } from './signals.js';

const { Bool: PK_Bool, Byte: PK_Byte, Eface: PK_Eface, Int: PK_Int, Newline: PK_Newline, Pointer: PK_Pointer, Space: PK_Space, String: PK_String, Uint: PK_Uint } = PrintKind;
const enc = new TextEncoder();

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
export const isDirect = (kind: string): boolean => kind === 'pointer' || kind === 'chan' || kind === 'func' || kind === 'map';

export function compareBytes(s: Machine['space'], x: number, y: number): number {
  const a = stringAt(s, x);
  const b = stringAt(s, y);
  const ea = enc.encode(a);
  const eb = enc.encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return ea[i]! - eb[i]!;
  return ea.length - eb.length;
}

export function efaceEqual(m: Machine, x: number, y: number): boolean {
  const s = m.space;
  const tx = s.load64(x);
  if (tx !== s.load64(y)) return false;
  if (tx === 0) return true;
  const t = m.prog.types[tx - 1]!;
  if (!comparable(m, tx - 1)) throw new RuntimePanic('runtime.errorString', `runtime error: comparing uncomparable type ${t.name}`, 'runtime.panicwrap');
  const dx = s.load64(x + 8);
  const dy = s.load64(y + 8);
  if (isDirect(t.kind)) return dx === dy;
  if (t.kind === 'string' || t.kind === 'runtime-error') return stringAt(s, dx) === stringAt(s, dy);
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
