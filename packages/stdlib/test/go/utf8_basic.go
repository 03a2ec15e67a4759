package main

import "unicode/utf8"

func show(s string) {
	r, n := utf8.DecodeRuneInString(s)
	lr, ln := utf8.DecodeLastRuneInString(s)
	b := []byte(s)
	r2, n2 := utf8.DecodeRune(b)
	lr2, ln2 := utf8.DecodeLastRune(b)
	println(len(s), r, n, lr, ln, r2, n2, lr2, ln2, utf8.RuneCountInString(s), utf8.RuneCount(b),
		utf8.ValidString(s), utf8.Valid(b), utf8.FullRuneInString(s), utf8.FullRune(b))
}

func main() {
	inputs := []string{"", "a", "héllo", "日本語", "\xff", "\xe6\x97", "\xe6\x97\xa5", "\xf0\x9f\x98\x80x",
		"\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "a\x80b", "\xf0\x9f\x98", "\xf0", "\xe0\x80", "x\xe2\x82\xac",
		"\xef\xbf\xbd", "\xf4\x8f\xbf\xbf", "\xe2\x82"}
	for _, s := range inputs {
		show(s)
	}
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, 0x263a}
	for _, r := range runes {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		a := utf8.AppendRune([]byte("x"), r)
		println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, string(buf[:n]), string(a), len(a))
	}
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax, utf8.RuneStart(0x80), utf8.RuneStart('a'))
	defer func() { println("recovered:", recover() != nil) }()
	short := make([]byte, 1)
	utf8.EncodeRune(short, 0x263a)
}
