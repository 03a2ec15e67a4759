// The worker script built from source for tests (jest runs src/, where there is no dist/worker.js): bundled by
// esbuild into a folder inside this package, so that its imports of esbuild resolve as the built one's do.

import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

export function bundledWorker(): { url: URL; dispose: () => void } {
  const dir = mkdtempSync(join(__dirname, '..', '.test-worker-'));
  const outfile = join(dir, 'worker.cjs');
  buildSync({
    entryPoints: [join(__dirname, '..', 'src', 'worker.ts')], bundle: true, outfile, format: 'cjs', platform: 'node',
    conditions: ['@gosim/source'], external: ['esbuild'], logLevel: 'silent',
  });
  return { url: pathToFileURL(outfile), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
