package main

import "time"

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		println("sleeper done")
	}()
	c := make(chan int)
	<-c
}
