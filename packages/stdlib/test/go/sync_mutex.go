package main

import (
	"os"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				c.inc("all")
				if j%(i+1) == 0 {
					c.inc("some")
				}
			}
		}(i)
	}
	wg.Wait()
	println("all", c.n["all"], "some", c.n["some"])
	var m sync.Mutex
	println("trylock", m.TryLock(), m.TryLock())
	m.Unlock()
	println("trylock after unlock", m.TryLock())
	os.Stdout.WriteString("done\n")
}
