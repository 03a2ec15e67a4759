import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicy } from '@gosim/runtime';
import { fuzzMain, runGosim } from '../src/index';

describe('runGosim classifies a run as the tools count it', () => {
  it('ran: normalized outcome, and stdout+stderr combined in writing order', () => {
    const r = runGosim('package main\n\nfunc main() {\n\tprintln("hi", 3)\n\tpanic("boom")\n}\n', './a.go');
    expect(r.kind).toBe('ran');
    expect(r.outcome).toEqual({ exit: 2, traceback: 'goroutine 1 [running]:', stdout: '', stderr: 'hi 3\npanic: boom' });
    expect(r.combined?.startsWith('hi 3\npanic: boom\n\ngoroutine 1 [running]:\n')).toBe(true);
  });

  it('rejected: outside the subset ("… not supported by gosim")', () => {
    const r = runGosim('package main\n\nimport "net/http"\n\nvar _ = http.Get\n\nfunc main() {\n}\n', './a.go');
    expect(r.kind).toBe('rejected');
    expect(r.message).toMatch(/package net\/http is not supported by gosim/);
  });

  it('compile-error: a type error', () => {
    expect(runGosim('package main\n\nfunc main() {\n\tx = 1\n}\n', './a.go')).toMatchObject({ kind: 'compile-error', message: './a.go:4:2: undefined: x' });
  });

  it('compiles for the policy\'s codegen: go1.13 stack records run (a heap-codegen module would be refused)', () => {
    const src = 'package main\n\nfunc f(x int) {\n\tdefer println("deferred", x)\n\tprintln("body")\n}\n\nfunc main() {\n\tf(7)\n}\n';
    const r = runGosim(src, './a.go', { policy: parsePolicy('deferpanic=go1.13,copystack=go1.13,gc=go1.13'), copyStackEvery: 1 });
    expect(r.kind).toBe('ran');
    expect(r.outcome).toMatchObject({ exit: 0, stderr: 'body\ndeferred 7' });
  });

  it('limit: a loop stopped by the step limit', () => {
    const r = runGosim('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n', './a.go', { maxSteps: 1000 });
    expect(r.kind).toBe('limit');
  });
});

describe('fuzz:go without a working go', () => {
  it('says so and still runs the programs through gosim (no divergence from Go can be claimed)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fuzz-test-'));
    let log = '';
    try {
      const status = await fuzzMain(['--count', '2', '--seed', '5', '--out', out, '--without', 'untyped-shift', '--plain-only', '--go', '/nonexistent/go'], (s) => (log += s));
      expect(log).toMatch(/^fuzz: \/nonexistent\/go does not run: skipping the comparison with real Go/);
      expect(log).toMatch(/fuzz: 2 programs, \d+ divergences, 0 skipped \(nondeterministic\), 0 rejected by gosim/);
      expect(status === 0 || status === 1).toBe(true);
      expect(readFileSync(join(out, '.gitignore'), 'utf8')).toBe('*\n');
    } finally {
      if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
