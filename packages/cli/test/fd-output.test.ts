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

test('a failed write returns its negated errno, as the system call does; after EPIPE no write is tried', () => {
  const results: (string | number)[] = ['ECONNRESET', 7, 'EPIPE'];
  const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation((() => {
    const r = results.shift();
    if (typeof r === 'number') return r;
    throw Object.assign(new Error('write'), { code: r, errno: r === 'EPIPE' ? -32 : -104 });
  }) as typeof fs.writeSync);
  const w = fdWriter(2, () => {
    throw new Error('no stream: the descriptor is blocking');
  });
  expect(w.write('line 1\n')).toBe(-104);
  expect(w.write('line 2\n')).toBe(true);
  expect(w.write('line 3\n')).toBe(-32);
  expect(w.write('line 4\n')).toBe(-32);
  expect(writeSync).toHaveBeenCalledTimes(3);
});

// The reader of stderr closes either right after the first line, or after leaving the pipe unread until the
// writer blocks on it (Linux then reports ECONNRESET to the blocked write before EPIPE). As go1.19.8's binaries: a
// println loop runs on to its own exit; an os.Stderr loop ends as SIGPIPE ends it.
const programs = {
  println: 'package main\n\nimport "os"\n\nfunc main() {\n\tfor i := 0; i < 100000; i++ {\n\t\tprintln("line", i)\n\t}\n\tos.Exit(3)\n}\n',
  'os.Stderr': 'package main\n\nimport "os"\n\nfunc main() {\n\tfor {\n\t\tos.Stderr.WriteString("line\\n")\n\t}\n}\n',
};
const built = existsSync(join(__dirname, '..', 'dist', 'run.cjs'));
const cases: [keyof typeof programs, string, number][] = [
  ['println', 'reading', 3], ['println', 'not reading', 3], ['os.Stderr', 'reading', 141], ['os.Stderr', 'not reading', 141],
];
(built ? test.each(cases) : test.skip.each(cases))('a loop of %s, stderr closed by its reader %s: status %d', async (prog, mode, want) => {
  const dir = mkdtempSync(join(tmpdir(), 'gosim-fd-test-'));
  try {
    writeFileSync(join(dir, 'many.go'), programs[prog]);
    const child = spawn(process.execPath, [join(__dirname, '..', 'bin', 'gosim.cjs'), 'run', 'many.go'], {
      cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GOSIM_NO_CACHE: '1' },
    });
    if (mode === 'reading') {
      const first = await new Promise<string>((resolve) => child.stderr.once('data', (b: Buffer) => resolve(b.toString())));
      expect(first).toMatch(/^line/);
    } else {
      child.stderr.pause();
      await new Promise((resolve) => child.stderr.once('readable', resolve));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the child fills the pipe and blocks
    }
    child.stderr.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
