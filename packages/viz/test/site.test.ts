import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { pageDir, PageFiles, recordingScript, RecordingGlobal, SiteError, writeSite, type Recording } from '../src/index';
import { fakePage, hostile, sampleRecording } from './fixture';

const pkg = resolve(__dirname, '..');

/** Runs a recording.js as the browser would (a classic script on `window`) and returns what it set. */
function evalScript(js: string): unknown {
  const window: Record<string, unknown> = {};
  runInNewContext(js, { window });
  return window[RecordingGlobal];
}

describe('recordingScript', () => {
  const rec = sampleRecording();
  const js = recordingScript(rec);

  test('is one assignment to window.GOSIM_RECORDING that gives the recording back', () => {
    expect(RecordingGlobal).toBe('GOSIM_RECORDING');
    expect(js.startsWith('window.GOSIM_RECORDING = {')).toBe(true);
    expect(js.endsWith(';\n')).toBe(true);
    expect(evalScript(js)).toEqual(rec);
    expect(JSON.parse(js.slice('window.GOSIM_RECORDING = '.length, -2))).toEqual(rec);
  });

  test('contains nothing that ends a script element or a line of JavaScript', () => {
    expect(rec.source).toContain('</script>');
    expect(js).not.toMatch(/<\/script/i);
    expect(js).not.toContain('<!--');
    expect(js).not.toContain('-->');
    expect(js).not.toMatch(/[<>&\u2028\u2029]/);
    expect(js).toContain('\\u003c/script\\u003e');
    expect(js).toContain('\\u2028\\u2029');
    // the one line, even inlined into a page, stays one statement
    expect(js.trimEnd().split('\n')).toHaveLength(1);
  });

  test('round-trips every character that needs escaping', () => {
    for (const c of ['<', '>', '&', '\u2028', '\u2029', '</', '<!--', '\u0000', '\uffff']) {
      const r: Recording = { ...sampleRecording(), source: c };
      expect((evalScript(recordingScript(r)) as Recording).source).toBe(c);
    }
  });
});

describe('pageDir', () => {
  test('is dist/page beside the built module, and the same from src/', () => {
    expect(pageDir('/p/viz/dist')).toBe(join('/p/viz/dist', 'page'));
    expect(pageDir('/p/viz/src')).toBe(resolve('/p/viz/dist/page'));
    expect(pageDir()).toBe(join(pkg, 'dist', 'page'));
  });

  // the built library: ESM and CJS each find dist/page from their own location
  const built = existsSync(join(pkg, 'dist', 'index.cjs')) && readFileSync(join(pkg, 'dist', 'index.cjs'), 'utf8').includes('pageDir');
  (built ? test : test.skip)('the ESM and CJS builds both give <package>/dist/page', () => {
    const want = join(pkg, 'dist', 'page');
    const cjs = execFileSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(join(pkg, 'dist', 'index.cjs'))}).pageDir())`], { encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { pageDir } from ${JSON.stringify(`file://${join(pkg, 'dist', 'index.js')}`)}; process.stdout.write(pageDir())`], { encoding: 'utf8' });
    expect(cjs).toBe(want);
    expect(esm).toBe(want);
  });
  if (!built) console.log('site.test: dist/index.cjs not built with site.ts: build @gosim/viz (tsup) to check the ESM and CJS pageDir');
});

describe('writeSite', () => {
  test('writes the three page files and recording.js, and only those', () => {
    const page = fakePage();
    const out = join(mkdtempSync(join(tmpdir(), 'gosim-viz-site-')), 'deep', 'site');
    const rec = sampleRecording();
    const files = writeSite(out, rec, page);
    expect(files).toEqual([...PageFiles, 'recording.js'].map((f) => join(out, f)));
    expect(readdirSync(out).sort()).toEqual(['index.html', 'page.css', 'page.js', 'recording.js']);
    for (const f of PageFiles) expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(page, f), 'utf8'));
    const js = readFileSync(join(out, 'recording.js'), 'utf8');
    expect(js).toBe(recordingScript(rec));
    expect(js).not.toMatch(/<\/script/i);
    expect((evalScript(js) as Recording).runs[0]!.stderr).toBe(`${hostile}\n`);
  });

  test('a page folder without the built page is a SiteError saying so, and writes nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gosim-viz-nopage-'));
    const out = join(mkdtempSync(join(tmpdir(), 'gosim-viz-site-')), 'site');
    expect(() => writeSite(out, sampleRecording(), empty)).toThrow(SiteError);
    expect(() => writeSite(out, sampleRecording(), empty)).toThrow(/viz page is not built \(index\.html missing/);
    expect(existsSync(out)).toBe(false);
  });

  test('an output path it cannot create is a SiteError naming it', () => {
    const page = fakePage();
    const file = join(page, 'page.js');
    expect(() => writeSite(join(file, 'sub'), sampleRecording(), page)).toThrow(SiteError);
    expect(() => writeSite(join(file, 'sub'), sampleRecording(), page)).toThrow(/cannot write the site in .*page\.js/);
  });
});
