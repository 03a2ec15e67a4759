import { errors } from './helpers';

// Each program is valid Go 1.19 (`go build` accepts it); gosim must answer with one positioned "not supported"
// message at the construct, never a type error that reads as if the program were wrong.
describe('valid Go outside the subset gets a positioned not-supported message', () => {
  it.each([
    ["generic_func", "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() {\n\tprintln(F(1))\n}\n", "x.go:3:7: generic functions are not supported by gosim"],
    ["generic_type", "package main\n\ntype G[T any] struct{ x T }\n\nfunc main() {\n\tvar g G[int]\n\tprintln(g.x)\n}\n", "x.go:3:7: generic types are not supported by gosim"],
    ["import_net_http", "package main\n\nimport \"net/http\"\n\nvar _ = http.Get\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: package net/http is not supported by gosim"],
    ["line_directive", "package main\n\n//line other.go:10\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:1: //line directives are not supported by gosim"],
    ["line_comment_directive", "package main\n\nfunc main() {\n\tprintln(/*line x.go:1:1*/ 1)\n}\n", "x.go:4:10: //line directives are not supported by gosim"],
    ["notinheap", "package main\n\nimport \"unsafe\"\n\n//go:notinheap\ntype T struct{ x int }\n\nfunc main() {\n\tprintln(unsafe.Sizeof(T{}))\n}\n", "x.go:5:1: //go:notinheap is not supported by gosim"],
    ["huge_float_exponent", "package main\n\nfunc main() {\n\tprintln(1e20000 > 0)\n}\n", "x.go:4:10: the constant 1e20000 (exponent beyond gosim's exact range) is not supported by gosim"],
  ])('%s', (_name, src, want) => {
    expect(errors(src)).toEqual([want]);
  });
});
