import { join } from 'node:path';
import { gosim, goFiles } from './helpers.js';

const files = goFiles({
  'deep.go': `package main

func down(n int) int {
	var pad [512]byte
	if n == 0 {
		return int(pad[7])
	}
	return down(n-1) + 1 + int(pad[3])
}

func main() {
	println("depth", down(50))
}
`,
  'garbage.go': `package main

import "runtime"

type node struct{ next *node }

func main() {
	var keep *node
	for i := 0; i < 3; i++ {
		keep = &node{keep}
		runtime.GC()
	}
	println(keep != nil)
}
`,
  'panic.go': `package main

func main() {
	panic("boom")
}
`,
  'spin.go': 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n',
  'bad.go': 'package main\n\nfunc main() {\n\tx := 1\n}\n',
});
afterAll(() => files.dispose());

const json = async (...argv: string[]) => {
  const r = await gosim(['run', '--json', ...argv], files.dir);
  expect(r.stderr).toBe('');
  expect(r.stdout.endsWith('}\n')).toBe(true);
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  return { status: r.status, j: JSON.parse(r.stdout) as Record<string, unknown> };
};

describe('gosim run --json', () => {
  test('one object: status, the program\'s stdout and stderr, steps, no limit, stack copies of a growing stack', async () => {
    const { status, j } = await json('deep.go');
    expect(status).toBe(0);
    expect(j).toMatchObject({ file: 'deep.go', policy: 'new', status: 0, compiled: true, stdout: '', stderr: 'depth 50\n', limit: null, gcCycles: 0 });
    expect(Object.keys(j).sort()).toEqual(['compiled', 'file', 'gcCycles', 'limit', 'policy', 'stackCopies', 'status', 'stderr', 'stdout', 'steps'].sort());
    // every safe point, the same count explore injects at
    const ex = JSON.parse((await gosim(['explore', '--json', '--workers', '1', '--stride', '1000', 'deep.go'], files.dir)).stdout) as { safePoints: number };
    expect(j.steps).toBe(ex.safePoints);
    expect(j.steps).toBeGreaterThan(40);
    expect(j.stackCopies).toBeGreaterThan(0); // 50 frames of 512+ bytes outgrow the 2 KiB first stack
  });

  test('GC cycles are counted: three runtime.GC calls are at least three cycles', async () => {
    const { j } = await json('garbage.go');
    expect(j.stderr).toBe('true\n');
    expect(j.gcCycles).toBeGreaterThanOrEqual(3);
  });

  test('--copy-stack-every 1 moves the stack at every safe point: stackCopies counts them', async () => {
    const plain = (await json('garbage.go')).j;
    const { j } = await json('--copy-stack-every', '1', 'garbage.go');
    expect(j.stackCopies as number).toBeGreaterThan(plain.stackCopies as number);
  });

  test('a panic: status 2 and Go\'s panic text in stderr', async () => {
    const { status, j } = await json('panic.go');
    expect(status).toBe(2);
    expect(j.status).toBe(2);
    expect(j.stderr).toMatch(/^panic: boom\n\ngoroutine 1 \[running\]:\n/);
    expect(j.stderr).toContain(`\nmain.main()\n\t${join(files.dir, 'panic.go')}:4 +0x`);
  });

  test('the step limit: status 75 and which limit, the message in limit (not in stderr)', async () => {
    const { status, j } = await json('--max-steps', '500', 'spin.go');
    expect(status).toBe(75);
    expect(j).toMatchObject({ status: 75, stderr: '', steps: 500, limit: { what: 'steps', message: 'gosim: step limit reached (500 safe points)' } });
  });

  test('a compile error: status 2, compiled false, the positioned diagnostics in stderr', async () => {
    const { status, j } = await json('bad.go');
    expect(status).toBe(2);
    expect(j).toMatchObject({ compiled: false, status: 2, steps: 0 });
    expect(j.stderr).toBe('# command-line-arguments\n./bad.go:4:2: x declared but not used\n');
  });

  test('--policy old is named; --json and --trace conflict (usage, 64)', async () => {
    expect((await json('--policy', 'old', 'deep.go')).j.policy).toBe('old');
    const r = await gosim(['run', '--json', '--trace', 'deep.go'], files.dir);
    expect(r.status).toBe(64);
  });
});
