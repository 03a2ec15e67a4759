package main

import "sync"

type key struct {
	a int
	b string
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
			m.LoadOrStore("shared", i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load(3)
	println(v.(int), ok)
	_, ok = m.Load(42)
	println(ok)
	_, loaded := m.LoadOrStore("shared", -1)
	println("shared loaded:", loaded)
	m.Store(key{1, "x"}, "struct key")
	s, _ := m.Load(key{1, "x"})
	println(s.(string))
	m.Delete(key{1, "x"})
	v, loaded = m.LoadAndDelete(9)
	println(v.(int), loaded)
	sum, n := 0, 0
	m.Range(func(k, v any) bool {
		if i, ok := k.(int); ok {
			sum += i + v.(int)
		}
		n++
		return true
	})
	println("entries", n, "sum", sum)
	stops := 0
	m.Range(func(k, v any) bool { stops++; return stops < 3 })
	println("stopped after", stops)
}
