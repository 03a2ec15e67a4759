package main

import "unicode"

func main() {
	preds := []func(rune) bool{unicode.IsUpper, unicode.IsLower, unicode.IsTitle, unicode.IsLetter, unicode.IsDigit,
		unicode.IsNumber, unicode.IsMark, unicode.IsPunct, unicode.IsSymbol, unicode.IsSpace, unicode.IsControl,
		unicode.IsPrint, unicode.IsGraphic}
	for i, p := range preds {
		h := uint32(0)
		cnt := 0
		for r := rune(-3); r < 0x110005; r += 211 {
			if r > 0x3000 && r < 0xF000 && r%5 != 0 {
				continue
			}
			if p(r) {
				h = h*31 + uint32(r)
				cnt++
			}
		}
		println(i, cnt, h)
	}
	h := uint32(0)
	for r := rune(0); r < 0x20000; r++ {
		if r > 0x800 {
			r += 60
		}
		h = h*7 + uint32(unicode.ToUpper(r))
		h = h*11 + uint32(unicode.ToLower(r))
		h = h*13 + uint32(unicode.ToTitle(r))
		h = h*17 + uint32(unicode.SimpleFold(r))
	}
	println(h)
	for _, r := range []rune{'k', 'K', 0x212A, 's', 0x17F, 0x1C4, 0x1C5, 0x1C6, 0x3A3, 0x3C2, 'ß', 0x1E9E, 0xB5, 'ÿ', 0x178, -1, 0x110000} {
		println(r, unicode.SimpleFold(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	println(unicode.Is(unicode.Letter, 'x'), unicode.In('5', unicode.Letter, unicode.Digit), unicode.Version)
}
