/**
 * The type checker: resolves identifiers, types every expression, folds constants, inserts implicit interface
 * conversions, records closure captures and function frames. It annotates the AST in place.
 */
import type * as A from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { isStackOverflow, isUnsupported, nestedTooDeep } from '../diagnostics.js';
import type { TypeNameObj, VarObj } from '../objects.js';
import { Checker } from './decl.js';
import type { CheckOptions } from './base.js';
export type { CheckOptions } from './base.js';

export { addressRoot } from './expr.js';
export { runtimeSignature } from './call.js';

/** The result of checking a file: the annotated AST plus indexes a lowering pass wants. */
export interface CheckedProgram {
  file: A.File;
  filename: string;
  /** Top-level functions in source order. */
  funcs: A.FuncDecl[];
  /** All function literals, in source order. */
  funcLits: A.FuncLit[];
  globals: VarObj[];
  /** All package-level named types. */
  types: TypeNameObj[];
  /** Every variable of the program, by id. */
  vars: VarObj[];
  /** Whether escape analysis ran (it sets Var.escapes, Capture.byRef and the allocation sites' heap flags). */
  escapesAnalyzed: boolean;
}

export function checkFile(file: A.File, opts: CheckOptions = {}): { program?: CheckedProgram; diagnostics: Diagnostic[] } {
  const c = new Checker(file, opts);
  try {
    c.run();
  } catch (e) {
    if (isStackOverflow(e)) return { diagnostics: [nestedTooDeep(file.filename, c.at)] };
    throw e;
  }
  let diagnostics = c.diags.sort((a, b) => a.pos.offset - b.pos.offset);
  // past a construct outside the subset the checker's picture of the program is incomplete: other errors would
  // read as if the (valid) program were wrong, so only the "not supported" ones are reported
  const unsupported = diagnostics.filter(isUnsupported);
  if (unsupported.length > 0) diagnostics = unsupported;
  if (diagnostics.length > 0) return { diagnostics };
  return { program: c.program(), diagnostics };
}
