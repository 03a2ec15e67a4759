/** Package unsafe's objects (Go 1.19): the type Pointer and the builtins Sizeof, Alignof, Offsetof, Add, Slice. */
import type { BuiltinName, GoObject } from '../objects.js';
import { noPos } from '../diagnostics.js';
import { T } from '../types.js';

const builtins = new Set(['Sizeof', 'Alignof', 'Offsetof', 'Add', 'Slice']);

/** The object `unsafe.name` denotes, or undefined (go: `undefined: unsafe.name`). */
export function unsafeMember(name: string): GoObject | undefined {
  if (name === 'Pointer') return { kind: 'typename', name: 'Pointer', type: T.unsafePointer, pos: noPos() };
  if (builtins.has(name)) return { kind: 'builtin', name: `unsafe.${name}` as BuiltinName };
  return undefined;
}
