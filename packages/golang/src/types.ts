/** Go types of the subset, their sizes and alignments on the 64-bit machine, and their pointer maps. */
import type { FuncObj } from './objects.js';

export type BasicKind =
  | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'uintptr' | 'string'
  | 'untyped int' | 'untyped rune' | 'untyped bool' | 'untyped string' | 'untyped nil'
  | 'float32' | 'float64' | 'complex64' | 'complex128' | 'untyped float' | 'untyped complex'
  // go/types' UnsafePointer: a pointer word the GC scans and copystack adjusts (check/unsafe.ts)
  | 'unsafe.Pointer';

export interface BasicType { kind: 'basic'; name: BasicKind }
export interface PointerType { kind: 'pointer'; elem: Type }
export interface ArrayType { kind: 'array'; len: number; elem: Type }
export interface SliceType { kind: 'slice'; elem: Type }
export interface StructField {
  name: string;
  type: Type;
  /** Byte offset in the struct, fixed by `layout` (Go's alignment rules). */
  offset: number;
  /** An embedded field (`T` or `*T`): its fields and methods are promoted (check/lookup.ts). */
  embedded?: boolean;
}
export interface StructType { kind: 'struct'; fields: StructField[]; laidOut: boolean }
export type ChanDir = 'both' | 'send' | 'recv';
export interface ChanType { kind: 'chan'; dir: ChanDir; elem: Type }
/** `map[K]V`: one word, a *hmap (runtime/src/map.ts). */
export interface MapType { kind: 'map'; key: Type; elem: Type }
export interface Signature {
  kind: 'func';
  params: Type[];
  results: Type[];
  variadic: boolean;
}
export interface InterfaceMethod { name: string; sig: Signature }
/** `interface{}` has no methods; `runtime.Error` has `Error() string` (and `RuntimeError()`, not modelled). */
export interface InterfaceType { kind: 'interface'; methods: InterfaceMethod[] }
export interface NamedType {
  kind: 'named';
  /** `main.node`, or `runtime.Error`. */
  pkg: string;
  name: string;
  /** Set once the declaration is resolved. */
  underlying: Type;
  /** Methods declared with this type (or *this type) as receiver, in source order (check/method.ts). */
  methods?: NamedMethod[];
  /** A type declared in a function body: its number among them (distinct types may share `main.T`). */
  local?: number;
}
/** A declared method: `func (r T) M(...)` (ptrRecv false) or `func (r *T) M(...)`. */
export interface NamedMethod { name: string; ptrRecv: boolean; obj: FuncObj; goName: string }
/** The type of a multi-value call: only appears on CallExpr nodes whose callee returns != 1 result. */
export interface TupleType { kind: 'tuple'; types: Type[] }

export type Type =
  | BasicType | PointerType | ArrayType | SliceType | StructType | ChanType | Signature | InterfaceType | NamedType
  | TupleType | MapType;

const basics = new Map<BasicKind, BasicType>();
export function basic(name: BasicKind): BasicType {
  let t = basics.get(name);
  if (!t) { t = { kind: 'basic', name }; basics.set(name, t); }
  return t;
}

export const T = {
  bool: basic('bool'), int: basic('int'), int8: basic('int8'), int16: basic('int16'), int32: basic('int32'),
  int64: basic('int64'), uint: basic('uint'), uint8: basic('uint8'), uint16: basic('uint16'), uint32: basic('uint32'),
  uint64: basic('uint64'), uintptr: basic('uintptr'), string: basic('string'),
  untypedInt: basic('untyped int'), untypedRune: basic('untyped rune'), untypedBool: basic('untyped bool'),
  untypedString: basic('untyped string'), untypedNil: basic('untyped nil'),
  float32: basic('float32'), float64: basic('float64'), complex64: basic('complex64'), complex128: basic('complex128'),
  untypedFloat: basic('untyped float'), untypedComplex: basic('untyped complex'),
  unsafePointer: basic('unsafe.Pointer'),
};

/** unsafe.Pointer (or a type defined on it). */
export function isUnsafePointer(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && u.name === 'unsafe.Pointer';
}

/** Types whose zero value is nil: what untyped nil converts to. */
export function hasNil(t: Type): boolean {
  const u = underlying(t);
  switch (u.kind) {
    case 'pointer': case 'chan': case 'func': case 'interface': case 'slice': case 'map': return true;
    case 'basic': return u.name === 'unsafe.Pointer';
    default: return false;
  }
}

export const emptyInterface: InterfaceType = { kind: 'interface', methods: [] };

export function underlying(t: Type): Type {
  let u = t;
  while (u.kind === 'named') u = u.underlying;
  return u;
}

export function isUntyped(t: Type): boolean {
  return t.kind === 'basic' && t.name.startsWith('untyped');
}
export function isInteger(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && u.name !== 'bool' && u.name !== 'string' && u.name !== 'untyped bool' &&
    u.name !== 'untyped string' && u.name !== 'untyped nil' && u.name !== 'unsafe.Pointer' && !isFloat(u) && !isComplex(u);
}
/** float32, float64, untyped float. */
export function isFloat(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && (u.name === 'float32' || u.name === 'float64' || u.name === 'untyped float');
}
/** complex64, complex128, untyped complex. */
export function isComplex(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && (u.name === 'complex64' || u.name === 'complex128' || u.name === 'untyped complex');
}
export function isUnsigned(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && (u.name.startsWith('uint'));
}
export function isString(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && (u.name === 'string' || u.name === 'untyped string');
}
export function isBoolean(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'basic' && (u.name === 'bool' || u.name === 'untyped bool');
}
export function isInterface(t: Type): boolean {
  return underlying(t).kind === 'interface';
}

/** Bit width and signedness of an integer kind (untyped constants: unbounded, reported as 0). */
export function intInfo(t: Type): { bits: number; signed: boolean } {
  const u = underlying(t);
  if (u.kind !== 'basic') return { bits: 0, signed: true };
  switch (u.name) {
    case 'int8': return { bits: 8, signed: true };
    case 'int16': return { bits: 16, signed: true };
    case 'int32': return { bits: 32, signed: true };
    case 'int': case 'int64': return { bits: 64, signed: true };
    case 'uint8': return { bits: 8, signed: false };
    case 'uint16': return { bits: 16, signed: false };
    case 'uint32': return { bits: 32, signed: false };
    case 'uint': case 'uint64': case 'uintptr': return { bits: 64, signed: false };
    default: return { bits: 0, signed: true };
  }
}

export function identical(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'basic': return a.name === (b as BasicType).name;
    case 'named': return false;
    case 'pointer': return identical(a.elem, (b as PointerType).elem);
    case 'slice': return identical(a.elem, (b as SliceType).elem);
    case 'array': return a.len === (b as ArrayType).len && identical(a.elem, (b as ArrayType).elem);
    case 'chan': return a.dir === (b as ChanType).dir && identical(a.elem, (b as ChanType).elem);
    case 'map': return identical(a.key, (b as MapType).key) && identical(a.elem, (b as MapType).elem);
    case 'struct': {
      const bf = (b as StructType).fields;
      return a.fields.length === bf.length && a.fields.every((f, i) => f.name === bf[i]!.name && identical(f.type, bf[i]!.type));
    }
    case 'func': {
      const s = b as Signature;
      return a.variadic === s.variadic && a.params.length === s.params.length && a.results.length === s.results.length &&
        a.params.every((p, i) => identical(p, s.params[i]!)) && a.results.every((r, i) => identical(r, s.results[i]!));
    }
    case 'interface': {
      const m = (b as InterfaceType).methods;
      return a.methods.length === m.length && a.methods.every((x, i) => x.name === m[i]!.name && identical(x.sig, m[i]!.sig));
    }
    case 'tuple': {
      const bt = (b as TupleType).types;
      return a.types.length === bt.length && a.types.every((x, i) => identical(x, bt[i]!));
    }
  }
}

/** Go's spelling of a type, as in its error messages (`int`, `*node`, `[4]int`, `chan int`, `func(int) int`). */
export function typeString(t: Type): string {
  switch (t.kind) {
    case 'basic': return t.name === 'uint8' ? 'byte' : t.name === 'int32' ? 'int32' : t.name;
    case 'named': return t.pkg === 'main' || t.pkg === '' ? t.name : `${t.pkg}.${t.name}`;
    case 'pointer': return `*${typeString(t.elem)}`;
    case 'slice': return `[]${typeString(t.elem)}`;
    case 'array': return `[${t.len}]${typeString(t.elem)}`;
    case 'chan': return t.dir === 'send' ? `chan<- ${typeString(t.elem)}` : t.dir === 'recv' ? `<-chan ${typeString(t.elem)}` : `chan ${typeString(t.elem)}`;
    case 'struct': return `struct{${t.fields.map((f) => `${f.name} ${typeString(f.type)}`).join('; ')}}`;
    case 'func': return `func${sigString(t)}`;
    case 'interface':
      return t.methods.length === 0 ? 'interface{}' : `interface{${t.methods.map((m) => m.name + sigString(m.sig)).join('; ')}}`;
    case 'tuple': return `(${t.types.map(typeString).join(', ')})`;
    case 'map': return `map[${typeString(t.key)}]${typeString(t.elem)}`;
  }
}
function sigString(s: Signature): string {
  const ps = s.params.map((p, i) => (s.variadic && i === s.params.length - 1 && p.kind === 'slice' ? `...${typeString(p.elem)}` : typeString(p)));
  const rs = s.results.map(typeString);
  const res = rs.length === 0 ? '' : rs.length === 1 ? ` ${rs[0]}` : ` (${rs.join(', ')})`;
  return `(${ps.join(', ')})${res}`;
}

export const WORD = 8;

/** Size in bytes on linux/amd64. */
export function sizeof(t: Type): number {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic':
      switch (u.name) {
        case 'bool': case 'int8': case 'uint8': return 1;
        case 'int16': case 'uint16': return 2;
        case 'int32': case 'uint32': case 'float32': return 4;
        case 'string': case 'complex128': return 16;
        default: return 8;
      }
    case 'pointer': case 'chan': case 'func': case 'map': return 8;
    case 'interface': return 16;
    case 'slice': return 24;
    case 'array': return u.len * sizeof(u.elem);
    case 'struct': {
      layoutStruct(u);
      if (u.fields.length === 0) return 0;
      const last = u.fields[u.fields.length - 1]!;
      let end = last.offset + sizeof(last.type);
      // Go pads a final zero-size field so its address stays inside the object.
      if (sizeof(last.type) === 0 && end > 0) end += 1;
      return alignUp(end, alignof(u));
    }
    case 'named': case 'tuple': return 0;
  }
}

export function alignof(t: Type): number {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic': {
      const s = sizeof(u);
      return u.name === 'string' || u.name === 'complex128' ? 8 : u.name === 'complex64' ? 4 : s;
    }
    case 'array': return alignof(u.elem);
    case 'struct': return u.fields.reduce((a, f) => Math.max(a, alignof(f.type)), 1);
    default: return 8;
  }
}

export function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Assign field offsets: each field at the next multiple of its alignment. */
export function layoutStruct(s: StructType): void {
  if (s.laidOut) return;
  let off = 0;
  for (const f of s.fields) {
    off = alignUp(off, alignof(f.type));
    f.offset = off;
    off += sizeof(f.type);
  }
  s.laidOut = true;
}

/** Whether a value of type t contains any pointer word (Go's HasPointers). */
export function hasPointers(t: Type): boolean {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic': return u.name === 'string' || u.name === 'untyped string' || u.name === 'untyped nil' || u.name === 'unsafe.Pointer';
    case 'pointer': case 'chan': case 'func': case 'map': case 'interface': case 'slice': return true;
    case 'array': return u.len > 0 && hasPointers(u.elem);
    case 'struct': return u.fields.some((f) => hasPointers(f.type));
    default: return false;
  }
}

/**
 * The word offsets (byte offset / 8) of pointer words in a value of type t, for pointer maps. A string's data
 * word, a slice's array word, both interface words, pointers, channels and func values are pointers; integers,
 * bools and arrays of bytes are scalars.
 */
export function pointerWords(t: Type, base = 0, out: number[] = []): number[] {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic': if (u.name === 'string' || u.name === 'unsafe.Pointer') out.push(base / WORD); break;
    case 'pointer': case 'chan': case 'func': case 'map': case 'slice': out.push(base / WORD); break;
    case 'interface': out.push(base / WORD, base / WORD + 1); break;
    case 'array': {
      if (!hasPointers(u.elem)) break;
      const es = sizeof(u.elem);
      for (let i = 0; i < u.len; i++) pointerWords(u.elem, base + i * es, out);
      break;
    }
    case 'struct':
      layoutStruct(u);
      for (const f of u.fields) pointerWords(f.type, base + f.offset, out);
      break;
    default: break;
  }
  return out;
}

/** Go's "pointer-shaped" types: stored directly in an interface's data word (no allocation on conversion). */
export function isDirectIface(t: Type): boolean {
  const u = underlying(t);
  switch (u.kind) {
    case 'pointer': case 'chan': case 'func': case 'map': return true;
    case 'basic': return u.name === 'unsafe.Pointer';
    case 'array': return u.len === 1 && isDirectIface(u.elem);
    case 'struct': return u.fields.length === 1 && isDirectIface(u.fields[0]!.type);
    default: return false;
  }
}

/** The type an untyped constant gets when nothing else decides (int, rune → int32, bool, string). */
export function defaultType(t: Type): Type {
  if (t.kind !== 'basic') return t;
  switch (t.name) {
    case 'untyped int': return T.int;
    case 'untyped rune': return T.int32;
    case 'untyped bool': return T.bool;
    case 'untyped string': return T.string;
    case 'untyped float': return T.float64;
    case 'untyped complex': return T.complex128;
    default: return t;
  }
}
