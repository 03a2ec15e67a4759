package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	wg.Done()
	wg.Done()
	println("zero")
	defer println("deferred runs")
	wg.Done()
}
