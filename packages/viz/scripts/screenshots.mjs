// Screenshots of the CL scenarios at their moment, under old and new: docs/viz/<example>-<policy>.png.
// The moment: the moved goroutine's first stack copy after storeBig's deferred call started (goexit, panic:
// the record off the list under old, dangling; adjusted under new); for defer_ptrs.go (the control case) the
// first stack copy with a pending record; for gc_defer_args.go the first GC while the deferred call runs (and
// the mixture deferpanic=old, whose GC frees the still-referenced object). Prints recording size and time.
// Usage (after the build): node scripts/screenshots.mjs [OUTDIR]
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, recordExample, RepoDir, writeSite } from './lib.mjs';

const out = resolve(process.argv[2] ?? join(RepoDir, 'docs/viz'));
mkdirSync(out, { recursive: true });

const after = (run, first, next) => {
  const a = run.steps.find(first);
  return a ? run.steps.find((s) => s.i > a.i && next(s, a)) : undefined;
};
const copyAfterStart = (run) => after(run, (s) => s.kind === 'defer-started' && s.event.fn === 'main.storeBig', (s, a) => s.kind === 'stack-copied' && s.goid === a.goid);
const copyWithRecord = (run) => after(run, (s) => s.kind === 'defer-linked', (s, a) => s.kind === 'stack-copied' && s.goid === a.goid);
const gcInDeferred = (run) => run.steps.find((s) => s.gc && s.gc.freedStillReferenced.length > 0)
  ?? after(run, (s) => s.kind === 'defer-started' && s.event.fn === 'main.inspect', (s) => s.kind === 'gc-cycle');

const GCFlags = { run: { gcEvery: 1, clobberFree: true }, flags: ['--gc-every-safepoint', '--clobber-free'] };
const shots = [
  { ex: 'defer_ptrs.go', policies: ['old', 'new'], moment: copyWithRecord, opts: { window: 600 } },
  { ex: 'defer_ptrs_goexit.go', policies: ['old', 'new'], moment: copyAfterStart, opts: { window: 400 } },
  { ex: 'defer_ptrs_panic.go', policies: ['old', 'new'], moment: copyAfterStart, opts: { window: 400 } },
  { ex: 'gc_defer_args.go', policies: ['old', 'new', 'deferpanic=old'], moment: gcInDeferred, opts: { window: 600, ...GCFlags } },
];

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
for (const s of shots) {
  for (const policy of s.policies) {
    const t0 = performance.now();
    const rec = recordExample(`examples/${s.ex}`, [policy], s.opts);
    const ms = performance.now() - t0;
    const dir = writeSite(rec);
    const size = statSync(join(dir, 'recording.js')).size;
    const m = s.moment(rec.runs[0]);
    if (!m) {
      console.log(`${s.ex} ${policy}: no moment found in the recorded window (${rec.runs[0].steps.length} steps): no screenshot`);
      continue;
    }
    await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}#run=0&step=${m.i}`);
    await page.waitForFunction((i) => document.body.dataset.step === String(i), m.i);
    const name = `${s.ex.replace(/\.go$/, '')}-${policy.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: join(out, name) });
    console.log(`${name}: step ${m.i} (${m.kind}) of ${rec.runs[0].steps.length}; recording ${(size / 1e6).toFixed(1)} MB, recorded in ${ms.toFixed(0)} ms`);
  }
}
await browser.close();
