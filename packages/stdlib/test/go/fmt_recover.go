package main

import (
	"errors"
	"fmt"
)

type S struct{ n int }

func (s S) String() string { return fmt.Sprintf("S(%d)", s.n) }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("recovered: %v | %T\n", r, r)
		if e, ok := r.(error); ok {
			fmt.Println("error:", e.Error())
		}
	}()
	f()
}

func main() {
	var a []int
	var m map[string]int
	var p *S
	try(func() { _ = a[3] })
	try(func() { m["x"] = 1 })
	try(func() { fmt.Println(p.n) })
	try(func() { var i any = "s"; _ = i.(int) })
	try(func() { panic(S{4}) })
	try(func() { panic(fmt.Errorf("wrapped %d: %w", 2, errors.New("inner"))) })
	try(func() { x := 0; fmt.Println(1 / x) })
}
