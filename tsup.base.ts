// The build every package shares: typed ESM + CJS from src/index.ts.
import type { Options } from 'tsup';

/**
 * The CJS build's exports as data properties. esbuild gives a CJS module's exports as getters, twice over
 * (__export, then __toCommonJS's copy), and a CJS caller in another package reads the export on every call, as
 * `(0, import_pkg.fn)(...)`: two getter calls each time, which V8 leaves uninlined on the runtime's hot paths (half
 * the time of a defer loop under require('@gosim/runtime')). Once the module has run, its top-level bindings are
 * settled (no package exports a `let`), so a copy of the values stands for them; `__esModule` stays for interop.
 */
export const cjsDataExports = `if (module.exports && module.exports.__esModule) module.exports = Object.defineProperty({ ...module.exports }, "__esModule", { value: true });`;

export const tsupBase: Options = {
  entry: ['src/index.ts'],
  footer: ({ format }) => (format === 'cjs' ? { js: cjsDataExports } : {}),
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
};
