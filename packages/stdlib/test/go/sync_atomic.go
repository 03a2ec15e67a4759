package main

import (
	"sync"
	"sync/atomic"
)

func main() {
	var n int32
	var m int64
	var u uint32
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				atomic.AddInt32(&n, 1)
				atomic.AddInt64(&m, -2)
			}
		}()
	}
	wg.Wait()
	println(atomic.LoadInt32(&n), atomic.LoadInt64(&m))
	println(atomic.CompareAndSwapInt32(&n, 1000, 7), atomic.CompareAndSwapInt32(&n, 1000, 8), n)
	println(atomic.SwapInt64(&m, 5), m)
	atomic.StoreUint32(&u, 1<<31)
	println(atomic.AddUint32(&u, 1<<31), atomic.AddUint32(&u, ^uint32(0)))
	var c atomic.Int64
	c.Add(40)
	c.Add(2)
	var b atomic.Bool
	b.Store(true)
	println(c.Load(), b.Load(), b.CompareAndSwap(true, false), b.Load())
}
