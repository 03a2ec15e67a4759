// A function's argument-printing program for tracebacks (Go's funcdata ArgInfo): a byte stream, built once
// per function, of the parameters' non-aggregate components as (offset from argp, size) pairs and operators
// that print "{", "}", "...", "_". Results are not part of it; a function without parameters has none.
//
// Go's limits: at most `ArgLimit` components (an empty aggregate `{}` counts as one), then "..."; nesting
// deeper than `ArgMaxDepth` prints "{...}"; a component at an offset of 0xf0 or more prints "_".

/** The operator bytes; every byte below `Special` is the offset of a component, followed by its size. */
export const ArgInfo = {
  EndSeq: 0xff,
  StartAgg: 0xfe,
  EndAgg: 0xfd,
  DotDotDot: 0xfc,
  OffsetTooLarge: 0xfb,
  Special: 0xf0,
} as const;

export const ArgLimit = 10;
export const ArgMaxDepth = 5;

/**
 * How a parameter (or one of its parts) is printed: a scalar of `size` bytes (integer, bool, pointer,
 * channel, func), or an aggregate in braces — a struct by its fields (string, interface and slice are
 * structs of words), an array by `len` elements `stride` bytes apart.
 */
export type ArgShape =
  | { readonly k: 'scalar'; readonly size: number }
  | { readonly k: 'struct'; readonly fields: readonly { readonly off: number; readonly shape: ArgShape }[] }
  | { readonly k: 'array'; readonly elem: ArgShape; readonly len: number; readonly stride: number };

export const scalarShape = (size: number): ArgShape => ({ k: 'scalar', size });

/** An aggregate of `n` words ({ptr, len} of a string, {type, data} of an interface, {ptr, len, cap} of a slice). */
export const wordsShape = (n: number): ArgShape => ({
  k: 'struct',
  fields: Array.from({ length: n }, (_, i) => ({ off: 8 * i, shape: scalarShape(8) })),
});

/** Encodes the parameters (each at its byte offset from argp, in order) as Go's compiler does. */
export function encodeArgInfo(params: readonly { readonly off: number; readonly shape: ArgShape }[]): number[] {
  const out: number[] = [];
  let n = 0; // components written
  const write1 = (off: number, size: number): void => {
    if (off >= ArgInfo.Special) out.push(ArgInfo.OffsetTooLarge);
    else out.push(off, size);
    n++;
  };
  // false: the limit was reached, stop visiting
  const visit = (off: number, t: ArgShape, depth: number): boolean => {
    if (n >= ArgLimit) {
      out.push(ArgInfo.DotDotDot);
      return false;
    }
    if (t.k === 'scalar') {
      write1(off, t.size);
      return true;
    }
    out.push(ArgInfo.StartAgg);
    if (++depth >= ArgMaxDepth) {
      out.push(ArgInfo.DotDotDot, ArgInfo.EndAgg);
      n++;
      return true;
    }
    if (t.k === 'array') {
      if (t.len === 0) n++;
      for (let i = 0; i < t.len; i++) if (!visit(off + i * t.stride, t.elem, depth)) break;
    } else {
      if (t.fields.length === 0) n++;
      for (const f of t.fields) if (!visit(off + f.off, f.shape, depth)) break;
    }
    out.push(ArgInfo.EndAgg);
    return true;
  };
  for (const p of params) if (!visit(p.off, p.shape, 0)) break;
  if (params.length > 0) out.push(ArgInfo.EndSeq);
  return out;
}
