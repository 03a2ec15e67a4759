package main

import "time"

func main() {
	go func() {
		time.Sleep(time.Hour)
	}()
	time.Sleep(time.Millisecond)
	panic("main panics while a goroutine sleeps")
}
