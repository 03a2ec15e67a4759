package main

import "unicode/utf16"

func main() {
	s := []rune{'a', 'é', 0x1F600, 0xD800, 0x10FFFF, 0x110000, -1}
	e := utf16.Encode(s)
	for _, u := range e {
		print(u, " ")
	}
	println()
	for _, r := range utf16.Decode(e) {
		print(r, " ")
	}
	println()
	r1, r2 := utf16.EncodeRune(0x1F600)
	println(r1, r2, utf16.DecodeRune(r1, r2), utf16.IsSurrogate(r1), utf16.IsSurrogate('x'))
	d := utf16.Decode([]uint16{0xDC00, 'x', 0xD801})
	println(len(d), d[0], d[1], d[2])
}
