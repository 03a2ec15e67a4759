/** The universe scope (predeclared types, constants, builtins) and the modelled part of package runtime. */
import type { BuiltinName, GoObject, TypeNameObj } from '../objects.js';
import type { NamedType, Signature } from '../types.js';
import { T, emptyInterface } from '../types.js';
import { noPos } from '../diagnostics.js';
import { isApiFunc, runtimeConst, runtimeTypes } from './runtime-api.js';

export class Scope {
  readonly names = new Map<string, GoObject>();
  constructor(readonly parent: Scope | undefined, readonly kind: 'universe' | 'package' | 'func' | 'block' = 'block') {}
  lookup(name: string): GoObject | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const o = s.names.get(name);
      if (o) return o;
    }
    return undefined;
  }
}

function typeName(name: string, type: TypeNameObj['type']): TypeNameObj {
  return { kind: 'typename', name, type, pos: noPos() };
}

export function makeUniverse(): Scope {
  const u = new Scope(undefined, 'universe');
  const types: [string, TypeNameObj['type']][] = [
    ['bool', T.bool], ['int', T.int], ['int8', T.int8], ['int16', T.int16], ['int32', T.int32], ['int64', T.int64],
    ['uint', T.uint], ['uint8', T.uint8], ['uint16', T.uint16], ['uint32', T.uint32], ['uint64', T.uint64],
    ['uintptr', T.uintptr], ['string', T.string], ['float32', T.float32], ['float64', T.float64],
    ['complex64', T.complex64], ['complex128', T.complex128], ['byte', T.uint8], ['rune', T.int32], ['any', emptyInterface],
  ];
  for (const [n, t] of types) u.names.set(n, typeName(n, t));
  u.names.set('error', typeName('error', errorType));
  u.names.set('true', { kind: 'const', name: 'true', type: T.untypedBool, value: { kind: 'bool', value: true }, pos: noPos() });
  u.names.set('false', { kind: 'const', name: 'false', type: T.untypedBool, value: { kind: 'bool', value: false }, pos: noPos() });
  u.names.set('nil', { kind: 'nil' });
  const builtins: BuiltinName[] = [
    'append', 'cap', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'new', 'panic', 'print', 'println',
    'real', 'recover',
  ];
  for (const b of builtins) u.names.set(b, { kind: 'builtin', name: b });
  return u;
}

/** Go 1.19's predeclared names that the subset leaves out, and what to say when a program uses one. */
export function unsupportedPredeclared(name: string): string | undefined {
  switch (name) {
    case 'comparable': return 'generics are not supported by gosim';
    default: return undefined;
  }
}

const errorMethodSig: Signature = { kind: 'func', params: [], results: [T.string], variadic: false };

/** The predeclared `error`: interface { Error() string }. */
export const errorType: NamedType = {
  kind: 'named', pkg: '', name: 'error',
  underlying: { kind: 'interface', methods: [{ name: 'Error', sig: errorMethodSig }] },
};

/** `runtime.Error`: interface { error; RuntimeError() }. */
export const runtimeError: NamedType = {
  kind: 'named', pkg: 'runtime', name: 'Error',
  underlying: { kind: 'interface', methods: [{ name: 'Error', sig: errorMethodSig }, { name: 'RuntimeError', sig: { kind: 'func', params: [], results: [], variadic: false } }] },
};

/** Members of package runtime that the subset knows. */
export function runtimeMember(name: string): GoObject | undefined {
  switch (name) {
    case 'Goexit': case 'GC': case 'Callers': case 'Gosched':
      return { kind: 'builtin', name: `runtime.${name}` as BuiltinName };
    case 'Error':
      return typeName('Error', runtimeError);
    default: {
      if (isApiFunc(name)) return { kind: 'builtin', name: `runtime.${name}` as BuiltinName };
      const t = runtimeTypes.get(name);
      if (t) return typeName(name, t);
      return runtimeConst(name);
    }
  }
}
