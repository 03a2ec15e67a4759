package main

import (
	"sync"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	<-t.C
	println("timer fired; Stop after firing:", t.Stop())

	t2 := time.NewTimer(time.Hour)
	println("Stop pending:", t2.Stop(), "again:", t2.Stop())
	println("Reset stopped:", t2.Reset(10*time.Millisecond))
	<-t2.C
	println("reset timer fired")

	select {
	case <-time.After(30 * time.Millisecond):
		println("timeout")
	case <-make(chan int):
		println("impossible")
	}

	ch := make(chan int)
	go func() {
		time.Sleep(5 * time.Millisecond)
		ch <- 1
	}()
	select {
	case v := <-ch:
		println("got", v, "before the timeout")
	case <-time.After(time.Second):
		println("timeout")
	}

	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	println("ticks", n)

	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(15*time.Millisecond, func() {
		println("afterfunc ran")
		wg.Done()
	})
	stopped := time.AfterFunc(time.Millisecond, func() { println("never") })
	println("AfterFunc stopped:", stopped.Stop())
	wg.Wait()

	c := time.Tick(time.Millisecond)
	<-c
	<-c
	println("tick twice; Tick(0) is nil:", time.Tick(0) == nil)
}
