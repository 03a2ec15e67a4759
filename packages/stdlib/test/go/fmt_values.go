package main

import "fmt"

type T struct {
	A int
	B string
}

type U struct {
	T
	p  *T
	X  []int
	M  map[string]int
	I  any
	e  error
	_  int
	Bs []byte
	Q  [2]int8
	W  uint16
}

type S int

func (s S) String() string { return fmt.Sprintf("S<%d>", int(s)) }

type P struct{ n int }

func (p *P) String() string { return fmt.Sprint("P", p.n) }

type G struct{ a int }

func (G) GoString() string { return "G!" }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("E%d", e.code) }

type F struct{}

func (F) Format(s fmt.State, c rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	fmt.Fprintf(s, "F[%c %d %v %d %v %v%v%v%v%v]", c, w, wok, p, pok, s.Flag('+'), s.Flag('-'), s.Flag('#'), s.Flag(' '), s.Flag('0'))
}

type Key struct {
	a int
	b string
}

func main() {
	t := T{1, "x"}
	fmt.Println(t, &t, []int{1, 2}, map[string]int{"b": 2, "a": 1}, [3]int{1, 2, 3})
	fmt.Printf("%v|%+v|%#v\n", t, t, t)
	fmt.Printf("%+v|%#v\n", &t, []*T{nil})
	u := U{T: t, X: []int{3}, M: map[string]int{"z": 1}, I: 5, Bs: []byte("hi"), Q: [2]int8{-1, 2}, W: 65535}
	fmt.Printf("%v\n%+v\n", u, u)
	fmt.Printf("%#v\n", U{I: "s"})
	fmt.Println(S(3), []S{1, 2}, map[S]S{2: 3, 1: 4}, &P{7}, P{8})
	var np *P
	fmt.Println(np)
	fmt.Printf("%v %#v %v %s %d\n", G{1}, G{2}, []G{{3}}, E{4}, E{5})
	fmt.Printf("%v|%+5.2v|%-#x|%0 d\n", F{}, F{}, F{}, F{})
	fmt.Println(map[Key]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[bool]int{true: 1, false: 0}, map[any]int{2: 1, "a": 2, 1: 3})
	fmt.Println(map[float64]string{2.5: "b", -1: "a"}, map[int8]bool{-3: true, 3: false})
	fmt.Printf("%v %#v %v\n", [][]int{{1}, {2, 3}}, [2]string{"a", "b"}, [][]string{nil, {}})
	fmt.Printf("%#v %#v %#v %#v %#v\n", []int(nil), map[string]int(nil), []byte(nil), []byte{1, 2}, (*int)(nil))
	fmt.Printf("%#v %#v %#v %#v %#v\n", uint(5), "q", 'x', any(nil), struct{ A, b int }{1, 2})
	fmt.Printf("%T %T %T %T %T %T\n", 1, "s", t, &t, []any{1}, nil)
	fmt.Printf("%T %T %T %T %T\n", map[string][]int{}, func(int) string { return "" }, make(chan int), struct{ A int }{}, E{})
	var e error
	fmt.Println(e, []any{1, "a", nil, []int{}}, struct{}{}, struct{ a, b any }{nil, 1})
	fmt.Printf("%d %x %o\n", []int{10, 11}, []int{10, 11}, map[string]int{"a": 8})
	fmt.Printf("%s %d\n", []string{"a", "b"}, [2]bool{true})
	fmt.Printf("%6.2v|%-8q|\n", "abcdef", "a")
	fmt.Printf("%v %s\n", error(E{6}), fmt.Errorf("wrapped: %w", E{7}))
}
