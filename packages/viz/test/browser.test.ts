// Browser tests: Debian's Chromium (never a download) drives the built page opened from a site dir as file://.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { goexitRecording } from './fixtures/goexit-old';
import { artifact, Chromium, ensurePage, haveChromium, writeTestSite } from './site-helper';

if (!haveChromium) console.log(`browser tests skipped: ${Chromium} is missing (apt-get install -y chromium)`);
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(60_000);

maybe('the page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    ensurePage();
    browser = await chromium.launch({ executablePath: Chromium, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a site as file:// with an optional hash; fails the test on any page error or dialog. */
  async function open(dir: string, hash = ''): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href + hash);
    await page.waitForFunction(() => document.body.dataset.step !== undefined);
    return { page, errors, dialogs };
  }

  const step = (page: Page) => page.evaluate(() => document.body.dataset.step);

  test('without recording.js the page says so in text', async () => {
    const { page, errors } = await open(writeTestSite(null));
    expect(await page.textContent('#missing')).toContain('no recording');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('fixture: → / ← move, the hash follows, c jumps to the stack copy, the stale record pointer dangles', async () => {
    const { page, errors } = await open(writeTestSite(goexitRecording()));
    expect(await step(page)).toBe('0');
    await page.keyboard.press('ArrowRight');
    expect(await step(page)).toBe('1');
    expect(await page.evaluate(() => location.hash)).toBe('#run=0&step=1');
    await page.keyboard.press('ArrowLeft');
    expect(await step(page)).toBe('0');
    await page.keyboard.press('c');
    expect(await step(page)).toBe('4');
    const p = page.locator('.chain.offlist .ptr[data-at="0xc000130"]');
    await expect(p.getAttribute('data-target')).resolves.toBe('freed-stack');
    expect(await p.getAttribute('class')).toContain('dangling');
    expect(await page.locator('.run-view .ptr.adjusted[data-from="0x22fa8"]').count()).toBe(1);
    await page.screenshot({ path: artifact('fixture-copy.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('fixture: a permalink opens that step', async () => {
    const { page } = await open(writeTestSite(goexitRecording()), '#run=0&step=6');
    expect(await step(page)).toBe('6');
    expect(await page.locator('.gc .freed-ref .dangling').count()).toBe(1);
    await page.close();
  });

  test('program text (<script>, <img onerror>) is shown as text and runs nothing', async () => {
    const { page, errors, dialogs } = await open(writeTestSite(goexitRecording()));
    await page.click('.output summary');
    const out = await page.textContent('.output pre');
    expect(out).toContain('<script>alert(1)</script>');
    expect(out).toContain('<img src=x onerror=alert(2)>');
    expect(await page.textContent('.source')).toContain('<script>alert(3)</script>');
    expect(await page.locator('.run-view img, .source script, .output script').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
