package main

import (
	"bytes"
	"io"
	"sort"
)

func main() {
	r := bytes.NewReader([]byte("héllo"))
	c, sz, _ := r.ReadRune()
	println(c, sz, r.Len(), r.Size())
	c, sz, _ = r.ReadRune()
	println(c, sz, r.UnreadRune() == nil, r.Len())
	p := make([]byte, 10)
	n, err := r.Read(p)
	println(n, err == nil, p[0], p[n-1])
	_, err = r.Read(p)
	println(err == io.EOF, err.Error())
	pos, _ := r.Seek(1, 0)
	b, _ := r.ReadByte()
	println(pos, b)
	_, err = r.Seek(-10, 1)
	println(err.Error())
	println(string(bytes.ToValidUTF8([]byte("a\xff\xfeb"), []byte("?"))))
	a := []int{1, 3, 3, 5, 9}
	for _, x := range []int{0, 3, 4, 9, 10} {
		i, found := sort.Find(len(a), func(i int) int { return x - a[i] })
		println(x, i, found)
	}
}
