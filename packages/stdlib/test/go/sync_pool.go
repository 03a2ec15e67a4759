package main

import "sync"

func main() {
	made := 0
	p := sync.Pool{New: func() any { made++; return made }}
	a := p.Get().(int)
	p.Put(a)
	b := p.Get().(int)
	c := p.Get().(int)
	println(a, b == a, c, made)
}
