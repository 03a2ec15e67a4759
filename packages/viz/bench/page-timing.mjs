// Page timing on the recording of examples/panic_use_stack.go (policy new, whole run): load time (navigation
// to the first step drawn) and per-step time over STEPS → presses: the handler (render + the layout the
// arrows force) and the frame (key press to the next animation frame). Usage: node bench/page-timing.mjs [STEPS] [POLICY]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, recordExample, writeSite } from '../scripts/lib.mjs';

const steps = Number(process.argv[2] ?? 200);
const policy = process.argv[3] ?? 'new';
const t0 = performance.now();
const rec = recordExample('examples/panic_use_stack.go', [policy]);
const recordMs = performance.now() - t0;
const dir = writeSite(rec);
const bytes = statSync(join(dir, 'recording.js')).size;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const loads = [];
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}#run=0&step=0`);
  await page.waitForFunction(() => document.body.dataset.step === '0');
  loads.push(performance.now() - t);
  if (k < 2) await page.goto('about:blank');
}
const nav = await page.evaluate(() => { const e = performance.getEntriesByType('navigation')[0]; return e ? { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd } : null; });
const r = await page.evaluate(async (n) => {
  const handler = [];
  const frame = [];
  for (let k = 0; k < n; k++) {
    const t = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    handler.push(performance.now() - t);
    await new Promise((res) => requestAnimationFrame(() => res(undefined)));
    frame.push(performance.now() - t);
  }
  return { handler, frame, step: document.body.dataset.step };
}, steps);
await browser.close();
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};
const run = rec.runs[0];
console.log(`recording: examples/panic_use_stack.go --policy ${policy}: ${run.steps.length} steps, ${run.window.totalSteps} safe points, recording.js ${(bytes / 1e6).toFixed(1)} MB, recorded in ${recordMs.toFixed(0)} ms`);
console.log(`load (goto → first step drawn): ${loads.map((x) => x.toFixed(0)).join(', ')} ms${nav ? ` (last: DOMContentLoaded at ${nav.dcl.toFixed(0)} ms)` : ''}`);
console.log(`step → over ${r.handler.length} steps (ended at step ${r.step}): handler ${stat(r.handler)}; frame ${stat(r.frame)}`);
