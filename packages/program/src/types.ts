// Type descriptors of a program: what the heap, GC and interfaces need to know about a type.

export type TypeKind =
  | 'int' | 'uint' | 'uintptr' | 'bool' | 'byte' | 'string' | 'pointer' | 'chan' | 'func'
  | 'struct' | 'array' | 'slice' | 'interface' | 'runtime-error' | 'record'
  | 'float' | 'complex' // size 4 or 8 (float32, float64); 8 or 16 (complex64, complex128)
  | 'map' // a *hmap word
  | 'unsafe.Pointer'; // a pointer word (reflect's Kind UnsafePointer); not a 'pointer' (no elem)

export interface ProgramType {
  /** Go's spelling, as printed in messages: "int", "string", "main.bigBuf", "*main.S". */
  readonly name: string;
  readonly kind: TypeKind;
  /** Size in bytes (a multiple of 8 unless the type is smaller than a word). */
  readonly size: number;
  /** Indexes of the words that hold pointers (Go's ptrmask); empty means noscan. */
  readonly ptrWords: readonly number[];
  /** Element type id for chan/slice/array/pointer, or -1. */
  readonly elem: number;
  /**
   * A defined type (`type myint int`): printpanicval shows its name around the value (`main.myint(4)`).
   * Integer kinds carry their width in `size` (1, 2, 4 or 8 bytes) and their sign in the kind: int, uint.
   */
  readonly named?: boolean;
  /** A concrete type's method set as itabs use it: name, method type (Go's spelling), the function taking the data word as receiver. */
  methods?: readonly { readonly name: string; readonly mtyp: string; readonly ifn: number }[];
  /** An interface type's methods in itab order (exported first, then by name). */
  imethods?: readonly { readonly name: string; readonly mtyp: string }[];
  /** Static itabs of this concrete type in the data segment: interface type id, data offset (Go's itabsinit). */
  itabs?: { inter: number; off: number }[];
  /** A map's key type id (its elem is the map's element type). */
  readonly key?: number;
  /** A struct's fields (offset, type id), for the map's per-type hash and equality. */
  readonly fields?: readonly { readonly offset: number; readonly type: number }[];
  /** A func type's parameter and result type ids (runtime.SetFinalizer checks its finalizer by them). */
  readonly params?: readonly number[];
  /** A basic-kind type's underlying predeclared type ('int64', 'uint8', 'float32', ...): reflect's Kind. */
  readonly basic?: string;
  /** An array's length. */
  readonly len?: number;
  /** A struct's fields in declaration order with their names (reflect; `fields` is the hash/equality subset). */
  readonly sfields?: readonly { readonly name: string; readonly offset: number; readonly type: number; readonly embedded: boolean }[];
  readonly results?: readonly number[];
  readonly variadic?: boolean;
}

/** Size of one word (int, uintptr, pointer) on the simulated machine. */
export const WordSize = 8;
/** Sizes of the two-word values: string {ptr, len}, interface{} {type, data}; and slices {ptr, len, cap}. */
export const StringSize = 16;
export const EfaceSize = 16;
export const SliceSize = 24;
