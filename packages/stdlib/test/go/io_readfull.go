package main

import "io"

type chunks struct {
	data []byte
	max  int
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := c.max
	if n > len(p) {
		n = len(p)
	}
	if n > len(c.data) {
		n = len(c.data)
	}
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

type sink struct{ got []byte }

func (s *sink) Write(p []byte) (int, error) {
	s.got = append(s.got, p...)
	return len(p), nil
}

func main() {
	buf := make([]byte, 5)
	n, err := io.ReadFull(&chunks{[]byte("abcdefgh"), 2}, buf)
	println(n, err == nil, string(buf))
	n, err = io.ReadFull(&chunks{[]byte("abc"), 2}, buf)
	println(n, err == io.ErrUnexpectedEOF)
	n, err = io.ReadFull(&chunks{nil, 2}, buf)
	println(n, err == io.EOF)
	n, err = io.ReadAtLeast(&chunks{[]byte("abc"), 1}, buf[:2], 3)
	println(n, err == io.ErrShortBuffer)
	all, err := io.ReadAll(&chunks{[]byte("the whole input"), 4})
	println(string(all), err == nil)
	s := &sink{}
	w, err := io.Copy(s, &chunks{[]byte("copied bytes"), 5})
	println(w, err == nil, string(s.got))
}
