package main

import (
	"strings"
	"unicode"
)

func show(xs []string) {
	print(len(xs), ":")
	for _, x := range xs {
		print(" [", x, "]")
	}
	println()
}

func main() {
	s := "  Hello, Wörld! héllo ǅ straße  "
	println(strings.Contains(s, "llo"), strings.ContainsAny(s, "xyzö"), strings.ContainsRune(s, 'ß'), strings.Index(s, "llo"), strings.LastIndex(s, "llo"))
	println(strings.IndexByte(s, 'W'), strings.IndexRune(s, 'ö'), strings.IndexAny(s, "!,"), strings.LastIndexAny(s, "lo"), strings.IndexFunc(s, unicode.IsUpper), strings.LastIndexFunc(s, unicode.IsLetter))
	println(strings.HasPrefix(s, "  He"), strings.HasSuffix(s, "e  "), strings.Count(s, "l"), strings.Count("five", ""), strings.Compare("a", "b"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Gö", "gÖ"))
	show(strings.Split("a,b,,c", ","))
	show(strings.SplitN("a,b,,c", ",", 2))
	show(strings.SplitAfter("a,b,,c", ","))
	show(strings.Split("héllo", ""))
	show(strings.Fields(s))
	show(strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Repeat("ab", 3), strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"), strings.Replace("abc", "", "-", -1))
	println("["+strings.TrimSpace(s)+"]", "["+strings.Trim("xxhixx", "x")+"]", strings.TrimLeft("aabbcc", "ab"), strings.TrimRight("aabbcc", "bc"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.ToUpper(s), strings.ToLower(s), strings.Title("hello wide world"), strings.ToTitle("ǆ"))
	println(strings.Map(func(r rune) rune {
		if r == 'l' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "hello"), strings.ToValidUTF8("a\xff\xfeb", "?"))
	before, after, found := strings.Cut("key=value", "=")
	println(before, after, found)
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	println(rep.Replace("<a href=\"x&y\">"))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString("ab")
		b.WriteByte('-')
		b.WriteRune('é')
	}
	b.Write([]byte("!"))
	println(b.String(), b.Len())
	b.Reset()
	b.Grow(10)
	println(b.Len(), b.Cap() >= 10)
	r := strings.NewReader("héllo")
	buf := make([]byte, 2)
	n, err := r.Read(buf)
	println(n, err == nil, buf[0], buf[1], r.Len())
	c, sz, _ := r.ReadRune()
	println(c, sz, r.UnreadRune() == nil, r.Len())
	bt, _ := r.ReadByte()
	println(bt, r.Size())
	rest := make([]byte, 10)
	n, _ = r.Read(rest)
	_, err = r.Read(rest)
	println(n, string(rest[:n]), err.Error())
	defer func() {
		println("recovered:", recover().(string))
		var b1 strings.Builder
		b1.WriteString("x")
		b2 := b1
		defer func() { println("recovered:", recover().(string)) }()
		b2.WriteString("y")
	}()
	strings.Repeat("x", -1)
}
