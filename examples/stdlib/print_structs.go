// Printing values as fmt does: structs with %v, %+v and %#v, nested pointers, slices, maps (sorted by key), Stringers.
package main

import "fmt"

type Point struct{ X, Y int }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type Shape struct {
	Name   string
	Origin Point
	Tags   []string
	Color  Color
	Parent *Shape
	Extra  map[string]int
	note   interface{}
}

func main() {
	p := Point{1, 2}
	s := Shape{Name: "box", Origin: p, Tags: []string{"a", "b"}, Color: Blue, Extra: map[string]int{"w": 3, "h": 4}, note: 2.5}
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%v\n", s)
	fmt.Printf("%+v\n", s)
	child := &Shape{Name: "inner", Parent: nil, Color: Green}
	fmt.Printf("%+v\n", child)
	fmt.Println(Red, []Color{Green, Blue}, map[Color]bool{Blue: true, Red: false})
	fmt.Printf("%T %T %T\n", p, child, s.Extra)
	fmt.Printf("%5d|%-5s|%05.1f|%x|%q|%c|%U\n", 42, "go", 3.14159, 255, "hi\n", 'G', 'é')
	fmt.Printf("%d %s\n", "wrong", 7)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", 3.0), fmt.Sprintln("x", 1))
}
