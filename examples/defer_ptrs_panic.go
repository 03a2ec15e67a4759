package main

import "runtime"

// Like defer_ptrs_goexit.go, but each trial ends in panic(1) and the first
// deferred closure recovers it before sending y. (Go's own test of this name
// started the Goexit helper by mistake; here the panicking trial runs
// directly.) The panic runs storeBig, whose 4 KiB argument block may make the
// stack grow right before the arguments are copied out of the defer record.

type page [4096]byte

// descend uses about n KiB of stack, then calls f.
func descend(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var pad [1024]byte
	descend(n-1+int(pad[700]), f)
}

func storeBig(dst *int, v int, blob page) {
	*dst = v + int(blob[0])
}

func trial(results chan int, depth int) {
	var y int
	defer func() {
		r := recover()
		if r == nil {
			results <- -1
			return
		}
		results <- y
	}()
	defer storeBig(&y, 42, page{})
	descend(depth, func() {
		panic(1)
	})
}

func main() {
	sum := 0
	bad := 0
	for i := 0; i < 100; i++ {
		results := make(chan int, 1)
		go trial(results, i)
		got := <-results
		if got != 42 {
			println("depth", i, "got", got)
			bad++
		}
		sum += got
		if i%30 == 0 {
			runtime.GC()
		}
	}
	println("sum =", sum, "bad =", bad)
}
