// Variant modules from outside the packages: loaded here and in every worker thread, never replaced by a stock piece.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPiece, mixPolicy, parsePolicy, policyName } from '@gosim/runtime';
import { copystackNew } from '@gosim/copystack';
import { exploreSource, loadPlugins, PluginError, UnregisteredPieceError } from '../src/index.js';
import { bundledWorker } from './worker-bundle.js';

const repo = join(__dirname, '..', '..', '..');
const deferPtrs = readFileSync(join(repo, 'examples', 'defer_ptrs.go'), 'utf8');
let dir: string;
let variant: string;
let worker: ReturnType<typeof bundledWorker>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-variant-'));
  variant = join(dir, 'forget-args.ts');
  copyFileSync(join(repo, 'examples', 'variants', 'forget-args.ts'), variant);
  worker = bundledWorker();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  worker.dispose();
});

const pluginError = (f: () => unknown): PluginError => {
  try {
    f();
  } catch (e) {
    if (e instanceof PluginError) return e;
    throw e;
  }
  throw new Error('no PluginError');
};

describe('plugins', () => {
  test('a .ts variant in a folder outside the packages loads and registers its piece, bound to the stock pieces', () => {
    const [file] = loadPlugins([variant]);
    expect(file).toBe(variant);
    const p = getPiece('copystack', 'forget-args');
    expect(p.name).toBe('forget-args');
    expect(p.piece).toBe('copystack');
    expect(p.adjustdefers).not.toBe(copystackNew.adjustdefers);
    expect(policyName(parsePolicy('copystack=forget-args'))).toBe('deferpanic=new,traceback=new,gc=new,copystack=forget-args');
  });

  test('the variant that forgets argument blocks fails in 2 worker threads exactly as in this thread', async () => {
    const opts = { plugins: [variant], policySpec: 'copystack=forget-args', stride: 25 };
    const here = await exploreSource(deferPtrs, 'defer_ptrs.go', { ...opts, workers: 1 });
    const there = await exploreSource(deferPtrs, 'defer_ptrs.go', { ...opts, workers: 2, workerUrl: worker.url });
    expect(there.workers).toBe(2);
    expect(here.failures.length).toBeGreaterThan(0);
    expect(there.failures.map((f) => [f.k, f.symptom])).toEqual(here.failures.map((f) => [f.k, f.symptom]));
    // the stock piece passes: the failures are the variant's
    const stock = await exploreSource(deferPtrs, 'defer_ptrs.go', { stride: 25, workers: 2, workerUrl: worker.url });
    expect(stock.failures).toHaveLength(0);
  }, 120_000);

  test('a piece given in-process but not registered under its name is refused with workers, not rebuilt as stock', async () => {
    const anon = mixPolicy({ copystack: { ...copystackNew } });
    await expect(exploreSource(deferPtrs, 'defer_ptrs.go', { policy: anon, stride: 50, workers: 2, workerUrl: worker.url })).rejects.toThrow(UnregisteredPieceError);
  });

  test('--reference: the comparison is with the given policy', async () => {
    const r = await exploreSource(deferPtrs, 'defer_ptrs.go', { policySpec: 'new', reference: parsePolicy('old'), stride: 50, workers: 1 });
    const old = await exploreSource(deferPtrs, 'defer_ptrs.go', { policySpec: 'old', stride: 50, workers: 1 });
    expect(r.reference).toEqual(old.baseline);
  });

  test('a missing file, a module that throws, one with a syntax error and one without pieces are clear errors', () => {
    expect(pluginError(() => loadPlugins(['nosuch.ts'], dir))).toMatchObject({ missing: true, message: 'plugin nosuch.ts: no such file' });
    expect(pluginError(() => loadPlugins(['no-such-package-xyz'], dir))).toMatchObject({ missing: true });
    writeFileSync(join(dir, 'throws.mjs'), "throw new Error('boom');\n");
    expect(pluginError(() => loadPlugins(['throws.mjs'], dir)).message).toBe(`plugin ${join(dir, 'throws.mjs')}: loading failed: boom`);
    writeFileSync(join(dir, 'syntax.ts'), 'export const = 1;\n');
    expect(pluginError(() => loadPlugins(['syntax.ts'], dir)).message).toMatch(/^plugin .*syntax\.ts: .*syntax\.ts:1:14: /);
    writeFileSync(join(dir, 'empty.js'), 'export const x = 1;\n');
    expect(pluginError(() => loadPlugins(['empty.js'], dir)).message).toMatch(/empty\.js: exports no pieces/);
    writeFileSync(join(dir, 'other.mjs'), "import { x } from '@gosim/nosuch';\nexport const p = { piece: 'gc', name: 'y', x };\n");
    expect(pluginError(() => loadPlugins(['other.mjs'], dir)).message).toMatch(/imports @gosim\/nosuch: a variant may import @gosim\/copystack/);
  });

  test('a plugin cannot take a registered name from another piece', () => {
    writeFileSync(join(dir, 'shadow.mjs'), "import { gcNew } from '@gosim/gc';\nexport const pieces = [{ ...gcNew }];\n");
    expect(pluginError(() => loadPlugins(['shadow.mjs'], dir)).message).toMatch(/a different gc piece is already registered as "new"/);
  });
});
