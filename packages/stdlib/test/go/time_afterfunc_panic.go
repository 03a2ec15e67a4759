package main

import "time"

func main() {
	time.AfterFunc(time.Millisecond, func() {
		panic("boom in AfterFunc")
	})
	time.Sleep(time.Second)
	println("not reached")
}
