package main

import "strconv"

func main() {
	println(strconv.Itoa(-42), strconv.Itoa(0), strconv.FormatInt(-1<<63, 10), strconv.FormatUint(1<<64-1, 16), strconv.FormatInt(255, 2), strconv.FormatInt(-35, 36))
	println(string(strconv.AppendInt([]byte("n="), -7, 10)), string(strconv.AppendUint(nil, 8, 8)))
	for _, s := range []string{"123", "-9223372036854775808", "9223372036854775808", "x", "", "+5", "1_000", "0x1F"} {
		n, err := strconv.Atoi(s)
		if err != nil {
			println(n, err.Error())
		} else {
			println(n)
		}
	}
	for _, s := range []string{"0x_1F", "0b1011", "0o777", "017", "-128", "128", "1__0"} {
		n, err := strconv.ParseInt(s, 0, 8)
		if err != nil {
			ne := err.(*strconv.NumError)
			println(n, err.Error(), ne.Func, ne.Num, ne.Err == strconv.ErrRange, ne.Err == strconv.ErrSyntax)
		} else {
			println(n)
		}
	}
	u, err := strconv.ParseUint("-1", 10, 64)
	println(u, err.Error())
	_, err = strconv.ParseInt("1", 1, 64)
	println(err.Error())
	_, err = strconv.ParseInt("1", 10, 65)
	println(err.Error())
	b, err := strconv.ParseBool("T")
	println(b, err == nil, strconv.FormatBool(false))
	_, err = strconv.ParseBool("yes")
	println(err.Error())
	println(strconv.Quote("héllo\n\"wörld\"\x00\xff\u2028"), strconv.QuoteToASCII("日本\t"), strconv.QuoteRune('☺'), strconv.QuoteRune('\''), strconv.QuoteRuneToASCII('☺'))
	println(strconv.QuoteToGraphic("\u00a0x"), string(strconv.AppendQuote([]byte("q:"), "a\\b")), strconv.CanBackquote("a`b"), strconv.CanBackquote("ok"))
	for _, s := range []string{`"a\tb\u00e9\x41\101"`, "`raw\\n`", `'x'`, `'\n'`, `"unterminated`, `'ab'`, `"\q"`} {
		v, err := strconv.Unquote(s)
		println(v, err == nil)
	}
	r, mb, tail, err := strconv.UnquoteChar(`\u263a rest`, '"')
	println(r, mb, tail, err == nil)
	println(strconv.IsPrint('a'), strconv.IsPrint('\u00ad'), strconv.IsPrint('\u263a'), strconv.IsGraphic('\u3000'))
	for _, cs := range []string{"(1.5-2i)", "3i", "1e400+1i", "1++2i"} {
		c, err := strconv.ParseComplex(cs, 128)
		if err != nil {
			println(strconv.FormatComplex(c, 'g', -1, 128), err.Error())
		} else {
			println(strconv.FormatComplex(c, 'g', -1, 128), strconv.FormatComplex(c, 'f', 2, 64))
		}
	}
}
