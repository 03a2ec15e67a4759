/** Type facts the lowering needs: value shapes in the frame, pointer maps, and program type descriptors. */
import type { Module, ProgramType, TypeKind } from '@gosim/program';
import type { StructField, Type } from '../types.js';
import { intInfo, layoutStruct, sizeof, underlying, WORD } from '../types.js';
import { attachMethods } from './method.js';

/**
 * Pointer words of a value of type t as the runtime's pointer maps want them. Like golang's `pointerWords`, but
 * an interface contributes only its data word: the type word holds (program type id + 1), a small scalar that the
 * stack copier would reject as a bad pointer.
 */
export function ptrWords(t: Type, base = 0, outw: number[] = []): number[] {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic': if (u.name === 'string' || u.name === 'unsafe.Pointer') outw.push(base / WORD); break;
    case 'pointer': case 'chan': case 'func': case 'map': case 'slice': outw.push(base / WORD); break;
    case 'interface': outw.push(base / WORD + 1); break;
    case 'array': {
      const es = sizeof(u.elem);
      if (ptrWords(u.elem).length === 0) break;
      for (let i = 0; i < u.len; i++) ptrWords(u.elem, base + i * es, outw);
      break;
    }
    case 'struct':
      layoutStruct(u);
      for (const f of u.fields) ptrWords(f.type, base + f.offset, outw);
      break;
    default: break;
  }
  return outw;
}

/** Integer types narrower than a word but wider than a byte: a normalized word in registers, n bytes in memory. */
export function isMidInt(t: Type): boolean {
  const u = underlying(t);
  if (u.kind !== 'basic') return false;
  return u.name === 'int16' || u.name === 'uint16' || u.name === 'int32' || u.name === 'uint32';
}

/** Bytes of a value in "register form" (what an expression evaluates to in a frame temporary). */
export function regSize(t: Type): number {
  return isMidInt(t) ? 8 : sizeof(t);
}

/** The runtime's "direct" interface kinds: the data word is the value itself. */
export function isDirectKind(t: Type): boolean {
  const u = underlying(t);
  return u.kind === 'pointer' || u.kind === 'chan' || u.kind === 'func' || u.kind === 'map' || (u.kind === 'basic' && u.name === 'unsafe.Pointer');
}

export function isSigned(t: Type): boolean {
  return intInfo(t).signed;
}

/** Go's spelling of a type in runtime messages: `int`, `uint8`, `main.node`, `*main.node`, `chan int`. */
export function goTypeName(t: Type): string {
  return spell(t, false);
}

/**
 * The type's identity as a string, for keying type descriptors, itabs and generated functions: goTypeName, except
 * that a local type carries its number (`main.T·2`), as two local types of one name are distinct.
 */
export function typeKey(t: Type): string {
  return spell(t, true);
}

function spell(t: Type, key: boolean): string {
  const s = (x: Type): string => spell(x, key);
  switch (t.kind) {
    case 'basic': return t.name;
    case 'named': {
      const n = t.pkg === '' ? t.name : `${t.pkg}.${t.name}`;
      return key && t.local !== undefined ? `${n}·${t.local}` : n;
    }
    case 'pointer': return `*${s(t.elem)}`;
    case 'slice': return `[]${s(t.elem)}`;
    case 'array': return `[${t.len}]${s(t.elem)}`;
    case 'chan': return t.dir === 'send' ? `chan<- ${s(t.elem)}` : t.dir === 'recv' ? `<-chan ${s(t.elem)}` : `chan ${s(t.elem)}`;
    case 'struct': {
      // an embedded field prints as its type, but its name (an alias's: `struct{ Int }`) is part of the identity
      const field = (f: StructField): string => (!f.embedded ? `${f.name} ${s(f.type)}` : key ? `${f.name}= ${s(f.type)}` : s(f.type));
      return t.fields.length === 0 ? 'struct {}' : `struct { ${t.fields.map(field).join('; ')} }`;
    }
    case 'func': {
      const ps = t.params.map((p, i) => (t.variadic && i === t.params.length - 1 && p.kind === 'slice' ? `...${s(p.elem)}` : s(p))).join(', ');
      const rs = t.results.map(s);
      return `func(${ps})${rs.length === 0 ? '' : rs.length === 1 ? ' ' + rs[0] : ` (${rs.join(', ')})`}`;
    }
    case 'interface': return t.methods.length === 0 ? 'interface {}' : `interface { ${t.methods.map((m) => m.name + s(m.sig).slice(4)).join('; ')} }`;
    case 'tuple': return `(${t.types.map(s).join(', ')})`;
    case 'map': return `map[${s(t.key)}]${s(t.elem)}`;
  }
}

function kindOf(t: Type): TypeKind {
  const u = underlying(t);
  switch (u.kind) {
    case 'basic':
      switch (u.name) {
        case 'bool': return 'bool';
        case 'string': return 'string';
        case 'uintptr': return 'uintptr';
        case 'unsafe.Pointer': return 'unsafe.Pointer';
        case 'uint8': return 'byte';
        case 'float32': case 'float64': return 'float';
        case 'complex64': case 'complex128': return 'complex';
        default: return intInfo(u).signed ? 'int' : 'uint';
      }
    case 'pointer': return 'pointer';
    case 'chan': return 'chan';
    case 'func': return 'func';
    case 'map': return 'map';
    case 'slice': return 'slice';
    case 'array': return 'array';
    case 'struct': return 'struct';
    case 'interface': return 'interface';
    default: return 'record';
  }
}

/** Registers t (and its element type) with the module; returns the type id. */
export function programType(m: Module, t: Type): number {
  const name = goTypeName(t);
  const key = typeKey(t);
  const have = m.typeIds.get(key);
  if (have !== undefined) return have;
  const u = underlying(t);
  const pt: { -readonly [K in keyof ProgramType]: ProgramType[K] } = {
    name, kind: kindOf(t), size: sizeof(t), ptrWords: ptrWords(t), elem: -1, ...(t.kind === 'named' ? { named: true } : {}),
    ...(u.kind === 'basic' ? { basic: u.name } : {}),
  };
  if (u.kind === 'array') {
    // an array's element cannot contain the array itself: register the element first
    pt.elem = programType(m, u.elem);
    pt.len = u.len;
    const aid = m.type(pt, key);
    attachMethods(m, t, pt); // lower/method.ts
    return aid;
  }
  // a pointer's, chan's or slice's element may be the type being registered (`type P *P`, `type S []S`):
  // register this type first, then its element
  const id = m.type(pt, key);
  if (u.kind === 'pointer' || u.kind === 'chan' || u.kind === 'slice') pt.elem = programType(m, u.elem);
  if (u.kind === 'map') { pt.key = programType(m, u.key); pt.elem = programType(m, u.elem); }
  if (u.kind === 'func') { pt.params = u.params.map((p) => programType(m, p)); pt.results = u.results.map((r) => programType(m, r)); pt.variadic = u.variadic; }
  // a struct's fields, for the runtime's per-type hash and equality of map keys (runtime/src/map-hash.ts)
  if (u.kind === 'struct') {
    pt.fields = u.fields.filter((f) => f.name !== '_').map((f) => ({ offset: f.offset, type: programType(m, f.type) }));
    // every field, named, for reflect (runtime/src/rt-reflect.ts)
    pt.sfields = u.fields.map((f) => ({ name: f.name, offset: f.offset, type: programType(m, f.type), embedded: f.embedded === true }));
  }
  attachMethods(m, t, pt); // lower/method.ts
  return id;
}
