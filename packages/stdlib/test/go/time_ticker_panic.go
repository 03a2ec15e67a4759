package main

import "time"

func main() {
	defer func() {
		println("recovered:", recover() != nil)
		var t time.Timer
		t.Stop()
	}()
	time.NewTicker(0)
}
