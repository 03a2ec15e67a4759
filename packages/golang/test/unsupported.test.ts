import { errors } from './helpers';

// Each program is valid Go 1.19 (`go build` accepts it); gosim must answer with one positioned "not supported"
// message at the construct, never a type error that reads as if the program were wrong.
describe('valid Go outside the subset gets a positioned not-supported message', () => {
  it.each([
    ["append", "package main\n\n\nfunc main() {\n\tvar s []int\n\ts = append(s, 1)\n\tprintln(len(s))\n}\n", "x.go:6:6: append is not supported by gosim"],
    ["array_ptr_range", "package main\n\n\nfunc main() {\n\tvar a [2]int\n\tfor range &a {\n\t}\n}\n", "x.go:6:2: range loops are not supported by gosim"],
    ["bytes_conv", "package main\n\n\nfunc main() {\n\tb := []byte(\"abc\")\n\tprintln(len(b))\n}\n", "x.go:5:14: conversion from string to []byte is not supported by gosim"],
    ["cap_builtin_complex", "package main\n\n\nfunc main() {\n\tvar c complex128\n\tprintln(c)\n}\n", "x.go:5:8: floating-point and complex numbers are not supported by gosim"],
    ["chan_range", "package main\n\n\nfunc main() {\n\tc := make(chan int)\n\tclose(c)\n\tfor v := range c {\n\t\tprintln(v)\n\t}\n}\n", "x.go:7:2: range loops are not supported by gosim"],
    ["complex", "package main\n\n\nfunc main() {\n\tx := 1i\n\tprintln(x)\n}\n", "x.go:5:7: floating-point and complex numbers are not supported by gosim"],
    ["const_float", "package main\n\n\nfunc main() {\n\tconst c = 1.5\n\tprintln(int(c * 2))\n}\n", "x.go:5:12: floating-point and complex numbers are not supported by gosim"],
    ["const_typed_float_expr", "package main\n\n\nfunc main() {\n\tconst c = 10 / 4.0\n\tprintln(c > 2)\n}\n", "x.go:5:17: floating-point and complex numbers are not supported by gosim"],
    ["copy", "package main\n\n\nfunc main() {\n\tvar s, t []int\n\tprintln(copy(s, t))\n}\n", "x.go:6:10: copy is not supported by gosim"],
    ["embedded", "package main\n\ntype A struct{ x int }\ntype B struct{ A }\n\nfunc main() {\n\tvar b B\n\tprintln(b.x)\n}\n", "x.go:4:16: embedded fields are not supported by gosim"],
    ["float_conv", "package main\n\n\nfunc main() {\n\tprintln(float64(1))\n}\n", "x.go:5:10: floating-point and complex numbers are not supported by gosim"],
    ["float_lit", "package main\n\n\nfunc main() {\n\tx := 1.5\n\tprintln(x)\n}\n", "x.go:5:7: floating-point and complex numbers are not supported by gosim"],
    ["float_var", "package main\n\n\nfunc main() {\n\tvar x float64\n\tprintln(x)\n}\n", "x.go:5:8: floating-point and complex numbers are not supported by gosim"],
    ["for_range_int_noassign", "package main\n\n\nfunc main() {\n\tvar a [2]int\n\tfor range a {\n\t}\n}\n", "x.go:6:2: range loops are not supported by gosim"],
    ["generic_func", "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() {\n\tprintln(F(1))\n}\n", "x.go:3:7: generic functions are not supported by gosim"],
    ["generic_type", "package main\n\ntype G[T any] struct{ x T }\n\nfunc main() {\n\tvar g G[int]\n\tprintln(g.x)\n}\n", "x.go:3:7: generic types are not supported by gosim"],
    ["goroutine_method", "package main\n\nimport \"os\"\n\nvar _ = os.Args\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"os\" is not supported by gosim (only \"runtime\")"],
    ["iface_methods", "package main\n\ntype I interface{ M() }\n\nfunc main() {\n\tvar i I\n\tprintln(i == nil)\n}\n", "x.go:3:8: interfaces with methods are not supported by gosim (only interface{} and runtime.Error)"],
    ["import_fmt", "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"fmt\" is not supported by gosim (only \"runtime\")"],
    ["iota_float", "package main\n\n\nfunc main() {\n\tconst c = 1.0\n\tprintln(c)\n}\n", "x.go:5:12: floating-point and complex numbers are not supported by gosim"],
    ["local_type", "package main\n\n\nfunc main() {\n\ttype T int\n\tvar t T\n\tprintln(t)\n}\n", "x.go:5:7: local type declarations are not supported by gosim"],
    ["method", "package main\n\ntype T int\n\nfunc (t T) M() int { return int(t) }\n\nfunc main() {\n\tprintln(T(1).M())\n}\n", "x.go:5:1: methods are not supported by gosim"],
    ["method_value", "package main\n\ntype T int\n\nfunc (T) M() {}\n\nfunc main() {\n\tvar t T\n\tf := t.M\n\tf()\n}\n", "x.go:5:1: methods are not supported by gosim"],
    ["min_builtin_complex", "package main\n\n\nfunc main() {\n\tprintln(real(1i))\n}\n", "x.go:5:10: real is not supported by gosim"],
    ["print_float", "package main\n\n\nfunc main() {\n\tprintln(1e3)\n}\n", "x.go:5:10: floating-point and complex numbers are not supported by gosim"],
    ["range_arr", "package main\n\n\nfunc main() {\n\tvar a [3]int\n\tfor i := range a {\n\t\tprintln(i)\n\t}\n}\n", "x.go:6:2: range loops are not supported by gosim"],
    ["range_str", "package main\n\n\nfunc main() {\n\tfor i, c := range \"ab\" {\n\t\tprintln(i, c)\n\t}\n}\n", "x.go:5:2: range loops are not supported by gosim"],
    ["rune_to_string_conv_const", "package main\n\n\nfunc main() {\n\tprintln(string(rune(65)))\n}\n", "x.go:5:17: conversion from integer to string is not supported by gosim"],
    ["runes_conv", "package main\n\n\nfunc main() {\n\tr := []rune(\"abc\")\n\tprintln(len(r))\n}\n", "x.go:5:14: conversion from string to []int32 is not supported by gosim"],
    ["slice_expr", "package main\n\n\nfunc main() {\n\tvar a [4]int\n\ts := a[1:3]\n\tprintln(len(s))\n}\n", "x.go:6:8: slice expressions are not supported by gosim"],
    ["slice_lit", "package main\n\n\nfunc main() {\n\ts := []int{1, 2}\n\tprintln(len(s))\n}\n", "x.go:5:7: slice literals are not supported by gosim"],
    ["string_conv_bytes", "package main\n\n\nfunc main() {\n\tb := []byte{65}\n\tprintln(string(b))\n}\n", "x.go:5:7: slice literals are not supported by gosim"],
    ["string_index_range", "package main\n\n\nfunc main() {\n\ts := \"abc\"\n\tprintln(s[1:])\n}\n", "x.go:6:11: slice expressions are not supported by gosim"],
    ["string_of_rune", "package main\n\n\nfunc main() {\n\tvar r rune = 65\n\tprintln(string(r))\n}\n", "x.go:6:17: conversion from integer to string is not supported by gosim"],
    ["unsafe", "package main\n\nimport \"unsafe\"\n\nvar _ = unsafe.Sizeof(0)\n\nfunc main() {\n\tprintln(1)\n}\n", "x.go:3:8: import \"unsafe\" is not supported by gosim (only \"runtime\")"],
    ["variadic", "package main\n\nfunc f(xs ...int) int { return len(xs) }\n\nfunc main() {\n\tprintln(f(1, 2))\n}\n", "x.go:3:8: variadic functions are not supported by gosim"],
    ["variadic_call", "package main\n\nfunc f(xs ...int) int { return len(xs) }\n\nfunc main() {\n\tprintln(f())\n}\n", "x.go:3:8: variadic functions are not supported by gosim"],
    ["array_lit_ellipsis", "package main\n\n\nfunc main() {\n\ta := [...]int{1, 2, 3}\n\tprintln(len(a))\n}\n", "x.go:5:8: [...] array types are not supported by gosim"],
    ["error_type", "package main\n\n\nfunc main() {\n\tvar e error\n\tprintln(e == nil)\n}\n", "x.go:5:8: the predeclared type error is not supported by gosim (runtime.Error is)"],
    ["multi_return_pass", "package main\n\nfunc f() (int, int) { return 1, 2 }\nfunc g(a, b int) int { return a + b }\n\nfunc main() {\n\tprintln(g(f()))\n}\n", "x.go:7:12: multi-value arguments f(g()) are not supported by gosim"],
  ])('%s', (_name, src, want) => {
    expect(errors(src)).toEqual([want]);
  });
});
