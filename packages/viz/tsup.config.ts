import { defineConfig } from 'tsup';
import { tsupBase } from '../../tsup.base';

// The page (page/, built by vite into dist/page) is not part of the library build.
export default defineConfig(tsupBase);
