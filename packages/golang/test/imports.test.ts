// Go-source packages imported by a program (check/imports.ts): checked with their import path in link names
// and types, initialised dependencies first, lowered into the program's module, run on the simulated runtime.
import { runModule } from '@gosim/runtime';
import { compile, compileToChecked, formatDiagnostic, type Importer } from '../src/index';

const pkgs: Record<string, Record<string, string>> = {
  greet: {
    'greet.go': `package greet

import "strs/up"

var Count = initCount()

func initCount() int { println("greet var init"); return 7 }

func init() { println("greet.init") }

type Greeter struct {
	Name string
	n    int
}

func (g *Greeter) Hello() string { g.n++; return "hello, " + up.Upper(g.Name) }

func (g Greeter) Calls() int { return g.n }
`,
    'more.go': `package greet
import "strs/up" // a second file importing a package the first imports too
func New(n string) *Greeter { return &Greeter{Name: up.Upper("") + n} }

const Version = "1.0"

func Fail() { panic("greet fails") }

func Keep(p *int) *int { return p }
`,
  },
  'strs/up': {
    'up.go': `package up

func init() { println("up.init") }

func Upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func lower() {}
`,
  },
  nobody: { 'n.go': 'package nobody\n\nfunc Hook(x int) int\n' },
  cyc: { 'a.go': 'package cyc\n\nimport "cyc2"\n\nvar X = cyc2.Y\n' },
  cyc2: { 'b.go': 'package cyc2\n\nimport "cyc"\n\nvar Y = cyc.X\n' },
};
const importer: Importer = (path) =>
  pkgs[path] ? { path, files: Object.entries(pkgs[path]!).map(([n, text]) => ({ name: `$GOROOT/src/${path}/${n}`, text })) } : undefined;

function run(src: string): { exit: number; stderr: string } {
  const c = compile(src, 'x.go', { importer });
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module);
  return { exit: r.exitCode, stderr: r.stderr };
}
const errs = (src: string): string[] => compileToChecked(src, 'x.go', { importer }).diagnostics.map(formatDiagnostic);

describe('imported Go-source packages', () => {
  test('functions, methods, types, constants, variables and package initialisers across packages', () => {
    const r = run(`package main

import (
	"greet"
	u "strs/up"
)

func init() { println("main.init") }

func main() {
	g := greet.New("bob")
	var h *greet.Greeter = g
	println(h.Hello(), greet.Count, greet.Version, u.Upper("x"), g.Calls())
	f := greet.New
	println(f("al").Name)
	greet.Count++
	println(greet.Count)
	greet.Fail()
}
`);
    expect(r.exit).toBe(2);
    // dependencies first, each package's variable initializers before its init funcs
    expect(r.stderr).toMatch(/^up\.init\ngreet var init\ngreet\.init\nmain\.init\nhello, BOB 7 1\.0 X 1\nal\n8\npanic: greet fails\n\ngoroutine 1 \[running\]:\ngreet\.Fail\(\)\n\t\$GOROOT\/src\/greet\/more\.go:7 \+0x[0-9a-f]+\nmain\.main\(\)\n\tx\.go:18 /);
  });

  test("escape analysis reads an imported function's leak tags, and -m reports only package main", () => {
    const r = compileToChecked('package main\n\nimport "greet"\n\nvar g *int\n\nfunc main() {\n\tx := 1\n\tg = greet.Keep(&x)\n}\n', 'x.go', { importer });
    expect(r.diagnostics).toEqual([]);
    expect(r.escapes).toEqual(['x.go:8:2: moved to heap: x']);
  });

  test('errors: not provided, unexported, unused, redeclared through import, import cycle', () => {
    expect(errs('package main\n\nimport "nosuch/pkg"\n\nfunc main() {}\n')).toEqual(['x.go:3:8: package nosuch/pkg is not supported by gosim']);
    expect(errs('package main\n\nimport "strs/up"\n\nfunc main() { up.lower() }\n')).toEqual(['x.go:5:18: undefined: up.lower']);
    expect(errs('package main\n\nimport "greet"\n\nfunc main() {\n\tvar g greet.Greeter\n\tg.n = 1\n}\n')).toEqual([
      'x.go:7:4: g.n undefined (type greet.Greeter has no field or method n)',
    ]);
    expect(errs('package main\n\nimport "greet"\n\nfunc main() {}\n')).toEqual(['x.go:3:8: imported and not used: "greet"']);
    expect(errs('package main\n\nimport "greet"\n\nfunc greet() {}\n\nfunc main() {}\n').join("\n")).toMatch(
      /x\.go:5:6: greet already declared through import of package greet \("greet"\)\n\tx\.go:3:8: other declaration of greet/,
    );
    // a bodyless function is a runtime function, which must be registered (program/src/isa/rtfuncs.ts)
    expect(compile('package main\n\nimport "nobody"\n\nfunc main() { nobody.Hook(1) }\n', 'x.go', { importer }).diagnostics.map(formatDiagnostic))
      .toEqual(['$GOROOT/src/nobody/n.go:3:6: missing function body']);
    expect(errs('package main\n\nimport "cyc"\n\nvar _ = cyc.X\n\nfunc main() {}\n').join('\n')).toMatch(/import cycle not allowed/);
  });
});
