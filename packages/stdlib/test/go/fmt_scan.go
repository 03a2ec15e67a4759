package main

import "fmt"

func main() {
	var a, b int
	var s string
	var f float64
	var u uint8
	var ok bool
	n, err := fmt.Sscan("12 -3 hello 2.5 255 true", &a, &b, &s, &f, &u, &ok)
	fmt.Println(n, err, a, b, s, f, u, ok)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("7", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscan("x", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1\n\n 2", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscanln("5 6 7", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("age=42 name=bob", "age=%d name=%s", &a, &s)
	fmt.Println(n, err, a, s)
	n, err = fmt.Sscanf("3-4", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("3:4", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("ff 0x10 077", "%x %v %o", &a, &b, &u)
	fmt.Println(n, err, a, b, u)
	n, err = fmt.Sscan("0x1F 0b101", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("300", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscanf("1.5e3 abc", "%g %s", &f, &s)
	fmt.Println(n, err, f, s)
	var r rune
	n, err = fmt.Sscanf("xyz", "%c", &r)
	fmt.Println(n, err, r)
	n, err = fmt.Sscanf("", "%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5", "%d %d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1 2", &a, s)
	fmt.Println(n, err)
}
