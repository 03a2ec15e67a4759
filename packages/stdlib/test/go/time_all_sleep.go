package main

import "time"

func main() {
	done := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(i int) {
			time.Sleep(time.Duration(i) * 20 * time.Millisecond)
			done <- i
		}(i)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		v := <-done
		println("woke", v)
		sum += v
	}
	time.Sleep(time.Millisecond)
	println("sum", sum)
}
