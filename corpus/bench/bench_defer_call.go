package main

// (b') Defer of a plain function call with two arguments in a called function, N times: one _defer record per
// call (a heap record from the pool under the 2014 runtime, a frame record under Go 1.13's stack defers).

const N = 1000000

var acc int

func add(a, b int) {
	acc += a ^ b
}

func work(i int) int {
	x := i & 15
	defer add(x, i&3)
	return x
}

func main() {
	s := 0
	for i := 0; i < N; i++ {
		s += work(i)
	}
	println("checksum:", s+acc)
}
