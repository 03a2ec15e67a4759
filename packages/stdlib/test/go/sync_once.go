package main

import "sync"

var once sync.Once
var calls int

func setup(n int) func() {
	return func() { calls++ }
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(setup(i))
		}(i)
	}
	wg.Wait()
	once.Do(setup(99))
	println("calls", calls)
	var p sync.Once
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		p.Do(func() { panic("in once") })
	}()
	p.Do(func() { println("not called again") })
	println("end")
}
