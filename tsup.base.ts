// The build every package shares: typed ESM + CJS from src/index.ts.
import type { Options } from 'tsup';

export const tsupBase: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
};
