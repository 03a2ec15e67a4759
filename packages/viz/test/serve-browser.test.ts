// The built page under the server's Content-Security-Policy, in Debian's Chromium: it must run (it reads the
// recording and draws) with no CSP violation, i.e. no inline script or style and nothing from elsewhere.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageDir, PageFiles, serveRecording } from '../src/index';
import { sampleRecording } from './fixture';

jest.setTimeout(60_000);

const chromium = '/usr/bin/chromium';
const why = !existsSync(chromium)
  ? `${chromium} is not installed`
  : !PageFiles.every((f) => existsSync(join(pageDir(), f)))
    ? 'the page is not built (dist/page: run tsup && vite build in packages/viz)'
    : undefined;
if (why) console.log(`serve-browser.test: skipped: ${why}`);

(why ? test.skip : test)('the served page runs under the CSP with no violation, and shows program text as text', async () => {
  const { chromium: launcher } = await import('playwright-core');
  const srv = await serveRecording(sampleRecording());
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    // Chromium asks for /favicon.ico by itself: that 404 is the server's allow-list at work, not the page's doing
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // page-side code as strings: this package is type-checked without the DOM library
    await page.addInitScript({
      content: `window.cspViolations = []; window.alerted = false; window.alert = () => { window.alerted = true; };
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    const res = await page.goto(srv.url);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction('document.body.textContent.trim().length > 0', undefined, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const violations = (await page.evaluate('window.cspViolations')) as string[];
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    // the recording was read: the hostile source is on the page as text, and no script element came from it
    const scripts = await page.evaluate(`[...document.querySelectorAll('script')].map((s) => s.getAttribute('src'))`);
    expect(scripts).toEqual(['recording.js', 'page.js']);
    expect(await page.evaluate('window.alerted')).toBe(false);
    expect(await page.evaluate('document.body.textContent')).toContain('</script><script>alert(1)</script>');
  } finally {
    await browser.close();
    await srv.close();
  }
});
