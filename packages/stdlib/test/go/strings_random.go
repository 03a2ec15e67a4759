package main

import (
	"strings"
	"unicode"
)

var x uint32 = 123456789

func next() int {
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	return int(x >> 1)
}

var alpha = []string{"a", "b", "A", "é", "É", "ß", " ", "\t", "\xff", "\u00a0", "日", "K", "\u212a", "ſ", "s", "S", "\ufffd", "_", "1", "ǅ", "\xe2\x82", "x", "-"}

func gen(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alpha[next()%len(alpha)])
	}
	return b.String()
}

var h uint32 = 2166136261

func mix(s string) {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	h = (h ^ 0xff) * 16777619
}

func mixInt(n int) { mix(string(rune('0' + n%64 + 64))) }

func mixAll(xs []string) {
	mixInt(len(xs))
	for _, s := range xs {
		mix(s)
	}
}

func main() {
	for it := 0; it < 300; it++ {
		s, t := gen(next()%9), gen(next()%3)
		n := next()%5 - 1
		mixInt(strings.Index(s, t) + 1)
		mixInt(strings.LastIndex(s, t) + 1)
		mixInt(strings.IndexAny(s, t) + 1)
		mixInt(strings.LastIndexAny(s, t) + 1)
		mixInt(strings.Count(s, t))
		mixInt(strings.IndexRune(s, '\ufffd') + 1)
		mixAll(strings.Split(s, t))
		mixAll(strings.SplitN(s, t, n))
		mixAll(strings.SplitAfter(s, t))
		mixAll(strings.Fields(s))
		mixAll(strings.FieldsFunc(s, unicode.IsUpper))
		mix(strings.Replace(s, t, "<>", n))
		mix(strings.Trim(s, t))
		mix(strings.TrimLeft(s, t))
		mix(strings.TrimRight(s, t))
		mix(strings.TrimSpace(s))
		mix(strings.ToUpper(s))
		mix(strings.ToLower(s))
		mix(strings.ToTitle(s))
		mix(strings.Title(s))
		mix(strings.ToValidUTF8(s, "?"))
		mix(strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return unicode.SimpleFold(r)
		}, s))
		if strings.EqualFold(s, strings.ToUpper(s)) {
			mixInt(1)
		}
		if strings.EqualFold(s, t) {
			mixInt(2)
		}
		mix(strings.NewReplacer("a", "1", t, "2", "", "_").Replace(s))
		if it < 5 {
			println(strings.ToUpper(s) == strings.ToUpper(s), len(strings.Fields(s)), strings.Count(s, ""), strings.Title(strings.ToLower(s)) != "")
		}
	}
	println(h)
}
