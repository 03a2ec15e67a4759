// Loading a program: the runtime's own functions are added to the user's module (gopanic and Goexit
// in the policy's shape, callNN, runtime.main, goexit, the panic entry points), then it is linked and
// validated.

import { addDeferRuntime, type DeferPanicPolicy } from '@gosim/defer-panic';
import { codegenKey, EfaceSize, link, Module, Op, validate, type Program } from '@gosim/program';
import { slicePanicEntries } from './slice.js';
import { addRuntimeTypes } from './types.js';
import { addIfaceRuntime } from './iface.js';
import { addPreprint } from './preprint.js';
import { addRtFuncs } from './rtfuncs.js';
import { addFinalizerRuntime } from './finalizer.js';

/** Runtime functions that raise a runtime error: each calls gopanic with the value in its outgoing area. */
export const panicEntries = [
  'runtime.sigpanic',
  'runtime.panicdivide',
  'runtime.goPanicIndex',
  'runtime.panicdottypeE',
  'runtime.panicshift',
  'runtime.panicmakeslicelen',
  'runtime.panicmakeslicecap',
  'runtime.panicwrap',
] as const;

export function addRuntime(m: Module, pol: DeferPanicPolicy): void {
  addRuntimeTypes(m);
  addIfaceRuntime(m);
  addPreprint(m);
  addDeferRuntime(m, pol);
  addRtFuncs(m);
  addFinalizerRuntime(m);
  const file = '$GOROOT/src/runtime/proc.go';
  // source lines as go1.19.8's (a level-2 traceback prints them): proc.go's call of main.main, goexit's body
  const main = m.func('runtime.main', { outgoing: 0, file });
  main.line = 233; // doInit(&main_inittask): the variable initializers (main.init), then each func init
  const inits = m.inits.length > 0 ? m.inits : ['main.init', ...initFuncs(m, 'main')].filter((n) => m.funcIds.has(n));
  for (const name of inits) main.call(name);
  main.line = 250;
  main.call(m.entryName).emit(Op.EXIT, 0).emit(Op.RET).end();
  m.funcval('runtime.main');
  // The bottom frame of every goroutine: a function returning here ends its goroutine.
  const goexit = m.func('runtime.goexit', { nosplit: true, file: '$GOROOT/src/runtime/asm_amd64.s' });
  goexit.line = 1594;
  goexit.emit(Op.NOP).emit(Op.GOEXIT).emit(Op.RET).end();
  for (const name of [...panicEntries, ...slicePanicEntries]) {
    m.func(name, { outgoing: EfaceSize, nosplit: true, file: '$GOROOT/src/runtime/panic.go' }).call('runtime.gopanic').emit(Op.RET).end();
  }
}

/** A module compiled with other codegen options than the deferpanic piece asks for. */
export class CodegenMismatch extends Error {}

/** Adds the runtime to a copy of the user's module, links and validates it (refused: another codegen). */
export function loadProgram(user: Module, pol: DeferPanicPolicy): Program {
  const want = codegenKey(pol.codegen);
  if (codegenKey(user.codegen) !== want)
    throw new CodegenMismatch(`the program was compiled for ${codegenKey(user.codegen)}, deferpanic piece ${pol.name} runs programs compiled for ${want} (compile with its codegen)`);
  const m = user.clone();
  addRuntime(m, pol);
  const p = link(m);
  validate(p);
  return p;
}

/** A package's `func init`s by link name (P.init.0, P.init.1, ...). */
function initFuncs(m: Module, pkg: string): string[] {
  const out: string[] = [];
  for (let i = 0; m.funcIds.has(`${pkg}.init.${i}`); i++) out.push(`${pkg}.init.${i}`);
  return out;
}
