import { defineConfig } from 'tsup';
import { tsupBase } from '../../tsup.base';

// main.ts is its own entry for bin/gosim.cjs: index.ts re-exports every command's module, main.ts loads them
// lazily. The CJS build turns import() into require(): one copy of each package per process (a CJS caller gets the
// CJS @gosim/runtime that plugins register into), and bin/code-cache.cjs can cache the bundle.
export default defineConfig({
  ...tsupBase,
  entry: ['src/index.ts', 'src/main.ts'],
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
