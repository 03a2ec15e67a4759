// Types the runtime itself needs in every program: basic kinds for boxing and the runtime errors.

import type { Module, ProgramType } from '@gosim/program';

const basic = (name: string, kind: ProgramType['kind'], size: number, ptrWords: number[] = []): ProgramType => ({
  name, kind, size, ptrWords, elem: -1,
});

/** Runtime error types: the data word points to the Error() text as a {ptr, len} string header. */
export const runtimeErrorTypes = ['runtime.errorString', 'runtime.boundsError', 'runtime.plainError', '*runtime.TypeAssertionError'] as const;
export type RuntimeErrorType = (typeof runtimeErrorTypes)[number];

export function addRuntimeTypes(m: Module): void {
  m.type(basic('int', 'int', 8));
  m.type(basic('string', 'string', 16, [0]));
  m.type(basic('bool', 'bool', 1));
  m.type(basic('uintptr', 'uintptr', 8));
  m.type(basic('runtime.hchan', 'record', 96, [2, 8, 9, 10, 11]));
  m.type(basic('runtime.sudog', 'record', 64, [1, 2, 3, 4, 5, 6]));
  m.type(basic('runtime.bytes', 'record', 8));
  m.type(basic('runtime.hmap', 'record', 48, [2, 3, 5])); // map-layout.ts Hmap
  for (const t of runtimeErrorTypes) m.type(basic(t, 'runtime-error', 16, [0]));
}
