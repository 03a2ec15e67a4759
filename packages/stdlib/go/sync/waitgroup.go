package sync

// A WaitGroup waits for a collection of goroutines to finish. state: the counter in the high 32 bits, the
// number of waiters in the low 32; waiters park on sema.
type WaitGroup struct {
	state uint64
	sema  uint32
}

// Add adds delta (possibly negative) to the counter; at zero every waiter is released.
func (wg *WaitGroup) Add(delta int) {
	state := addUint64(&wg.state, uint64(delta)<<32)
	count := int32(state >> 32)
	waiters := uint32(state)
	if count < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if waiters != 0 && delta > 0 && count == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if count > 0 || waiters == 0 {
		return
	}
	storeUint64(&wg.state, 0)
	for ; waiters != 0; waiters-- {
		runtime_Semrelease(&wg.sema, false, 0)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := loadUint64(&wg.state)
		if int32(state>>32) == 0 {
			return
		}
		if casUint64(&wg.state, state, state+1) {
			runtime_Semacquire(&wg.sema)
			if loadUint64(&wg.state) != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}
