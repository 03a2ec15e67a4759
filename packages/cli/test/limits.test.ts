import { execFileSync, spawn } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { MaxAddress } from '@gosim/memory';
import { DefaultMaxSteps } from '@gosim/runtime';
import { ExploreMaxSteps } from '@gosim/explore';
import { MaxStackDefault, StackMinDefault } from '@gosim/stack';
import { readSource, MaxSourceBytes } from '../src/source.js';
import { gosim, goFiles, lines } from './helpers.js';

const files = goFiles({
  'forever.go': 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n',
  'hello.go': 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n',
  // ends under new; under old the deferred store at depth 0 misses y (the CL's first bug) and main spins
  'spins-under-old.go': `package main

import "runtime"

type page [4096]byte

func descend(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var pad [1024]byte
	descend(n-1+int(pad[511]), f)
}

func storeBig(dst *int, v int, blob page) {
	*dst = v + int(blob[4095])
}

func trial(results chan int, depth int) {
	var y int
	defer func() {
		results <- y
	}()
	defer storeBig(&y, 42, page{})
	descend(depth, runtime.Goexit)
}

func main() {
	results := make(chan int, 1)
	go trial(results, 0)
	if <-results != 42 {
		for {
		}
	}
	println("ok")
}
`,
});
afterAll(() => files.dispose());

describe('the source file is read with a size cap', () => {
  test('the cap is 16 MiB', () => {
    expect(MaxSourceBytes).toBe(16 << 20);
  });

  test('a file of exactly the cap is read; one byte more is "source file larger than N bytes" (status 2)', () => {
    writeFileSync(files.path('cap.go'), 'x'.repeat(100));
    expect(readSource('cap.go', files.dir, 100)).toHaveLength(100);
    writeFileSync(files.path('over.go'), 'x'.repeat(101));
    expect(() => readSource('over.go', files.dir, 100)).toThrow('over.go: source file larger than 100 bytes');
  });

  (existsSync('/dev/zero') ? test : test.skip)('gosim run of /dev/zero (through zero.go) stops at the cap: one gosim: line, status 2', async () => {
    symlinkSync('/dev/zero', files.path('zero.go'));
    const r = await gosim(['run', 'zero.go'], files.dir);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `gosim: zero.go: source file larger than ${16 << 20} bytes\n` });
  });

  test('a file too large for the cap by its size is refused before reading (status 2)', async () => {
    writeFileSync(files.path('big.go'), Buffer.alloc((16 << 20) + 1, 0x20));
    const r = await gosim(['run', 'big.go'], files.dir);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `gosim: big.go: source file larger than 16777216 bytes\n` });
  });

  test('a directory, a missing file: one line, no JavaScript stack (run: go run\'s text and status 1; explore: 66)', async () => {
    expect(await gosim(['run', '.'], files.dir)).toEqual({ status: 1, stdout: '', stderr: 'gosim: .: not a .go file; gosim runs one Go file (package main), not packages\n' });
    expect(await gosim(['run', 'nope.go'], files.dir)).toEqual({ status: 1, stdout: '', stderr: 'stat nope.go: no such file or directory\n' });
    expect(await gosim(['explore', 'nope/x.go'], files.dir)).toEqual({ status: 66, stdout: '', stderr: 'gosim: open nope/x.go: no such file or directory\n' });
  });

  (process.platform === 'win32' ? test.skip : test)('a named pipe (not a regular file) is read to its end and runs', async () => {
    execFileSync('mkfifo', [files.path('pipe.go')]);
    const writer = spawn('sh', ['-c', 'cat hello.go > pipe.go'], { cwd: files.dir });
    const r = await gosim(['run', 'pipe.go'], files.dir);
    writer.kill();
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'hi\n' });
  });
});

describe('explore runs the reference run first', () => {
  test('a program that never ends: one line naming the reference run and the limit, status 75, no injected run', async () => {
    const t0 = Date.now();
    const r = await gosim(['explore', '--workers', '1', 'forever.go'], files.dir);
    expect(r.status).toBe(75);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      `gosim: the reference run (policy new, nothing injected) did not finish: step limit reached (${ExploreMaxSteps} safe points); explore needs a program that ends (it reruns it once per safe point): raise --max-steps (default ${ExploreMaxSteps}) for a longer one`,
    ]);
    expect(Date.now() - t0).toBeLessThan(20_000); // one run to explore's limit, not one per safe point
  }, 30_000);

  test('--max-steps sets the reference run\'s limit too', async () => {
    const r = await gosim(['explore', '--workers', '1', '--max-steps', '1000', 'forever.go'], files.dir);
    expect(r.status).toBe(75);
    expect(r.stderr).toMatch(/^gosim: the reference run \(policy new, nothing injected\) did not finish: step limit reached \(1000 safe points\);/);
  });
});

test('a baseline that does not finish is not injected at each of its safe points: one line, status 1', async () => {
  const r = await gosim(['explore', '--workers', '1', '--policy', 'old', '--max-steps', '100000', 'spins-under-old.go'], files.dir);
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('\nreference (new, nothing injected): exit 0: ok\n');
  expect(r.stdout).toContain('\nbaseline  (old, nothing injected): stopped: step limit reached (100000 safe points)   <- differs from the reference already\n');
  expect(r.stdout).toContain('\nnothing injected: the baseline did not finish, which already differs from the reference\n');
  expect(r.stdout).toMatch(/\nexplore: 2 runs, 0 failed\n$/);
  expect(r.status).toBe(1);
});

describe('--help names every hard limit with the value the code uses', () => {
  test.each([
    ['run', DefaultMaxSteps],
    ['explore', ExploreMaxSteps],
  ])('gosim %s --help', async (cmd, steps) => {
    const r = await gosim([cmd, '--help']);
    expect(r.status).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`(default ${StackMinDefault}, Go 1.4's; the CL's Go used 8192)`);
    expect(help).toContain(`steps --max-steps, default ${steps} safe points`);
    expect(help).toContain(`(exit 75; default ${steps})`);
    expect(help).toContain(`default none below the simulated address space of ${MaxAddress}`);
    expect(help).toContain(`stack --max-stack, default ${MaxStackDefault} bytes per goroutine`);
    expect(help).toContain('source at most 16777216 (16 MiB) bytes of Go source');
  });

  test.each(['matrix', 'demo'])('gosim %s --help names the limits too', async (cmd) => {
    const r = await gosim([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`steps   --max-steps, default ${DefaultMaxSteps} safe points`);
    expect(r.stdout).toContain('source  at most 16777216 (16 MiB) bytes of Go source');
  });

  test('the stack-min default the help prints is the one the stack allocator uses (2048)', () => {
    expect(StackMinDefault).toBe(2048);
  });

  test('gosim --help lists the limits and the statuses', async () => {
    const r = await gosim(['--help']);
    expect(r.stdout).toContain(`steps   --max-steps, default ${DefaultMaxSteps} safe points`);
    expect(r.stdout).toContain('2 compile errors (or a source file over the size cap), as go run');
  });
});
