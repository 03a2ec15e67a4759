package main

import "bytes"

func main() {
	var b bytes.Buffer
	b.WriteString("hello")
	b.WriteByte(',')
	b.WriteRune('世')
	b.Write([]byte(" world\nline two\n"))
	println(b.String(), b.Len(), b.Cap())
	line, err := b.ReadString('\n')
	println(line, err == nil, b.Len())
	c, _ := b.ReadByte()
	r, sz, _ := b.ReadRune()
	println(c, r, sz, b.UnreadRune() == nil, b.UnreadRune() != nil)
	p := make([]byte, 4)
	n, _ := b.Read(p)
	println(n, string(p[:n]), string(b.Bytes()))
	rest, err := b.ReadString('x')
	println(rest, err.Error())
	_, err = b.ReadByte()
	println(err.Error())
	for i := 0; i < 20; i++ {
		b.WriteString("0123456789")
	}
	println(b.Len(), b.Cap())
	b.Truncate(5)
	println(b.String())
	b.Reset()
	b.Grow(100)
	println(b.Len(), b.Cap())
	nb := bytes.NewBufferString("abc")
	println(nb.String())
	var np *bytes.Buffer
	println(np.String())

	s := []byte("  a,b,,c  ")
	parts := bytes.Split(bytes.TrimSpace(s), []byte(","))
	print(len(parts))
	for _, q := range parts {
		print(" [", string(q), "] ", cap(q))
	}
	println()
	println(string(bytes.Join(bytes.Fields([]byte(" x  y z ")), []byte("-"))), bytes.Equal([]byte("a"), []byte("a")), bytes.Equal(nil, []byte{}), bytes.Compare([]byte("a"), []byte("b")))
	println(bytes.Contains(s, []byte("b,")), bytes.Index(s, []byte(",,")), bytes.HasPrefix(s, []byte("  a")), string(bytes.ToUpper([]byte("héllo"))), string(bytes.Repeat([]byte("ab"), 3)))
	println(string(bytes.ReplaceAll([]byte("a-b-c"), []byte("-"), []byte("+"))), string(bytes.Title([]byte("go is fun"))), bytes.TrimSpace([]byte("   ")) == nil, len(bytes.Runes([]byte("日本"))))
}
