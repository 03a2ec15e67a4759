/// <reference lib="dom" />
// Browser tests: Debian's Chromium (never a download) drives the built page opened from a site dir as file://.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { goexitRecording } from './fixtures/goexit-old';
import { goexitMoment, recordExample, recordSource } from './recordings';
import { artifact, Chromium, ensurePage, haveChromium, writeTestSite } from './site-helper';
import type { Recording } from '../src/index';
import { snapshotAt } from '../src/read';

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
    await page.keyboard.press('g'); // next GC
    expect(await step(page)).toBe('6');
    await page.keyboard.press('k'); // previous safe point
    expect(await step(page)).toBe('5');
    await page.keyboard.press('p'); // previous source line: back on line 34 (step 4)
    expect(await step(page)).toBe('4');
    await page.keyboard.press('End');
    expect(await step(page)).toBe('7');
    const box = (await page.locator('.tl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * (2.5 / 8), box.y + box.height / 2); // timeline: step 2 of 8
    expect(await step(page)).toBe('2');
    expect(await page.isVisible('#help')).toBe(false);
    await page.keyboard.press('?');
    expect(await page.isVisible('#help')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#help')).toBe(false);
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

  describe('examples/defer_ptrs_goexit.go recorded', () => {
    let both: Recording;
    let site: { old: string; neu: string; both: string };
    beforeAll(() => {
      both = recordExample('defer_ptrs_goexit.go', ['old', 'new']);
      const one = (k: number): Recording => ({ ...both, runs: [both.runs[k]!] });
      site = { old: writeTestSite(one(0)), neu: writeTestSite(one(1)), both: writeTestSite(both) };
    });

    test('old: c from the Goexit start lands on the stack copy; the off-list record\'s &y dangles into the freed stack', async () => {
      const run = both.runs[0]!;
      const { started, copy } = goexitMoment(run);
      const { page, errors } = await open(site.old, `#run=0&step=${started.i}`);
      expect(await step(page)).toBe(String(started.i));
      await page.keyboard.press('c');
      expect(await step(page)).toBe(String(copy.i));
      const stale = copy.copy!.stale[0]!;
      const p = page.locator(`.chain.offlist .ptr[data-at="0x${stale.at.toString(16)}"]`);
      expect(await p.count()).toBe(1);
      expect(await p.getAttribute('data-target')).toBe('freed-stack');
      expect(await p.getAttribute('class')).toContain('dangling');
      expect(await p.getAttribute('data-value')).toBe(`0x${stale.value.toString(16)}`);
      expect(await page.locator('.copy .stale.dangling').count()).toBeGreaterThan(0);
      // in runtime.call8192 (no line): the source shows the innermost frame of the program's file
      const g = snapshotAt(run, copy.i)!.goroutines.find((x) => x.goid === copy.goid)!;
      const line = g.frames.find((f) => f.file === both.file && f.line > 0)!.line;
      expect(await page.getAttribute('.source .line.cur', 'data-line')).toBe(String(line));
      await page.screenshot({ path: artifact('goexit-old-copy.png'), fullPage: false });
      // step back and forth: body.dataset.step and the hash follow
      await page.keyboard.press('ArrowLeft');
      expect(await step(page)).toBe(String(copy.i - 1));
      expect(await page.evaluate(() => location.hash)).toBe(`#run=0&step=${copy.i - 1}`);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await step(page)).toBe(String(copy.i + 1));
      await page.keyboard.press('ArrowDown'); // next safe point
      const sp = run.steps.findIndex((s) => s.i > copy.i + 1 && s.kind === 'safepoint');
      expect(await step(page)).toBe(String(sp));
      await page.keyboard.press('Home');
      expect(await step(page)).toBe('0');
      expect(errors).toEqual([]);
      await page.close();
    });

    test('new: at the same stack copy the record is on the list and its &y adjusted into the new stack', async () => {
      const run = both.runs[1]!;
      const { started, copy } = goexitMoment(run);
      const { page, errors } = await open(site.neu, `#run=0&step=${started.i}`);
      await page.keyboard.press('c');
      expect(await step(page)).toBe(String(copy.i));
      const rec = page.locator('.chain:not(.offlist) .record', { hasText: 'main.storeBig' });
      expect(await rec.count()).toBe(1);
      const p = rec.locator('.ptr[data-where$="arg +0"]');
      expect(await p.count()).toBe(1);
      expect(await p.getAttribute('class')).toContain('adjusted');
      expect(await p.getAttribute('data-target')).toBe('stack');
      const at = await p.getAttribute('data-at');
      const a = copy.copy!.adjusted.find((x) => `0x${x.at.toString(16)}` === at)!;
      expect(a).toBeDefined();
      expect(await p.getAttribute('data-from')).toBe(`0x${a.from.toString(16)}`);
      expect(await p.getAttribute('data-to')).toBe(`0x${a.to.toString(16)}`);
      expect(await page.locator('.ptr.dangling').count()).toBe(0);
      await page.screenshot({ path: artifact('goexit-new-copy.png') });
      expect(errors).toEqual([]);
      await page.close();
    });

    test('side by side (#compare): old\'s stack copy lines up with new\'s, dangling on one side, adjusted on the other', async () => {
      const { copy } = goexitMoment(both.runs[0]!);
      const { page, errors } = await open(site.both, `#run=0&step=${copy.i}`);
      expect(await page.locator('#compare .run-view').count()).toBe(2);
      const neuCopy = goexitMoment(both.runs[1]!).copy;
      expect(await page.locator('.run-view[data-policy="new"]').getAttribute('data-step')).toBe(String(neuCopy.i));
      expect(await page.locator('.run-view[data-policy="old"] .chain.offlist .ptr.dangling').count()).toBe(1);
      expect(await page.locator('.run-view[data-policy="new"] .record .ptr.adjusted[data-where$="arg +0"]').count()).toBe(1);
      await page.screenshot({ path: artifact('goexit-compare.png') });
      await page.keyboard.press('v'); // side by side off
      expect(await page.locator('#compare').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  test('a program printing <script> and <img onerror> shows the text and runs nothing', async () => {
    const src = 'package main\n\n// <b>not bold</b>\nfunc main() {\n\tprintln("<script>alert(1)</script>")\n\tprintln("<img src=x onerror=alert(2)>")\n}\n';
    const rec = recordSource(src, 'xss<script>.go', ['new']);
    const { page, errors, dialogs } = await open(writeTestSite(rec));
    await page.click('.output summary');
    const shown = await page.textContent('.run-view .output');
    expect(shown).toContain('<script>alert(1)</script>');
    expect(shown).toContain('<img src=x onerror=alert(2)>');
    expect(await page.textContent('.source')).toContain('// <b>not bold</b>');
    expect(await page.textContent('header')).toContain('xss<script>.go');
    expect(await page.locator('img, b:text("not bold")').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
