// `gosim run`'s output straight to file descriptors (bin/fd-output.cjs): all of it, in order, when a descriptor is
// full (EAGAIN hands the rest to Node's stream); a closed pipe ends the launcher with status 141 as SIGPIPE would.
import { spawn } from 'node:child_process';
import fs, { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fdWriter } = require('../bin/fd-output.cjs') as { fdWriter: (fd: number, stream: () => unknown) => { write(s: string): unknown } };

afterEach(() => jest.restoreAllMocks());

test('a full descriptor: what did not fit, and every later write, go through the stream in order', () => {
  const direct: string[] = [];
  let calls = 0;
  jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer) => {
    expect(fd).toBe(7);
    if (++calls === 2) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
    const n = Math.min(buf.length, 4); // a short write: the writer loops
    direct.push(buf.subarray(0, n).toString());
    return n;
  }) as typeof fs.writeSync);
  const streamed: string[] = [];
  const stream = { on: jest.fn(), write: (s: Buffer | string) => streamed.push(String(s)) };
  const w = fdWriter(7, () => stream);
  w.write('hello, ');
  w.write('world\n');
  expect(direct).toEqual(['hell']);
  expect(streamed).toEqual(['o, ', 'world\n']);
  expect(stream.on).toHaveBeenCalledWith('error', expect.any(Function));
});

const built = existsSync(join(__dirname, '..', 'dist', 'run.cjs'));
(built ? test : test.skip)('a closed pipe: status 141, as a Go binary killed by SIGPIPE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gosim-fd-test-'));
  try {
    writeFileSync(join(dir, 'many.go'), 'package main\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tprintln("line", i)\n\t}\n}\n');
    const child = spawn(process.execPath, [join(__dirname, '..', 'bin', 'gosim.cjs'), 'run', 'many.go'], {
      cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GOSIM_NO_CACHE: '1' },
    });
    const first = await new Promise<string>((resolve) => child.stderr.once('data', (b: Buffer) => resolve(b.toString())));
    expect(first).toMatch(/^line 0\n/);
    child.stderr.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(141);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
