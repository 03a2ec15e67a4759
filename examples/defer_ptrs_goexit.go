package main

import "runtime"

// One goroutine per depth i = 0..99 (each starts on a fresh, small stack):
// it defers a closure that sends y, then defers storeBig(&y, 42, page{}) whose
// argument block is over 4 KiB, uses about i KiB of stack and calls
// runtime.Goexit. Goexit runs storeBig first; starting a call with a 4 KiB
// argument block may have to grow the stack just before the arguments are
// copied out of the defer record. &y in that record must follow the move.

type page [4096]byte

// descend uses about n KiB of stack, then calls f.
func descend(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var pad [1024]byte
	descend(n-1+int(pad[511]), f)
}

func storeBig(dst *int, v int, blob page) {
	*dst = v + int(blob[4095])
}

func trial(results chan int, depth int) {
	var y int
	defer func() {
		results <- y
	}()
	defer storeBig(&y, 42, page{})
	descend(depth, runtime.Goexit)
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
