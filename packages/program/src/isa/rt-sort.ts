// Runtime functions of package sort (bodyless declarations in packages/stdlib/go/sort/runtime.go): the
// length of any slice and a swap of two of its elements, which sort.Slice and sort.SliceStable need
// where Go's sort uses reflectlite.Swapper and reflect.Value.Len.

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

const w = (name: string): SlotSpec => ({ name, size: 8, ptr: [] });
const str = (name: string): SlotSpec => ({ name, size: 16, ptr: [0] });
const eface = (name: string): SlotSpec => ({ name, size: 16, ptr: [1] });

export const sortFuncs: readonly RtFuncSpec[] = [
  // func sliceLen(x any) (n int, kind string): kind is "" for a slice, else reflect's name of x's kind
  { name: 'sort.sliceLen', file: 'internal/reflectlite/swapper.go', line: 17, params: [eface('x')], results: [w('n'), str('kind')] },
  // func sliceSwap(x any, i, j int): x[i], x[j] = x[j], x[i] (x a slice, i and j in range)
  { name: 'sort.sliceSwap', file: 'internal/reflectlite/swapper.go', line: 71, params: [eface('x'), w('i'), w('j')], results: [] },
];
