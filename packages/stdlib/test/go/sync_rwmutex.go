package main

import "sync"

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	shared := 0
	readersIn := make(chan bool)
	release := make(chan bool)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			readersIn <- true
			<-release
			rw.RUnlock()
		}()
	}
	for i := 0; i < 3; i++ {
		<-readersIn
	}
	println("three readers hold the lock; TryLock:", rw.TryLock(), "TryRLock:", rw.TryRLock())
	rw.RUnlock()
	wrote := make(chan bool)
	go func() {
		rw.Lock()
		shared = 42
		rw.Unlock()
		wrote <- true
	}()
	for i := 0; i < 3; i++ {
		release <- true
	}
	<-wrote
	wg.Wait()
	rw.RLock()
	println("shared", shared)
	rw.RUnlock()
	l := rw.RLocker()
	l.Lock()
	println("rlocker TryLock:", rw.TryLock())
	l.Unlock()
	println("TryLock:", rw.TryLock())
	rw.Unlock()
}
