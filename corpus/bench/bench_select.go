package main

// (g) select: a producer goroutine sends on one of two channels (alternating) and a consumer selects over
// both, in a loop; each receive is counted and summed, then the producer is told to stop.

const N = 200000

func producer(a, b chan int, quit chan bool) {
	for i := 0; i < N; i++ {
		if i%2 == 0 {
			a <- i
		} else {
			b <- i
		}
	}
	quit <- true
}

func main() {
	a := make(chan int)
	b := make(chan int, 4)
	quit := make(chan bool)
	go producer(a, b, quit)
	na, nb, sum := 0, 0, 0
	for {
		select {
		case v := <-a:
			na++
			sum += v
		case v := <-b:
			nb++
			sum += v
		case <-quit:
			for len(b) > 0 {
				sum += <-b
				nb++
			}
			println("count:", na+nb, "a:", na, "b:", nb)
			println("checksum:", sum)
			return
		}
	}
}
