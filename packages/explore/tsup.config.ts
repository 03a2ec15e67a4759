import { defineConfig } from 'tsup';
import { tsupBase } from '../../tsup.base';

// The worker thread script ships beside index.js; shims give the CJS build import.meta.url.
export default defineConfig({ ...tsupBase, entry: ['src/index.ts', 'src/worker.ts'], shims: true });
