// A failed write of the run's output (a sink's negated errno, runtime's Sink) as a Go program sees it, measured
// against go1.19.8 with the reader of a pipe gone: os.File.Write returns the error, EPIPE on descriptor 1 or 2
// ends the program as SIGPIPE does (status 141 here), and println drops the error and goes on.
import { compile } from '@gosim/golang';
import { runModule } from '@gosim/runtime';

const run = (src: string, sinks: { stdout?: (s: string) => number | void; stderr?: (s: string) => number | void }) => {
  const c = compile(src, 'w.go');
  if (!c.module) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  return runModule(c.module, sinks);
};

test('os.Stderr: ECONNRESET is returned as the write\'s error, the EPIPE after it ends the program with 141', () => {
  const results = [-104, -32];
  const tried: string[] = [];
  const r = run(
    `package main

import "os"

func main() {
	for i := 0; i < 3; i++ {
		if _, err := os.Stderr.WriteString("line\\n"); err != nil {
			os.Stdout.WriteString(err.Error() + "\\n")
		}
	}
	os.Stdout.WriteString("not reached\\n")
}
`,
    { stderr: (s) => (tried.push(s), results.shift()) },
  );
  expect(tried).toEqual(['line\n', 'line\n']);
  expect(r.stdout).toBe('write /dev/stderr: connection reset by peer\n');
  expect(r.exitCode).toBe(141);
});

test('os.Stdout: EPIPE ends the program with 141; another error (EIO) is returned and the program goes on', () => {
  const epipe = run('package main\n\nimport "os"\n\nfunc main() {\n\tos.Stdout.WriteString("a\\n")\n\tprintln("not reached")\n}\n', { stdout: () => -32 });
  expect(epipe.exitCode).toBe(141);
  expect(epipe.stderr).toBe('');
  const eio = run(
    'package main\n\nimport "os"\n\nfunc main() {\n\t_, err := os.Stdout.WriteString("a\\n")\n\tprintln(err.Error())\n\tos.Exit(4)\n}\n',
    { stdout: () => -5 },
  );
  expect(eio.stderr).toBe('write /dev/stdout: input/output error\n');
  expect(eio.exitCode).toBe(4);
});

test('println: a failed write is dropped, the program goes on to its own exit', () => {
  let writes = 0;
  const r = run('package main\n\nimport "os"\n\nfunc main() {\n\tfor i := 0; i < 5; i++ {\n\t\tprintln("line", i)\n\t}\n\tos.Stdout.WriteString("done\\n")\n\tos.Exit(3)\n}\n', {
    stderr: () => (writes++, -32),
  });
  expect(writes).toBeGreaterThanOrEqual(5);
  expect(r.stdout).toBe('done\n');
  expect(r.exitCode).toBe(3);
});
