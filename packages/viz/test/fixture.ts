// Test fixtures: a small hand-made Recording (with text a program could print) and a stand-in page folder.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingVersion, type Recording } from '../src/index';

/** Program text that tries to break out of a script element and a JS string. */
export const hostile = '</script><script>alert(1)</script> <!-- --> & \u2028\u2029 "quoted" \\ </SCRIPT >';

export function sampleRecording(): Recording {
  return {
    version: RecordingVersion,
    file: 'hostile.go',
    source: `package main\n\nfunc main() { println(${JSON.stringify(hostile)}) }\n`,
    command: 'gosim viz hostile.go --policy old',
    runs: [
      {
        policy: 'old',
        flags: [],
        funcs: [],
        types: [],
        window: { first: 1, last: 1, totalSteps: 1 },
        steps: [{ i: 0, kind: 'safepoint', event: { note: hostile }, safePoint: 1, goid: 1, fn: 'main.main', file: 'hostile.go', line: 3 }],
        stdout: '',
        stderr: `${hostile}\n`,
        exitCode: 0,
      },
    ],
  };
}

/** A folder holding stand-in page files (each names itself), as vite's dist/page would. */
export function fakePage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gosim-viz-page-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>fake</title><script src="recording.js"></script><script src="page.js"></script>\n');
  writeFileSync(join(dir, 'page.js'), '/* fake page.js */\n');
  writeFileSync(join(dir, 'page.css'), '/* fake page.css */\n');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'secret.txt'), 'not on the allow-list\n');
  return dir;
}
