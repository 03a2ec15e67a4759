package main

import (
	"io"
	"os"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	q := make([]byte, len(p))
	for i, c := range p {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		q[i] = c
	}
	return u.w.Write(q)
}

func main() {
	n, err := os.Stdout.Write([]byte("héllo, stdout\n"))
	println(n, err == nil)
	os.Stderr.WriteString("to stderr\n")
	io.WriteString(os.Stdout, "via io.WriteString\n")
	io.WriteString(upper{os.Stdout}, "through a writer without WriteString\n")
	var w io.Writer = os.Stderr
	w.Write([]byte("stderr through io.Writer\n"))
	_, err = os.Stdin.Write([]byte("x"))
	println(err.Error())
	println(os.Stdout.Name(), os.Stderr.Fd())
	var f *os.File
	_, err = f.Write(nil)
	println(err == os.ErrInvalid, err.Error())
	println(io.EOF.Error(), io.ErrShortWrite.Error(), io.ErrUnexpectedEOF.Error())
	n, err = io.WriteString(io.Discard, "abc")
	println(n, err == nil)
}
