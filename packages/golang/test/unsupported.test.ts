import { errors } from './helpers';

// Each program is valid Go 1.19 (`go build` accepts it); gosim must answer with one positioned "not supported"
// message at the construct, never a type error that reads as if the program were wrong.
describe('valid Go outside the subset gets a positioned not-supported message', () => {
  it.each([
    ["closure_global_init", "package main\n\nvar f = func() int { return 1 }\n\nfunc main() {\n\tprintln(f())\n}\n", "x.go:3:9: function literals in package-level initializers are not supported by gosim"],
    ["generic_func", "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() {\n\tprintln(F(1))\n}\n", "x.go:3:7: generic functions are not supported by gosim"],
    ["generic_type", "package main\n\ntype G[T any] struct{ x T }\n\nfunc main() {\n\tvar g G[int]\n\tprintln(g.x)\n}\n", "x.go:3:7: generic types are not supported by gosim"],
    ["goroutine_method", "package main\n\nimport \"os\"\n\nvar _ = os.Args\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"os\" is not supported by gosim (only \"runtime\")"],
    ["goto", "package main\n\n\nfunc main() {\n\tgoto L\nL:\n\tprintln(1)\n}\n", "x.go:5:7: labels are not supported by gosim"],
    ["import_fmt", "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"fmt\" is not supported by gosim (only \"runtime\")"],
    ["init_func", "package main\n\nfunc init() {}\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:6: init functions are not supported by gosim"],
    ["label_break", "package main\n\n\nfunc main() {\n\tL:\n\tfor {\n\t\tbreak L\n\t}\n}\n", "x.go:5:2: labels are not supported by gosim"],
    ["label_continue", "package main\n\n\nfunc main() {\n\tL:\n\tfor i := 0; i < 2; i++ {\n\t\tcontinue L\n\t}\n}\n", "x.go:5:2: labels are not supported by gosim"],
    ["local_type", "package main\n\n\nfunc main() {\n\ttype T int\n\tvar t T\n\tprintln(t)\n}\n", "x.go:5:7: local type declarations are not supported by gosim"],
    ["select", "package main\n\n\nfunc main() {\n\tc := make(chan int, 1)\n\tc <- 1\n\tselect {\n\tcase v := <-c:\n\t\tprintln(v)\n\t}\n}\n", "x.go:7:2: select statements are not supported by gosim"],
    ["unsafe", "package main\n\nimport \"unsafe\"\n\nvar _ = unsafe.Sizeof(0)\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"unsafe\" is not supported by gosim (only \"runtime\")"],
    ["goto_fwd", "package main\n\n\nfunc main() {\n\ti := 0\nloop:\n\tif i < 2 {\n\t\ti++\n\t\tgoto loop\n\t}\n\tprintln(i)\n}\n", "x.go:6:1: labels are not supported by gosim"],
    ["label_only", "package main\n\n\nfunc main() {\n\tL:\n\tprintln(1)\n\tgoto L\n}\n", "x.go:5:2: labels are not supported by gosim"],
    ["select_empty", "package main\n\n\nfunc main() {\n\tprintln(1)\n\tselect {}\n}\n", "x.go:6:2: select statements are not supported by gosim"],
  ])('%s', (_name, src, want) => {
    expect(errors(src)).toEqual([want]);
  });
});
