// Builds the page (root page/) into dist/page as exactly index.html, page.js (a classic IIFE script: a
// <script type=module> would not run from file://) and page.css, flat, no hashes.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, 'page');

/** Emits page/index.html as it is (library mode builds no HTML; this one must keep its classic scripts). */
function indexHtml(): Plugin {
  return {
    name: 'gosim-page-index',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'index.html', source: readFileSync(resolve(root, 'index.html'), 'utf8') });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [indexHtml()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/page'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: resolve(root, 'src/main.ts'),
      formats: ['iife'],
      name: 'GosimPage',
      fileName: () => 'page.js',
      cssFileName: 'page',
    },
  },
});
