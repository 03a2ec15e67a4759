package main

import (
	"errors"
	"fmt"
)

type Panicky int

func (Panicky) String() string { panic("boom") }

type PE struct{}

func (*PE) Error() string { panic(errors.New("bad")) }

type NP struct{ x int }

func (n *NP) String() string { return fmt.Sprint(n.x) }

func main() {
	fmt.Printf("%d %s %t|\n", "hi", 5, 3)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x", nil)
	fmt.Printf("%z %!|%\n", 1)
	fmt.Printf("%*d|%.*d|%-*d\n", "x", 3, "y", 4, 1.5, 5)
	fmt.Printf("%[3]d %[0]d %[x]d|%[2]*[1]d|%[5]d\n", 1, 2)
	fmt.Printf("%v %d %s %T\n", nil, nil, nil, nil)
	fmt.Printf("%v %s|\n", Panicky(1), Panicky(2))
	var pe *PE
	var np *NP
	fmt.Printf("%v %v\n", pe, np)
	fmt.Println(Panicky(3), &PE{})
	fmt.Printf("%!d(string=hi)\n")
	inner := errors.New("inner")
	w := fmt.Errorf("outer: %w", inner)
	fmt.Println(w, errors.Unwrap(w) == inner, errors.Is(w, inner))
	fmt.Printf("%T %T\n", w, fmt.Errorf("plain %d", 1))
	fmt.Println(fmt.Errorf("%w %w", inner, inner), fmt.Errorf("%w", 1), errors.Unwrap(fmt.Errorf("%v", inner)) == nil)
	fmt.Println(fmt.Sprintf("%w", inner))
}
