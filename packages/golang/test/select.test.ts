// select (runtime/src/select.ts: Go 1.19's selectgo), labels and goto (check/labels.ts), init functions and
// function literals in package-level initializers (check/pkginit.ts). Expected outputs are go1.19.8's.
import { runModule } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

function run(src: string, onEvent?: (e: { kind: string; where?: string }) => void): { exit: number; stderr: string } {
  const c = compile(src, '/tmp/x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, onEvent ? { onEvent: onEvent as never } : {});
  return { exit: r.exitCode, stderr: r.stderr.replace(/0x[0-9a-f]+/g, '0x?') };
}

const diag = (src: string): string => compile(src, 'x.go').diagnostics.map(formatDiagnostic).join('\n');

describe('select', () => {
  it('default, nil channels, send and receive cases, comma-ok, closed channels, uniform choice, send on closed', () => {
    const r = run("package main\n\nimport \"runtime\"\n\ntype T struct {\n\ta, b int\n\ts    string\n}\n\nfunc main() {\n\tc := make(chan T, 2)\n\tvar nc chan int\n\tselect {\n\tcase v := <-nc:\n\t\tprintln(\"bad\", v)\n\tdefault:\n\t\tprintln(\"default\")\n\t}\n\tselect {\n\tcase c <- T{1, 2, \"x\"}:\n\t\tprintln(\"sent\")\n\tcase nc <- 3:\n\t\tprintln(\"bad\")\n\t}\n\tvar t T\n\tvar ok bool\n\tselect {\n\tcase t, ok = <-c:\n\t\tprintln(\"recv\", t.a, t.b, t.s, ok)\n\t}\n\tclose(c)\n\tselect {\n\tcase t, ok = <-c:\n\t\tprintln(\"recv\", t.a, t.b, t.s, ok)\n\tcase <-nc:\n\t}\n\tcnt := [2]int{}\n\ta := make(chan int, 100)\n\tb := make(chan int, 100)\n\tfor i := 0; i < 100; i++ {\n\t\tselect {\n\t\tcase a <- i:\n\t\t\tcnt[0]++\n\t\tcase b <- i:\n\t\t\tcnt[1]++\n\t\t}\n\t}\n\tprintln(cnt[0] > 20, cnt[1] > 20, len(a)+len(b))\n\tdefer func() { println(recover().(runtime.Error).Error()) }()\n\tselect {\n\tcase c <- T{}:\n\tdefault:\n\t}\n}\n");
    expect(r.stderr).toBe('default\nsent\nrecv 1 2 x true\nrecv 0 0  false\ntrue true 100\nsend on closed channel\n');
    expect(r.exit).toBe(0);
  });

  it('a goroutine blocked in select has one sudog per case; copystack adjusts their elem pointers into its stack', () => {
    const adjusted: string[] = [];
    const r = run("package main\n\nimport \"runtime\"\n\ntype big struct {\n\ta, b, c int\n\ts       string\n}\n\nfunc grow(n int) int {\n\tvar pad [32]int\n\tpad[n%32] = n\n\tif n > 0 {\n\t\treturn grow(n-1) + pad[n%32] - n\n\t}\n\treturn 0\n}\n\nfunc wait(c chan big, r chan int) {\n\tvar v big\n\tvar ok bool\n\tselect {\n\tcase v, ok = <-c:\n\tcase r <- 7:\n\t}\n\tprintln(\"woke\", v.a, v.b, v.c, v.s, ok)\n}\n\nfunc main() {\n\tc := make(chan big)\n\tr := make(chan int)\n\tdone := make(chan bool)\n\tready := make(chan bool)\n\tgo func() {\n\t\tgrow(200)\n\t\tready <- true\n\t\twait(c, r)\n\t\tdone <- true\n\t}()\n\t<-ready\n\truntime.GC()\n\truntime.GC()\n\tc <- big{1, 2, 3, \"hello\"}\n\t<-done\n\tprintln(\"ok\")\n}\n", (e) => { if (e.kind === 'pointer-adjusted' && e.where === 'sudog.elem') adjusted.push(e.where); });
    expect(r.stderr).toBe('woke 1 2 3 hello true\nok\n');
    expect(adjusted.length).toBeGreaterThanOrEqual(2);
  });

  it('deadlock: wait reasons select and select (no cases), as go prints them', () => {
    const r = run('package main\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() { select {} }()\n\tselect {\n\tcase <-c:\n\tcase c <- 1:\n\t}\n}\n');
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\nmain.main()\n\t/tmp/x.go:6 +0x?\n');
    expect(r.stderr).toMatch(/goroutine \d+ \[select \(no cases\)\]:\nmain.main.func1\(\)\n\t\/tmp\/x.go:5 \+0x\?\ncreated by main.main\n/);
  });

  it('a case that is not a communication is an error', () => {
    expect(diag('package main\n\nfunc main() {\n\tx := 1\n\tselect {\n\tcase x > 0:\n\t}\n}\n')).toBe('x.go:6:9: select case must be send or receive (possibly with assignment)');
  });
});

describe('labels, goto, init', () => {
  it('init functions in order after the variable initializers; glob func literals; goto loops; labelled break/continue', () => {
    const r = run("package main\n\nvar x = f()\n\nvar g = func(n int) int {\n\th := func() int { return n * 2 }\n\treturn h() + x\n}\n\nfunc f() int {\n\tprintln(\"f\")\n\treturn 10\n}\n\nfunc init() {\n\tprintln(\"init0\", x, g(1))\n}\n\nfunc init() {\n\tprintln(\"init1\")\n\tvar p *int\n\tif x == 10 {\n\t\tdefer func() { println(\"recovered\", recover() != nil) }()\n\t\tprintln(*p)\n\t}\n}\n\nfunc main() {\n\ti := 0\nL:\n\tif i < 3 {\n\t\tprintln(\"i\", i)\n\t\ti++\n\t\tgoto L\n\t}\nouter:\n\tfor a := 0; a < 3; a++ {\n\t\tfor b := 0; b < 3; b++ {\n\t\t\tif b == 2 {\n\t\t\t\tcontinue outer\n\t\t\t}\n\t\t\tif a == 2 {\n\t\t\t\tbreak outer\n\t\t\t}\n\t\t\tprintln(a, b)\n\t\t}\n\t}\n\tvar ps []*int\n\t_ = ps\n\tj := 0\nM:\n\tk := j\n\tq := &k\n\tif j < 2 {\n\t\tj++\n\t\tprintln(*q)\n\t\tgoto M\n\t}\n\tprintln(\"end\", g(3))\n}\n");
    expect(r.stderr).toBe("f\ninit0 10 12\ninit1\nrecovered true\ni 0\ni 1\ni 2\n0 0\n0 1\n1 0\n1 1\n0\n1\nend 16\n");
  });

  it("go's branch errors", () => {
    expect(diag('package main\n\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\nM:\n\tfor {\n\t\tbreak\n\t}\n}\n')).toBe('x.go:4:7: goto L jumps over declaration of x at x.go:5:4');
    expect(diag('package main\n\nfunc main() {\nM:\n\tfor {\n\t\tbreak\n\t}\n}\n')).toBe('x.go:4:1: label M defined and not used');
    expect(diag('package main\n\nfunc main() {\n\tfor {\n\t\tbreak L\n\t}\n}\n')).toBe('x.go:5:9: break label not defined: L');
  });
});
