// Package reflect's runtime functions (bodyless declarations in packages/stdlib/go/reflect/runtime.go; impls in
// runtime/src/rt-reflect.ts). A type is its program type id (an int slot); a value is boxed in an interface{}
// slot (type word = id + 1, data word = the value for pointer-shaped kinds, else the address of a copy).

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

const w = (name: string, ptr: readonly number[] = []): SlotSpec => ({ name, size: 8, ptr });
const str = (name: string): SlotSpec => ({ name, size: 16, ptr: [0] });
const eface = (name: string): SlotSpec => ({ name, size: 16, ptr: [1] });
const slice = (name: string): SlotSpec => ({ name, size: 24, ptr: [0] });
const b = (name: string): SlotSpec => ({ name, size: 1, ptr: [] });
const c128 = (name: string): SlotSpec => ({ name, size: 16, ptr: [] });

/** The file and line a reflect runtime function's frame shows (gosim's own: Go's reflect has no such functions). */
const at = (name: string, params: SlotSpec[], results: SlotSpec[]): RtFuncSpec => ({
  name: `reflect.${name}`, file: 'reflect/runtime.go', line: 1, params, results,
});

export const reflectFuncs: readonly RtFuncSpec[] = [
  at('typeid', [eface('i')], [w('t')]),
  at('tkind', [w('t')], [w('k')]),
  at('tstring', [w('t')], [str('s')]),
  at('tnamed', [w('t')], [b('ok')]),
  at('telem', [w('t')], [w('e')]),
  at('tkey', [w('t')], [w('k')]),
  at('tlen', [w('t')], [w('n')]),
  at('tsize', [w('t')], [w('n')]),
  at('tnumfield', [w('t')], [w('n')]),
  at('tfield', [w('t'), w('i')], [str('name'), w('typ'), w('offset'), b('embedded'), str('tag')]),
  at('tnummethod', [w('t')], [w('n')]),
  at('tmethod', [w('t'), w('i')], [str('name'), str('mtyp')]),
  at('tcomparable', [w('t')], [b('ok')]),
  at('timplements', [w('t'), w('u')], [b('ok')]),
  at('tfuncsig', [w('t'), b('in'), w('i')], [w('r')]),
  at('tfuncinfo', [w('t')], [w('numIn'), w('numOut'), b('variadic')]),
  at('vint', [eface('i')], [w('r')]),
  at('vuint', [eface('i')], [w('r')]),
  at('vfloat', [eface('i')], [w('r')]),
  at('vcomplex', [eface('i')], [c128('r')]),
  at('vstring', [eface('i')], [str('r')]),
  at('vbool', [eface('i')], [b('r')]),
  at('vbytes', [eface('i')], [slice('r')]),
  at('vword', [eface('i')], [w('r')]),
  at('vlen', [eface('i')], [w('r')]),
  at('vcap', [eface('i')], [w('r')]),
  at('velem', [eface('i'), w('k')], [eface('r')]),
  at('vfield', [eface('i'), w('off'), w('ft')], [eface('r')]),
  at('vmapfill', [eface('i'), slice('keys'), slice('vals')], [w('n')]),
  at('vmapindex', [eface('i'), eface('key')], [eface('v'), b('ok')]),
  at('vzero', [w('t')], [eface('r')]),
  at('vstore', [eface('base'), w('off'), w('t'), eface('x')], []),
  at('vnew', [w('t'), w('pt')], [eface('r')]),
  at('tptrto', [w('t')], [w('p')]),
];
