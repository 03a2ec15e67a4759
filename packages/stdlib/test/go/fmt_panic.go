package main

import "fmt"

type S struct{ n int }

func (s S) String() string { return fmt.Sprintf("S(%d)", s.n) }

// A fatal panic prints the values' Error/String results (runtime.preprintpanics), here an error from
// fmt.Errorf after a recovered Stringer panic.
func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(fmt.Errorf("wrapped %d: %w", 2, fmt.Errorf("inner %v", S{3})))
	}()
	panic(S{1})
}
