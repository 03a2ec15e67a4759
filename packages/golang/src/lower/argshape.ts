/**
 * How a traceback prints a parameter of type t (Go's compiler side of ArgInfo): integers, bools, pointers,
 * channels and funcs are scalars of their own size; strings {ptr, len}, interfaces {type, data} and slices
 * {ptr, len, cap} are aggregates of words; structs and arrays are aggregates of their fields and elements.
 */
import { scalarShape, wordsShape, type ArgShape } from '@gosim/program';
import { layoutStruct, sizeof, underlying, type Type } from '../types.js';

export function argShape(t: Type): ArgShape {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic':
      if (u.name === 'complex64' || u.name === 'complex128') {
        // two floats, as Go's ArgInfo shows a complex: {re, im}
        const h = sizeof(u) / 2;
        return { k: 'struct', fields: [{ off: 0, shape: scalarShape(h) }, { off: h, shape: scalarShape(h) }] };
      }
      return u.name === 'string' ? wordsShape(2) : scalarShape(sizeof(u));
    case 'interface':
      return wordsShape(2);
    case 'slice':
      return wordsShape(3);
    case 'array':
      return { k: 'array', elem: argShape(u.elem), len: u.len, stride: sizeof(u.elem) };
    case 'struct':
      layoutStruct(u);
      return { k: 'struct', fields: u.fields.map((f) => ({ off: f.offset, shape: argShape(f.type) })) };
    default:
      return scalarShape(sizeof(u));
  }
}
