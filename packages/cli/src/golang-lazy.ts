// The run bundle's @gosim/golang (tsup.config.ts resolves the package here for dist/run.cjs alone): the compiler and
// the standard packages' sources are a file of their own, dist/compile.cjs (src/compile-entry.ts), required at the
// first compile. A run whose module comes from the module cache never reads them. Only what the cli uses is here.

import type * as Golang from '@gosim/golang';
import { Module } from '@gosim/program';

let golang: typeof Golang | undefined;
const load = (): typeof Golang => (golang ??= require('./compile.cjs') as typeof Golang);

/** compile, with its module remade by this bundle's Module class (compile.cjs holds its own copy of @gosim/program). */
export const compile: typeof Golang.compile = (src, filename, opts) => {
  const c = load().compile(src, filename, opts);
  return c.module ? { ...c, module: Module.fromData(c.module.toData()) } : c;
};

export const formatDiagnostic: typeof Golang.formatDiagnostic = (d) => load().formatDiagnostic(d);
